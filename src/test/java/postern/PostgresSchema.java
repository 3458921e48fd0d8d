package postern;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The schema an {@link OnPostgres} test class runs in: created when its application
 * context starts, given to it through the standard {@code spring.datasource.*} settings
 * (as an administrator would), dropped when the context closes. The test class is part of
 * the context's identity, so two classes never share a schema.
 *
 * @param testClass the class the schema is for
 */
record PostgresSchema(Class<?> testClass) implements ContextCustomizer {

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
		TestPostgres server = TestPostgres.fromEnvironment();
		String schema = server.createSchema();
		Map<String, Object> settings = Map.of("spring.datasource.url", server.urlOf(schema),
				"spring.datasource.username", server.user(), "spring.datasource.password", server.password());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-schema", settings));
		context.addApplicationListener((ContextRefreshedEvent event) -> requireSchema(event, schema));
		context.addApplicationListener((ContextClosedEvent event) -> server.dropSchema(schema));
	}

	/**
	 * Make sure the context really uses the schema: a test that silently fell back to an
	 * embedded database would pass without telling anything about PostgreSQL.
	 */
	private static void requireSchema(ContextRefreshedEvent event, String schema) {
		try (Connection connection = event.getApplicationContext().getBean(DataSource.class).getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			if (!"PostgreSQL".equals(product) || !schema.equals(connection.getSchema())) {
				throw new IllegalStateException("Expected PostgreSQL schema " + schema + " but the test runs on "
						+ product + " schema " + connection.getSchema());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Gives a schema to the classes annotated {@link OnPostgres}.
	 */
	static class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			boolean onPostgres = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
				.isPresent(OnPostgres.class);
			return onPostgres ? new PostgresSchema(testClass) : null;
		}

	}

	/**
	 * Skips the class before its context starts when the server is not there, with the
	 * reason in the test report, or fails it under {@code CI=true}.
	 */
	static class RequireServer implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return TestPostgres.fromEnvironment()
				.unreachable()
				.map(ConditionEvaluationResult::disabled)
				.orElseGet(() -> ConditionEvaluationResult.enabled("PostgreSQL answers"));
		}

	}

}
