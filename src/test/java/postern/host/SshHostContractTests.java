package postern.host;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;

/**
 * The {@link Host} contract over SSH, against an embedded server on 127.0.0.1 that runs
 * commands through {@code /bin/sh -c} and serves this machine's files over SFTP.
 */
class SshHostContractTests extends HostContractTests {

	@TempDir
	static Path keys;

	private static TestSshServer server;

	private final List<SshHost> hosts = new ArrayList<>();

	@BeforeAll
	static void startServer() throws Exception {
		server = TestSshServer.start(keys);
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	@AfterEach
	void disconnect() {
		this.hosts.forEach(SshHost::close);
	}

	@Override
	protected Host host(int keep, Clock clock) {
		SshHost host = new SshHost("test", server.target(), null, new PosternProperties.Backups(this.backups, keep),
				this.events::add, clock);
		this.hosts.add(host);
		return host;
	}

}
