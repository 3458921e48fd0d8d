package postern.hosts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternIntegrationTests;
import postern.SystemBinaries;
import postern.TestServerRoot;
import postern.audit.AuditEvent;
import postern.audit.AuditLog;
import postern.host.SshHost;
import postern.host.TestSshServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The whole way an admin takes to manage a server over SSH: add it, see that it is not
 * logged in to before its host key is confirmed, confirm it, select it, then add a
 * mailbox and a site with a Caddy reload through {@link SshHost}. The SSH server is the
 * embedded one, serving this machine, so the sandbox server root is the remote server's
 * file system.
 */
@AutoConfigureMockMvc
class RemoteHostIntegrationTests extends PosternIntegrationTests {

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@TempDir
	Path keys;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog auditLog;

	private final MockHttpSession session = new MockHttpSession();

	private TestSshServer server;

	private final String name = "vps-" + System.nanoTime();

	@BeforeEach
	void startServer() throws Exception {
		this.server = TestSshServer.start(this.keys);
	}

	@Autowired
	ManagedHosts hosts;

	/**
	 * The other tests share this application: leave no remote host behind.
	 */
	@AfterEach
	void stopServer() throws Exception {
		this.hosts.remotes()
			.stream()
			.filter((host) -> host.getName().equals(this.name))
			.forEach((host) -> this.hosts.remove(host.getKey()));
		this.server.close();
	}

	private MockHttpServletRequestBuilder form(String url, Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post(url).with(ADMIN).with(csrf()).session(this.session);
		fields.forEach(request::param);
		return request;
	}

	/**
	 * Add the embedded server as a host. Its system tools run under the application's
	 * prefix (the stand-in dispatcher), since a host's own prefix may only be sudo or
	 * doas.
	 * @return the host's id
	 */
	private String addHost() throws Exception {
		String location = this.mvc.perform(form("/hosts/new",
				Map.of("name", this.name, "address", "127.0.0.1", "port", String.valueOf(this.server.port()), "user",
						System.getProperty("user.name"), "keyFile", this.server.userKeyFile().toString(), "sudoPrefix",
						"")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/hosts/[0-9]+/trust");
		return location.split("/")[2];
	}

	private String trustAndSelect() throws Exception {
		return trustAndSelect(addHost());
	}

	private String trustAndSelect(String id) throws Exception {
		this.mvc.perform(form("/hosts/" + id + "/trust", Map.of("fingerprint", this.server.fingerprint())))
			.andExpect(redirectedUrl("/hosts"));
		this.mvc.perform(form("/hosts/select", Map.of("host", id))).andExpect(redirectedUrl("/"));
		return id;
	}

	@Test
	void unknownHostIsNotLoggedInToUntilItsFingerprintIsConfirmed() throws Exception {
		String id = addHost();
		this.mvc.perform(get("/hosts/" + id + "/trust").with(ADMIN).session(this.session))
			.andExpect(content().string(containsString(this.server.fingerprint())));
		this.mvc.perform(form("/hosts/select", Map.of("host", id))).andExpect(redirectedUrl("/hosts"));
		this.mvc.perform(form("/hosts/" + id + "/test", Map.of()))
			.andExpect(content().string(containsString("has not been confirmed")));
		this.mvc.perform(form("/hosts/" + id + "/trust", Map.of("fingerprint", "SHA256:somethingElse")))
			.andExpect(redirectedUrl("/hosts/" + id + "/trust"));
		this.mvc.perform(get("/").with(ADMIN).session(this.session))
			.andExpect(content().string(containsString("class=\"host-switcher\"")));
		assertThat(this.server.logins()).isZero();

		this.mvc.perform(form("/hosts/" + id + "/trust", Map.of("fingerprint", this.server.fingerprint())))
			.andExpect(redirectedUrl("/hosts"));
		this.mvc.perform(form("/hosts/" + id + "/test", Map.of()))
			.andExpect(content().string(containsString("Postern logged in.")))
			.andExpect(content().string(containsString(System.getProperty("os.name"))));
		assertThat(this.server.logins()).isPositive();
		this.mvc.perform(form("/hosts/" + id + "/delete", Map.of())).andExpect(redirectedUrl("/hosts"));
		assertThat(this.hosts.remotes()).noneMatch((host) -> host.getKey().equals(id));
	}

	@Test
	void hostMovedToAnotherPortMustBeConfirmedAgain() throws Exception {
		String id = trustAndSelect();
		try (TestSshServer other = TestSshServer.start(this.keys)) {
			this.mvc
				.perform(form("/hosts/" + id + "/edit",
						Map.of("name", this.name, "address", "127.0.0.1", "port", String.valueOf(other.port()), "user",
								System.getProperty("user.name"), "keyFile", other.userKeyFile().toString())))
				.andExpect(redirectedUrl("/hosts/" + id + "/trust"));
			this.mvc.perform(get("/hosts/" + id + "/trust").with(ADMIN).session(this.session))
				.andExpect(content().string(containsString(other.fingerprint())));
			this.mvc.perform(form("/hosts/select", Map.of("host", id))).andExpect(redirectedUrl("/hosts"));
			this.mvc.perform(form("/hosts/" + id + "/test", Map.of()))
				.andExpect(content().string(containsString("has not been confirmed")));
			assertThat(other.logins()).isZero();
		}
	}

	@Test
	void mailboxIsAddedThroughSsh() throws Exception {
		trustAndSelect();
		String address = "remote" + System.nanoTime() + "@xoyize.xyz";
		this.mvc.perform(form("/mailboxes/new",
				Map.of("localPart", address.substring(0, address.indexOf('@')), "domain", "xoyize.xyz", "password",
						"a long remote passphrase", "passwordConfirm", "a long remote passphrase")));
		String credentials = Files.readString(SERVER.resolve("state/maddy/credentials"), StandardCharsets.UTF_8);
		assertThat(credentials).contains(address + "\t");
		List<AuditEvent> events = this.auditLog.find(address, Pageable.ofSize(20)).getContent();
		assertThat(events).filteredOn((event) -> "command.run".equals(event.getAction()))
			.isNotEmpty()
			.allSatisfy((event) -> assertThat(event.getHost()).isEqualTo(this.name))
			.anySatisfy((event) -> assertThat(event.getTarget()).contains("creds create " + address))
			.allSatisfy((event) -> assertThat(event.getTarget()).doesNotContain("remote passphrase"));
	}

	@Test
	void siteIsAddedAndCaddyReloadedThroughSsh() throws Exception {
		SystemBinaries.require("caddy", Path.of("/usr/bin/caddy"), Path.of("/usr/local/bin/caddy"));
		trustAndSelect();
		Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");
		String site = "remote" + System.nanoTime() + ".example.org";
		String location = this.mvc
			.perform(form("/sites/new",
					Map.of("kind", "static", "addresses", site, "root", site, "gzip", "true", "createFolder", "true")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/changes/");
		this.mvc.perform(form(location + "/apply", Map.of()));
		assertThat(Files.readString(caddyfile)).contains(site + " {");
		List<AuditEvent> reloads = this.auditLog.find("reload caddy.service", Pageable.ofSize(50))
			.getContent()
			.stream()
			.filter((event) -> this.name.equals(event.getHost()))
			.toList();
		assertThat(reloads).isNotEmpty()
			.anySatisfy((event) -> assertThat(event.getTarget())
				.isEqualTo(SERVER.resolve("standins/standin") + " systemctl reload caddy.service"));
		List<AuditEvent> writes = this.auditLog.find(caddyfile.toString(), Pageable.ofSize(50)).getContent();
		assertThat(writes).anySatisfy((event) -> {
			assertThat(event.getAction()).isEqualTo("file.written");
			assertThat(event.getHost()).isEqualTo(this.name);
			assertThat(event.getDetail()).contains("+" + site + " {");
		});
	}

	@Test
	void changedHostKeyStopsEveryPageOfThatHost() throws Exception {
		// confirmed, selected, not connected yet: the first connection meets another key
		trustAndSelect();
		int port = this.server.port();
		this.server.close();
		this.server = TestSshServer.start(this.keys, TestSshServer.newKeyPair(), null, port);
		int before = this.server.logins();
		this.mvc.perform(get("/sites").with(ADMIN).session(this.session)).andExpect(redirectedUrl("/hosts"));
		assertThat(this.server.logins()).isEqualTo(before).isZero();
	}

	/**
	 * A server laid out otherwise than the application's settings say: its maddy.conf,
	 * aliases, maddy binary (a stand-in keeping its own mailboxes), Caddyfile, web root
	 * and backups are in a second server root, named in the host's own settings. Every
	 * page then acts on that server's files and leaves the application's paths alone.
	 */
	@Test
	void aHostsOwnPathsAndBinariesAreTheOnesUsed(@TempDir Path other) throws Exception {
		TestServerRoot second = TestServerRoot.createIn(other.resolve("server"));
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", this.name);
		fields.put("address", "127.0.0.1");
		fields.put("port", String.valueOf(this.server.port()));
		fields.put("user", System.getProperty("user.name"));
		fields.put("keyFile", this.server.userKeyFile().toString());
		fields.put("maddyBinary", second.resolve("standins/maddy-standin").toString());
		fields.put("maddyConfig", second.resolve("etc/maddy/maddy.conf").toString());
		fields.put("maddyAliases", second.resolve("etc/maddy/aliases").toString());
		fields.put("maddyPrefix", "none");
		fields.put("caddyfile", second.resolve("etc/caddy/Caddyfile").toString());
		fields.put("caddyWebRoot", second.resolve("var/caddy/www").toString());
		fields.put("backupsDir", second.resolve("backups").toString());
		String location = this.mvc.perform(form("/hosts/new", fields)).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/hosts/[0-9]+/trust");
		String id = trustAndSelect(location.split("/")[2]);
		this.mvc.perform(get("/hosts").with(ADMIN).session(this.session))
			.andExpect(content().string(containsString("own settings: postern.maddy.binary, postern.maddy.config")));
		this.mvc.perform(form("/hosts/" + id + "/test", Map.of()))
			.andExpect(content().string(containsString("Postern logged in.")));
		this.mvc.perform(get("/hosts/" + id + "/edit").with(ADMIN).session(this.session))
			.andExpect(
					content().string(allOf(containsString("value=\"" + second.resolve("etc/maddy/maddy.conf") + "\""),
							containsString("name=\"maddyPrefix\" value=\"none\""))));

		Path ownAliases = SERVER.resolve("etc/maddy/aliases");
		Path ownCredentials = SERVER.resolve("state/maddy/credentials");
		byte[] aliasesBefore = Files.readAllBytes(ownAliases);
		String credentialsBefore = Files.exists(ownCredentials) ? Files.readString(ownCredentials) : "";

		String alias = "elsewhere" + System.nanoTime() + "@xoyize.xyz";
		String change = this.mvc.perform(form("/aliases/new", Map.of("alias", alias, "targets", "yann@xoyize.xyz")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(change).startsWith("/changes/");
		this.mvc.perform(form(change + "/apply", Map.of()));
		assertThat(Files.readString(second.resolve("etc/maddy/aliases"))).contains(alias + ": yann@xoyize.xyz");
		assertThat(Files.readAllBytes(ownAliases)).isEqualTo(aliasesBefore);
		assertThat(second.resolve("backups")).isDirectory();

		String mailbox = "elsewhere" + System.nanoTime() + "@xoyize.xyz";
		this.mvc.perform(form("/mailboxes/new",
				Map.of("localPart", mailbox.substring(0, mailbox.indexOf('@')), "domain", "xoyize.xyz", "password",
						"a long remote passphrase", "passwordConfirm", "a long remote passphrase")));
		assertThat(Files.readString(second.resolve("state/maddy/credentials"))).contains(mailbox + "\t");
		assertThat(Files.exists(ownCredentials) ? Files.readString(ownCredentials) : "").isEqualTo(credentialsBefore);
		assertThat(Files.readString(second.resolve("state/maddy/calls.log")))
			.contains(second.resolve("standins/maddy-standin") + "\t--config\t" + second.resolve("etc/maddy/maddy.conf")
					+ "\tcreds\tcreate");
		this.mvc.perform(get("/mailboxes").param("q", mailbox).with(ADMIN).session(this.session))
			.andExpect(content().string(containsString(mailbox)));

		SystemBinaries.require("caddy", Path.of("/usr/bin/caddy"), Path.of("/usr/local/bin/caddy"));
		Path ownCaddyfile = SERVER.resolve("etc/caddy/Caddyfile");
		byte[] caddyfileBefore = Files.readAllBytes(ownCaddyfile);
		Path escape = Files.createSymbolicLink(second.resolve("var/caddy/www/escape"), other);
		this.mvc
			.perform(form("/sites/new",
					Map.of("kind", "static", "addresses", "escape.example.org", "root", "escape/public", "gzip", "true",
							"createFolder", "true")))
			.andExpect(model().attributeHasFieldErrorCode("form", "root", "sites.error.root.link"));
		assertThat(other.resolve("public")).doesNotExist();
		Files.delete(escape);
		String site = "elsewhere" + System.nanoTime() + ".example.org";
		String siteChange = this.mvc
			.perform(form("/sites/new",
					Map.of("kind", "static", "addresses", site, "root", site, "gzip", "true", "createFolder", "true")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(siteChange).startsWith("/changes/");
		this.mvc.perform(form(siteChange + "/apply", Map.of()));
		assertThat(Files.readString(second.resolve("etc/caddy/Caddyfile"))).contains(site + " {")
			.contains("root * " + second.resolve("var/caddy/www/" + site));
		assertThat(second.resolve("var/caddy/www/" + site)).isDirectory();
		assertThat(Files.readAllBytes(ownCaddyfile)).isEqualTo(caddyfileBefore);
		assertThat(SERVER.resolve("var/caddy/www/" + site)).doesNotExist();
	}

}
