package postern.health;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import postern.names.IpAddresses;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;

import postern.mail.DnsRecord;

/**
 * The DNS checks: each turns answers and what is expected into one result, with the
 * record that fixes a problem.
 */
final class DnsChecks {

	static final String LETS_ENCRYPT = "letsencrypt.org";

	private static final Pattern STS_RECORD = Pattern.compile("(?i)v=STSv1\\s*;(.*)");

	private static final Pattern STS_ID = Pattern.compile("(?:^|;)\\s*id=([^;\\s]*)\\s*(?:;|$)");

	private DnsChecks() {
	}

	static CheckResult couldNotCheck(String subject, String check, DnsAnswer answer) {
		return CheckResult.of(subject, check, Verdict.UNKNOWN, "health.could-not-check", answer.name(),
				Type.string(answer.type()), answer.why());
	}

	static CheckResult mx(Expected expected, DnsAnswer answer) {
		String domain = expected.domain();
		String fix = expected.fix("dns.purpose.mx");
		if (!answer.answered()) {
			return couldNotCheck(domain, "mx", answer);
		}
		List<String> targets = answer.records(MXRecord.class)
			.stream()
			.map((mx) -> host(mx.getTarget().toString()))
			.toList();
		CheckResult result;
		if (targets.isEmpty()) {
			result = CheckResult.of(domain, "mx", Verdict.ERROR, "health.mx.missing", domain).withFix(fix);
		}
		else if (targets.contains("")) {
			result = CheckResult.of(domain, "mx", Verdict.ERROR, "health.mx.null", domain).withFix(fix);
		}
		else if (!targets.contains(expected.mxHost())) {
			result = CheckResult
				.of(domain, "mx", Verdict.ERROR, "health.mx.elsewhere", String.join(", ", targets), expected.mxHost())
				.withFix(fix);
		}
		else if (targets.size() > 1) {
			result = CheckResult.of(domain, "mx", Verdict.WARNING, "health.mx.others", String.join(", ", targets),
					expected.mxHost());
		}
		else {
			result = CheckResult.of(domain, "mx", Verdict.OK, "health.mx.ok", expected.mxHost());
		}
		return result.withDetail(answer.describe());
	}

	/**
	 * The MX host's addresses of one family against the server's.
	 * @param subject the MX host
	 * @param answer the A or AAAA answer
	 * @param server the server's addresses of that family
	 * @return the result
	 */
	static CheckResult addresses(String subject, DnsAnswer answer, List<String> server) {
		boolean v4 = answer.type() == Type.A;
		String check = v4 ? "mx-a" : "mx-aaaa";
		String type = v4 ? "A" : "AAAA";
		if (!answer.answered()) {
			return couldNotCheck(subject, check, answer);
		}
		Set<String> found = new LinkedHashSet<>();
		answer.records(ARecord.class).forEach((a) -> found.add(IpAddresses.text(a.getAddress())));
		answer.records(AAAARecord.class).forEach((a) -> found.add(IpAddresses.text(a.getAddress())));
		Set<String> wanted = new LinkedHashSet<>(server.stream().map(DnsChecks::normal).toList());
		String fix = wanted.isEmpty() ? null
				: String.join("\n", wanted.stream().map((ip) -> DnsRecordLines.line(subject, type, ip)).toList());
		CheckResult result;
		if (wanted.isEmpty() && found.isEmpty()) {
			result = CheckResult.of(subject, check, v4 ? Verdict.ERROR : Verdict.OK,
					v4 ? "health.address.missing" : "health.address.none", subject, type);
		}
		else if (wanted.isEmpty()) {
			result = CheckResult.of(subject, check, Verdict.UNKNOWN, "health.address.server-unknown", subject, type,
					String.join(", ", found));
		}
		else if (found.isEmpty()) {
			result = CheckResult
				.of(subject, check, v4 ? Verdict.ERROR : Verdict.WARNING, "health.address.missing", subject, type)
				.withFix(fix);
		}
		else if (!found.equals(wanted)) {
			result = CheckResult
				.of(subject, check, Verdict.ERROR, "health.address.differs", subject, type, String.join(", ", found),
						String.join(", ", wanted))
				.withFix(fix);
		}
		else {
			result = CheckResult.of(subject, check, Verdict.OK, "health.address.ok", subject, type,
					String.join(", ", found));
		}
		return result.withDetail(answer.describe());
	}

	/**
	 * Reverse DNS of one server address, then forward confirmation.
	 * @param subject the MX host
	 * @param ip the server address
	 * @param ptr the PTR answer
	 * @param forward the A or AAAA answer of the PTR name, or {@code null} when not asked
	 * @return the result
	 */
	static CheckResult ptr(String subject, String ip, DnsAnswer ptr, DnsAnswer forward) {
		String reverse = ptr.name();
		String fix = DnsRecordLines.line(host(reverse), "PTR", subject + ".");
		if (!ptr.answered()) {
			return couldNotCheck(subject, "ptr", ptr);
		}
		List<String> names = ptr.records(PTRRecord.class).stream().map((p) -> host(p.getTarget().toString())).toList();
		if (names.isEmpty()) {
			return CheckResult.of(subject, "ptr", Verdict.ERROR, "health.ptr.missing", ip, subject)
				.withFix(fix)
				.withDetail(ptr.describe());
		}
		if (!names.contains(subject)) {
			return CheckResult
				.of(subject, "ptr", Verdict.ERROR, "health.ptr.wrong", ip, String.join(", ", names), subject)
				.withFix(fix)
				.withDetail(ptr.describe());
		}
		if (forward == null || !forward.answered()) {
			return (forward == null)
					? CheckResult.of(subject, "ptr", Verdict.UNKNOWN, "health.ptr.not-confirmed", ip, subject)
					: couldNotCheck(subject, "ptr", forward);
		}
		List<String> back = new ArrayList<>();
		forward.records(ARecord.class).forEach((a) -> back.add(IpAddresses.text(a.getAddress())));
		forward.records(AAAARecord.class).forEach((a) -> back.add(IpAddresses.text(a.getAddress())));
		if (!back.contains(normal(ip))) {
			return CheckResult.of(subject, "ptr", Verdict.ERROR, "health.ptr.not-confirmed", ip, subject)
				.withFix(DnsRecordLines.line(subject, ip.contains(":") ? "AAAA" : "A", ip))
				.withDetail(ptr.describe() + "\n" + forward.describe());
		}
		return CheckResult.of(subject, "ptr", Verdict.OK, "health.ptr.ok", ip, subject)
			.withDetail(ptr.describe() + "\n" + forward.describe());
	}

	/**
	 * The SPF records among a domain's TXT records.
	 * @param answer the apex TXT answer
	 * @return the texts that start with {@code v=spf1}
	 */
	static List<String> spfRecords(DnsAnswer answer) {
		return answer.texts()
			.stream()
			.filter((text) -> text.toLowerCase(Locale.ROOT).matches("v=spf1(\\s.*)?"))
			.toList();
	}

	/**
	 * The SPF record of a domain.
	 * @param expected the domain's expectations
	 * @param answer the apex TXT answer
	 * @param ipv4 the server's IPv4 addresses
	 * @param ipv6 the server's IPv6 addresses
	 * @param lookups the lookups of its record through its includes, or {@code null} when
	 * there is no single record
	 * @return the result
	 */
	static CheckResult spf(Expected expected, DnsAnswer answer, List<String> ipv4, List<String> ipv6,
			SpfLookups.Count lookups) {
		String domain = expected.domain();
		String fix = expected.fix("dns.purpose.spf");
		if (!answer.answered()) {
			return couldNotCheck(domain, "spf", answer);
		}
		List<String> records = spfRecords(answer);
		CheckResult result;
		if (records.isEmpty()) {
			result = CheckResult.of(domain, "spf", Verdict.ERROR, "health.spf.missing", domain).withFix(fix);
		}
		else if (records.size() > 1) {
			result = CheckResult.of(domain, "spf", Verdict.ERROR, "health.spf.several", records.size()).withFix(fix);
		}
		else {
			result = spfRecord(domain, records.get(0), expected.mxHost(), ipv4, ipv6, lookups, fix);
		}
		return result.withDetail(answer.describe() + ((lookups != null) ? "\n\n" + lookups.tree() : ""));
	}

	private static CheckResult spfRecord(String domain, String record, String mxHost, List<String> ipv4,
			List<String> ipv6, SpfLookups.Count lookups, String fix) {
		String all = null;
		boolean authorised = false;
		boolean redirect = false;
		for (String term : record.strip().split("\\s+")) {
			String lower = term.toLowerCase(Locale.ROOT);
			String mechanism = lower.replaceFirst("^[-+~?]", "");
			if (mechanism.equals("all")) {
				all = lower;
				break;
			}
			if (mechanism.startsWith("redirect=")) {
				redirect = true;
			}
			if (mechanism.equals("mx") || mechanism.equals("mx:" + domain) || mechanism.equals("a:" + mxHost)
					|| (mechanism.equals("a") && domain.equals(mxHost)) || mechanism.equals("mx/24")
					|| mechanism.equals("a:" + mxHost + "/32")) {
				authorised |= !lower.startsWith("-") && !lower.startsWith("~");
			}
			if (mechanism.startsWith("ip4:") && ipv4.stream().anyMatch((ip) -> inRange(ip, mechanism.substring(4)))) {
				authorised = true;
			}
			if (mechanism.startsWith("ip6:") && ipv6.stream().anyMatch((ip) -> inRange(ip, mechanism.substring(4)))) {
				authorised = true;
			}
		}
		if (!lookups.withoutRecord().isEmpty()) {
			return CheckResult
				.of(domain, "spf", Verdict.ERROR, "health.spf.include-missing",
						String.join(", ", lookups.withoutRecord()))
				.withFix(fix);
		}
		if (lookups.lookups() > SpfLookups.LOOKUP_LIMIT) {
			return CheckResult
				.of(domain, "spf", Verdict.ERROR, "health.spf.too-many-lookups", lookups.lookups(), lookups.over())
				.withFix(fix);
		}
		if (lookups.voids() > SpfLookups.VOID_LIMIT) {
			return CheckResult
				.of(domain, "spf", Verdict.ERROR, "health.spf.too-many-void", lookups.voids(),
						String.join(", ", lookups.voidNames()))
				.withFix(fix);
		}
		if (!authorised) {
			return CheckResult.of(domain, "spf", Verdict.ERROR, "health.spf.not-authorised", record, mxHost)
				.withFix(fix);
		}
		if ("+all".equals(all) || "all".equals(all)) {
			return CheckResult.of(domain, "spf", Verdict.ERROR, "health.spf.all-pass", record).withFix(fix);
		}
		if (all == null && !redirect || "?all".equals(all)) {
			return CheckResult.of(domain, "spf", Verdict.WARNING, "health.spf.all-neutral", record).withFix(fix);
		}
		if (!lookups.unknown().isEmpty()) {
			return CheckResult.of(domain, "spf", Verdict.UNKNOWN, "health.spf.lookups-unknown", lookups.lookups(),
					String.join(", ", lookups.unknown()));
		}
		return CheckResult.of(domain, "spf", Verdict.OK, "~all".equals(all) ? "health.spf.softfail" : "health.spf.ok",
				record, lookups.lookups());
	}

	static CheckResult dkim(Expected expected, DnsAnswer answer) {
		String domain = expected.domain();
		if (expected.dkim().isEmpty()) {
			return CheckResult.of(domain, "dkim", Verdict.WARNING, "health.dkim.no-key", domain);
		}
		String fix = expected.fix("dns.purpose.dkim");
		if (!answer.answered()) {
			return couldNotCheck(domain, "dkim", answer);
		}
		List<String> keys = answer.texts().stream().filter((text) -> text.contains("p=")).toList();
		String wanted = squash(expected.dkim().get());
		CheckResult result;
		if (keys.isEmpty()) {
			result = CheckResult.of(domain, "dkim", Verdict.ERROR, "health.dkim.missing", answer.name()).withFix(fix);
		}
		else if (keys.stream().map(DnsChecks::squash).noneMatch(wanted::equals)) {
			result = CheckResult.of(domain, "dkim", Verdict.ERROR, "health.dkim.differs", answer.name()).withFix(fix);
		}
		else {
			int bits = rsaBits(wanted);
			result = (bits > 0 && bits < 1024)
					? CheckResult.of(domain, "dkim", Verdict.ERROR, "health.dkim.weak", answer.name(), bits)
					: (bits > 0 && bits < 2048)
							? CheckResult.of(domain, "dkim", Verdict.WARNING, "health.dkim.short", answer.name(), bits)
							: CheckResult.of(domain, "dkim", Verdict.OK, "health.dkim.ok", answer.name());
		}
		return result.withDetail(answer.describe());
	}

	static CheckResult dmarc(Expected expected, DnsAnswer answer) {
		String domain = expected.domain();
		String fix = expected.fix("dns.purpose.dmarc");
		if (!answer.answered()) {
			return couldNotCheck(domain, "dmarc", answer);
		}
		List<String> records = answer.texts().stream().filter((text) -> text.matches("v=DMARC1\\s*(;.*)?")).toList();
		CheckResult result;
		if (records.isEmpty()) {
			result = CheckResult.of(domain, "dmarc", Verdict.ERROR, "health.dmarc.missing", answer.name()).withFix(fix);
		}
		else if (records.size() > 1) {
			result = CheckResult.of(domain, "dmarc", Verdict.ERROR, "health.dmarc.several", records.size())
				.withFix(fix);
		}
		else {
			Matcher policy = Pattern.compile(";\\s*p\\s*=\\s*([a-zA-Z]*)").matcher(records.get(0));
			String p = policy.find() ? policy.group(1).toLowerCase(Locale.ROOT) : "";
			if (!Set.of("none", "quarantine", "reject").contains(p)) {
				result = CheckResult.of(domain, "dmarc", Verdict.ERROR, "health.dmarc.no-policy", records.get(0))
					.withFix(fix);
			}
			else if (p.equals("none")) {
				result = CheckResult.of(domain, "dmarc", Verdict.WARNING, "health.dmarc.none", records.get(0))
					.withFix(fix);
			}
			else {
				result = CheckResult.of(domain, "dmarc", Verdict.OK, "health.dmarc.ok", p);
			}
		}
		return result.withDetail(answer.describe());
	}

	/**
	 * The {@code _mta-sts} record against the id of the served policy.
	 * @param expected the domain's expectations
	 * @param answer the TXT answer
	 * @param fetchedPolicy the policy fetched over HTTPS, or {@code null}
	 * @return the result
	 */
	static CheckResult mtaStsRecord(Expected expected, DnsAnswer answer, String fetchedPolicy) {
		String domain = expected.domain();
		String id = expected.mtaStsId(fetchedPolicy);
		String fix = expected.mtaStsFix(id);
		if (!answer.answered()) {
			return couldNotCheck(domain, "mta-sts", answer);
		}
		List<String> records = answer.texts().stream().filter((text) -> STS_RECORD.matcher(text).matches()).toList();
		CheckResult result;
		if (records.isEmpty()) {
			result = CheckResult.of(domain, "mta-sts", Verdict.ERROR, "health.mta-sts.missing", answer.name())
				.withFix(fix);
		}
		else if (records.size() > 1) {
			result = CheckResult.of(domain, "mta-sts", Verdict.ERROR, "health.mta-sts.several", records.size())
				.withFix(fix);
		}
		else {
			Matcher rest = STS_RECORD.matcher(records.get(0));
			rest.matches();
			Matcher found = STS_ID.matcher(rest.group(1));
			String actual = found.find() ? found.group(1) : "";
			if (!actual.matches("[A-Za-z0-9]{1,32}")) {
				result = CheckResult.of(domain, "mta-sts", Verdict.ERROR, "health.mta-sts.bad-id", actual).withFix(fix);
			}
			else {
				// any well-formed id is right (RFC 8461 asks only that it change with the
				// policy): what the policy was under this id is judged against earlier
				// runs
				result = CheckResult.of(domain, "mta-sts", Verdict.OK, "health.mta-sts.ok", actual);
				if (fetchedPolicy != null) {
					result = result.seeing(new MtaStsSeen(sha256(fetchedPolicy), actual,
							expected.mtaStsFix(expected.newMtaStsId(fetchedPolicy, actual))));
				}
			}
		}
		return result.withDetail(answer.describe());
	}

	/**
	 * The consent of the reports mailbox's domain to receive a domain's DMARC reports
	 * (RFC 7489 §7.1).
	 * @param domain the domain whose reports go elsewhere
	 * @param auth the record to publish, {@code <domain>._report._dmarc.<reports domain>}
	 * @param answer the TXT answer for its name
	 * @return the result
	 */
	static CheckResult dmarcReportAuth(String domain, DnsRecord auth, DnsAnswer answer) {
		if (!answer.answered()) {
			return couldNotCheck(domain, "dmarc-report-auth", answer);
		}
		boolean published = answer.texts().stream().anyMatch((text) -> text.matches("v=DMARC1\\s*(;.*)?"));
		CheckResult result = published
				? CheckResult.of(domain, "dmarc-report-auth", Verdict.OK, "health.dmarc-report-auth.ok", auth.name())
				: CheckResult
					.of(domain, "dmarc-report-auth", Verdict.WARNING, "health.dmarc-report-auth.missing", auth.name())
					.withFix(auth.zoneLine());
		return result.withDetail(answer.describe());
	}

	/**
	 * An {@code mta-sts} result whose policy changed since an earlier run while its id
	 * stayed the same.
	 * @param result the result as the run found it, with what it saw
	 * @return the error, with a record carrying a new id
	 */
	static CheckResult mtaStsPolicyChanged(CheckResult result) {
		MtaStsSeen seen = result.mtaStsSeen();
		return CheckResult.of(result.subject(), "mta-sts", Verdict.ERROR, "health.mta-sts.policy-changed", seen.id())
			.withFix(seen.newIdFix())
			.withDetail(result.detail())
			.seeing(seen);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	static CheckResult tlsRpt(Expected expected, DnsAnswer answer) {
		String domain = expected.domain();
		String fix = expected.fix("dns.purpose.tlsrpt");
		if (!answer.answered()) {
			return couldNotCheck(domain, "tlsrpt", answer);
		}
		List<String> records = answer.texts().stream().filter((text) -> text.matches("v=TLSRPTv1\\s*(;.*)?")).toList();
		CheckResult result;
		if (records.isEmpty()) {
			result = CheckResult.of(domain, "tlsrpt", Verdict.WARNING, "health.tlsrpt.missing", answer.name())
				.withFix(fix);
		}
		else if (records.size() > 1) {
			result = CheckResult.of(domain, "tlsrpt", Verdict.ERROR, "health.tlsrpt.several", records.size())
				.withFix(fix);
		}
		else {
			Matcher rua = Pattern.compile(";\\s*rua\\s*=\\s*([^;]*)").matcher(records.get(0));
			String uris = rua.find() ? rua.group(1).strip() : "";
			boolean valid = !uris.isEmpty() && List.of(uris.split(","))
				.stream()
				.map(String::strip)
				.allMatch((uri) -> uri.matches("(mailto:[^@\\s]+@[^@\\s]+|https://\\S+)"));
			result = valid ? CheckResult.of(domain, "tlsrpt", Verdict.OK, "health.tlsrpt.ok", uris)
					: CheckResult.of(domain, "tlsrpt", Verdict.ERROR, "health.tlsrpt.bad-rua", records.get(0))
						.withFix(fix);
		}
		return result.withDetail(answer.describe());
	}

	/**
	 * The TLSA records of the MX host against the served keys.
	 * @param mxHost the MX host
	 * @param answer the {@code _25._tcp.<mx>} TLSA answer
	 * @param served the SHA-256 of the key of the certificate served on port 25 at each
	 * server address (none when no handshake succeeded)
	 * @param onDisk the SHA-256 of the key of maddy's certificate file, or {@code null}
	 * @return the result
	 */
	static CheckResult tlsa(String mxHost, DnsAnswer answer, List<String> served, String onDisk) {
		if (!answer.answered()) {
			return couldNotCheck(mxHost, "tlsa", answer);
		}
		Set<String> current = new LinkedHashSet<>(served);
		if (current.isEmpty() && onDisk != null) {
			current.add(onDisk);
		}
		Set<String> wanted = new LinkedHashSet<>(current);
		if (onDisk != null) {
			wanted.add(onDisk);
		}
		String fix = wanted.isEmpty() ? null
				: String.join("\n", wanted.stream().map((hash) -> DnsRecordLines.tlsa(mxHost, hash)).toList());
		List<TLSARecord> records = answer.records(TLSARecord.class);
		List<String> unmatched = current.stream()
			.filter((hash) -> records.stream().noneMatch((tlsa) -> matches(tlsa, hash)))
			.toList();
		CheckResult result;
		if (records.isEmpty()) {
			result = CheckResult.of(mxHost, "tlsa", Verdict.WARNING, "health.tlsa.none", answer.name()).withFix(fix);
		}
		else if (!answer.authenticated()) {
			result = CheckResult.of(mxHost, "tlsa", Verdict.ERROR, "health.tlsa.unsigned", answer.name());
		}
		else if (current.isEmpty()) {
			result = CheckResult.of(mxHost, "tlsa", Verdict.UNKNOWN, "health.tlsa.no-certificate", mxHost);
		}
		else if (!unmatched.isEmpty()) {
			result = CheckResult
				.of(mxHost, "tlsa", Verdict.ERROR, "health.tlsa.mismatch", answer.name(), String.join(", ", unmatched))
				.withFix(fix);
		}
		else if (records.size() == 1) {
			result = CheckResult.of(mxHost, "tlsa", Verdict.WARNING, "health.tlsa.single", answer.name());
		}
		else {
			result = CheckResult.of(mxHost, "tlsa", Verdict.OK, "health.tlsa.ok", records.size());
		}
		return result.withDetail(answer.describe());
	}

	private static boolean matches(TLSARecord tlsa, String sha256) {
		return tlsa.getCertificateUsage() == TLSARecord.CertificateUsage.DOMAIN_ISSUED_CERTIFICATE
				&& tlsa.getSelector() == TLSARecord.Selector.SUBJECT_PUBLIC_KEY_INFO
				&& tlsa.getMatchingType() == TLSARecord.MatchingType.SHA256
				&& HexFormat.of().formatHex(tlsa.getCertificateAssociationData()).equalsIgnoreCase(sha256);
	}

	/**
	 * The closest CAA set, climbing from the domain.
	 * @param expected the domain's expectations
	 * @param answers the CAA answers from the domain up to its parent zones, closest
	 * first
	 * @return the result
	 */
	static CheckResult caa(Expected expected, List<DnsAnswer> answers) {
		String domain = expected.domain();
		String fix = expected.fix("dns.purpose.caa");
		for (DnsAnswer answer : answers) {
			if (!answer.answered()) {
				return couldNotCheck(domain, "caa", answer);
			}
			List<CAARecord> records = answer.records(CAARecord.class);
			if (records.isEmpty()) {
				continue;
			}
			for (CAARecord caa : records) {
				boolean known = Set.of("issue", "issuewild", "iodef").contains(caa.getTag().toLowerCase(Locale.ROOT));
				if (!known && (caa.getFlags() & CAARecord.Flags.IssuerCritical) != 0) {
					return CheckResult.of(domain, "caa", Verdict.ERROR, "health.caa.critical", caa.getTag())
						.withFix(fix)
						.withDetail(answer.describe());
				}
			}
			List<CAARecord> issue = records.stream().filter((caa) -> "issue".equalsIgnoreCase(caa.getTag())).toList();
			boolean allowed = issue.isEmpty() || issue.stream()
				.anyMatch((caa) -> caa.getValue().split(";")[0].strip().equalsIgnoreCase(LETS_ENCRYPT));
			return (allowed ? CheckResult.of(domain, "caa", Verdict.OK, "health.caa.ok", host(answer.name()))
					: CheckResult.of(domain, "caa", Verdict.ERROR, "health.caa.blocks", host(answer.name()))
						.withFix(fix))
				.withDetail(answer.describe());
		}
		return CheckResult.of(domain, "caa", Verdict.OK, "health.caa.none", domain);
	}

	static CheckResult dnssec(String domain, DnsAnswer answer) {
		if (answer.outcome() == DnsAnswer.Outcome.ANSWERED && answer.rcode() == Rcode.SERVFAIL) {
			return CheckResult.of(domain, "dnssec", Verdict.ERROR, "health.dnssec.bogus", domain)
				.withDetail(answer.describe());
		}
		if (!answer.answered()) {
			return couldNotCheck(domain, "dnssec", answer);
		}
		return (answer.authenticated() ? CheckResult.of(domain, "dnssec", Verdict.OK, "health.dnssec.ok", domain)
				: CheckResult.of(domain, "dnssec", Verdict.WARNING, "health.dnssec.unsigned", domain))
			.withDetail(answer.describe());
	}

	/**
	 * The names to ask for CAA: the domain, then each parent with at least two labels.
	 * @param domain the domain
	 * @return the names, closest first
	 */
	static List<String> caaNames(String domain) {
		List<String> names = new ArrayList<>();
		String name = domain;
		while (name.indexOf('.') > 0) {
			names.add(name);
			name = name.substring(name.indexOf('.') + 1);
		}
		return names;
	}

	/**
	 * Whether two lists of answers hold the same records, pairwise; an answer that did
	 * not come counts as agreeing (it says nothing).
	 * @param via the resolver's answers
	 * @param direct a name server's answers
	 * @return {@code true} when no pair differs
	 */
	static boolean sameRecords(List<DnsAnswer> via, List<DnsAnswer> direct) {
		for (int i = 0; i < via.size(); i++) {
			DnsAnswer a = via.get(i);
			DnsAnswer b = direct.get(i);
			if (!a.answered() || !b.answered()) {
				continue;
			}
			Set<String> left = new java.util.TreeSet<>(a.records().stream().map((r) -> r.rdataToString()).toList());
			Set<String> right = new java.util.TreeSet<>(b.records().stream().map((r) -> r.rdataToString()).toList());
			if (!left.equals(right)) {
				return false;
			}
		}
		return true;
	}

	static String host(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	/**
	 * The size of the RSA key of a DKIM record.
	 * @param record the record, blanks removed
	 * @return the modulus length in bits, or 0 when the key is not RSA or cannot be read
	 */
	static int rsaBits(String record) {
		Matcher key = Pattern.compile("(?:^|;)p=([A-Za-z0-9+/=]+)").matcher(record);
		if (!key.find() || record.contains("k=ed25519")) {
			return 0;
		}
		try {
			java.security.PublicKey publicKey = java.security.KeyFactory.getInstance("RSA")
				.generatePublic(
						new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(key.group(1))));
			return ((java.security.interfaces.RSAPublicKey) publicKey).getModulus().bitLength();
		}
		catch (java.security.GeneralSecurityException | IllegalArgumentException ex) {
			return 0;
		}
	}

	private static String squash(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static boolean literal(String ip) {
		return ip.matches("[0-9a-fA-F:.]+") && (ip.contains(".") || ip.contains(":"));
	}

	static String normal(String ip) {
		return IpAddresses.normal(ip);
	}

	/**
	 * Whether an address is in an SPF range.
	 * @param ip the address
	 * @param range {@code addr} or {@code addr/prefix}
	 * @return {@code true} when it is in it
	 */
	static boolean inRange(String ip, String range) {
		try {
			String[] parts = range.split("/");
			if (!literal(ip) || !literal(parts[0])) {
				return false;
			}
			byte[] address = InetAddress.getByName(ip).getAddress();
			byte[] network = InetAddress.getByName(parts[0]).getAddress();
			if (address.length != network.length) {
				return false;
			}
			int bits = (parts.length > 1) ? Integer.parseInt(parts[1]) : address.length * 8;
			int shift = address.length * 8 - bits;
			return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
		}
		catch (UnknownHostException | NumberFormatException ex) {
			return false;
		}
	}

}
