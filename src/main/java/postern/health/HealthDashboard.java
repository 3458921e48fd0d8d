package postern.health;

import postern.dashboard.DashboardCount;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health checks on the dashboard: how many checks of the latest results are not OK,
 * linked to the health page.
 */
@Configuration(proxyBeanMethods = false)
class HealthDashboard {

	@Bean
	DashboardCount healthProblemsCount(HealthResults results) {
		return new DashboardCount() {

			@Override
			public int order() {
				return 70;
			}

			@Override
			public String labelKey() {
				return results.latestSummary().isPresent() ? "dashboard.count.health" : "dashboard.count.health.never";
			}

			@Override
			public String link() {
				return "/health";
			}

			@Override
			public long count() {
				return results.latestSummary()
					.map((summary) -> (long) summary.warnings() + summary.errors())
					.orElse(0L);
			}

		};
	}

}
