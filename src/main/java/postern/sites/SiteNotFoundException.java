package postern.sites;

import postern.infrastructure.NotFoundException;

/**
 * No block of the Caddyfile has the requested id.
 */
public class SiteNotFoundException extends NotFoundException {

	public SiteNotFoundException(String id) {
		super("No site " + id + " in the Caddyfile");
	}

}
