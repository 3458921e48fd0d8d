package postern.security;

import postern.OnPostgres;

/**
 * {@link AdminRemovalTests} on PostgreSQL.
 */
@OnPostgres
class AdminRemovalPostgresTests extends AdminRemovalTests {

}
