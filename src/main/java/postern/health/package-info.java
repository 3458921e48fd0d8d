/**
 * DNS and TLS health of the mail domains and sites: every check runs at once (dnsjava
 * asynchronous queries, a small pool for TLS handshakes), each result says what is wrong
 * and the record that fixes it, and results are kept with their history.
 */
package postern.health;
