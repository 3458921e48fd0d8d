/**
 * The health pages: the latest results, running the checks with their progress, one
 * domain, and muting a check.
 */
package postern.health.web;
