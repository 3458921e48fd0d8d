package postern;

/**
 * {@link PosternApplicationTests} on PostgreSQL: the whole application starts on a fresh
 * schema, so a migration that does not run there, or an entity that does not match what
 * it made, fails here.
 */
@OnPostgres
class PosternApplicationPostgresTests extends PosternApplicationTests {

}
