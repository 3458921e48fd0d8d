package postern.reports;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a DMARC aggregate report (RFC 7489 appendix C) as a stream, so a report of many
 * thousand records costs no tree in memory. A document type declaration is refused
 * outright: entities, internal or external, have no place in a report.
 */
final class DmarcXml {

	private static final String ROOT = "feedback/";

	private static final String RECORD = ROOT + "record";

	private static final XMLInputFactory FACTORY = factory();

	private DmarcXml() {
	}

	/**
	 * Parse a report.
	 * @param xml the document
	 * @return the report
	 * @throws UnreadableReportException when it is not a well-formed, complete report
	 */
	static DmarcReport parse(byte[] xml) throws UnreadableReportException {
		try {
			XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
			try {
				return read(reader);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw new UnreadableReportException("reports.unreadable.xml", ReportFields.oneLine(ex.getMessage()));
		}
	}

	private static DmarcReport read(XMLStreamReader reader) throws XMLStreamException, UnreadableReportException {
		Deque<String> path = new ArrayDeque<>();
		StringBuilder text = new StringBuilder();
		Map<String, String> head = new HashMap<>();
		Map<String, String> record = new HashMap<>();
		List<DmarcReport.Row> rows = new ArrayList<>();
		while (reader.hasNext()) {
			int event = reader.next();
			switch (event) {
				case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
					throw new UnreadableReportException("reports.unreadable.dtd", "");
				case XMLStreamConstants.START_ELEMENT -> {
					path.addLast(reader.getLocalName());
					text.setLength(0);
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
					if (text.length() < ReportFields.MAX_LENGTH) {
						text.append(reader.getText());
					}
				}
				case XMLStreamConstants.END_ELEMENT -> {
					String at = String.join("/", path);
					if (at.equals(RECORD)) {
						rows.add(row(record));
						record.clear();
					}
					else if (at.startsWith(RECORD + "/")) {
						record.putIfAbsent(at.substring(RECORD.length() + 1), text.toString().strip());
					}
					else {
						head.putIfAbsent(at, text.toString().strip());
					}
					path.removeLast();
					text.setLength(0);
				}
				default -> {
				}
			}
		}
		return report(head, rows);
	}

	private static DmarcReport report(Map<String, String> head, List<DmarcReport.Row> rows)
			throws UnreadableReportException {
		String reporter = ReportFields.required(head, ROOT + "report_metadata/org_name");
		String reportId = ReportFields.required(head, ROOT + "report_metadata/report_id");
		Instant begin = epoch(ReportFields.required(head, ROOT + "report_metadata/date_range/begin"));
		Instant end = epoch(ReportFields.required(head, ROOT + "report_metadata/date_range/end"));
		String domain = ReportFields.domain(ReportFields.required(head, ROOT + "policy_published/domain"));
		String policy = head.getOrDefault(ROOT + "policy_published/p", "");
		return new DmarcReport(reporter, reportId, begin, end, domain, policy, List.copyOf(rows));
	}

	private static DmarcReport.Row row(Map<String, String> record) throws UnreadableReportException {
		String ip = ReportFields.address(ReportFields.required(record, "row/source_ip"));
		long count = ReportFields.count(ReportFields.required(record, "row/count"));
		return new DmarcReport.Row(ip, count, verdict(record, "row/policy_evaluated/disposition"),
				verdict(record, "row/policy_evaluated/dkim"), verdict(record, "row/policy_evaluated/spf"),
				record.getOrDefault("identifiers/header_from", "").toLowerCase(java.util.Locale.ROOT));
	}

	private static String verdict(Map<String, String> record, String field) throws UnreadableReportException {
		String value = record.getOrDefault(field, "").toLowerCase(java.util.Locale.ROOT);
		if (!value.matches("[a-z_-]{0,20}")) {
			throw new UnreadableReportException("reports.unreadable.field", field);
		}
		return value;
	}

	private static Instant epoch(String seconds) throws UnreadableReportException {
		return Instant.ofEpochSecond(ReportFields.count(seconds));
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

}
