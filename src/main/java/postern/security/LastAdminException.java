package postern.security;

/**
 * Thrown when removing the only admin, which would lock everybody out of the panel.
 */
public class LastAdminException extends RuntimeException {

	LastAdminException() {
		super("The last admin cannot be removed");
	}

}
