package postern.system.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A URL names a unit Postern does not manage (only {@code caddy} and {@code maddy}).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnitNotFoundException extends RuntimeException {

	UnitNotFoundException(String id) {
		super("No managed unit " + id);
	}

}
