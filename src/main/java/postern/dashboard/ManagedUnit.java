package postern.dashboard;

import postern.system.UnitStatus;

/**
 * A managed systemd unit as the dashboard shows it.
 *
 * @param labelKey the message key of what it is
 * @param setting the setting that names it
 * @param status what systemd says about it
 */
public record ManagedUnit(String labelKey, String setting, UnitStatus status) {
}
