package postern.hosts;

import postern.infrastructure.NotFoundException;

/**
 * No remote host has that id.
 */
public class RemoteHostNotFoundException extends NotFoundException {

	public RemoteHostNotFoundException(String id) {
		super("No host " + id);
	}

}
