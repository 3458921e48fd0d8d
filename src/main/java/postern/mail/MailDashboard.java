package postern.mail;

import postern.dashboard.DashboardCount;
import postern.dashboard.MxHostSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the dashboard shows of mail: the number of domains and aliases, and the MX host
 * whose certificate it watches.
 */
@Configuration(proxyBeanMethods = false)
class MailDashboard {

	@Bean
	MxHostSource mailMxHost(MailDomains domains) {
		return domains::mxHost;
	}

	@Bean
	DashboardCount mailDomainsCount(MailDomains domains) {
		return new Count(20, "dashboard.count.domains", "/domains", () -> domains.list().size());
	}

	@Bean
	DashboardCount mailAliasesCount(Aliases aliases) {
		return new Count(40, "dashboard.count.aliases", "/aliases", () -> aliases.list().size());
	}

	record Count(int order, String labelKey, String link,
			java.util.function.LongSupplier counter) implements DashboardCount {

		@Override
		public long count() {
			return this.counter.getAsLong();
		}

	}

}
