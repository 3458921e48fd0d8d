package postern.system.web;

import java.util.Map;

import postern.system.Reading;
import postern.system.ServiceUnit;
import postern.system.UnitAction;
import postern.system.UnitStatus;

/**
 * A unit's card on the services page.
 *
 * @param unit the server
 * @param reading its status, with the command that read it
 * @param last its last reload or restart, or {@code null}
 * @param facts what other features know of it: message key and value
 */
public record UnitCard(ServiceUnit unit, Reading<UnitStatus> reading, UnitAction last, Map<String, String> facts) {

	public UnitCard {
		facts = Map.copyOf(facts);
	}

	/**
	 * Whether the Restart button asks first: restarting maddy drops open IMAP sessions.
	 * @return {@code true} for maddy
	 */
	public boolean confirmRestart() {
		return this.unit == ServiceUnit.MADDY;
	}

}
