package postern.health;

import postern.OnPostgres;

/**
 * {@link MtaStsHistoryTests} on PostgreSQL.
 */
@OnPostgres
class MtaStsHistoryPostgresTests extends MtaStsHistoryTests {

}
