package postern.host.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.change.ChangeFixtures;
import postern.host.ConnectionReport;
import postern.host.HostException;
import postern.host.HostParameters;
import postern.host.ManagedHosts;
import postern.host.RemoteHost;
import postern.host.RemoteHostNotFoundException;

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
		verify(this.hosts).add(
				eq(new HostParameters("vps", "vps.example.org", 55148, "xouser", this.keyFile, List.of("sudo", "-n"))),
				isNull());
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
		given(this.hosts.nameTaken("laptop", null)).willReturn(true);
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

}
