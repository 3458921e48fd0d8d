package postern.change;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The current host keeps no backup with the id asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class BackupNotFoundException extends RuntimeException {

	public BackupNotFoundException(String id) {
		super("No backup " + id);
	}

}
