package postern.system;

import java.util.Map;

/**
 * What a feature knows about a unit that systemd does not say, shown on the unit's card
 * (for Caddy: the admin endpoint its reloads go to).
 */
public interface UnitFacts {

	/**
	 * Facts about a unit on the current host.
	 * @param unit the unit
	 * @return each fact's message key and value, in order; empty when there are none
	 */
	Map<String, String> facts(ServiceUnit unit);

}
