package postern.infrastructure;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

import postern.PosternApplication;

/**
 * The repositories of every feature, as Boot would find them, with one change: the text
 * of a {@code @Query} is not parsed by Spring Data's own HQL grammar.
 * <p>
 * That grammar parses each query once more, at start, to derive count queries and sorts:
 * over half a second of the start on this project's two-core machine (docs/benchmarks.md,
 * "Start-up and memory"), and 370 classes kept for the life of the process. Postern's
 * queries are plain (their count queries are {@code select count(…)} of the same
 * {@code from … where}, their sorts written in the query), which the regular-expression
 * rewriter covers; Hibernate still parses and checks every query at start, so a wrong one
 * still stops the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = PosternApplication.class,
		queryEnhancerSelector = PersistenceConfiguration.PlainQueries.class)
public class PersistenceConfiguration {

	/** The rewriter of queries by regular expressions, for JPQL as for SQL. */
	static class PlainQueries implements QueryEnhancerSelector {

		@Override
		public QueryEnhancerFactory select(DeclaredQuery query) {
			return QueryEnhancerFactories.fallback();
		}

	}

}
