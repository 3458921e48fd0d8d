package postern.dashboard;

import postern.system.Reading;
import postern.system.ServiceUnit;
import postern.system.UnitStatus;

/**
 * A managed systemd unit as the dashboard shows it.
 *
 * @param unit the server
 * @param reading what systemd says about it, with the command that asked
 */
public record ManagedUnit(ServiceUnit unit, Reading<UnitStatus> reading) {

	/**
	 * The name used in URLs.
	 * @return {@code caddy} or {@code maddy}
	 */
	public String id() {
		return this.unit.id();
	}

	/**
	 * The message key of what it is.
	 * @return e.g. {@code dashboard.unit.caddy}
	 */
	public String labelKey() {
		return "dashboard.unit." + this.unit.id();
	}

	/**
	 * The setting that names it.
	 * @return e.g. {@code postern.units.caddy}
	 */
	public String setting() {
		return this.unit.setting();
	}

	/**
	 * What systemd says about it.
	 * @return the status; unknown when systemd could not be asked
	 */
	public UnitStatus status() {
		return this.reading.value();
	}

}
