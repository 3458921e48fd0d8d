package postern.sites;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.sites.Caddyfile.Block;
import postern.sites.Caddyfile.BlockKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shapes of hand-written Caddyfiles: each is read, printed back byte for byte, and
 * takes a new site with no other byte changed but the braces an unbraced site needs, a
 * result the installed Caddy accepts.
 */
class CaddyfileShapesTests {

	private static final String NEW_SITE = "added.example.org {\n\trespond \"added\"\n}";

	@TempDir
	Path folder;

	@Test
	void aSingleSiteWithoutBracesGetsOnlyItsBracesWhenASecondSiteComes() throws Exception {
		String before = "localhost:18443\n\nrespond \"hello\"\nheader X-Served-By postern\n";
		String after = append(before);
		assertThat(after)
			.isEqualTo("localhost:18443 {\n\nrespond \"hello\"\nheader X-Served-By postern\n}\n\n" + NEW_SITE + "\n");
		assertAccepted(after);
	}

	@Test
	void anUnbracedSiteAfterGlobalOptionsAndSnippetsIsListedAndBraced() throws Exception {
		String before = "{\n\tadmin localhost:2999\n}\n\n(common) {\n\theader X-Common yes\n}\n\n"
				+ "localhost:18443 # the only site\nimport common\nrespond \"hi\" # greeting\n\n# end of the file\n";
		Caddyfile file = Caddyfile.parse(before);
		assertThat(file.blocks()).extracting(Block::kind)
			.containsExactly(BlockKind.GLOBAL, BlockKind.SNIPPET, BlockKind.SITE);
		assertThat(file.blocks().get(2).braced()).isFalse();
		assertThat(file.print()).isEqualTo(before);
		String after = append(before);
		assertThat(after)
			.isEqualTo(before.replace("localhost:18443 #", "localhost:18443 { #").replace("greeting\n", "greeting\n}\n")
					+ "\n" + NEW_SITE + "\n");
		assertAccepted(after);
	}

	@Test
	void windowsLineEndsAndNoFinalNewlineAreKeptAndFollowed() throws Exception {
		String before = "localhost:18443\r\nrespond \"hi\"";
		String after = append(before);
		assertThat(after)
			.isEqualTo("localhost:18443 {\r\nrespond \"hi\"\r\n}\r\n\r\n" + NEW_SITE.replace("\n", "\r\n") + "\r\n");
		assertAccepted(after);
	}

	@Test
	void anAddressOnlyFileAndAnAddressListOverSeveralLines() throws Exception {
		assertThat(append("localhost:18443\n")).isEqualTo("localhost:18443 {\n}\n\n" + NEW_SITE + "\n");
		String list = "localhost:18443,\n    127.0.0.1:18444\nrespond \"hi\"\n";
		Caddyfile file = Caddyfile.parse(list);
		assertThat(file.blocks().get(0).keys()).containsExactly("localhost:18443", "127.0.0.1:18444");
		String after = append(list);
		assertThat(after).startsWith("localhost:18443,\n    127.0.0.1:18444 {\nrespond \"hi\"\n}\n\n");
		assertAccepted(after);
	}

	@Test
	void multiLineValuesAreReadWholeAndKeptAsWritten() throws Exception {
		String before = "localhost:18443 {\n\theader X-Long one \\\n\t\ttwo\n"
				+ "\trespond /q `a \"quoted\" value # not a comment`\n"
				+ "\trespond /multi \"first line\n\nthird line\" 200\n\trespond \"é à ü # 日本\" # commentaire déjà là\n}\n";
		Caddyfile file = Caddyfile.parse(before);
		assertThat(file.print()).isEqualTo(before);
		assertThat(file.blocks().get(0).segments("header").get(0).args()).containsExactly("X-Long", "one", "two");
		assertThat(file.blocks().get(0).segments("respond").get(1).args()).contains("first line\n\nthird line");
		String after = append(before);
		assertThat(after).isEqualTo(before + "\n" + NEW_SITE + "\n");
		assertAccepted(after);
	}

	@Test
	void heredocsWithABlankLineAreOneToken() {
		String before = "localhost:18443 {\n\trespond <<HTML\n\t\t<p>one</p>\n\n\t\t<p>two</p>\n\t\tHTML 200\n}\n";
		Caddyfile file = Caddyfile.parse(before);
		assertThat(file.blocks().get(0).segments("respond").get(0).args()).containsExactly("<p>one</p>\n\n<p>two</p>",
				"200");
		assertThat(append(before)).isEqualTo(before + "\n" + NEW_SITE + "\n");
	}

	@Test
	void snippetsWithArgumentsAndFilesOfOnlySnippetsOrAnImport() throws Exception {
		String snippets = "(logged) {\n\tlog {\n\t\toutput stdout\n\t}\n\theader X-Site {args.0}\n}\n\n"
				+ "(tagged) {\n\theader X-Tag \"{args.0}\"\n}\n";
		Caddyfile file = Caddyfile.parse(snippets);
		assertThat(file.blocks()).extracting(Block::kind).containsOnly(BlockKind.SNIPPET);
		String after = append(snippets);
		assertThat(after).isEqualTo(snippets + "\n" + NEW_SITE + "\n");
		assertAccepted(after);
		String onlyImport = "import sites/*.caddy\n";
		assertThat(Caddyfile.parse(onlyImport).blocks()).extracting(Block::kind).containsExactly(BlockKind.IMPORT);
		assertThat(append(onlyImport)).isEqualTo(onlyImport + "\n" + NEW_SITE + "\n");
	}

	@Test
	void placeholdersInEveryFormAndPlace() throws Exception {
		String before = "{$SITE_ADDRESS:localhost:18443} {\n\trespond \"{$GREETING:hello} {env.USER}\"\n}\n\n"
				+ ":18444, {$MORE_SITES:localhost:18445} {\n\trespond {http.request.host}\n}\n";
		Caddyfile file = Caddyfile.parse(before);
		assertThat(file.blocks()).extracting(Block::id).containsExactly("{$SITE_ADDRESS:localhost:18443}", ":18444");
		assertThat(file.blocks().get(1).keys()).containsExactly(":18444", "{$MORE_SITES:localhost:18445}");
		assertThat(SiteBlocks.read(file.blocks().get(0)).kind()).isEqualTo(SiteKind.OTHER);
		String after = append(before);
		assertThat(after).isEqualTo(before + "\n" + NEW_SITE + "\n");
		assertAccepted(after);
	}

	@Test
	void theFileIndentationIsTheOneMostOfItsDirectivesUse() {
		String fourSpaces = "{\n  email admin@example.org\n}\n\na.example.org {\n    root * /srv/a\n    file_server\n}\n"
				+ "b.example.org {\n    respond \"x\n  continued\"\n}\n";
		assertThat(Caddyfile.parse(fourSpaces).indent()).isEqualTo("    ");
		assertThat(Caddyfile.parse("a.example.org {\n\trespond \"x\"\n}\n").indent()).isEqualTo("\t");
		assertThat(Caddyfile.parse("a.example.org\nrespond \"x\"\n").indent()).isEqualTo("\t");
	}

	@Test
	void aSnippetWithoutASpaceBeforeItsBraceIsRefusedAsCaddyDoes() {
		assertThatExceptionOfType(CaddyfileSyntaxException.class)
			.isThrownBy(() -> Caddyfile.parse("(snip){\n\theader X-A b\n}\n"))
			.withMessageContaining("line 1")
			.withMessageContaining("expected a space between '(snip)' and '{'");
	}

	@Test
	void aRawEditOfTheUnbracedSiteMayKeepItUnbraced() {
		Caddyfile file = Caddyfile.parse("{\n\temail a@example.org\n}\n\nlocalhost\nrespond \"a\"\n");
		Caddyfile edited = file.replace(file.blocks().get(1), "localhost\nrespond \"b\"");
		assertThat(edited.print()).isEqualTo("{\n\temail a@example.org\n}\n\nlocalhost\nrespond \"b\"\n");
		assertThatExceptionOfType(CaddyfileSyntaxException.class)
			.isThrownBy(() -> file.replace(file.blocks().get(0), "{\n\temail b@example.org\n}\nlocalhost"));
	}

	private static String append(String text) {
		return Caddyfile.parse(text).append(NEW_SITE.replace("\n", Caddyfile.parse(text).lineSeparator())).print();
	}

	private void assertAccepted(String text) throws Exception {
		assertThat(CaddyValidate.errors(this.folder, text)).as(text).isNull();
	}

}
