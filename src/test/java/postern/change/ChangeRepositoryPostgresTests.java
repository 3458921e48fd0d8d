package postern.change;

import postern.OnPostgres;

/**
 * {@link ChangeRepositoryTests} on PostgreSQL.
 */
@OnPostgres
class ChangeRepositoryPostgresTests extends ChangeRepositoryTests {

}
