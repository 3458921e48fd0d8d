package postern.security;

/**
 * Thrown when an admin named in a request does not exist.
 */
public class AdminNotFoundException extends RuntimeException {

	AdminNotFoundException(String username) {
		super("No admin named " + username);
	}

}
