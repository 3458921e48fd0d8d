/**
 * The token pages under {@code /account/tokens} and the read-only and reload endpoints of
 * the API ({@code /api/v1}).
 */
package postern.api.web;
