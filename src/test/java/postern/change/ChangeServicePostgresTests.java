package postern.change;

import postern.OnPostgres;

/**
 * {@link ChangeServiceTests} on PostgreSQL.
 */
@OnPostgres
class ChangeServicePostgresTests extends ChangeServiceTests {

}
