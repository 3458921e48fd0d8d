package postern.infrastructure;

import java.sql.Types;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.BlobJdbcType;
import org.hibernate.type.descriptor.jdbc.ClobJdbcType;
import org.hibernate.type.descriptor.sql.internal.DdlTypeImpl;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * The {@code clob} and {@code blob} columns of the migrations, on PostgreSQL. There they
 * are domains over {@code text} and {@code bytea} (made by
 * {@code db/vendor/postgresql/beforeMigrate__portable_column_types.sql}), while
 * Hibernate's PostgreSQL dialect takes a {@code @Lob} for a large object ({@code oid}),
 * read through the large-object API. So on PostgreSQL a {@code @Lob} is read and written
 * as the plain string or bytes it is, and its column type is the domain's name, which
 * schema validation then finds. H2 keeps Hibernate's own mapping. Registered through
 * {@code META-INF/services}, so every use of the entities gets it, tests included.
 */
public class PortableLobTypes implements TypeContributor {

	@Override
	public void contribute(TypeContributions contributions, ServiceRegistry services) {
		Dialect dialect = services.requireService(JdbcServices.class).getDialect();
		if (dialect instanceof PostgreSQLDialect) {
			TypeConfiguration types = contributions.getTypeConfiguration();
			types.getJdbcTypeRegistry().addDescriptor(Types.CLOB, ClobJdbcType.MATERIALIZED);
			types.getJdbcTypeRegistry().addDescriptor(Types.BLOB, BlobJdbcType.MATERIALIZED);
			types.getDdlTypeRegistry().addDescriptor(new DdlTypeImpl(Types.CLOB, "clob", dialect));
			types.getDdlTypeRegistry().addDescriptor(new DdlTypeImpl(Types.BLOB, "blob", dialect));
		}
	}

}
