package postern.api;

import postern.OnPostgres;

/**
 * {@link ApiTokensTests} on PostgreSQL.
 */
@OnPostgres
class ApiTokensPostgresTests extends ApiTokensTests {

}
