/**
 * The JSON API for scripts: revocable API tokens (stored hashed, with a scope), their
 * stateless bearer authentication, the audit of every call and the JSON errors.
 */
package postern.api;
