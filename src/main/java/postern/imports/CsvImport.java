package postern.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import postern.audit.AuditLog;
import postern.change.ApplyOutcome;
import postern.change.Change;
import postern.change.ChangeService;
import postern.imports.ImportLine.Status;
import postern.names.Addresses;
import postern.mail.Alias;
import postern.mail.Aliases;
import postern.names.MailAddresses;
import postern.mail.MailDomain;
import postern.mail.MailDomains;
import postern.mail.MailFileException;
import postern.mail.Mailbox;
import postern.mail.MailboxOutcome;
import postern.mail.Mailboxes;
import postern.mail.Passphrases;

import org.springframework.stereotype.Service;

/**
 * Imports mailboxes and aliases from CSV with the columns {@value #HEADER} (a header line
 * first; {@code password} and {@code targets} may be left out). The preview is a dry run
 * against the server as it is: every line is checked by the rules of the forms and said
 * to be created, to exist already or to be invalid, with the reason. Applying checks
 * again, creates the mailboxes in file order (a password is generated for each one left
 * empty), then adds the new aliases in one change of the aliases file, through the change
 * pipeline. Lines that exist are left alone, so importing a file twice creates nothing
 * the second time.
 */
@Service
public class CsvImport {

	/** The columns of an import file. */
	public static final String HEADER = "type,address,password,targets";

	/** The most data lines a file may have. */
	public static final int MAX_LINES = 5000;

	/** As many targets as the alias form accepts. */
	static final int MAX_TARGETS = 50;

	static final String MAILBOX = "mailbox";

	static final String ALIAS = "alias";

	private static final Set<String> COLUMNS = Set.of("type", "address", "password", "targets");

	private final Mailboxes mailboxes;

	private final Aliases aliases;

	private final MailDomains domains;

	private final ChangeService changes;

	private final AuditLog auditLog;

	CsvImport(Mailboxes mailboxes, Aliases aliases, MailDomains domains, ChangeService changes, AuditLog auditLog) {
		this.mailboxes = mailboxes;
		this.aliases = aliases;
		this.domains = domains;
		this.changes = changes;
		this.auditLog = auditLog;
	}

	/**
	 * Read an import file.
	 * @param bytes the file, in UTF-8 (a byte order mark is skipped)
	 * @return its data lines, numbered as in the file
	 * @throws ImportFileException when it is not UTF-8 CSV with a header of known columns
	 * naming {@code type} and {@code address}, or has too many lines
	 */
	public List<ImportRow> parse(byte[] bytes) {
		String text = decode(bytes);
		int[] lineStarts = lineStarts(text);
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.setCommentMarker('#')
			.setAllowMissingColumnNames(false)
			.get();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
			Map<String, String> columns = columns(parser.getHeaderNames());
			List<ImportRow> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (rows.size() == MAX_LINES) {
					throw new ImportFileException("import.file.too-many-lines", MAX_LINES);
				}
				rows.add(new ImportRow(lineOf(text, lineStarts, record.getCharacterPosition()),
						value(record, columns.get("type")), value(record, columns.get("address")),
						value(record, columns.get("password")), value(record, columns.get("targets"))));
			}
			return rows;
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			throw new ImportFileException("import.file.not-csv", String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The dry run: what applying the lines would do now.
	 * @param rows the lines of a file
	 * @return one report line per row
	 */
	public ImportReport preview(List<ImportRow> rows) {
		return new ImportReport(new Checker().check(rows), null);
	}

	/**
	 * Apply the lines: each that would be created is created, mailboxes in file order,
	 * then the aliases in one change. The server is checked again first, so a line
	 * created since the preview is reported as existing.
	 * @param rows the lines of a file
	 * @return each line's result and the passwords generated
	 */
	public ImportOutcome apply(List<ImportRow> rows) {
		List<ImportLine> planned = new Checker().check(rows);
		Map<Integer, String> givenPasswords = rows.stream()
			.filter((row) -> !row.password().isEmpty())
			.collect(Collectors.toMap(ImportRow::line, ImportRow::password, (a, b) -> a));
		List<ImportLine> done = new ArrayList<>(planned.size());
		List<GeneratedPassword> generated = new ArrayList<>();
		for (ImportLine line : planned) {
			if (line.status() == Status.CREATE && MAILBOX.equals(line.type())) {
				done.add(createMailbox(line, givenPasswords.get(line.line()), generated));
			}
			else {
				done.add(line);
			}
		}
		Long changeId = addAliases(done);
		ImportReport report = new ImportReport(done, changeId);
		this.auditLog.record("import.applied", rows.size() + " lines", report.count(Status.FAILED) == 0,
				report.counts().toString());
		return new ImportOutcome(report, generated);
	}

	private ImportLine createMailbox(ImportLine line, String givenPassword, List<GeneratedPassword> generated) {
		String password = (givenPassword != null) ? givenPassword
				: Passphrases.generate(MailAddresses.localPart(line.address()));
		MailboxOutcome outcome = this.mailboxes.create(line.address(), password, false);
		if (!outcome.success()) {
			return line.withResult(Status.FAILED, outcome.resultKey(), List.of(line.address()));
		}
		if (givenPassword == null) {
			generated.add(new GeneratedPassword(line.address(), password));
			return line.withResult(Status.CREATED, "import.result.mailbox-generated", List.of());
		}
		return line.withResult(Status.CREATED, "import.result.mailbox", List.of());
	}

	private Long addAliases(List<ImportLine> lines) {
		Map<String, List<String>> wanted = new LinkedHashMap<>();
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			ImportLine line = lines.get(i);
			if (line.status() == Status.CREATE && ALIAS.equals(line.type())) {
				wanted.put(line.address(), line.targets());
				indexes.add(i);
			}
		}
		if (wanted.isEmpty()) {
			return null;
		}
		Change change;
		try {
			change = this.aliases.previewAddAll(wanted, "import.change.aliases", "/import");
		}
		catch (MailFileException ex) {
			indexes
				.forEach((i) -> lines.set(i, lines.get(i).withResult(Status.FAILED, ex.messageKey(), ex.arguments())));
			return null;
		}
		boolean applied = change.isApplicable() && this.changes.apply(change.getId()) == ApplyOutcome.APPLIED;
		for (int i : indexes) {
			lines.set(i,
					applied ? lines.get(i).withResult(Status.CREATED, "import.result.alias", List.of())
							: lines.get(i)
								.withResult(Status.FAILED, "import.result.alias-failed",
										List.of(String.valueOf(change.getId()))));
		}
		return change.getId();
	}

	private static String decode(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new ImportFileException("import.file.not-utf8");
		}
	}

	private static Map<String, String> columns(List<String> header) {
		Map<String, String> columns = new HashMap<>();
		for (String name : header) {
			String column = name.strip().toLowerCase(Locale.ROOT);
			if (!COLUMNS.contains(column) || columns.put(column, name) != null) {
				throw new ImportFileException("import.file.header", HEADER);
			}
		}
		if (!columns.containsKey("type") || !columns.containsKey("address")) {
			throw new ImportFileException("import.file.header", HEADER);
		}
		return columns;
	}

	private static String value(CSVRecord record, String column) {
		if (column == null || !record.isSet(column)) {
			return "";
		}
		return record.get(column).strip();
	}

	private static int[] lineStarts(String text) {
		List<Integer> starts = new ArrayList<>(List.of(0));
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * The line a record is on. The parser gives the position where it started reading the
	 * record, which may be a blank or comment line it skipped first.
	 */
	private static int lineOf(String text, int[] lineStarts, long position) {
		int index = Arrays.binarySearch(lineStarts, (int) position);
		int line = (index >= 0) ? index : -index - 2;
		while (line + 1 < lineStarts.length && skipped(text, lineStarts[line], lineStarts[line + 1])) {
			line++;
		}
		return line + 1;
	}

	private static boolean skipped(String text, int start, int end) {
		String content = text.substring(start, end);
		return content.isBlank() || content.startsWith("#");
	}

	/**
	 * One check of a file against the server: the lists are read once, so a file of
	 * thousands of lines costs a few commands, not one per line.
	 */
	private final class Checker {

		private final Map<String, Mailbox> existingMailboxes;

		private final Map<String, Alias> existingAliases;

		private final Set<String> localDomains;

		private final Map<String, Integer> seen = new HashMap<>();

		Checker() {
			this.existingMailboxes = CsvImport.this.mailboxes.all()
				.stream()
				.collect(Collectors.toMap(Mailbox::address, (mailbox) -> mailbox));
			this.existingAliases = CsvImport.this.aliases.list()
				.stream()
				.collect(Collectors.toMap(Alias::address, (alias) -> alias, (a, b) -> a));
			this.localDomains = CsvImport.this.domains.list()
				.stream()
				.map(MailDomain::name)
				.collect(Collectors.toSet());
		}

		List<ImportLine> check(List<ImportRow> rows) {
			return rows.stream().map(this::check).toList();
		}

		private ImportLine check(ImportRow row) {
			String type = row.type().toLowerCase(Locale.ROOT);
			return switch (type) {
				case MAILBOX -> mailbox(row);
				case ALIAS -> alias(row);
				default -> invalid(row, type, row.address(), "import.invalid.type", row.type());
			};
		}

		private ImportLine mailbox(ImportRow row) {
			String raw = row.address();
			int at = raw.lastIndexOf('@');
			Optional<String> address = (at > 0) ? Addresses.address(raw.substring(0, at), raw.substring(at + 1))
					: Optional.empty();
			if (address.isEmpty()) {
				return invalid(row, MAILBOX, raw, "import.invalid.mailbox-address", raw);
			}
			String stored = address.get();
			String domain = MailAddresses.domain(stored);
			if (!this.localDomains.contains(domain)) {
				return invalid(row, MAILBOX, stored, "import.invalid.domain-not-local", domain);
			}
			if (!row.targets().isEmpty()) {
				return invalid(row, MAILBOX, stored, "import.invalid.mailbox-targets");
			}
			if (!row.password().isEmpty()) {
				List<String> problems = Mailboxes.passwordProblems(row.password(), MailAddresses.localPart(stored));
				if (!problems.isEmpty()) {
					return invalid(row, MAILBOX, stored, problems.get(0), String.valueOf(Mailboxes.MIN_PASSWORD_BYTES),
							String.valueOf(Mailboxes.MAX_PASSWORD_BYTES));
				}
			}
			Optional<ImportLine> duplicate = duplicate(row, MAILBOX, stored);
			if (duplicate.isPresent()) {
				return duplicate.get();
			}
			Mailbox existing = this.existingMailboxes.get(stored);
			if (existing != null && existing.state() == Mailbox.State.NO_CREDENTIALS) {
				return invalid(row, MAILBOX, stored, "import.invalid.archived");
			}
			if (existing != null) {
				return line(row, MAILBOX, stored, List.of(), Status.EXISTS, "import.exists.mailbox");
			}
			return line(row, MAILBOX, stored, List.of(), Status.CREATE,
					row.password().isEmpty() ? "import.create.mailbox-generated" : "import.create.mailbox");
		}

		private ImportLine alias(ImportRow row) {
			Optional<String> address = MailAddresses.normalize(row.address());
			if (address.isEmpty()) {
				return invalid(row, ALIAS, row.address(), "import.invalid.alias-address", row.address());
			}
			String stored = address.get();
			String domain = MailAddresses.domain(stored);
			if (!this.localDomains.contains(domain)) {
				return invalid(row, ALIAS, stored, "import.invalid.domain-not-local", domain);
			}
			if (!row.password().isEmpty()) {
				return invalid(row, ALIAS, stored, "import.invalid.alias-password");
			}
			Optional<List<String>> targets = row.targets().isEmpty() ? Optional.empty()
					: MailAddresses.parseList(row.targets(), MAX_TARGETS);
			if (targets.isEmpty()) {
				return invalid(row, ALIAS, stored, "import.invalid.alias-targets", String.valueOf(MAX_TARGETS));
			}
			Optional<ImportLine> duplicate = duplicate(row, ALIAS, stored);
			if (duplicate.isPresent()) {
				return duplicate.get();
			}
			if (this.existingAliases.containsKey(stored)) {
				return line(row, ALIAS, stored, this.existingAliases.get(stored).targets(), Status.EXISTS,
						"import.exists.alias");
			}
			return line(row, ALIAS, stored, targets.get(), Status.CREATE, "import.create.alias");
		}

		private Optional<ImportLine> duplicate(ImportRow row, String type, String address) {
			Integer first = this.seen.putIfAbsent(address, row.line());
			if (first == null) {
				return Optional.empty();
			}
			return Optional.of(invalid(row, type, address, "import.invalid.duplicate", String.valueOf(first)));
		}

		private ImportLine invalid(ImportRow row, String type, String address, String key, String... args) {
			return new ImportLine(row.line(), type, address, List.of(), Status.INVALID, key, List.of(args));
		}

		private ImportLine line(ImportRow row, String type, String address, List<String> targets, Status status,
				String key) {
			return new ImportLine(row.line(), type, address, targets, status, key, List.of());
		}

	}

}
