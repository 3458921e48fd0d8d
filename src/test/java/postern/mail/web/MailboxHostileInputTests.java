package postern.mail.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.host.Command;
import postern.host.CommandKind;
import postern.host.RecordingHost;
import postern.host.RecordingHostConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Hostile values in every mailbox field are refused with a message next to the field, and
 * never reach a command: the host records every command it is asked to run.
 */
@Import(RecordingHostConfiguration.class)
@AutoConfigureMockMvc
class MailboxHostileInputTests extends PosternIntegrationTests {

	static final String PASSWORD = "a fine passphrase 42";

	static final List<String> HOSTILE = List.of("a\nb", "a\r\nb", "a:b", "a,b", "a b", "a\"b", "a'b", "$(id)", "a;id",
			"a|id", "a`id`", "a&id", "a>b", "../etc", "..", "-y", "--config", "a\u0000b", "x".repeat(10_000),
			"\u0430dmin", "p\u0430ypal", "a+b", "a\tb", "*", "a\\b", "%0a");

	static final List<String> HOSTILE_DOMAINS = List.of("xoyize.xyz\n", "x\u043eyize.xyz", "../xoyize.xyz",
			"cinay.eu,evil.example", "cinay.eu evil.example", "$(primary_domain)", "xoyize.xyz;id", "-y",
			"x".repeat(10_000), "xoyize.xyz:25", "\"xoyize.xyz\"", "evil.example");

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingHost host;

	@BeforeEach
	void clear() {
		this.host.clear();
	}

	@Test
	void hostileLocalPartsAreRefusedNextToTheField() throws Exception {
		for (String hostile : HOSTILE) {
			MvcResult result = this.mvc.perform(create(hostile, "xoyize.xyz")).andReturn();
			assertRefused(result, "localPart", hostile);
		}
		assertNoChangeCommand();
	}

	@Test
	void hostileDomainsAreRefusedNextToTheField() throws Exception {
		for (String hostile : HOSTILE_DOMAINS) {
			MvcResult result = this.mvc.perform(create("carol", hostile)).andReturn();
			assertRefused(result, "domain", hostile);
		}
		assertNoChangeCommand();
	}

	@Test
	void passwordsMaddyCannotReadAreRefused() throws Exception {
		for (String hostile : List.of("line one\nline two", "ends with cr\r", "nul\u0000inside word", "short",
				"x".repeat(73))) {
			MvcResult result = this.mvc
				.perform(post("/mailboxes/new").with(admin())
					.with(csrf())
					.param("localPart", "carol")
					.param("domain", "xoyize.xyz")
					.param("password", hostile)
					.param("passwordConfirm", hostile))
				.andReturn();
			assertRefused(result, "password", "");
		}
		assertNoChangeCommand();
	}

	@Test
	void hostileAddressesInThePathAreNotFound() throws Exception {
		for (String hostile : List.of("a b@xoyize.xyz", "$(id)@xoyize.xyz", "-y", "a;id@xoyize.xyz",
				"alice@xoyize.xyz,bob@cinay.eu", "\u0430lice@xoyize.xyz")) {
			int get = this.mvc.perform(get("/mailboxes/{a}/password", hostile).with(admin()))
				.andReturn()
				.getResponse()
				.getStatus();
			int post = this.mvc
				.perform(post("/mailboxes/{a}/delete", hostile).with(admin()).with(csrf()).param("confirm", hostile))
				.andReturn()
				.getResponse()
				.getStatus();
			int repair = this.mvc.perform(post("/mailboxes/{a}/repair", hostile).with(admin()).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(List.of(get, post, repair)).as(hostile).allMatch((status) -> status == 404 || status == 400);
		}
		assertNoChangeCommand();
	}

	@Test
	void hostileConfirmationDeletesNothing() throws Exception {
		for (String hostile : HOSTILE) {
			MvcResult result = this.mvc
				.perform(post("/mailboxes/alice@xoyize.xyz/delete").with(admin())
					.with(csrf())
					.param("confirm", hostile)
					.param("keepMail", "false"))
				.andReturn();
			assertRefused(result, "confirm", hostile);
		}
		assertNoChangeCommand();
	}

	private MockHttpServletRequestBuilder create(String localPart, String domain) {
		return post("/mailboxes/new").with(admin())
			.with(csrf())
			.param("localPart", localPart)
			.param("domain", domain)
			.param("password", PASSWORD)
			.param("passwordConfirm", PASSWORD);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("admin").roles("ADMIN");
	}

	private void assertRefused(MvcResult result, String field, String hostile) {
		String shown = hostile.length() > 20 ? hostile.substring(0, 20) + "…" : hostile;
		assertThat(result.getResponse().getStatus()).as(shown).isEqualTo(200);
		org.springframework.validation.BindingResult errors = (org.springframework.validation.BindingResult) result
			.getModelAndView()
			.getModel()
			.get("org.springframework.validation.BindingResult.form");
		assertThat(errors.hasFieldErrors(field)).as(field + " error for " + shown).isTrue();
	}

	private void assertNoChangeCommand() {
		List<Command> commands = this.host.commands();
		assertThat(commands).extracting(Command::kind)
			.as("only listings ran")
			.allMatch((kind) -> kind == CommandKind.MADDY_CREDS_LIST || kind == CommandKind.MADDY_IMAP_ACCT_LIST);
	}

}
