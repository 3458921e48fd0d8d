package postern.health;

import postern.OnPostgres;

/**
 * {@link HealthAlertsTests} on PostgreSQL.
 */
@OnPostgres
class HealthAlertsPostgresTests extends HealthAlertsTests {

}
