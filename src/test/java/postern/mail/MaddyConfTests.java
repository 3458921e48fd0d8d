package postern.mail;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import postern.mail.RewriteStep.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MaddyConfTests {

	private static final String FULL = MailFixtures.read("maddy.conf");

	@Test
	void parseThenTextGivesTheSameBytes() {
		assertThat(MaddyConf.parse(FULL).text()).isEqualTo(FULL);
	}

	@Test
	void macrosAreExpandedThroughEachOther() {
		MaddyConf conf = MaddyConf.parse(FULL);
		assertThat(conf.hostname()).contains("mx1.xoyize.xyz");
		assertThat(conf.primaryDomain()).contains("xoyize.xyz");
		assertThat(conf.localDomains()).containsExactly("xoyize.xyz", "cinay.eu", "yanfi.net", "ouestline.xyz",
				"rnmkcy.eu");
		assertThat(conf.macro("undefined")).isEmpty();
	}

	@Test
	void lastDefinitionOfAMacroWins() {
		MaddyConf conf = MaddyConf.parse("$(primary_domain) = a.example\n$(primary_domain) = b.example\n");
		assertThat(conf.primaryDomain()).contains("b.example");
	}

	@Test
	void addingALocalDomainChangesOnlyItsLine() {
		MaddyConf edited = MaddyConf.parse(FULL).withLocalDomain("exemple.fr");
		assertThat(edited.localDomains()).endsWith("rnmkcy.eu", "exemple.fr");
		assertThat(MailFixtures.changedLines(FULL, edited.text()))
			.containsExactly("$(local_domains) = $(primary_domain) cinay.eu yanfi.net ouestline.xyz rnmkcy.eu -> "
					+ "$(local_domains) = $(primary_domain) cinay.eu yanfi.net ouestline.xyz rnmkcy.eu exemple.fr");
	}

	@Test
	void addingKeepsATrailingCommentAndBlanksOfTheLine() {
		String text = "$(local_domains) = a.example   # mine\r\nsmtp tcp://0.0.0.0:25 {\r\n}\r\n";
		assertThat(MaddyConf.parse(text).withLocalDomain("b.example").text())
			.isEqualTo("$(local_domains) = a.example b.example   # mine\r\nsmtp tcp://0.0.0.0:25 {\r\n}\r\n");
	}

	@Test
	void addingAListedDomainIsRefused() {
		assertThatExceptionOfType(MailFileException.class)
			.isThrownBy(() -> MaddyConf.parse(FULL).withLocalDomain("cinay.eu"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.domain.exists"));
		assertThatExceptionOfType(MailFileException.class)
			.isThrownBy(() -> MaddyConf.parse(FULL).withLocalDomain("xoyize.xyz"));
	}

	@Test
	void removingADomainRemovesOnlyThatWord() {
		MaddyConf edited = MaddyConf.parse(FULL).withoutLocalDomain("yanfi.net");
		assertThat(edited.localDomains()).containsExactly("xoyize.xyz", "cinay.eu", "ouestline.xyz", "rnmkcy.eu");
		assertThat(MailFixtures.changedLines(FULL, edited.text())).hasSize(1);
		assertThat(edited.withLocalDomain("yanfi.net").localDomains()).endsWith("yanfi.net");
	}

	@Test
	void removingThePrimaryOrAMissingDomainIsRefused() {
		MaddyConf conf = MaddyConf.parse(FULL);
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> conf.withoutLocalDomain("xoyize.xyz"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.domain.primary"));
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> conf.withoutLocalDomain("nowhere.example"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.domain.missing"));
	}

	@Test
	void editingWithoutTheMacroIsRefused() {
		assertThatExceptionOfType(MailFileException.class)
			.isThrownBy(() -> MaddyConf.parse("hostname mx.example.org\n").withLocalDomain("example.org"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.local-domains.missing"));
	}

	@Test
	void rewriteStepsOfTheDefaultChainAreDescribed() {
		List<RewriteStep> steps = MaddyConf.parse(FULL).rewriteSteps();
		assertThat(steps).extracting(RewriteStep::kind).containsExactly(Kind.REGEXP, Kind.STATIC, Kind.FILE);
		assertThat(steps.get(0).from()).isEqualTo("(.+)\\+(.+)@(.+)");
		assertThat(steps.get(0).to()).isEqualTo("$1@$3");
		assertThat(steps.get(1).from()).isEqualTo("postmaster");
		assertThat(steps.get(1).to()).isEqualTo("postmaster@xoyize.xyz");
		assertThat(steps.get(2).from()).isEqualTo("/etc/maddy/aliases");
		assertThat(steps).noneMatch(RewriteStep::catchAll);
	}

	@Test
	void aRegexpThatCatchesEveryRecipientIsFlaggedWithItsDomains() {
		String everything = FULL.replace("    optional_step file /etc/maddy/aliases\n",
				"    optional_step file /etc/maddy/aliases\n    optional_step regexp \"(.+)@(.+)\" \"yann@$2\"\n");
		String oneDomain = FULL.replace("    optional_step file /etc/maddy/aliases\n",
				"    optional_step file /etc/maddy/aliases\n    optional_step regexp \"(.+)@cinay\\.eu\" \"yann@xoyize.xyz\"\n");
		assertThat(MaddyConf.parse(everything).rewriteSteps().get(3).catchAllDomains()).containsExactly("xoyize.xyz",
				"cinay.eu", "yanfi.net", "ouestline.xyz", "rnmkcy.eu");
		assertThat(MaddyConf.parse(oneDomain).rewriteSteps().get(3).catchAllDomains()).containsExactly("cinay.eu");
	}

	@Test
	void aRegexpThatGivesBackTheSameAddressIsNoCatchAll() {
		String text = "$(local_domains) = a.example\ntable.chain local_rewrites {\n"
				+ "    optional_step regexp \"(.+)@(.+)\" \"$1@$2\"\n}\n";
		assertThat(MaddyConf.parse(text).rewriteSteps().get(0).catchAll()).isFalse();
	}

	@Test
	void quotedStringsWithEscapedQuotesAndCommentsAreRead() {
		String text = "# a { comment with a brace\n$(local_domains) = a.example\nx \"say \\\"}\\\" here\" {\n  y\n}\n";
		assertThat(MaddyConf.parse(text).localDomains()).containsExactly("a.example");
	}

	@Test
	void unbalancedBracesAndOpenStringsAreSyntaxErrors() {
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> MaddyConf.parse("smtp x {\n  y\n"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.syntax.unclosed-block"));
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> MaddyConf.parse("a\n}\n"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.syntax.unexpected-brace"));
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> MaddyConf.parse("a \"open\n"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.syntax.unclosed-string"));
		assertThatExceptionOfType(MailFileException.class)
			.isThrownBy(() -> MaddyConf.parse("a {\n".repeat(20_000) + "}\n".repeat(20_000)))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.syntax.too-deep"));
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> MaddyConf.parse("{\n}\n"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.syntax.block-without-name"));
	}

	@Test
	void environmentPlaceholdersPostarnDoesNotKnowAreNeverTakenForNames() {
		String text = "$(hostname) = {env:MADDY_HOSTNAME}\n$(primary_domain) = {env:MADDY_DOMAIN}\n"
				+ "$(local_domains) = $(primary_domain)\n" + LOCAL_ROUTING;
		MaddyConf conf = MaddyConf.parse(text);
		assertThat(conf.hostname()).isEmpty();
		assertThat(conf.hostnameValue()).get().extracting(MaddyValue::variable).isEqualTo("MADDY_HOSTNAME");
		assertThat(conf.primaryDomain()).isEmpty();
		assertThat(conf.localDomains()).isEmpty();
		assertThat(conf.unknownLocalDomains()).containsExactly("MADDY_DOMAIN");
		assertThat(MailFixtures.changedLines(text, conf.withLocalDomain("b.example").text()))
			.containsExactly("$(local_domains) = $(primary_domain) -> $(local_domains) = $(primary_domain) b.example");
	}

	@Test
	void environmentPlaceholdersAreResolvedFromTheKnownEnvironment() {
		String text = "$(hostname) = mx.{env:MADDY_DOMAIN}\n$(primary_domain) = {env:MADDY_DOMAIN}\n"
				+ "$(local_domains) = $(primary_domain) other.example\n" + LOCAL_ROUTING;
		MaddyConf conf = MaddyConf.parse(text, Map.of("MADDY_DOMAIN", "Example.ORG"));
		assertThat(conf.hostname()).contains("mx.example.org");
		assertThat(conf.primaryDomain()).contains("example.org");
		assertThat(conf.localDomains()).containsExactly("example.org", "other.example");
		assertThat(conf.unknownLocalDomains()).isEmpty();
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> conf.withoutLocalDomain("example.org"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.domain.primary"));
	}

	@Test
	void localDomainsHoldingOtherMacrosTakeANewDomainOnTheirLine() {
		String text = "$(hostname) = mx.a.example\n$(primary_domain) = a.example\n"
				+ "$(local_domains) = $(hostname) $(primary_domain) b.example\n" + LOCAL_ROUTING;
		MaddyConf conf = MaddyConf.parse(text);
		assertThat(conf.localDomains()).containsExactly("mx.a.example", "a.example", "b.example");
		assertThat(conf.domainListLine().line()).isEqualTo(3);
		MaddyConf added = conf.withLocalDomain("c.example");
		assertThat(MailFixtures.changedLines(text, added.text()))
			.containsExactly("$(local_domains) = $(hostname) $(primary_domain) b.example -> "
					+ "$(local_domains) = $(hostname) $(primary_domain) b.example c.example");
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> conf.withoutLocalDomain("mx.a.example"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.domain.indirect"));
		assertThat(conf.withoutLocalDomain("b.example").localDomains()).containsExactly("mx.a.example", "a.example");
	}

	@Test
	void domainsNamedInTheDestinationLineAreEditedThere() {
		String text = "storage.imapsql local_mailboxes {\n\tdsn imapsql.db\n}\n"
				+ "target.queue remote_queue {\n\ttarget &outbound\n}\n" + "msgpipeline local_routing {\n"
				+ "\tdestination postmaster a.example B.example {\n\t\tdeliver_to &local_mailboxes\n\t}\n"
				+ "\tdestination forwarded.example {\n\t\tdeliver_to &remote_queue\n\t}\n"
				+ "\tdefault_destination {\n\t\treject\n\t}\n}\n";
		MaddyConf conf = MaddyConf.parse(text);
		assertThat(conf.localDomains()).containsExactly("a.example", "b.example");
		assertThat(conf.domainListLine().line()).isEqualTo(8);
		assertThat(MailFixtures.changedLines(text, conf.withLocalDomain("c.example").text())).containsExactly(
				"\tdestination postmaster a.example B.example { -> \tdestination postmaster a.example B.example c.example {");
		assertThat(MailFixtures.changedLines(text, conf.withoutLocalDomain("a.example").text()))
			.containsExactly("\tdestination postmaster a.example B.example { -> \tdestination postmaster B.example {");
	}

	@Test
	void domainsWrittenInSeveralLinesHaveNoSingleLineAndNothingChanges() {
		String text = "smtp tcp://0.0.0.0:25 {\n\tsource a.example b.example {\n\t\treject\n\t}\n"
				+ "\tdestination a.example b.example {\n\t\tdeliver_to &local_mailboxes\n\t}\n}\n"
				+ "submission tcp://0.0.0.0:587 {\n\tsource a.example b.example {\n\t\tdeliver_to &remote_queue\n\t}\n}\n";
		MaddyConf conf = MaddyConf.parse(text);
		assertThat(conf.localDomains()).containsExactly("a.example", "b.example");
		assertThat(conf.domainListLine().found()).isFalse();
		assertThat(conf.domainListLine().problemArguments()).containsExactly("2, 5, 10");
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> conf.withLocalDomain("c.example"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.local-domains.several"));
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> conf.withoutLocalDomain("b.example"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.local-domains.several"));
	}

	@Test
	void theLastValueOfTheListIsNotRemoved() {
		MaddyConf conf = MaddyConf.parse("$(local_domains) = a.example\n");
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> conf.withoutLocalDomain("a.example"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.domain.last"));
	}

	@Test
	void continuationsOneLineBlocksAndCommentsInsideWordsAreReadAsMaddyReadsThem() {
		String text = "$(local_domains) = a.example \\\n    b.example#c.example\n"
				+ "tls off { debug }\nx \"a\\\\\" {\n}\n";
		MaddyConf conf = MaddyConf.parse(text);
		assertThat(conf.localDomains()).containsExactly("a.example", "b.example");
		assertThat(conf.withLocalDomain("d.example").text())
			.startsWith("$(local_domains) = a.example \\\n    b.example d.example#c.example\n");
	}

	private static final String LOCAL_ROUTING = "msgpipeline local_routing {\n"
			+ "    destination postmaster $(local_domains) {\n        deliver_to &local_mailboxes\n    }\n}\n";

}
