package postern.audit;

import postern.OnPostgres;

/**
 * {@link CommandLogTests} on PostgreSQL.
 */
@OnPostgres
class CommandLogPostgresTests extends CommandLogTests {

}
