package postern.change;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * There is no stored change with the id asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ChangeNotFoundException extends RuntimeException {

	private final long id;

	public ChangeNotFoundException(long id) {
		super("No change " + id);
		this.id = id;
	}

	public long getId() {
		return this.id;
	}

}
