package postern.audit;

import postern.OnPostgres;

/**
 * {@link CommandLogTests} on PostgreSQL: the command log's table, its batches, search and
 * pruning.
 */
@OnPostgres
class CommandLogPostgresTests extends CommandLogTests {

}
