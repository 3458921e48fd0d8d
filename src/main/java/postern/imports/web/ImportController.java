package postern.imports.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import postern.imports.CsvImport;
import postern.imports.GeneratedPassword;
import postern.imports.ImportFileException;
import postern.imports.ImportOutcome;
import postern.imports.ImportReport;
import postern.imports.ImportRow;
import postern.infrastructure.FlashMessage;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import: upload a CSV file, see the dry run line by line, apply it, see each line's
 * result, download the generated passwords once. The uploaded lines wait in the admin's
 * session between the preview and the apply; the generated passwords wait there only
 * until they are downloaded.
 */
@Controller
class ImportController {

	static final String UPLOAD_VIEW = "import/upload";

	static final String PREVIEW_VIEW = "import/preview";

	static final String RESULT_VIEW = "import/result";

	static final String ROWS = "postern.import.rows";

	static final String RESULT = "postern.import.result";

	static final String PASSWORDS = "postern.import.passwords";

	private final CsvImport csvImport;

	ImportController(CsvImport csvImport) {
		this.csvImport = csvImport;
	}

	@GetMapping("/import")
	String upload(@RequestParam(name = ImportUploadLimitFilter.TOO_LARGE, required = false) String tooLarge,
			Model model) {
		model.addAttribute("header", CsvImport.HEADER);
		if (tooLarge != null) {
			// sent back here by ImportUploadLimitFilter
			model.addAttribute("fileError", "import.file.too-large");
		}
		return UPLOAD_VIEW;
	}

	@PostMapping("/import")
	String uploaded(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
			Model model) {
		model.addAttribute("header", CsvImport.HEADER);
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "import.file.required");
			return UPLOAD_VIEW;
		}
		try {
			List<ImportRow> rows = this.csvImport.parse(file.getBytes());
			if (rows.isEmpty()) {
				model.addAttribute("fileError", "import.file.empty");
				return UPLOAD_VIEW;
			}
			session.setAttribute(ROWS, rows);
			return "redirect:/import/preview";
		}
		catch (ImportFileException ex) {
			model.addAttribute("fileError", ex.messageKey());
			model.addAttribute("fileErrorArgs", ex.arguments());
			return UPLOAD_VIEW;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/import/preview")
	String preview(HttpSession session, Model model) {
		List<ImportRow> rows = rows(session);
		if (rows == null) {
			return "redirect:/import";
		}
		model.addAttribute("report", this.csvImport.preview(rows));
		return PREVIEW_VIEW;
	}

	@PostMapping("/import/apply")
	String apply(HttpSession session, RedirectAttributes attributes) {
		List<ImportRow> rows = rows(session);
		if (rows == null) {
			FlashMessage.error(attributes, "import.nothing-to-apply");
			return "redirect:/import";
		}
		session.removeAttribute(ROWS);
		ImportOutcome outcome = this.csvImport.apply(rows);
		session.setAttribute(RESULT, outcome.report());
		if (!outcome.passwords().isEmpty()) {
			session.setAttribute(PASSWORDS, new PasswordList(outcome.passwords()));
		}
		return "redirect:/import/result";
	}

	@PostMapping("/import/discard")
	String discard(HttpSession session) {
		session.removeAttribute(ROWS);
		return "redirect:/import";
	}

	@GetMapping("/import/result")
	String result(HttpSession session, Model model) {
		if (!(session.getAttribute(RESULT) instanceof ImportReport report)) {
			return "redirect:/import";
		}
		model.addAttribute("report", report);
		if (session.getAttribute(PASSWORDS) instanceof PasswordList passwords) {
			model.addAttribute("passwordCount", passwords.list().size());
		}
		return RESULT_VIEW;
	}

	/**
	 * The generated passwords as CSV, once: they are gone from the session after this.
	 */
	@PostMapping("/import/passwords")
	ResponseEntity<byte[]> passwords(HttpSession session) {
		if (!(session.getAttribute(PASSWORDS) instanceof PasswordList passwords)) {
			return ResponseEntity.status(410).build();
		}
		session.removeAttribute(PASSWORDS);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("postern-passwords.csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv(passwords.list()));
	}

	@SuppressWarnings("unchecked")
	private static List<ImportRow> rows(HttpSession session) {
		return (session.getAttribute(ROWS) instanceof List<?> rows) ? (List<ImportRow>) rows : null;
	}

	private static byte[] csv(List<GeneratedPassword> passwords) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader("address", "password").setRecordSeparator("\n").get())) {
			for (GeneratedPassword password : passwords) {
				printer.printRecord(password.address(), password.password());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The generated passwords in the session. Not serializable on purpose: a session
	 * written to disk must not carry them.
	 */
	record PasswordList(List<GeneratedPassword> list) {
	}

}
