package postern.health.web;

import postern.infrastructure.NotFoundException;

/**
 * A URL names a health run that is not kept, or a subject the checks do not cover.
 */
class HealthNotFoundException extends NotFoundException {

	HealthNotFoundException(String what) {
		super("No health run or subject " + what);
	}

}
