package postern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a test class that uses the database on PostgreSQL ({@link TestPostgres}) instead
 * of H2. Each class gets a fresh schema of its own, where Flyway runs every migration
 * from scratch, so no class sees another's rows. Its application context, never shared,
 * is closed after the class, which drops the schema and gives its connections back: kept
 * in the test context cache, the contexts of a few classes would hold every connection
 * the server allows. A persistence test runs on both databases by a subclass that only
 * carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresSchema.RequireServer.class)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextCustomizerFactories(PostgresSchema.Factory.class)
@DirtiesContext
public @interface OnPostgres {

}
