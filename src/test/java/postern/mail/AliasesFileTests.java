package postern.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AliasesFileTests {

	private static final String REFERENCE = MailFixtures.read("aliases");

	@Test
	void parseThenTextGivesTheSameBytes() {
		assertThat(AliasesFile.parse(REFERENCE).text()).isEqualTo(REFERENCE);
		assertThat(AliasesFile.parse("").text()).isEmpty();
		assertThat(AliasesFile.parse("a@x.org: b@x.org").text()).isEqualTo("a@x.org: b@x.org");
	}

	@Test
	void aliasesAreReadAsMaddyReadsThem() {
		List<Alias> aliases = AliasesFile.parse(REFERENCE).aliases();
		assertThat(aliases).hasSize(9);
		assertThat(aliases.get(0)).isEqualTo(new Alias("postmaster@xoyize.xyz", List.of("yann@xoyize.xyz"), 2));
		assertThat(AliasesFile.parse(REFERENCE).find("equipe@yanfi.net")).get()
			.extracting(Alias::targets)
			.isEqualTo(List.of("yann@xoyize.xyz", "marie@yanfi.net", "paul@yanfi.net"));
		assertThat(AliasesFile.parse(REFERENCE).find("contact@cinay.eu")).isPresent();
		assertThat(AliasesFile.parse(REFERENCE).find("spaced@ouestline.xyz")).isPresent();
		assertThat(AliasesFile.parse(REFERENCE).problems()).isEmpty();
	}

	@Test
	void repeatedKeysAddTargets() {
		AliasesFile file = AliasesFile.parse("a@x.org: b@x.org\nc@x.org: d@x.org\na@x.org: e@x.org\n");
		assertThat(file.find("a@x.org")).get().extracting(Alias::targets).isEqualTo(List.of("b@x.org", "e@x.org"));
	}

	@Test
	void addingAppendsOneLineAndKeepsEverythingElse() {
		String edited = AliasesFile.parse(REFERENCE)
			.withAlias("info@rnmkcy.eu", List.of("yann@xoyize.xyz", "marie@yanfi.net"))
			.text();
		assertThat(edited).isEqualTo(REFERENCE + "info@rnmkcy.eu: yann@xoyize.xyz, marie@yanfi.net\n");
	}

	@Test
	void addingToAFileWithoutFinalNewlineOrInCrlfKeepsItsLines() {
		assertThat(AliasesFile.parse("a@x.org: b@x.org").withAlias("c@x.org", List.of("d@x.org")).text())
			.isEqualTo("a@x.org: b@x.org\nc@x.org: d@x.org\n");
		assertThat(AliasesFile.parse("# crlf\r\na@x.org: b@x.org\r\n").withAlias("c@x.org", List.of("d@x.org")).text())
			.isEqualTo("# crlf\r\na@x.org: b@x.org\r\nc@x.org: d@x.org\r\n");
	}

	@Test
	void addingAnExistingAliasIsRefused() {
		assertThatExceptionOfType(MailFileException.class)
			.isThrownBy(() -> AliasesFile.parse(REFERENCE).withAlias("abuse@xoyize.xyz", List.of("a@b.org")))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("aliases.exists"));
	}

	@Test
	void addingSeveralAppendsTheirLinesInOrderOrRefusesThemAllWhenOneExists() {
		Map<String, List<String>> added = new LinkedHashMap<>();
		added.put("c@x.org", List.of("d@x.org"));
		added.put("e@x.org", List.of("f@x.org", "g@x.org"));
		AliasesFile file = AliasesFile.parse("# kept\na@x.org: b@x.org");
		assertThat(file.withAliases(added).text())
			.isEqualTo("# kept\na@x.org: b@x.org\nc@x.org: d@x.org\ne@x.org: f@x.org, g@x.org\n");
		assertThat(file.withAliases(added).find("e@x.org")).map(Alias::line).contains(4);
		added.put("a@x.org", List.of("z@x.org"));
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> file.withAliases(added))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("a@x.org"));
	}

	@Test
	void editingRewritesOnlyThatAliasLine() {
		AliasesFile edited = AliasesFile.parse(REFERENCE).withTargets("equipe@yanfi.net", List.of("marie@yanfi.net"));
		assertThat(MailFixtures.changedLines(REFERENCE, edited.text())).containsExactly(
				"equipe@yanfi.net: yann@xoyize.xyz,marie@yanfi.net ,  paul@yanfi.net -> equipe@yanfi.net: marie@yanfi.net");
	}

	@Test
	void editingARepeatedKeyLeavesOneLine() {
		AliasesFile edited = AliasesFile.parse("a@x.org: b@x.org\nc@x.org: d@x.org\na@x.org: e@x.org\n")
			.withTargets("a@x.org", List.of("f@x.org"));
		assertThat(edited.text()).isEqualTo("a@x.org: f@x.org\nc@x.org: d@x.org\n");
	}

	@Test
	void removingDropsOnlyItsLines() {
		AliasesFile edited = AliasesFile.parse(REFERENCE).withoutAlias("abuse@xoyize.xyz");
		assertThat(edited.text()).isEqualTo(REFERENCE.replace("abuse@xoyize.xyz: yann@xoyize.xyz\n", ""));
		assertThat(edited.find("equipe@yanfi.net")).get().extracting(Alias::line).isEqualTo(9);
	}

	@Test
	void editingOrRemovingAMissingAliasIsRefused() {
		AliasesFile file = AliasesFile.parse(REFERENCE);
		assertThatExceptionOfType(MailFileException.class)
			.isThrownBy(() -> file.withTargets("none@x.org", List.of("a@b.org")));
		assertThatExceptionOfType(MailFileException.class).isThrownBy(() -> file.withoutAlias("none@x.org"));
	}

	@Test
	void linesMaddyRefusesOrMisreadsAreReported() {
		AliasesFile file = AliasesFile
			.parse("# ok\n: nobody@x.org\n  # not a comment\nInfo@x.org: a@x.org\nlonely@x.org\nb@x.org: a@x.org,\n");
		assertThat(file.problems()).extracting(AliasesFile.Problem::line, AliasesFile.Problem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "aliases.problem.empty-key"),
					org.assertj.core.groups.Tuple.tuple(3, "aliases.problem.indented-comment"),
					org.assertj.core.groups.Tuple.tuple(4, "aliases.problem.upper-case"),
					org.assertj.core.groups.Tuple.tuple(5, "aliases.problem.empty-target"),
					org.assertj.core.groups.Tuple.tuple(6, "aliases.problem.empty-target"));
		assertThat(file.problems().get(0).rejectsFile()).isTrue();
	}

}
