package postern.security.web;

/**
 * What an admin's name may be: lower-case letters, digits, dot, underscore and hyphen,
 * starting with a letter or digit, at most 64 characters. Such a name is safe in a URL, a
 * log line and the audit log as it is.
 */
final class UsernameRules {

	static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

	private UsernameRules() {
	}

	static boolean isValid(String username) {
		return username != null && username.matches(PATTERN);
	}

}
