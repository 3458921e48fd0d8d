package postern.security;

import postern.OnPostgres;

/**
 * {@link LoginProtectionTests} on PostgreSQL.
 */
@OnPostgres
class LoginProtectionPostgresTests extends LoginProtectionTests {

}
