package postern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestPostgresTests {

	/** Nothing listens on port 1 of loopback. */
	private static final TestPostgres NOWHERE = new TestPostgres("jdbc:postgresql://127.0.0.1:1/postern_test",
			"postern_test", "postern_test");

	@Test
	void withoutSettingsTheServerIsTheOneCiStarts() {
		assertThat(TestPostgres.from(Map.of())).isEqualTo(
				new TestPostgres("jdbc:postgresql://127.0.0.1:5432/postern_test", "postern_test", "postern_test"));
	}

	@Test
	void settingsNameAnotherServer() {
		TestPostgres server = TestPostgres.from(Map.of("POSTERN_TEST_POSTGRES_URL", "jdbc:postgresql://[::1]:5433/t",
				"POSTERN_TEST_POSTGRES_USER", "u", "POSTERN_TEST_POSTGRES_PASSWORD", "p"));
		assertThat(server).isEqualTo(new TestPostgres("jdbc:postgresql://[::1]:5433/t", "u", "p"));
		assertThat(server.urlOf("s1")).isEqualTo("jdbc:postgresql://[::1]:5433/t?currentSchema=s1");
		assertThat(new TestPostgres("jdbc:postgresql://h/t?ssl=false", "u", "p").urlOf("s1"))
			.isEqualTo("jdbc:postgresql://h/t?ssl=false&currentSchema=s1");
	}

	@Test
	void unreachableUnderCiFails() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> NOWHERE.unreachable(true))
			.withMessageContaining("127.0.0.1:1")
			.withMessageContaining("CI=true");
	}

	@Test
	void unreachableOnDeveloperMachineSkips() {
		assertThat(NOWHERE.unreachable(false))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("127.0.0.1:1").contains("skipping"));
	}

}
