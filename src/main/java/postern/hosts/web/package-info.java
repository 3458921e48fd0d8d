/**
 * The hosts pages: the managed servers, adding one and confirming its host key, testing
 * its connection, and the switcher that selects the host every page acts on.
 */
package postern.hosts.web;
