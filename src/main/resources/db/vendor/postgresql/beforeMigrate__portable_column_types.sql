-- The migrations in db/migration run unchanged on H2 and PostgreSQL. They declare long
-- text as clob and bytes as blob, the SQL standard's names that H2 knows; PostgreSQL has
-- text and bytea instead, so before each migrate clob and blob are made domains over them
-- in the schema Flyway migrates (once: Flyway runs this before every migrate). A domain
-- behaves as its base type in queries and in the JDBC driver.
do $$
begin
    if to_regtype('clob') is null then
        create domain clob as text;
    end if;
    if to_regtype('blob') is null then
        create domain blob as bytea;
    end if;
end
$$;
