package postern.hosts.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.TestProperties;
import postern.change.ChangeFixtures;
import postern.hosts.ConnectionReport;
import postern.host.HostException;
import postern.host.HostOverrides;
import postern.hosts.HostParameters;
import postern.host.HostSetting;
import postern.hosts.ManagedHosts;
import postern.hosts.RemoteHost;
import postern.hosts.RemoteHostNotFoundException;
import postern.host.ServerSettings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = HostController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "postern\\.security\\.SecurityConfiguration"),
		properties = "spring.messages.basename=messages,i18n/hosts")
@WithMockUser(roles = "ADMIN")
class HostControllerTests {

	private static final String FINGERPRINT = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";

	private static final ServerSettings APPLICATION = ServerSettings.of(TestProperties.bind(Map.of()));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ManagedHosts hosts;

	@TempDir
	Path keys;

	Path keyFile;

	@BeforeEach
	void setUp() throws Exception {
		ChangeFixtures.currentHostNamed(this.hosts, "laptop");
		given(this.hosts.localName()).willReturn("laptop");
		given(this.hosts.applicationSettings()).willReturn(APPLICATION);
		this.keyFile = Files.writeString(this.keys.resolve("id_ed25519"), "key");
	}

	private MockHttpServletRequestBuilder valid(String url) {
		return valid(url, Map.of());
	}

	/**
	 * A valid form, with some fields replaced.
	 */
	private MockHttpServletRequestBuilder valid(String url, Map<String, String> changed) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "vps", "address", "vps.example.org", "port",
				"55148", "user", "xouser", "keyFile", this.keyFile.toString(), "sudoPrefix", "sudo -n"));
		fields.putAll(changed);
		MockHttpServletRequestBuilder request = post(url).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private static RemoteHost remote(String id, String name, String offered, String confirmed) {
		RemoteHost host = mock(RemoteHost.class);
		given(host.getKey()).willReturn(id);
		given(host.getName()).willReturn(name);
		given(host.getAddress()).willReturn("vps.example.org");
		given(host.getPort()).willReturn(55148);
		given(host.getUser()).willReturn("xouser");
		given(host.getKeyFile()).willReturn("/home/admin/.ssh/id_ed25519");
		given(host.getOfferedFingerprint()).willReturn(offered);
		given(host.getHostKeyFingerprint()).willReturn(confirmed);
		given(host.isTrusted()).willReturn(confirmed != null);
		given(host.getOverrides()).willReturn(HostOverrides.NONE);
		return host;
	}

	@Test
	@WithAnonymousUser
	void hostsPagesWhenNotLoggedInRedirectToLogin() throws Exception {
		this.mvc.perform(get("/hosts")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/hosts/new")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(valid("/hosts/new")).andExpect(redirectedUrl("/login"));
		verify(this.hosts, never()).add(any(), any());
	}

	@Test
	void listShowsTheLocalMachineFirstAndWhatEachRemoteNeeds() throws Exception {
		List<RemoteHost> remotes = List.of(remote("1", "vps", null, FINGERPRINT),
				remote("2", "new-vps", "SHA256:offered", null));
		given(this.hosts.remotes()).willReturn(remotes);
		this.mvc.perform(get("/hosts"))
			.andExpect(status().isOk())
			.andExpect(view().name(HostController.LIST_VIEW))
			.andExpect(content().string(allOf(containsString("data-host=\"local\""), containsString("laptop"),
					containsString("xouser@vps.example.org:55148"), containsString(FINGERPRINT),
					containsString("href=\"/hosts/2/trust\""), containsString("action=\"/hosts/1/test\""))));
	}

	@Test
	void newHostReadsTheHostKeyAndAsksToConfirmIt() throws Exception {
		RemoteHost added = remote("7", "vps", FINGERPRINT, null);
		given(this.hosts.add(any(), isNull())).willReturn(added);
		this.mvc.perform(valid("/hosts/new")).andExpect(redirectedUrl("/hosts/7/trust"));
		verify(this.hosts).add(eq(new HostParameters("vps", "vps.example.org", 55148, "xouser", this.keyFile,
				new HostOverrides(Map.of(HostSetting.SYSTEM_PREFIX, "sudo -n")))), isNull());
	}

	@Test
	void newHostWhenFieldsAreBadShowsEachErrorAndAddsNothing() throws Exception {
		this.mvc
			.perform(post("/hosts/new").with(csrf())
				.param("name", "vps; rm")
				.param("address", "root@vps.example.org -oProxyCommand=x")
				.param("port", "70000")
				.param("user", "Root$(id)")
				.param("keyFile", "relative/key")
				.param("sudoPrefix", "sudo -n; reboot"))
			.andExpect(status().isOk())
			.andExpect(view().name(HostController.FORM_VIEW))
			.andExpect(
					model().attributeHasFieldErrors("form", "name", "address", "port", "user", "keyFile", "sudoPrefix"))
			.andExpect(content().string(allOf(containsString("A host name or an IP address only"),
					containsString("An absolute path, starting with /."))));
		this.mvc.perform(valid("/hosts/new", Map.of("keyFile", this.keys.resolve("missing").toString())))
			.andExpect(model().attributeHasFieldErrorCode("form", "keyFile", "KeyFile"))
			.andExpect(content().string(containsString("There is no file at this path.")));
		this.mvc.perform(valid("/hosts/new", Map.of("sudoPrefix", "-u root")))
			.andExpect(model().attributeHasFieldErrors("form", "sudoPrefix"));
		this.mvc.perform(valid("/hosts/new", Map.of("port", "ssh")))
			.andExpect(model().attributeHasFieldErrors("form", "port"));
		verify(this.hosts, never()).add(any(), any());
	}

	@Test
	void newHostWhenAddressIsAnIpAddressIsAccepted() throws Exception {
		RemoteHost added = remote("3", "vps", FINGERPRINT, null);
		given(this.hosts.add(any(), any())).willReturn(added);
		this.mvc.perform(valid("/hosts/new", Map.of("address", "2001:db8::7")))
			.andExpect(redirectedUrl("/hosts/3/trust"));
		this.mvc.perform(valid("/hosts/new", Map.of("address", "192.0.2.10")))
			.andExpect(redirectedUrl("/hosts/3/trust"));
	}

	@Test
	void newHostWhenNameIsTakenIsRefusedNextToTheName() throws Exception {
		given(this.hosts.problems("laptop", false, null)).willReturn(Map.of("name", "hosts.error.name.taken"));
		this.mvc.perform(valid("/hosts/new", Map.of("name", "laptop")))
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "hosts.error.name.taken"));
		verify(this.hosts, never()).add(any(), any());
	}

	@Test
	void newHostWhenServerCannotBeReachedSaysSoNextToTheAddress() throws Exception {
		given(this.hosts.add(any(), any())).willThrow(new HostException("Connection refused"));
		this.mvc.perform(valid("/hosts/new"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "address", "hosts.error.unreachable"))
			.andExpect(content().string(containsString("Connection refused")));
	}

	@Test
	void trustPageShowsTheOfferedFingerprintAndConfirmingItTrustsTheHost() throws Exception {
		RemoteHost waiting = remote("7", "vps", FINGERPRINT, null);
		given(this.hosts.find("7")).willReturn(waiting);
		this.mvc.perform(get("/hosts/7/trust"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(FINGERPRINT), containsString("vps.example.org:55148"))));
		given(this.hosts.trust("7", FINGERPRINT)).willReturn(true);
		this.mvc.perform(post("/hosts/7/trust").with(csrf()).param("fingerprint", FINGERPRINT))
			.andExpect(redirectedUrl("/hosts"))
			.andExpect(flash().attributeExists("flash"));
		verify(this.hosts).trust("7", FINGERPRINT);
	}

	@Test
	void trustWhenFingerprintDiffersConfirmsNothing() throws Exception {
		RemoteHost waiting = remote("7", "vps", FINGERPRINT, null);
		given(this.hosts.find("7")).willReturn(waiting);
		given(this.hosts.trust(eq("7"), anyString())).willReturn(false);
		this.mvc.perform(post("/hosts/7/trust").with(csrf()).param("fingerprint", "SHA256:other"))
			.andExpect(redirectedUrl("/hosts/7/trust"));
	}

	@Test
	void unknownHostIsNotFound() throws Exception {
		given(this.hosts.find("99")).willThrow(new RemoteHostNotFoundException("99"));
		this.mvc.perform(get("/hosts/99/trust")).andExpect(status().isNotFound());
	}

	@Test
	void testShowsUnameAndWhetherMaddyAndCaddyWereFound() throws Exception {
		RemoteHost trusted = remote("1", "vps", null, FINGERPRINT);
		given(this.hosts.find("1")).willReturn(trusted);
		given(this.hosts.check("1"))
			.willReturn(new ConnectionReport("Linux vps 6.1.0-13-amd64 x86_64 GNU/Linux", true, false, null));
		this.mvc.perform(post("/hosts/1/test").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name(HostController.TEST_VIEW))
			.andExpect(content().string(allOf(containsString("Linux vps 6.1.0-13-amd64"), containsString("found"),
					containsString("not found at the configured path"))));
	}

	@Test
	void selectWhenHostIsNotTrustedStaysOnTheHostsPage() throws Exception {
		given(this.hosts.select("2")).willReturn(false);
		this.mvc.perform(post("/hosts/select").with(csrf()).param("host", "2")).andExpect(redirectedUrl("/hosts"));
		given(this.hosts.select("1")).willReturn(true);
		this.mvc.perform(post("/hosts/select").with(csrf()).param("host", "1")).andExpect(redirectedUrl("/"));
	}

	@Test
	void headerOffersTheSwitcherWhenThereIsMoreThanOneHost() throws Exception {
		given(this.hosts.choices()).willReturn(List.of(new postern.host.HostChoice("local", "laptop", false, true),
				new postern.host.HostChoice("1", "vps", true, true),
				new postern.host.HostChoice("2", "new-vps", false, false)));
		String page = this.mvc.perform(get("/hosts")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("action=\"/hosts/select\"", "<option value=\"1\" selected=\"selected\">vps</option>",
				"<option value=\"2\" disabled=\"disabled\">new-vps</option>");
	}

	/** Every field of the server's own settings, with a value it accepts. */
	private static final Map<String, String> OWN_SETTINGS = Map.ofEntries(
			Map.entry("maddyBinary", "/opt/maddy/bin/maddy"), Map.entry("maddyConfig", "/srv/mail/maddy.conf"),
			Map.entry("maddyAliases", "/srv/mail/aliases"), Map.entry("maddyStateDir", "/srv/mail/state"),
			Map.entry("maddyCertDir", "/srv/mail/certs"), Map.entry("maddyPrefix", "none"),
			Map.entry("caddyBinary", "/usr/bin/caddy"), Map.entry("caddyfile", "/srv/web/Caddyfile"),
			Map.entry("caddyWebRoot", "/srv/web/www"), Map.entry("caddyDataDir", "/srv/web/data"),
			Map.entry("caddyReload", "caddy-cli"), Map.entry("caddyUnit", "caddy-web.service"),
			Map.entry("maddyUnit", "maddy@mail.service"), Map.entry("backupsDir", "/var/backups/postern"));

	private static final HostOverrides OWN_OVERRIDES = new HostOverrides(Map.ofEntries(
			Map.entry(HostSetting.SYSTEM_PREFIX, "sudo -n"),
			Map.entry(HostSetting.MADDY_BINARY, "/opt/maddy/bin/maddy"),
			Map.entry(HostSetting.MADDY_CONFIG, "/srv/mail/maddy.conf"),
			Map.entry(HostSetting.MADDY_ALIASES, "/srv/mail/aliases"),
			Map.entry(HostSetting.MADDY_STATE_DIR, "/srv/mail/state"),
			Map.entry(HostSetting.MADDY_CERT_DIR, "/srv/mail/certs"), Map.entry(HostSetting.MADDY_PREFIX, ""),
			Map.entry(HostSetting.CADDY_BINARY, "/usr/bin/caddy"),
			Map.entry(HostSetting.CADDYFILE, "/srv/web/Caddyfile"),
			Map.entry(HostSetting.CADDY_WEB_ROOT, "/srv/web/www"),
			Map.entry(HostSetting.CADDY_DATA_DIR, "/srv/web/data"), Map.entry(HostSetting.CADDY_RELOAD, "caddy-cli"),
			Map.entry(HostSetting.CADDY_UNIT, "caddy-web.service"),
			Map.entry(HostSetting.MADDY_UNIT, "maddy@mail.service"),
			Map.entry(HostSetting.BACKUPS_DIR, "/var/backups/postern")));

	@Test
	void newHostFormOffersTheServersSettingsWithTheApplicationsAsPlaceholders() throws Exception {
		this.mvc.perform(get("/hosts/new"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<details class=\"server-settings\">"),
					containsString("This server&#39;s paths and units"), containsString("id=\"maddyConfig\""),
					containsString("placeholder=\"" + APPLICATION.maddy().config() + "\""),
					containsString("placeholder=\"" + APPLICATION.caddy().caddyfile() + "\""),
					containsString("placeholder=\"" + APPLICATION.units().maddy() + "\""),
					containsString("Blank keeps postern.maddy.aliases."), containsString("value=\"caddy-cli\""))));
	}

	@Test
	void newHostWithItsOwnSettingsStoresThem() throws Exception {
		RemoteHost added = remote("7", "vps", FINGERPRINT, null);
		given(this.hosts.add(any(), isNull())).willReturn(added);
		Map<String, String> fields = new LinkedHashMap<>(OWN_SETTINGS);
		fields.put("maddyConfig", " /srv/mail/maddy.conf ");
		fields.put("maddyPrefix", " none ");
		this.mvc.perform(valid("/hosts/new", fields)).andExpect(redirectedUrl("/hosts/7/trust"));
		verify(this.hosts).add(
				eq(new HostParameters("vps", "vps.example.org", 55148, "xouser", this.keyFile, OWN_OVERRIDES)),
				isNull());
	}

	@Test
	void blankSettingsKeepTheApplications() throws Exception {
		RemoteHost added = remote("7", "vps", FINGERPRINT, null);
		given(this.hosts.add(any(), isNull())).willReturn(added);
		Map<String, String> blank = new LinkedHashMap<>();
		OWN_SETTINGS.keySet().forEach((field) -> blank.put(field, (blank.size() % 2 == 0) ? "" : "   "));
		blank.put("sudoPrefix", "");
		this.mvc.perform(valid("/hosts/new", blank)).andExpect(redirectedUrl("/hosts/7/trust"));
		verify(this.hosts).add(
				eq(new HostParameters("vps", "vps.example.org", 55148, "xouser", this.keyFile, HostOverrides.NONE)),
				isNull());
	}

	@Test
	void eachServerSettingRefusesBadValuesNextToItAndStoresNothing() throws Exception {
		List<String> badPaths = List.of("relative/maddy.conf", "/etc/maddy/../shadow", "/etc/maddy/./maddy.conf",
				"/etc/maddy/", "/etc//maddy/maddy.conf", "/etc/maddy/maddy.conf\n", "/etc/ma\tddy", "/etc/ma ddy",
				"/etc/$(id)", "/etc/maddy;reboot", "/" + "a".repeat(1100), "/", "~/maddy.conf", "\t");
		List<String> pathFields = List.of("maddyBinary", "maddyConfig", "maddyAliases", "maddyStateDir", "maddyCertDir",
				"caddyBinary", "caddyfile", "caddyWebRoot", "caddyDataDir", "backupsDir");
		for (String field : pathFields) {
			for (String bad : badPaths) {
				this.mvc.perform(valid("/hosts/new", Map.of(field, bad)))
					.andExpect(status().isOk())
					.andExpect(model().attributeHasFieldErrorCode("form", field, "HostPath"))
					.andExpect(content().string(containsString("An absolute path of letters, digits")));
			}
		}
		for (String field : List.of("caddyUnit", "maddyUnit")) {
			for (String bad : List.of("maddy", "maddy.socket", "-maddy.service", "maddy.service; reboot",
					"a@b@c.service", "@.service", "maddy@.service", "ma ddy.service", "x".repeat(70) + ".service")) {
				this.mvc.perform(valid("/hosts/new", Map.of(field, bad)))
					.andExpect(model().attributeHasFieldErrors("form", field))
					.andExpect(content().string(containsString("A systemd service name")));
			}
		}
		for (String bad : List.of("admin-api", "restart", "systemctl reload", "SYSTEMCTL")) {
			this.mvc.perform(valid("/hosts/new", Map.of("caddyReload", bad)))
				.andExpect(model().attributeHasFieldErrors("form", "caddyReload"));
		}
		for (String bad : List.of("sudo -n; reboot", "bash", "-u root", "none -n", "sudo -u maddy\n", "nonE",
				"\tnone")) {
			this.mvc.perform(valid("/hosts/new", Map.of("maddyPrefix", bad)))
				.andExpect(model().attributeHasFieldErrors("form", "maddyPrefix"));
		}
		this.mvc.perform(valid("/hosts/new", Map.of("sudoPrefix", "none")))
			.andExpect(model().attributeHasFieldErrors("form", "sudoPrefix"));
		verify(this.hosts, never()).add(any(), any());
		verify(this.hosts, never()).update(any(), any(), any());
	}

	@Test
	void unitNamesSystemdAcceptsAreAccepted() throws Exception {
		RemoteHost added = remote("7", "vps", FINGERPRINT, null);
		given(this.hosts.add(any(), isNull())).willReturn(added);
		for (String unit : List.of("maddy.service", "maddy@mx1.service", "caddy-api.service", "my_caddy.v2.service")) {
			this.mvc.perform(valid("/hosts/new", Map.of("maddyUnit", unit))).andExpect(redirectedUrl("/hosts/7/trust"));
		}
	}

	@Test
	void whenTheApplicationReloadsThroughTheAdminApiAHostMustSayHowItReloadsCaddy() throws Exception {
		ServerSettings adminApi = ServerSettings.of(TestProperties.bind(Map.of("postern.caddy.reload", "admin-api")));
		given(this.hosts.applicationSettings()).willReturn(adminApi);
		given(this.hosts.problems(any(), eq(false), isNull()))
			.willReturn(Map.of("caddyReload", "hosts.error.caddyReload.required"));
		this.mvc.perform(valid("/hosts/new"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "caddyReload", "hosts.error.caddyReload.required"))
			.andExpect(content().string(allOf(containsString("<details class=\"server-settings\" open=\"open\">"),
					containsString("which it cannot reach on a remote server"))));
		verify(this.hosts, never()).add(any(), any());
		RemoteHost added = remote("7", "vps", FINGERPRINT, null);
		given(this.hosts.add(any(), isNull())).willReturn(added);
		this.mvc.perform(valid("/hosts/new", Map.of("caddyReload", "systemctl")))
			.andExpect(redirectedUrl("/hosts/7/trust"));
	}

	@Test
	void editShowsTheHostsOwnSettingsAndKeepsThem() throws Exception {
		RemoteHost host = remote("1", "vps", null, FINGERPRINT);
		given(host.getOverrides()).willReturn(OWN_OVERRIDES);
		given(this.hosts.find("1")).willReturn(host);
		String page = this.mvc.perform(get("/hosts/1/edit")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<details class=\"server-settings\" open=\"open\">", "value=\"/srv/mail/maddy.conf\"",
				"value=\"/var/backups/postern\"", "value=\"maddy@mail.service\"", "name=\"maddyPrefix\" value=\"none\"",
				"<option value=\"caddy-cli\" selected=\"selected\">");
		given(this.hosts.update(eq("1"), any(), any())).willReturn(host);
		Map<String, String> fields = new LinkedHashMap<>(OWN_SETTINGS);
		this.mvc.perform(valid("/hosts/1/edit", fields)).andExpect(redirectedUrl("/hosts"));
		verify(this.hosts).update(eq("1"),
				eq(new HostParameters("vps", "vps.example.org", 55148, "xouser", this.keyFile, OWN_OVERRIDES)),
				isNull());
	}

	@Test
	void listSaysWhichSettingsAHostHasOfItsOwn() throws Exception {
		RemoteHost host = remote("1", "vps", null, FINGERPRINT);
		given(host.getOverrides()).willReturn(new HostOverrides(
				Map.of(HostSetting.MADDY_CONFIG, "/srv/mail/maddy.conf", HostSetting.CADDY_UNIT, "caddy-web.service")));
		given(this.hosts.remotes()).willReturn(List.of(host));
		this.mvc.perform(get("/hosts"))
			.andExpect(content().string(containsString("own settings: postern.maddy.config, postern.units.caddy")));
	}

}
