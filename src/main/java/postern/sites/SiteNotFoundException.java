package postern.sites;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No block of the Caddyfile has the requested id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SiteNotFoundException extends RuntimeException {

	public SiteNotFoundException(String id) {
		super("No site " + id + " in the Caddyfile");
	}

}
