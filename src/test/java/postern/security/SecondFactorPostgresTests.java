package postern.security;

import postern.OnPostgres;

/**
 * {@link SecondFactorTests} on PostgreSQL.
 */
@OnPostgres
class SecondFactorPostgresTests extends SecondFactorTests {

}
