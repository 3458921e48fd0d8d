package postern.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The report files of the tests (written for them under
 * {@code src/test/resources/reports}), packed the ways receivers pack them, and hostile
 * ones made on the spot.
 */
public final class ReportFixtures {

	private ReportFixtures() {
	}

	/**
	 * A fixture's bytes.
	 * @param name its file name
	 * @return the bytes
	 */
	public static byte[] read(String name) {
		try (InputStream in = ReportFixtures.class.getResourceAsStream("/reports/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A fixture whose period is moved from 5 December 2026 to another day, so that pages
	 * counting the last days show it.
	 * @param name its file name
	 * @param day the day its period begins
	 * @return the bytes
	 */
	public static byte[] dated(String name, java.time.LocalDate day) {
		long begin = day.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
		String text = new String(read(name), StandardCharsets.UTF_8).replace("1796428800", Long.toString(begin))
			.replace("1796515199", Long.toString(begin + 86_399))
			.replace("1796515200", Long.toString(begin + 86_400))
			.replace("2026-12-05", day.toString());
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Bytes gzipped.
	 * @param plain the bytes
	 * @return the gzip file
	 */
	public static byte[] gzip(byte[] plain) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(plain);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Bytes as the one file of a zip archive.
	 * @param entry the file's name in the archive
	 * @param plain the bytes
	 * @return the archive
	 */
	public static byte[] zip(String entry, byte[] plain) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(plain);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A gzip file of 200 MB of spaces after an XML start: a few hundred kilobytes packed.
	 * @return the bomb
	 */
	public static byte[] gzipBomb() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write("<?xml version=\"1.0\"?><feedback>".getBytes(StandardCharsets.US_ASCII));
			byte[] spaces = new byte[1024 * 1024];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 200; i++) {
				gzip.write(spaces);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A DMARC report with many records, one source address each.
	 * @param reportId its id
	 * @param records how many records
	 * @return the XML
	 */
	public static byte[] largeDmarc(String reportId, int records) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<feedback><report_metadata>")
			.append("<org_name>large.example</org_name><report_id>")
			.append(reportId)
			.append("</report_id><date_range><begin>1796428800</begin><end>1796515199</end></date_range>")
			.append("</report_metadata><policy_published><domain>example.org</domain><p>reject</p></policy_published>\n");
		for (int i = 0; i < records; i++) {
			xml.append("<record><row><source_ip>10.")
				.append((i >> 16) & 255)
				.append('.')
				.append((i >> 8) & 255)
				.append('.')
				.append(i & 255)
				.append("</source_ip><count>")
				.append(1 + i % 7)
				.append("</count><policy_evaluated><disposition>none</disposition><dkim>")
				.append((i % 3 == 0) ? "fail" : "pass")
				.append("</dkim><spf>fail</spf></policy_evaluated></row>")
				.append("<identifiers><header_from>example.org</header_from></identifiers></record>\n");
		}
		return xml.append("</feedback>\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Empty the report tables: the integration tests of one run share a database.
	 * @param jdbc the database
	 */
	public static void clearTables(org.springframework.jdbc.core.JdbcTemplate jdbc) {
		for (String table : java.util.List.of("report_dmarc_row", "report_tls_failure", "report_tls_policy", "report",
				"report_unreadable", "report_fetch", "report_settings")) {
			jdbc.update("delete from " + table);
		}
	}

}
