/**
 * The services pages: units with their Reload and Restart buttons, journals, fail2ban and
 * the firewall.
 */
package postern.system.web;
