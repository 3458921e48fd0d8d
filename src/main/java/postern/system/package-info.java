/**
 * The systemd side of the server: the managed units' state, reload and restart, their
 * journal, fail2ban and the firewall.
 */
package postern.system;
