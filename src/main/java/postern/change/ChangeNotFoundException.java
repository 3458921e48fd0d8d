package postern.change;

import postern.infrastructure.NotFoundException;

/**
 * There is no stored change with the id asked for.
 */
public class ChangeNotFoundException extends NotFoundException {

	private final long id;

	public ChangeNotFoundException(long id) {
		super("No change " + id);
		this.id = id;
	}

	public long getId() {
		return this.id;
	}

}
