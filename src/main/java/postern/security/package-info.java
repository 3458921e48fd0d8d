/**
 * Who may use the panel: admins with BCrypt passwords, the first-run admin, form login
 * with lockout per account and a delay per client address, the TOTP second factor with
 * recovery codes, sessions, CSRF, security headers, the proxies whose forwarded headers
 * are believed, and the audit of every login.
 */
package postern.security;
