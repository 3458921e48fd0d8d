package postern.system.web;

import postern.infrastructure.NotFoundException;

/**
 * A URL names a unit Postern does not manage (only {@code caddy} and {@code maddy}).
 */
class UnitNotFoundException extends NotFoundException {

	UnitNotFoundException(String id) {
		super("No managed unit " + id);
	}

}
