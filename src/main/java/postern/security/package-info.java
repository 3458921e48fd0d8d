/**
 * Who may use the panel: admins with BCrypt passwords, the first-run admin, form login,
 * CSRF, security headers, and the audit of every login.
 */
package postern.security;
