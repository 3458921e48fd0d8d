package postern.system.web;

import java.time.Instant;

import postern.system.ServiceUnit;
import postern.system.UnitAction;
import postern.system.UnitActions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reload and restart of the two servers in the JSON API: the Services page's buttons.
 * Caddy's reload follows {@code postern.caddy.reload}, every action is audited.
 */
@RestController
@RequestMapping("/api/v1")
class ServiceApiController {

	private final UnitActions units;

	ServiceApiController(UnitActions units) {
		this.units = units;
	}

	@PostMapping("/services/{unit}/reload")
	ResponseEntity<UnitActionJson> reload(@PathVariable String unit) {
		return done(this.units.reload(unit(unit)));
	}

	@PostMapping("/services/{unit}/restart")
	ResponseEntity<UnitActionJson> restart(@PathVariable String unit) {
		return done(this.units.restart(unit(unit)));
	}

	private static ServiceUnit unit(String id) {
		return ServiceUnit.fromId(id).orElseThrow(() -> new UnitNotFoundException(id));
	}

	private static ResponseEntity<UnitActionJson> done(UnitAction action) {
		UnitActionJson body = new UnitActionJson(action.unit().id(), action.unitName(), action.verb(), action.command(),
				action.ok(), action.exitCode(), action.output(), action.timedOut(), action.at());
		return ResponseEntity.status(action.ok() ? HttpStatus.OK : HttpStatus.BAD_GATEWAY).body(body);
	}

	/**
	 * A reload or restart.
	 *
	 * @param unit {@code caddy} or {@code maddy}
	 * @param unitName its systemd unit
	 * @param verb {@code reload} or {@code restart}
	 * @param command what ran
	 * @param ok whether it worked
	 * @param exitCode its exit code, when one command ran
	 * @param output what it said
	 * @param timedOut whether it was killed at its timeout
	 * @param at when it ended
	 */
	record UnitActionJson(String unit, String unitName, String verb, String command, boolean ok, Integer exitCode,
			String output, boolean timedOut, Instant at) {
	}

}
