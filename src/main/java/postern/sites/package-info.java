/**
 * Web sites: the Caddyfile read and written losslessly, the sites Postern writes, and how
 * a changed Caddyfile is validated and reloaded.
 */
package postern.sites;
