package postern.health;

import java.util.List;

import postern.health.HealthResults.SubjectResults;

/**
 * Grids for the tests of other packages, laid out as the health page lays them out.
 */
public final class HealthGridFixtures {

	private HealthGridFixtures() {
	}

	public static HealthGrid of(List<SubjectResults> subjects) {
		return HealthGrid.of(subjects);
	}

}
