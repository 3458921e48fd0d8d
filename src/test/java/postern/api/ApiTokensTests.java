package postern.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.audit.AuditLog;
import postern.security.Admin;
import postern.security.AdminAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The API token store against the real database (migrations included): only the hash of a
 * secret is kept and finds its token, a use is recorded, a revoked token no longer
 * authenticates, and a token dies with its admin.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate", showSql = false)
@Import(ApiTokens.class)
class ApiTokensTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	ApiTokenRepository repository;

	@Autowired
	JdbcTemplate jdbc;

	@MockitoBean
	AdminAccounts admins;

	@MockitoBean
	AuditLog auditLog;

	@BeforeEach
	void anAdmin() {
		this.jdbc.update("insert into admin (username, password_hash, created_at) values (?, ?, ?)", "alice", "hash",
				Timestamp.from(Instant.EPOCH));
		given(this.admins.find(anyString())).willAnswer((call) -> Optional.of(mock(Admin.class)));
	}

	@Test
	void aSecretFindsItsTokenOnlyUntilItIsRevoked() {
		ApiTokens.CreatedToken created = this.tokens.create("alice", "backup script", ApiScope.WRITE);
		assertThat(this.repository.findAll()).singleElement()
			.satisfies((token) -> assertThat(token.getPrefix()).isEqualTo(created.secret().substring(0, 8)));
		assertThat(this.tokens.nameTaken("alice", "backup script")).isTrue();
		assertThat(this.tokens.nameTaken("alice", "Backup Script")).as("names are compared exactly").isFalse();

		Optional<ApiToken> used = this.tokens.authenticate(created.secret());
		assertThat(used).map(ApiToken::getScope).hasValue(ApiScope.WRITE);
		assertThat(used).map(ApiToken::getLastUsedAt).isPresent();
		assertThat(this.tokens.authenticate(created.secret() + "x")).isEmpty();

		assertThat(this.tokens.revoke("bob", created.token().getId())).as("another admin's token").isFalse();
		assertThat(this.tokens.revoke("alice", created.token().getId())).isTrue();
		assertThat(this.tokens.authenticate(created.secret())).isEmpty();
		assertThat(this.tokens.nameTaken("alice", "backup script")).as("the name is free again").isFalse();
	}

	@Test
	void theNewestTokenComesFirstAndTokensGoWithTheirAdmin() {
		this.tokens.create("alice", "first", ApiScope.READ);
		this.tokens.create("alice", "second", ApiScope.READ);
		this.repository.flush();
		assertThat(this.tokens.of("alice")).extracting(ApiToken::getName).containsExactly("second", "first");

		this.jdbc.update("delete from admin where username = ?", "alice");
		assertThat(this.jdbc.queryForObject("select count(*) from api_token", Integer.class)).isZero();
	}

}
