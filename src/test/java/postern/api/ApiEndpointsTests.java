package postern.api;

import java.nio.file.Files;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's endpoints over the server root and the maddy stand-in: they accept what the
 * forms accept, refuse the rest with the forms' messages, and what they create is what
 * the pages show.
 */
@AutoConfigureMockMvc
class ApiEndpointsTests extends PosternIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditLog auditLog;

	private String token;

	@BeforeEach
	void writeToken() {
		this.token = this.tokens.create("admin", "endpoints-" + System.nanoTime(), ApiScope.WRITE).secret();
	}

	@Test
	void aMailboxCreatedThroughTheApiAppearsInThePanel() throws Exception {
		String password = "api created passphrase " + System.nanoTime();
		this.mvc
			.perform(withToken(post("/api/v1/mailboxes")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"localPart\":\"Api.Made\",\"domain\":\"yanfi.net\",\"password\":\"" + password + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.address").value("api.made@yanfi.net"))
			.andExpect(jsonPath("$.success").value(true))
			.andExpect(jsonPath("$.commands[0].command", containsString("creds create api.made@yanfi.net")));
		this.mvc.perform(get("/mailboxes").param("q", "api.made").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("api.made@yanfi.net")));
		this.mvc.perform(withToken(get("/api/v1/mailboxes")).param("domain", "yanfi.net").param("size", "500"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].address", hasItem("api.made@yanfi.net")));
		// The password went to maddy on its standard input: no log, no audit entry has
		// it.
		assertThat(this.auditLog.find(password, Pageable.ofSize(5))).isEmpty();
		assertThat(this.auditLog.latest(50))
			.noneSatisfy((event) -> assertThat(event.getTarget() + " " + event.getDetail()).contains(password));
		assertThat(Files.readString(SERVER.resolve("state/maddy/calls.log"))).doesNotContain(password);
	}

	@Test
	void badInputIsRefusedWith400AndTheFormsMessagesByField() throws Exception {
		this.mvc
			.perform(withToken(post("/api/v1/mailboxes")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"localPart\":\"bad;name\",\"domain\":\"elsewhere.example\",\"password\":\"short\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid"))
			.andExpect(jsonPath("$.fields.localPart").isArray())
			.andExpect(jsonPath("$.fields.domain[0]").isString())
			.andExpect(jsonPath("$.fields.password[0]").isString());
		this.mvc
			.perform(withToken(post("/api/v1/mailboxes")).header("Accept-Language", "fr")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"localPart\":\"marc\",\"domain\":\"xoyize.xyz\",\"password\":\"marc-is-my-password\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.password").isArray())
			.andExpect(jsonPath("$.fields.localPart").doesNotExist());
		this.mvc
			.perform(withToken(post("/api/v1/aliases")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"alias\":\"not an address\",\"targets\":\"a@xoyize.xyz, a@xoyize.xyz\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.alias").isArray())
			.andExpect(jsonPath("$.fields.targets").isArray());
		this.mvc.perform(withToken(post("/api/v1/mailboxes")).contentType(MediaType.APPLICATION_JSON).content("{"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anAliasIsAddedAndRemovedThroughTheChangePipelineInOneCallEach() throws Exception {
		this.mvc
			.perform(withToken(post("/api/v1/aliases")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"alias\":\"ventes@rnmkcy.eu\",\"targets\":\"yann@xoyize.xyz, marie@yanfi.net\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("APPLIED"))
			.andExpect(
					jsonPath("$.files[0].diff", containsString("+ventes@rnmkcy.eu: yann@xoyize.xyz, marie@yanfi.net")));
		assertThat(Files.readString(SERVER.resolve("etc/maddy/aliases")))
			.contains("ventes@rnmkcy.eu: yann@xoyize.xyz, marie@yanfi.net");
		this.mvc.perform(get("/aliases").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("ventes@rnmkcy.eu")));
		this.mvc
			.perform(withToken(post("/api/v1/aliases")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"alias\":\"ventes@rnmkcy.eu\",\"targets\":\"yann@xoyize.xyz\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.alias").isArray());
		this.mvc.perform(withToken(delete("/api/v1/aliases/ventes@rnmkcy.eu")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.applied").value(true));
		assertThat(Files.readString(SERVER.resolve("etc/maddy/aliases"))).doesNotContain("ventes@rnmkcy.eu");
	}

	@Test
	void aMailboxIsArchivedByDefaultAndDeletedOnlyWhenAsked() throws Exception {
		this.mvc.perform(withToken(post("/api/v1/mailboxes")).contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"localPart\":\"leaving\",\"domain\":\"ouestline.xyz\",\"password\":\"gone away passphrase 9\"}"))
			.andExpect(status().isCreated());
		this.mvc.perform(withToken(delete("/api/v1/mailboxes/leaving@ouestline.xyz")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.action").value("mailbox.archive"));
		this.mvc.perform(withToken(get("/api/v1/mailboxes/leaving@ouestline.xyz")))
			.andExpect(jsonPath("$.state").value("NO_CREDENTIALS"));
		this.mvc.perform(withToken(delete("/api/v1/mailboxes/leaving@ouestline.xyz")).param("keepMail", "false"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.action").value("mailbox.delete"));
		this.mvc.perform(withToken(get("/api/v1/mailboxes/leaving@ouestline.xyz")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("not-found"));
	}

	@Test
	void domainsSitesHealthAndReloadAnswer() throws Exception {
		this.mvc.perform(withToken(get("/api/v1/domains/xoyize.xyz")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.primary").value(true))
			.andExpect(jsonPath("$.aliases[*].alias", hasItem("postmaster@xoyize.xyz")));
		this.mvc.perform(withToken(get("/api/v1/domains/elsewhere.example"))).andExpect(status().isNotFound());
		this.mvc.perform(withToken(get("/api/v1/sites")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem("xoyize.xyz")));
		this.mvc.perform(withToken(get("/api/v1/sites/xoyize.xyz")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").isString());
		this.mvc.perform(withToken(get("/api/v1/health")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subjects").isArray());
		this.mvc.perform(withToken(post("/api/v1/services/caddy/reload")))
			.andExpect(jsonPath("$.unit").value("caddy"))
			.andExpect(jsonPath("$.verb").value("reload"));
		this.mvc.perform(withToken(post("/api/v1/services/maddy/restart")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true));
		this.mvc.perform(withToken(post("/api/v1/services/nginx/reload")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("not-found"));
	}

	@Test
	void theOpenApiDescriptionListsTheEndpoints() throws Exception {
		this.mvc.perform(withToken(get("/api/v1/openapi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/mailboxes'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/aliases/{alias}'].delete").exists())
			.andExpect(jsonPath("$.paths['/account/tokens']").doesNotExist());
		this.mvc.perform(withToken(get("/api/v1/openapi.yaml")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/services/{unit}/reload")));
	}

	private MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + this.token);
	}

}
