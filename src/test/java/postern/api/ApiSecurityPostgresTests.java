package postern.api;

import postern.OnPostgres;

/**
 * {@link ApiSecurityTests} on PostgreSQL.
 */
@OnPostgres
class ApiSecurityPostgresTests extends ApiSecurityTests {

}
