package postern.change;

import postern.infrastructure.NotFoundException;

/**
 * The current host keeps no backup with the id asked for.
 */
public class BackupNotFoundException extends NotFoundException {

	public BackupNotFoundException(String id) {
		super("No backup " + id);
	}

}
