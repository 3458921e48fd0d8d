package postern.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.imports.ImportLine.Status;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The CSV import against the server root and the maddy stand-in: a large file previews
 * fast, every bad line is reported with its line number and reason, and a file applied
 * twice creates nothing the second time.
 */
class CsvImportTests extends PosternIntegrationTests {

	/**
	 * The budget the issue sets for a 1 000-line preview; the real figure is far below.
	 */
	private static final long PREVIEW_BUDGET_MILLIS = 2000;

	@Autowired
	CsvImport csvImport;

	@Test
	void aThousandLineFilePreviewsInUnderTwoSeconds() {
		StringBuilder csv = new StringBuilder(CsvImport.HEADER).append('\n');
		String[] domains = { "xoyize.xyz", "cinay.eu", "yanfi.net", "ouestline.xyz", "rnmkcy.eu" };
		for (int i = 0; i < 1000; i++) {
			String domain = domains[i % domains.length];
			switch (i % 4) {
				case 0 -> csv.append("mailbox,bulk").append(i).append('@').append(domain).append(",,\n");
				case 1 -> csv.append("mailbox,bulk")
					.append(i)
					.append('@')
					.append(domain)
					.append(",a passphrase for line ")
					.append(i)
					.append(",\n");
				case 2 -> csv.append("alias,list")
					.append(i)
					.append('@')
					.append(domain)
					.append(",,\"bulk0@xoyize.xyz, yann@xoyize.xyz\"\n");
				default -> csv.append("alias,bad address ").append(i).append(",,x@xoyize.xyz\n");
			}
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		this.csvImport.preview(this.csvImport.parse(file)); // warm up
		long start = System.nanoTime();
		ImportReport report = this.csvImport.preview(this.csvImport.parse(file));
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("CSV import preview of 1000 lines: " + millis + " ms");
		assertThat(report.lines()).hasSize(1000);
		assertThat(report.count(Status.CREATE)).isEqualTo(750);
		assertThat(report.count(Status.INVALID)).isEqualTo(250);
		assertThat(millis).as("preview of 1000 lines, in ms").isLessThan(PREVIEW_BUDGET_MILLIS);
	}

	@Test
	void badLinesAreReportedWithTheirLineNumberAndReason() {
		String csv = """
				type,address,password,targets
				# a comment, skipped

				mailbox,good.one@xoyize.xyz,,
				mailbox,Bad+Tag@xoyize.xyz,,
				mailbox,nobody@elsewhere.example,,
				mailbox,short.pw@cinay.eu,tiny,
				robot,robot@xoyize.xyz,,
				alias,info@cinay.eu,,"not an address, yann@xoyize.xyz"
				alias,info2@cinay.eu,secret here,yann@xoyize.xyz
				mailbox,good.one@xoyize.xyz,,
				mailbox,alice@xoyize.xyz,,
				alias,postmaster@xoyize.xyz,,yann@xoyize.xyz
				mailbox,with.targets@xoyize.xyz,,yann@xoyize.xyz
				""";
		ImportReport report = this.csvImport.preview(this.csvImport.parse(csv.getBytes(StandardCharsets.UTF_8)));
		Map<Integer, ImportLine> byLine = report.lines()
			.stream()
			.collect(Collectors.toMap(ImportLine::line, (line) -> line));
		assertThat(byLine).containsOnlyKeys(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
		assertThat(byLine.get(4).status()).isEqualTo(Status.CREATE);
		assertThat(byLine.get(4).messageKey()).isEqualTo("import.create.mailbox-generated");
		assertInvalid(byLine.get(5), "import.invalid.mailbox-address");
		assertInvalid(byLine.get(6), "import.invalid.domain-not-local");
		assertInvalid(byLine.get(7), "mailboxes.password.too-short");
		assertInvalid(byLine.get(8), "import.invalid.type");
		assertInvalid(byLine.get(9), "import.invalid.alias-targets");
		assertInvalid(byLine.get(10), "import.invalid.alias-password");
		assertInvalid(byLine.get(11), "import.invalid.duplicate");
		assertThat(byLine.get(11).arguments()).containsExactly("4");
		assertThat(byLine.get(12).status()).isEqualTo(Status.EXISTS);
		assertThat(byLine.get(13).status()).isEqualTo(Status.EXISTS);
		assertInvalid(byLine.get(14), "import.invalid.mailbox-targets");
	}

	@Test
	void aFileThatIsNotAnImportFileIsRefusedWhole() {
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> this.csvImport.parse("email,name\na@b.c,A\n".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.file.header"));
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> this.csvImport.parse(new byte[] { 't', 'y', (byte) 0xff, '\n' }))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.file.not-utf8"));
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> this.csvImport
				.parse("type,address\nmailbox,\"unterminated@xoyize.xyz\n".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.file.not-csv"));
	}

	@Test
	void applyingAFileTwiceCreatesNothingTheSecondTime() throws Exception {
		String csv = """
				type,address,password,targets
				mailbox,twice.a@rnmkcy.eu,,
				mailbox,twice.b@rnmkcy.eu,the given passphrase b,
				alias,twice.list@rnmkcy.eu,,"twice.a@rnmkcy.eu, twice.b@rnmkcy.eu"
				mailbox,twice.c@ouestline.xyz,,
				alias,twice.info@ouestline.xyz,,twice.c@ouestline.xyz
				mailbox,not valid@rnmkcy.eu,,
				""";
		List<ImportRow> rows = this.csvImport.parse(csv.getBytes(StandardCharsets.UTF_8));

		ImportOutcome first = this.csvImport.apply(rows);
		assertThat(first.report().lines()).extracting(ImportLine::status)
			.containsExactly(Status.CREATED, Status.CREATED, Status.CREATED, Status.CREATED, Status.CREATED,
					Status.INVALID);
		assertThat(first.report().changeId()).isNotNull();
		assertThat(first.passwords()).extracting(GeneratedPassword::address)
			.containsExactly("twice.a@rnmkcy.eu", "twice.c@ouestline.xyz");
		// The stand-in keeps the SHA-256 of what maddy read on stdin: the generated
		// password is the one the mailbox got.
		String credentials = Files.readString(SERVER.resolve("state/maddy/credentials"));
		GeneratedPassword generated = first.passwords().get(0);
		assertThat(credentials).contains(generated.address() + "\tstandin-sha256:" + sha256(generated.password()));
		assertThat(credentials).contains("twice.b@rnmkcy.eu\tstandin-sha256:" + sha256("the given passphrase b"));
		assertThat(Files.readString(SERVER.resolve("etc/maddy/aliases")))
			.contains("twice.list@rnmkcy.eu: twice.a@rnmkcy.eu, twice.b@rnmkcy.eu")
			.contains("twice.info@ouestline.xyz: twice.c@ouestline.xyz");

		String aliasesBefore = Files.readString(SERVER.resolve("etc/maddy/aliases"));
		String credentialsBefore = Files.readString(SERVER.resolve("state/maddy/credentials"));
		long callsBefore = Files.readAllLines(SERVER.resolve("state/maddy/calls.log")).size();
		ImportOutcome second = this.csvImport.apply(rows);
		assertThat(second.report().lines()).extracting(ImportLine::status)
			.containsExactly(Status.EXISTS, Status.EXISTS, Status.EXISTS, Status.EXISTS, Status.EXISTS, Status.INVALID);
		assertThat(second.report().changeId()).isNull();
		assertThat(second.passwords()).isEmpty();
		assertThat(Files.readString(SERVER.resolve("etc/maddy/aliases"))).isEqualTo(aliasesBefore);
		assertThat(Files.readString(SERVER.resolve("state/maddy/credentials"))).isEqualTo(credentialsBefore);
		List<String> calls = Files.readAllLines(SERVER.resolve("state/maddy/calls.log"));
		assertThat(calls.subList((int) callsBefore, calls.size())).noneMatch((call) -> call.contains("create"));
	}

	private static void assertInvalid(ImportLine line, String key) {
		assertThat(line.status()).as("line " + line.line()).isEqualTo(Status.INVALID);
		assertThat(line.messageKey()).as("line " + line.line()).isEqualTo(key);
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
