package postern.sites;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import postern.sites.Caddyfile.Block;
import postern.sites.Caddyfile.BlockKind;
import postern.sites.Caddyfile.Segment;
import postern.sites.Caddyfile.TokenType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CaddyfileTests {

	static String reference() {
		return resource("reference.Caddyfile");
	}

	static String resource(String name) {
		try (InputStream in = CaddyfileTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void printingAnUneditedParseGivesTheSameBytes() {
		String text = reference();
		Caddyfile file = Caddyfile.parse(text.getBytes(StandardCharsets.UTF_8));
		assertThat(file.bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void roundTripKeepsWindowsLineEndsByteOrderMarkAndAMissingFinalNewline() {
		String crlf = "\uFEFF" + reference().replace("\n", "\r\n");
		assertThat(Caddyfile.parse(crlf).print()).isEqualTo(crlf);
		String unterminated = "a.example {\n\trespond \"x\"\n}";
		assertThat(Caddyfile.parse(unterminated).print()).isEqualTo(unterminated);
		assertThat(Caddyfile.parse("").print()).isEmpty();
		assertThat(Caddyfile.parse("# only a comment\n").print()).isEqualTo("# only a comment\n");
		assertThat(Caddyfile.parse(crlf).lineSeparator()).isEqualTo("\r\n");
	}

	@Test
	void findsEveryBlockWithItsKindAndAddresses() {
		Caddyfile file = Caddyfile.parse(reference());
		List<Block> blocks = file.blocks();
		assertThat(blocks.get(0).kind()).isEqualTo(BlockKind.GLOBAL);
		assertThat(blocks.get(0).leading()).startsWith("# Caddyfile of a small VPS");
		assertThat(blocks.get(1).kind()).isEqualTo(BlockKind.SNIPPET);
		assertThat(blocks.get(1).id()).isEqualTo("(security_headers)");
		assertThat(file.block("&(app-route)").orElseThrow().kind()).isEqualTo(BlockKind.NAMED_ROUTE);
		assertThat(blocks.stream().filter((block) -> block.kind() == BlockKind.IMPORT).findFirst().orElseThrow().text())
			.isEqualTo("import sites-enabled/*.caddy");
		assertThat(blocks.stream().map(Block::id)).contains("photos.example.org", "example.org", "static.example.eu",
				"mta-sts.example.eu", "http://tricky.example.org:8080", "heredoc.example.org", "[::1]:8443", ":8081");
		assertThat(file.block("example.org").orElseThrow().keys()).containsExactly("example.org", "www.example.org");
		assertThat(file.block("http://tricky.example.org:8080").orElseThrow().keys())
			.containsExactly("http://tricky.example.org:8080", "https://tricky.example.org", "tricky.example.net");
		assertThat(file.tail()).startsWith("# End of file");
		assertThat(file.globalOptions().orElseThrow().segments("admin").get(0).args())
			.containsExactly("localhost:2019");
	}

	@Test
	void readsTokenValuesLikeCaddy() {
		Block tricky = Caddyfile.parse(reference()).block("http://tricky.example.org:8080").orElseThrow();
		List<Segment> respond = tricky.segments("respond");
		assertThat(respond.get(0).args()).containsExactly("/quote", "She said \"hello\" and \\n stayed literal", "200");
		assertThat(respond.get(0).tokens().get(2).type()).isEqualTo(TokenType.QUOTED);
		assertThat(respond.get(1).args()).containsExactly("/json", "{\"ok\": true, \"path\": \"{path}\"}");
		assertThat(respond.get(1).tokens().get(2).type()).isEqualTo(TokenType.BACKTICK);
		List<Segment> headers = tricky.segments("header");
		assertThat(headers.get(1).args()).containsExactly("X-Hash", "foo#bar");
		assertThat(headers.get(2).args()).containsExactly("X-Long", "one", "two");
		Segment api = tricky.segments("@api").get(0);
		assertThat(api.braced()).isTrue();
		assertThat(api.block()).extracting(Segment::name).containsExactly("path", "header");
		Segment handle = tricky.segments("handle").get(0);
		assertThat(handle.block().get(0).block()).extracting(Segment::name)
			.containsExactly("to", "lb_policy", "health_uri");
	}

	@Test
	void readsHeredocsWithoutTheirIndentation() {
		Block heredoc = Caddyfile.parse(reference()).block("heredoc.example.org").orElseThrow();
		Segment respond = heredoc.segments("respond").get(0);
		assertThat(respond.tokens().get(1).type()).isEqualTo(TokenType.HEREDOC);
		assertThat(respond.args()).containsExactly("<html>\n  <body>Served from a heredoc</body>\n</html>", "200");
	}

	@Test
	void readsAMultiLineQuotedPolicy() {
		Block policy = Caddyfile.parse(reference()).block("mta-sts.example.org").orElseThrow();
		Segment respond = policy.segments("respond").get(0);
		assertThat(respond.args()).containsExactly("@policy",
				"version: STSv1\nmode: enforce\nmx: mail.example.org\nmax_age: 604800\n", "200");
		assertThat(policy.segments("respond").get(1).args()).containsExactly("404");
	}

	@Test
	void replacingABlockChangesOnlyThatBlock() {
		String text = reference();
		Caddyfile file = Caddyfile.parse(text);
		Block app = file.block("app.example.org").orElseThrow();
		String edited = file.replace(app, "app.example.org {\n\tencode gzip\n\treverse_proxy 127.0.0.1:9000\n}")
			.print();
		assertThat(edited).isEqualTo(text.replace("127.0.0.1:8080 127.0.0.1:8081", "127.0.0.1:9000"));
	}

	@Test
	void removingABlockTakesItsCommentAlong() {
		String text = reference();
		Caddyfile file = Caddyfile.parse(text);
		Block photos = file.block("photos.example.org").orElseThrow();
		String edited = file.remove(photos).print();
		assertThat(edited).doesNotContain("photos", "family photo album");
		assertThat(text.replace(photos.raw(), "")).isEqualTo(edited);
	}

	@Test
	void appendingABlockLeavesTheRestAlone() {
		String text = reference();
		String edited = Caddyfile.parse(text).append("new.example.org {\n\trespond \"new\"\n}").print();
		assertThat(edited).isEqualTo(text + "new.example.org {\n\trespond \"new\"\n}\n");
		String unterminated = "a.example {\n}";
		assertThat(Caddyfile.parse(unterminated).append("b.example {\n}").print())
			.isEqualTo("a.example {\n}\n\nb.example {\n}\n");
		assertThat(Caddyfile.parse("").append("b.example {\n}").print()).isEqualTo("b.example {\n}\n");
	}

	@Test
	void anySequenceOfEditsKeepsEveryUntouchedBlock() {
		Caddyfile file = Caddyfile.parse(reference());
		List<String> before = file.blocks().stream().map(Block::raw).toList();
		for (int i = 0; i < 5; i++) {
			Block blog = file.block("blog.example.org").orElseThrow();
			file = file.replace(blog, "blog.example.org {\n\trespond \"" + i + "\"\n}");
			file = file.append("n" + i + ".example.org {\n\trespond \"" + i + "\"\n}");
			file = file.remove(file.block("n" + i + ".example.org").orElseThrow());
		}
		List<String> after = Caddyfile.parse(file.print()).blocks().stream().map(Block::raw).toList();
		for (int i = 0; i < before.size(); i++) {
			if (!before.get(i).contains("blog.example.org")) {
				assertThat(after.get(i)).isEqualTo(before.get(i));
			}
		}
	}

	@Test
	void refusesTextThatIsNotExactlyOneBlock() {
		Caddyfile file = Caddyfile.parse(reference());
		Block blog = file.block("blog.example.org").orElseThrow();
		assertThatExceptionOfType(CaddyfileSyntaxException.class)
			.isThrownBy(() -> file.replace(blog, "a.example {\n}\nb.example {\n}"));
		assertThatExceptionOfType(CaddyfileSyntaxException.class)
			.isThrownBy(() -> file.replace(blog, "a.example {\n\trespond \"x\"\n"));
		assertThatExceptionOfType(CaddyfileSyntaxException.class)
			.isThrownBy(() -> file.replace(blog, "{\n\tadmin off\n}"));
	}

	@Test
	void reportsUnbalancedBracesAndUnterminatedStrings() {
		assertThatExceptionOfType(CaddyfileSyntaxException.class)
			.isThrownBy(() -> Caddyfile.parse("a.example {\n\trespond \"x\n}\n"))
			.withMessageContaining("line 2");
		assertThatExceptionOfType(CaddyfileSyntaxException.class)
			.isThrownBy(() -> Caddyfile.parse("a.example {\n\tfile_server\n"));
		assertThatExceptionOfType(CaddyfileSyntaxException.class)
			.isThrownBy(() -> Caddyfile.parse("a.example {\n}\n}\n"));
		assertThatExceptionOfType(CaddyfileSyntaxException.class)
			.isThrownBy(() -> Caddyfile.parse(new byte[] { 'a', (byte) 0xff, '\n' }));
	}

	@Test
	void roundTripOfOddLayouts() {
		List<String> texts = List.of("a.example {   \n  respond \"x\"\t\n} # end of a\n\n\n   \t\nb.example {\n}",
				"a.example\n{\n\trespond \"x\"\n}\n", "a.example {\n\trespond \\<<EOF\n\theader << x\n}\n",
				"a.example {\n\trespond \"a \\\\\" b\" 200 # escaped\n}\n",
				"a.example {\n\theader X-Y `a \"quoted\" \\ value`\n}\n",
				"a.example,\n b.example {\n\theader X-A one \\\r\n\t\ttwo\r\n}\r\n",
				"{$SITE:localhost} {\n\trespond {env.GREETING}\n}\n",
				"a.example {\n\trespond <<TXT\n\t\tline one\n\n\t\tline two\n\t\tTXT\n}\n");
		for (String text : texts) {
			assertThat(Caddyfile.parse(text).print()).as(text).isEqualTo(text);
		}
		assertThat(Caddyfile.parse(texts.get(0)).blocks()).extracting(Block::id)
			.containsExactly("a.example", "b.example");
		assertThat(Caddyfile.parse(texts.get(5)).blocks().get(0).keys()).containsExactly("a.example", "b.example");
		assertThat(Caddyfile.parse(texts.get(5)).blocks().get(0).segments().get(0).args()).containsExactly("X-A", "one",
				"two");
		assertThat(Caddyfile.parse(texts.get(7)).blocks().get(0).segments().get(0).args())
			.containsExactly("line one\n\nline two");
	}

	@Test
	void randomEditsKeepEveryUntouchedByte() {
		java.util.Random random = new java.util.Random(42);
		Caddyfile file = Caddyfile.parse(reference());
		java.util.Map<String, String> untouched = new java.util.LinkedHashMap<>();
		file.blocks().forEach((block) -> untouched.put(block.id() + "#" + block.startLine(), block.raw()));
		java.util.Set<String> touched = new java.util.HashSet<>();
		for (int step = 0; step < 200; step++) {
			List<Block> sites = file.blocks().stream().filter((block) -> block.kind() == BlockKind.SITE).toList();
			Block block = sites.get(random.nextInt(sites.size()));
			switch (random.nextInt(3)) {
				case 0 -> {
					touched.add(block.raw());
					file = file.replace(block, block.id() + " {\n\trespond \"" + step + "\"\n}");
				}
				case 1 -> file = file.append("added" + step + ".example.org {\n\trespond \"" + step + "\"\n}");
				default -> {
					touched.add(block.raw());
					file = file.remove(block);
				}
			}
			file = Caddyfile.parse(file.print());
		}
		String printed = file.print();
		for (String raw : untouched.values()) {
			if (!touched.contains(raw)) {
				assertThat(printed).contains(raw);
			}
		}
		assertThat(printed).startsWith(untouched.values().iterator().next());
	}

	@Test
	void readsASingleSiteWithoutBraces() {
		Caddyfile file = Caddyfile.parse("localhost\n\nrespond \"hello\"\n");
		assertThat(file.blocks()).hasSize(1);
		assertThat(file.blocks().get(0).braced()).isFalse();
		assertThat(file.blocks().get(0).segments("respond")).hasSize(1);
		assertThat(file.print()).isEqualTo("localhost\n\nrespond \"hello\"\n");
	}

}
