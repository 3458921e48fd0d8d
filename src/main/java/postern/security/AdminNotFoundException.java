package postern.security;

import postern.infrastructure.NotFoundException;

/**
 * Thrown when an admin named in a request does not exist.
 */
public class AdminNotFoundException extends NotFoundException {

	public AdminNotFoundException(String username) {
		super("No admin named " + username);
	}

}
