package postern.host;

import java.time.Clock;

import postern.PosternProperties;

/**
 * The {@link Host} contract on the local machine.
 */
class LocalHostContractTests extends HostContractTests {

	@Override
	protected Host host(int keep, Clock clock) {
		return new LocalHost("test", new PosternProperties.Backups(this.backups, keep), this.events::add, clock);
	}

}
