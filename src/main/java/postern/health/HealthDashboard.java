package postern.health;

import postern.dashboard.DashboardCard;
import postern.dashboard.DashboardCount;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health checks on the dashboard: the latest results as a small grid on their own
 * card, and how many checks are not OK among the counts, linked to the health page.
 */
@Configuration(proxyBeanMethods = false)
class HealthDashboard {

	/**
	 * The subjects the card shows at most: the mail domains and the MX host come first.
	 */
	static final int CARD_ROWS = 20;

	@Bean
	DashboardCard healthCard(HealthResults results, HealthPlanner planner) {
		return new DashboardCard() {

			@Override
			public String template() {
				return "health/grid";
			}

			@Override
			public String fragment() {
				return "card";
			}

			@Override
			public Object content() {
				HealthGrid grid = results.grid().sortedBy(planner::subjectOrder);
				return new HealthCard(grid.first(CARD_ROWS), results.latestSummary().orElse(null),
						grid.rows().size() - Math.min(CARD_ROWS, grid.rows().size()));
			}

		};
	}

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

	/**
	 * What the dashboard's health card shows.
	 *
	 * @param grid the latest results at a glance
	 * @param summary their counts and the last run, or {@code null} when the checks never
	 * ran
	 * @param more the subjects left out of the card, shown on the health page
	 */
	public record HealthCard(HealthGrid grid, HealthSummary summary, int more) {
	}

}
