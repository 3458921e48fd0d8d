package postern.hosts;

import postern.OnPostgres;

/**
 * {@link ManagedHostsTests} on PostgreSQL.
 */
@OnPostgres
class ManagedHostsPostgresTests extends ManagedHostsTests {

}
