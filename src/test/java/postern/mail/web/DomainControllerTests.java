package postern.mail.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import postern.change.Change;
import postern.change.ChangeFixtures;
import postern.host.Hosts;
import postern.mail.MaddyError;
import postern.mail.MaddyException;
import postern.mail.MaddyRun;
import postern.mail.Mailbox;
import postern.mail.Mailboxes;
import postern.mail.Alias;
import postern.mail.Aliases;
import postern.mail.DnsRecord;
import postern.mail.MailDnsRecords;
import postern.mail.MailDnsSet;
import postern.mail.MailDomain;
import postern.mail.MailDomains;
import postern.mail.DomainListLine;
import postern.mail.DomainsOverview;
import postern.mail.MailFileException;
import postern.sites.SiteFieldException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = DomainController.class, properties = "spring.messages.basename=messages,i18n/mail")
@WithMockUser
class DomainControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Hosts hosts;

	@MockitoBean
	Mailboxes mailboxes;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
	}

	@MockitoBean
	MailDomains domains;

	@MockitoBean
	Aliases aliases;

	@MockitoBean
	MailDnsRecords dnsRecords;

	static List<String> hostileDomains() {
		return HostileInputs.domains();
	}

	@Test
	void listShowsEachDomainWithThePrimaryMarked() throws Exception {
		given(this.domains.overview())
			.willReturn(overview(List.of(new MailDomain("xoyize.xyz", true), new MailDomain("xn--caf-dma.fr", false))));
		this.mvc.perform(get("/domains"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("xoyize.xyz"), containsString("primary"),
					containsString("café.fr"), containsString("xn--caf-dma.fr"))));
	}

	@Test
	void listShowsTheDomainsAndSaysWhatMaddysCommandLineAnsweredWhenItFails() throws Exception {
		given(this.domains.overview()).willReturn(overview(List.of(new MailDomain("xoyize.xyz", true))));
		given(this.mailboxes.countsByDomain())
			.willThrow(new MaddyException(new MaddyRun("sudo -n -u maddy maddy creds list", 1, MaddyError.NOT_INSTALLED,
					"sudo: unknown user maddy")));
		this.mvc.perform(get("/domains"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("sudo: unknown user maddy"),
					containsString("postern.maddy.command-prefix"), containsString("xoyize.xyz"))));
	}

	@Test
	void listNamesTheVariableOfADomainPosternDoesNotKnowAndNeverShowsThePlaceholder() throws Exception {
		given(this.domains.overview()).willReturn(new DomainsOverview(List.of(), List.of("MADDY_DOMAIN"),
				new DomainListLine(3, "local_domains", null, List.of(), null, List.of()), "MADDY_HOSTNAME"));
		this.mvc.perform(get("/domains"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("set by the environment variable MADDY_DOMAIN"),
					containsString("The MX host is set by the environment variable MADDY_HOSTNAME"),
					containsString("postern.maddy.environment"), containsString("line 3 of maddy.conf"),
					containsString("href=\"/domains/new\""), not(containsString("{env:")),
					not(containsString("maddy receives mail for no domain yet")))));
	}

	@Test
	void listWithoutASingleLineOfDomainsSaysSoAndOffersNoAddition() throws Exception {
		given(this.domains.overview()).willReturn(new DomainsOverview(List.of(new MailDomain("a.example", false)),
				List.of(),
				new DomainListLine(0, null, null, List.of(), "maddy-conf.local-domains.several", List.of("2, 5, 10")),
				null));
		this.mvc.perform(get("/domains"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("lines 2, 5, 10 name them each"),
					containsString("a.example"), not(containsString("href=\"/domains/new\"")))));
	}

	@Test
	void aPageDrawnForAnUnreadableFileStillShowsWhoIsSignedIn() throws Exception {
		given(this.domains.overview()).willThrow(new MailFileException("maddy-conf.env.mx-unknown", "MADDY_HOSTNAME"));
		this.mvc.perform(get("/domains"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("MADDY_HOSTNAME"), containsString("class=\"logout\""))));
	}

	@Test
	void newDomainWhoseMxHostIsAnUnknownVariableIsRefusedNextToThePolicyBox() throws Exception {
		given(this.domains.previewAdd("b.example", true))
			.willThrow(new MailFileException("maddy-conf.env.mx-unknown", "MADDY_HOSTNAME"));
		this.mvc.perform(post("/domains/new").with(csrf()).param("name", "b.example").param("mtaSts", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "mtaSts"))
			.andExpect(content().string(allOf(containsString("MADDY_HOSTNAME"),
					containsString("postern.maddy.environment"), containsString("class=\"field-error\""))));
	}

	@Test
	void newDomainWhosePolicySiteCaddyRefusesShowsTheReasonInsteadOfAnError() throws Exception {
		SiteFieldException refused = mock(SiteFieldException.class);
		given(refused.getMessageKey()).willReturn("domains.error.caddyfile-unreadable");
		given(refused.getArgs()).willReturn(new Object[] { "line 5: expected '{'" });
		given(this.domains.previewAdd("b.example", true)).willThrow(refused);
		this.mvc.perform(post("/domains/new").with(csrf()).param("name", "b.example").param("mtaSts", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "mtaSts"))
			.andExpect(content().string(containsString("line 5: expected")));
	}

	@Test
	void newDomainStoresAnInternationalNameInPunycode() throws Exception {
		Change change = mock(Change.class);
		given(change.getId()).willReturn(5L);
		given(this.domains.previewAdd("xn--caf-dma.fr", true)).willReturn(change);

		this.mvc.perform(post("/domains/new").with(csrf()).param("name", "Café.fr"))
			.andExpect(redirectedUrl("/changes/5"));
	}

	@ParameterizedTest
	@MethodSource("hostileDomains")
	void newDomainWhenHostileShowsFieldErrorAndPreviewsNothing(String hostile) throws Exception {
		this.mvc.perform(post("/domains/new").with(csrf()).param("name", hostile))
			.andExpect(status().isOk())
			.andExpect(view().name(DomainController.FORM_VIEW))
			.andExpect(model().attributeHasFieldErrors("form", "name"))
			.andExpect(content().string(containsString("class=\"field-error\"")));
		verify(this.domains, never()).previewAdd(anyString(), anyBoolean());
	}

	@Test
	void showListsTheRecordsToPublishWithACopyButtonAndTheZoneSnippet() throws Exception {
		given(this.domains.find("cinay.eu")).willReturn(Optional.of(new MailDomain("cinay.eu", false)));
		given(this.aliases.list()).willReturn(List.of());
		given(this.domains.rewriteSteps()).willReturn(List.of());
		given(this.mailboxes.all()).willReturn(List.of(Mailbox.of("yann@xoyize.xyz", true, true)));
		MailDnsSet dns = new MailDnsSet("cinay.eu", "mx1.xoyize.xyz", List.of(new DnsRecord("_dmarc.cinay.eu", "TXT",
				"v=DMARC1; p=quarantine", "\"v=DMARC1; p=quarantine\"", "dns.purpose.dmarc")), true, false);
		given(this.dnsRecords.recordsOf("cinay.eu")).willReturn(dns);

		this.mvc.perform(get("/domains/cinay.eu"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("_dmarc.cinay.eu"), containsString("data-copy=\"record-0\""),
						containsString("href=\"/sites/new?domain=cinay.eu&amp;mx=mx1.xoyize.xyz\""), containsString(
								"_dmarc.cinay.eu.                  3600 IN TXT &quot;v=DMARC1; p=quarantine&quot;"))));
	}

	@Test
	void showPagesTheDomainsAliasesAndMailboxesAndKeepsTheTotalInTheHeading() throws Exception {
		given(this.domains.find("cinay.eu")).willReturn(Optional.of(new MailDomain("cinay.eu", false)));
		List<Alias> aliases = IntStream.range(0, 250)
			.mapToObj((n) -> new Alias(String.format("a%03d@cinay.eu", n), List.of("yann@xoyize.xyz"), n + 1))
			.toList();
		given(this.aliases.inDomain("cinay.eu")).willReturn(aliases);
		given(this.mailboxes.inDomain("cinay.eu")).willReturn(IntStream.range(0, 130)
			.mapToObj((n) -> Mailbox.of(String.format("m%03d@cinay.eu", n), true, true))
			.toList());
		given(this.domains.rewriteSteps()).willReturn(List.of());
		given(this.domains.unknownMxHostVariable()).willReturn(Optional.of("MX"));

		this.mvc.perform(get("/domains/cinay.eu").param("page", "2").param("mailboxes", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("a200@cinay.eu"), containsString("a249@cinay.eu"),
					not(containsString("a199@cinay.eu")), not(containsString("x@xoyize.xyz")),
					not(containsString("odd@x@cinay.eu")), containsString("m100@cinay.eu"),
					not(containsString("m099@cinay.eu")), containsString("130 mailboxes"),
					containsString("href=\"/domains/cinay.eu?page=1\""),
					containsString("href=\"/domains/cinay.eu?mailboxes=0\""))));
		this.mvc.perform(get("/domains/cinay.eu").param("page", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("a000@cinay.eu"), not(containsString("a100@cinay.eu")),
					containsString("m099@cinay.eu"), not(containsString("m100@cinay.eu")))));
	}

	@Test
	void showOfADomainThatIsNotLocalIsNotFound() throws Exception {
		given(this.domains.find(anyString())).willReturn(Optional.empty());
		this.mvc.perform(get("/domains/elsewhere.example")).andExpect(status().isNotFound());
	}

	@Test
	void deleteOfADomainWithMailboxesNeedsItsNameTypedAgain() throws Exception {
		given(this.domains.find("cinay.eu")).willReturn(Optional.of(new MailDomain("cinay.eu", false)));
		given(this.mailboxes.inDomain("cinay.eu")).willReturn(List.of(Mailbox.of("yann@cinay.eu", true, true)));

		this.mvc.perform(post("/domains/cinay.eu/delete").with(csrf()).param("confirm", "cinay"))
			.andExpect(status().isOk())
			.andExpect(view().name(DomainController.DELETE_VIEW))
			.andExpect(content().string(containsString("That is not the name of this domain.")));
		verify(this.domains, never()).previewRemove(anyString());
	}

	@Test
	void deleteOfADomainWithoutMailboxesNeedsNoTyping() throws Exception {
		Change change = mock(Change.class);
		given(change.getId()).willReturn(9L);
		given(this.domains.find("cinay.eu")).willReturn(Optional.of(new MailDomain("cinay.eu", false)));
		given(this.aliases.list()).willReturn(List.of());
		given(this.mailboxes.all()).willReturn(List.of(Mailbox.of("yann@xoyize.xyz", true, true)));
		given(this.domains.previewRemove("cinay.eu")).willReturn(change);

		this.mvc.perform(post("/domains/cinay.eu/delete").with(csrf())).andExpect(redirectedUrl("/changes/9"));
	}

	private static DomainsOverview overview(List<MailDomain> domains) {
		return new DomainsOverview(domains, List.of(),
				new DomainListLine(3, "local_domains", null, List.of(), null, List.of()), null);
	}

}
