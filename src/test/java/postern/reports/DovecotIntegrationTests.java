package postern.reports;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that read reports from a real dovecot: it runs for the test class,
 * its certificate is trusted through {@code postern.health.trust-store}, reverse names
 * are asked of a loopback port where no resolver answers, and the report tables start
 * empty (the integration tests of one run share a database).
 */
abstract class DovecotIntegrationTests extends PosternIntegrationTests {

	@TempDir
	static Path folder;

	static TestDovecot dovecot;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void startDovecot() throws Exception {
		dovecot = TestDovecot.start(folder);
	}

	@AfterAll
	static void stopDovecot() throws Exception {
		if (dovecot != null) {
			dovecot.close();
		}
	}

	@BeforeEach
	void clearOtherTestsReports() {
		ReportFixtures.clearTables(this.jdbc);
	}

	@DynamicPropertySource
	static void loopbackOnly(DynamicPropertyRegistry registry) {
		registry.add("postern.health.trust-store", () -> dovecot.certificate().toString());
		registry.add("postern.reports.fetch-every", () -> "0s");
		registry.add("postern.dns.resolvers", () -> "127.0.0.1:" + TestDovecot.closedPort());
		registry.add("postern.dns.timeout", () -> "300ms");
		registry.add("postern.server.ipv4", () -> "203.0.113.10");
	}

}
