package postern.hosts;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No remote host has that id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RemoteHostNotFoundException extends RuntimeException {

	public RemoteHostNotFoundException(String id) {
		super("No host " + id);
	}

}
