package postern;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.fail;

/**
 * The PostgreSQL server the persistence tests also run against: {@code .ci/run} starts
 * Debian's cluster on loopback and creates the role and database named by the defaults
 * below; {@code POSTERN_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} point the
 * tests at another one. Where it cannot be reached, the tests are skipped with a message
 * on a developer machine and fail under {@code CI=true}, as {@link SystemBinaries} does
 * for a missing program.
 *
 * @param url the JDBC URL of the test database
 * @param user a role that may create schemas in it
 * @param password its password
 */
public record TestPostgres(String url, String user, String password) {

	static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postern_test";

	static final String DEFAULT_USER = "postern_test";

	static final String DEFAULT_PASSWORD = "postern_test";

	/**
	 * The server named by the environment, or by the defaults {@code .ci/run} follows.
	 * @return the server
	 */
	public static TestPostgres fromEnvironment() {
		return from(System.getenv());
	}

	static TestPostgres from(Map<String, String> environment) {
		Function<String, String> setting = (suffix) -> environment.get("POSTERN_TEST_POSTGRES_" + suffix);
		return new TestPostgres(orDefault(setting.apply("URL"), DEFAULT_URL),
				orDefault(setting.apply("USER"), DEFAULT_USER), orDefault(setting.apply("PASSWORD"), DEFAULT_PASSWORD));
	}

	private static String orDefault(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/**
	 * Whether the server answers.
	 * @return why the tests on PostgreSQL cannot run here, or empty when they can
	 * @throws AssertionError under {@code CI=true}, when it does not answer
	 */
	public Optional<String> unreachable() {
		return unreachable("true".equalsIgnoreCase(System.getenv("CI")));
	}

	Optional<String> unreachable(boolean ci) {
		try (Connection connection = connect()) {
			if (!connection.isValid(5)) {
				throw new SQLException("the connection does not answer");
			}
			return Optional.empty();
		}
		catch (SQLException ex) {
			String message = "PostgreSQL cannot be reached at " + this.url + " as " + this.user + " (" + ex.getMessage()
					+ ")";
			if (ci) {
				fail(message + "; under CI=true .ci/run must start it");
			}
			return Optional.of(message + "; skipping the PostgreSQL run of this test on this machine");
		}
	}

	/**
	 * Create an empty schema of a name no other run uses.
	 * @return its name
	 */
	public String createSchema() {
		String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
		execute("create schema " + schema);
		return schema;
	}

	/**
	 * Drop a schema made by {@link #createSchema()} with everything in it.
	 * @param schema its name
	 */
	public void dropSchema(String schema) {
		execute("drop schema if exists " + schema + " cascade");
	}

	/**
	 * The JDBC URL of a connection that works in one schema.
	 * @param schema the schema
	 * @return the URL
	 */
	public String urlOf(String schema) {
		return this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	private void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + this.url + " refused: " + sql, ex);
		}
	}

	@Override
	public String toString() {
		return this.url + " as " + this.user;
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

}
