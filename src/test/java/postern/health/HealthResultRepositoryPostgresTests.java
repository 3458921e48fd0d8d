package postern.health;

import postern.OnPostgres;

/**
 * {@link HealthResultRepositoryTests} on PostgreSQL.
 */
@OnPostgres
class HealthResultRepositoryPostgresTests extends HealthResultRepositoryTests {

}
