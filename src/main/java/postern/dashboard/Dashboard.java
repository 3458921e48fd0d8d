package postern.dashboard;

import java.util.List;

import postern.PosternProperties;
import postern.host.ManagedPathsCheck;
import postern.system.SystemdUnits;

import org.springframework.stereotype.Service;

/**
 * What the dashboard shows about the managed server.
 */
@Service
public class Dashboard {

	private final ManagedPathsCheck pathsCheck;

	private final SystemdUnits systemd;

	private final PosternProperties.Units units;

	Dashboard(ManagedPathsCheck pathsCheck, SystemdUnits systemd, PosternProperties properties) {
		this.pathsCheck = pathsCheck;
		this.systemd = systemd;
		this.units = properties.units();
	}

	/**
	 * Every managed file and folder, as found by the last check.
	 * @return one entry per managed thing
	 */
	public List<ManagedThing> things() {
		return this.pathsCheck.results().stream().map(ManagedThing::from).toList();
	}

	/**
	 * The managed units, asking systemd now.
	 * @return Caddy's and maddy's units
	 */
	public List<ManagedUnit> units() {
		return List.of(
				new ManagedUnit("dashboard.unit.caddy", "postern.units.caddy", this.systemd.status(this.units.caddy())),
				new ManagedUnit("dashboard.unit.maddy", "postern.units.maddy",
						this.systemd.status(this.units.maddy())));
	}

}
