package postern.api;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API token. Its name, which the audit log records as the
 * actor, is the token's admin and the token's name; the secret is not kept in it.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final String actor;

	ApiTokenAuthentication(ApiToken token) {
		super(token.getScope().authorities());
		this.actor = ApiTokens.actor(token);
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.actor;
	}

	@Override
	public String getName() {
		return this.actor;
	}

}
