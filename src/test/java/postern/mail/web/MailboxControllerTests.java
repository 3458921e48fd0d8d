package postern.mail.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.change.ChangeFixtures;
import postern.host.Hosts;
import postern.mail.MaddyError;
import postern.mail.MaddyException;
import postern.mail.MaddyRun;
import postern.mail.MailDomain;
import postern.mail.MailDomains;
import postern.mail.Mailbox;
import postern.mail.MailboxListStatus;
import postern.mail.MailboxOutcome;
import postern.mail.MailboxOutcome.Action;
import postern.mail.Mailboxes;
import postern.mail.NewMailboxRules;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
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

/**
 * The mailbox pages with the real security configuration (every page needs an admin,
 * every POST a CSRF token) and a mocked service.
 */
@WebMvcTest(controllers = MailboxController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "postern\\.security\\.SecurityConfiguration"),
		properties = "spring.messages.basename=messages,i18n/change,i18n/mail,i18n/mailboxes")
@Import(NewMailboxRules.class)
@WithMockUser(roles = "ADMIN")
class MailboxControllerTests {

	static final String GOOD_PASSWORD = "a fine passphrase 42";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Mailboxes mailboxes;

	@MockitoBean
	MailDomains domains;

	@MockitoBean
	Hosts hosts;

	@BeforeEach
	void setUp() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
		given(this.domains.list())
			.willReturn(List.of(new MailDomain("xoyize.xyz", true), new MailDomain("cinay.eu", false)));
		given(this.domains.isLocal("xoyize.xyz")).willReturn(true);
		given(this.domains.isLocal("cinay.eu")).willReturn(true);
		given(this.mailboxes.find(anyString())).willReturn(Optional.empty());
		given(this.mailboxes.find("alice@xoyize.xyz"))
			.willReturn(Optional.of(Mailbox.of("alice@xoyize.xyz", true, true)));
		given(this.mailboxes.find("half@xoyize.xyz"))
			.willReturn(Optional.of(Mailbox.of("half@xoyize.xyz", true, false)));
		given(this.mailboxes.find("old@xoyize.xyz")).willReturn(Optional.of(Mailbox.of("old@xoyize.xyz", false, true)));
		given(this.mailboxes.needsKeptMailConsent("old@xoyize.xyz", false)).willReturn(true);
	}

	@Test
	@WithMockUser(roles = "USER")
	void pagesNeedTheAdminRole() throws Exception {
		this.mvc.perform(get("/mailboxes")).andExpect(status().isForbidden());
	}

	@Test
	@WithAnonymousUser
	void listWithoutLoginRedirectsToLogin() throws Exception {
		this.mvc.perform(get("/mailboxes")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void listShowsStatesActionsAndPaging() throws Exception {
		List<Mailbox> content = List.of(Mailbox.of("alice@xoyize.xyz", true, true),
				Mailbox.of("half@xoyize.xyz", true, false), Mailbox.of("old@xoyize.xyz", false, true));
		given(this.mailboxes.find("xoyize.xyz", "o", PageRequest.of(1, MailboxController.PAGE_SIZE)))
			.willReturn(new PageImpl<>(content, PageRequest.of(1, MailboxController.PAGE_SIZE), 153));

		this.mvc.perform(get("/mailboxes").param("domain", "XOYIZE.xyz").param("q", "o").param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(view().name(MailboxController.LIST_VIEW))
			.andExpect(content().string(allOf(containsString("153 mailboxes"), containsString("alice@xoyize.xyz"),
					containsString("half-made: login without mail storage"),
					containsString("action=\"/mailboxes/half@xoyize.xyz/repair\""),
					containsString("href=\"/mailboxes/alice@xoyize.xyz/password\">Password</a>"),
					containsString("href=\"/mailboxes/old@xoyize.xyz/delete\">Delete</a>"),
					not(containsString("/mailboxes/old@xoyize.xyz/password")),
					containsString("archived: mail kept, no login"),
					containsString("/mailboxes/new?localPart=old&amp;domain=xoyize.xyz"), containsString("Page 2 of 4"),
					containsString("page=2"), containsString("<span class=\"badge badge-ok\">ready</span>"),
					containsString("<span class=\"badge badge-warning\">half-made"),
					containsString("<span class=\"badge badge-warning\">archived"),
					not(containsString("/mailboxes/alice@xoyize.xyz/repair")),
					not(containsString("/mailboxes/old@xoyize.xyz/repair")), not(containsString("localPart=alice")),
					not(containsString("localPart=half")))));
	}

	@Test
	void listWhenMaddyFailsSaysSoInPlainWords() throws Exception {
		given(this.mailboxes.find(any(), any(), any())).willThrow(new MaddyException(
				new MaddyRun("maddy --config /etc/maddy/maddy.conf creds list", -1, MaddyError.NOT_INSTALLED, "")));

		this.mvc.perform(get("/mailboxes"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("maddy could not list the mailboxes"),
					containsString("maddy is not installed where the setting postern.maddy.binary says"))));
	}

	@Test
	void listSaysHowOldTheListIsAndWhyItCouldNotBeReadAgain() throws Exception {
		given(this.mailboxes.find(any(), any(), any()))
			.willReturn(new PageImpl<>(List.of(Mailbox.of("alice@xoyize.xyz", true, true))));
		Instant now = Instant.parse("2026-12-06T22:00:00Z");
		given(this.mailboxes.listStatus()).willReturn(new MailboxListStatus(now.minusSeconds(12), now, true,
				now.minusSeconds(2), "maddy.error.timed-out", "killed after 60 s"));

		this.mvc.perform(get("/mailboxes").param("q", "ali"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("List read 12 s ago."),
					containsString("Reading it again from maddy"), containsString("name=\"q\" value=\"ali\""),
					containsString("maddy could not list the mailboxes again (maddy did not answer in time): "
							+ "killed after 60 s. This is the last list read."))));
		given(this.mailboxes.listStatus())
			.willReturn(new MailboxListStatus(now.minusSeconds(190), now, false, null, null, null));
		this.mvc.perform(get("/mailboxes").param("lang", "fr"))
			.andExpect(content().string(allOf(containsString("Liste lue il y a 3 min."),
					not(containsString("Nouvelle lecture")), not(containsString("relister")))));
	}

	@Test
	void refreshReadsTheListAgainAndGoesBackToThePage() throws Exception {
		this.mvc
			.perform(post("/mailboxes/refresh").param("domain", "XOYIZE.xyz")
				.param("q", "ali")
				.param("page", "2")
				.with(csrf()))
			.andExpect(redirectedUrl("/mailboxes?domain=xoyize.xyz&q=ali&page=2"));
		verify(this.mailboxes).refresh();
		this.mvc.perform(post("/mailboxes/refresh").param("domain", "not a domain/..").with(csrf()))
			.andExpect(redirectedUrl("/mailboxes"));
		this.mvc.perform(post("/mailboxes/refresh").param("page", "two").with(csrf()))
			.andExpect(redirectedUrl("/mailboxes"));
		this.mvc.perform(post("/mailboxes/refresh")).andExpect(status().isForbidden());
	}

	@Test
	void newFormOffersTheLocalDomainsAndAGenerateButton() throws Exception {
		this.mvc.perform(get("/mailboxes/new").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"localPart\""), containsString("name=\"domain\""),
					containsString("xoyize.xyz (principal)"), containsString("name=\"password\""),
					containsString("name=\"passwordConfirm\""), containsString("name=\"generate\""),
					not(containsString("<script>")))));
	}

	@Test
	void generateProposesAPassphraseAndCreatesNothing() throws Exception {
		this.mvc
			.perform(post("/mailboxes/new").with(csrf())
				.param("localPart", "carol")
				.param("domain", "xoyize.xyz")
				.param("generate", "1"))
			.andExpect(status().isOk())
			.andExpect(view().name(MailboxController.NEW_VIEW))
			.andExpect(model().attributeExists("generated"))
			.andExpect(content().string(containsString("id=\"generated\"")));
		verify(this.mailboxes, never()).create(anyString(), anyString(), anyBoolean());
	}

	@Test
	void createRedirectsToTheResultWithTheOutcome() throws Exception {
		MailboxOutcome outcome = new MailboxOutcome(Action.CREATE, "carol@xoyize.xyz", true, "mailboxes.result.created",
				List.of(), List.of());
		given(this.mailboxes.create("carol@xoyize.xyz", GOOD_PASSWORD, false)).willReturn(outcome);

		this.mvc
			.perform(post("/mailboxes/new").with(csrf())
				.param("localPart", "Carol")
				.param("domain", "xoyize.xyz")
				.param("password", GOOD_PASSWORD)
				.param("passwordConfirm", GOOD_PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/mailboxes/result"))
			.andExpect(flash().attribute("outcome", outcome));
	}

	@Test
	void createWithBadFieldsShowsMessagesNextToTheFields() throws Exception {
		this.mvc
			.perform(post("/mailboxes/new").with(csrf())
				.param("localPart", "carol")
				.param("domain", "elsewhere.example")
				.param("password", "carol-is-me-1234")
				.param("passwordConfirm", "something else"))
			.andExpect(status().isOk())
			.andExpect(view().name(MailboxController.NEW_VIEW))
			.andExpect(model().attributeHasFieldErrorCode("form", "domain", "mailboxes.domain.not-local"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "mailboxes.password.contains-name"))
			.andExpect(model().attributeHasFieldErrorCode("form", "passwordConfirm", "mailboxes.password.mismatch"))
			.andExpect(content().string(allOf(containsString("Choose one of the local domains of maddy."),
					containsString("The password must not contain the name before the @."))));
		verify(this.mailboxes, never()).create(anyString(), anyString(), anyBoolean());
	}

	@Test
	void createOfAnArchivedAddressAsksForConsentFirst() throws Exception {
		this.mvc
			.perform(post("/mailboxes/new").with(csrf())
				.param("localPart", "old")
				.param("domain", "xoyize.xyz")
				.param("password", GOOD_PASSWORD)
				.param("passwordConfirm", GOOD_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "takeOverKeptMail", "mailboxes.note.kept-mail"))
			.andExpect(content().string(allOf(containsString("name=\"takeOverKeptMail\""),
					containsString("its new owner will see all that old mail"))));
		verify(this.mailboxes, never()).create(anyString(), anyString(), anyBoolean());
	}

	@Test
	void resultPageSaysWhatRanAndWhatHappened() throws Exception {
		MailboxOutcome outcome = new MailboxOutcome(Action.CREATE, "carol@xoyize.xyz", false,
				"mailboxes.result.create-undone",
				List.of(new MaddyRun("maddy --config /etc/maddy/maddy.conf creds create carol@xoyize.xyz", 0, null, ""),
						new MaddyRun("maddy --config /etc/maddy/maddy.conf imap-acct create carol@xoyize.xyz", 1,
								MaddyError.FAILED, "imapsql: disk full"),
						new MaddyRun("maddy --config /etc/maddy/maddy.conf creds remove -y carol@xoyize.xyz", 0, null,
								"")),
				List.of());

		this.mvc.perform(get("/mailboxes/result").flashAttr("outcome", outcome))
			.andExpect(status().isOk())
			.andExpect(view().name(MailboxController.RESULT_VIEW))
			.andExpect(content().string(allOf(containsString("its login was removed again"),
					containsString("$ maddy --config /etc/maddy/maddy.conf imap-acct create carol@xoyize.xyz"),
					containsString("imapsql: disk full"), containsString("creds remove -y carol@xoyize.xyz"))));
		this.mvc.perform(get("/mailboxes/result")).andExpect(redirectedUrl("/mailboxes"));
	}

	@Test
	void passwordChecksExistenceAndRules() throws Exception {
		this.mvc.perform(get("/mailboxes/nobody@xoyize.xyz/password")).andExpect(status().isNotFound());
		this.mvc.perform(get("/mailboxes/alice@xoyize.xyz/password")).andExpect(status().isOk());
		this.mvc
			.perform(post("/mailboxes/alice@xoyize.xyz/password").with(csrf())
				.param("password", "short")
				.param("passwordConfirm", "short"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "mailboxes.password.too-short"));
		given(this.mailboxes.changePassword("alice@xoyize.xyz", GOOD_PASSWORD)).willReturn(new MailboxOutcome(
				Action.PASSWORD, "alice@xoyize.xyz", true, "mailboxes.result.password-changed", List.of(), List.of()));
		this.mvc
			.perform(post("/mailboxes/alice@xoyize.xyz/password").with(csrf())
				.param("password", GOOD_PASSWORD)
				.param("passwordConfirm", GOOD_PASSWORD))
			.andExpect(redirectedUrl("/mailboxes/result"));
		verify(this.mailboxes).changePassword("alice@xoyize.xyz", GOOD_PASSWORD);
	}

	@Test
	void deleteDefaultsToArchiveAndNeedsTheAddressTyped() throws Exception {
		this.mvc.perform(get("/mailboxes/alice@xoyize.xyz/delete"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("value=\"true\" id=\"keepMail1\" name=\"keepMail\" checked=\"checked\""),
						containsString("name=\"confirm\""))));
		this.mvc.perform(post("/mailboxes/alice@xoyize.xyz/delete").with(csrf()).param("confirm", "bob@xoyize.xyz"))
			.andExpect(model().attributeHasFieldErrorCode("form", "confirm", "mailboxes.delete.confirm.mismatch"));
		verify(this.mailboxes, never()).delete(anyString(), anyBoolean());

		given(this.mailboxes.delete("alice@xoyize.xyz", true)).willReturn(new MailboxOutcome(Action.ARCHIVE,
				"alice@xoyize.xyz", true, "mailboxes.result.archived", List.of(), List.of()));
		this.mvc.perform(post("/mailboxes/alice@xoyize.xyz/delete").with(csrf()).param("confirm", "alice@xoyize.xyz"))
			.andExpect(redirectedUrl("/mailboxes/result"));
		verify(this.mailboxes).delete("alice@xoyize.xyz", true);
	}

	@Test
	void repairRunsTheServiceAndShowsTheResult() throws Exception {
		given(this.mailboxes.repair("half@xoyize.xyz")).willReturn(new MailboxOutcome(Action.REPAIR, "half@xoyize.xyz",
				true, "mailboxes.result.repaired", List.of(), List.of()));
		this.mvc.perform(post("/mailboxes/half@xoyize.xyz/repair").with(csrf()))
			.andExpect(redirectedUrl("/mailboxes/result"));
		this.mvc.perform(post("/mailboxes/half@xoyize.xyz/repair")).andExpect(status().isForbidden());
	}

	@Test
	void hostileAddressInThePathIsNotFound() throws Exception {
		this.mvc.perform(post("/mailboxes/..%2F..%2Fetc@x.y/delete").with(csrf()).param("confirm", "x"))
			.andExpect(status().is(org.hamcrest.Matchers.oneOf(400, 404)));
		this.mvc.perform(get("/mailboxes/a b@xoyize.xyz/password")).andExpect(status().isNotFound());
		verify(this.mailboxes, never()).delete(anyString(), anyBoolean());
	}

}
