package postern.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an SMTP TLS report (RFC 8460 §4).
 */
final class TlsRptJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private TlsRptJson() {
	}

	/**
	 * Parse a report.
	 * @param json the document
	 * @return the report
	 * @throws UnreadableReportException when it is not a complete report
	 */
	static TlsReport parse(byte[] json) throws UnreadableReportException {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new UnreadableReportException("reports.unreadable.json",
					ReportFields.oneLine(ex.getOriginalMessage()));
		}
		if (root == null || !root.isObject()) {
			throw new UnreadableReportException("reports.unreadable.json", "");
		}
		String reporter = required(root, "organization-name");
		String reportId = required(root, "report-id");
		JsonNode range = root.path("date-range");
		Instant begin = time(required(range, "start-datetime"));
		Instant end = time(required(range, "end-datetime"));
		List<TlsReport.Policy> policies = new ArrayList<>();
		for (JsonNode policy : root.path("policies")) {
			policies.add(policy(policy));
		}
		if (policies.isEmpty()) {
			throw new UnreadableReportException("reports.unreadable.missing", "policies");
		}
		return new TlsReport(reporter, reportId, begin, end, List.copyOf(policies));
	}

	private static TlsReport.Policy policy(JsonNode node) throws UnreadableReportException {
		JsonNode policy = node.path("policy");
		String domain = ReportFields.domain(required(policy, "policy-domain"));
		String type = ReportFields.text(policy.path("policy-type").asString(""), "policy-type");
		JsonNode summary = node.path("summary");
		long successful = count(summary, "total-successful-session-count");
		long failed = count(summary, "total-failure-session-count");
		List<TlsReport.Failure> failures = new ArrayList<>();
		for (JsonNode detail : node.path("failure-details")) {
			String result = required(detail, "result-type").toLowerCase(java.util.Locale.ROOT);
			if (!result.matches("[a-z0-9-]{1,60}")) {
				throw new UnreadableReportException("reports.unreadable.field", "result-type");
			}
			String mta = detail.path("sending-mta-ip").asString("");
			failures.add(new TlsReport.Failure(result, mta.isEmpty() ? "" : ReportFields.address(mta),
					ReportFields.optionalName(detail.path("receiving-mx-hostname").asString("")),
					count(detail, "failed-session-count")));
		}
		return new TlsReport.Policy(domain, type, successful, failed, List.copyOf(failures));
	}

	private static String required(JsonNode node, String field) throws UnreadableReportException {
		JsonNode value = node.path(field);
		if (!value.isString() || value.asString().isBlank()) {
			throw new UnreadableReportException("reports.unreadable.missing", field);
		}
		return ReportFields.text(value.asString().strip(), field);
	}

	private static long count(JsonNode node, String field) throws UnreadableReportException {
		JsonNode value = node.path(field);
		if (value.isMissingNode()) {
			return 0;
		}
		if (!value.canConvertToLong() || value.asLong() < 0) {
			throw new UnreadableReportException("reports.unreadable.number", field);
		}
		return value.asLong();
	}

	private static Instant time(String text) throws UnreadableReportException {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new UnreadableReportException("reports.unreadable.date", text);
		}
	}

}
