package postern.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import postern.health.ServerAddresses;
import postern.mail.MailDomain;
import postern.mail.MailDomains;

import org.springframework.stereotype.Service;

/**
 * What the report pages and the API show: every local domain over the last 7 or 30 days,
 * and one domain's senders, reporters, TLS failures and days.
 */
@Service
public class ReportViews {

	/** The periods offered, in days. */
	public static final List<Integer> PERIODS = List.of(7, 30);

	private static final int DEFAULT_DAYS = 30;

	/**
	 * Keys of what is kept until reports are written again, besides the periods' rows.
	 */
	private static final String NEWEST_END = "newest end";

	private static final String LAST_FETCHES = "last fetches";

	private final DmarcRowRepository dmarcRows;

	private final TlsPolicyRowRepository tlsPolicies;

	private final TlsFailureRowRepository tlsFailures;

	private final StoredReportRepository reports;

	private final UnreadableMessageRepository unreadable;

	private final ReportFetchRepository fetches;

	private final ReportsMailboxSettings settings;

	private final MailDomains domains;

	private final ServerAddresses serverAddresses;

	private final ReverseNames reverseNames;

	private final ReportWrites writes;

	private final Clock clock = Clock.systemUTC();

	ReportViews(DmarcRowRepository dmarcRows, TlsPolicyRowRepository tlsPolicies, TlsFailureRowRepository tlsFailures,
			StoredReportRepository reports, UnreadableMessageRepository unreadable, ReportFetchRepository fetches,
			ReportsMailboxSettings settings, MailDomains domains, ServerAddresses serverAddresses,
			ReverseNames reverseNames, ReportWrites writes) {
		this.dmarcRows = dmarcRows;
		this.tlsPolicies = tlsPolicies;
		this.tlsFailures = tlsFailures;
		this.reports = reports;
		this.unreadable = unreadable;
		this.fetches = fetches;
		this.settings = settings;
		this.domains = domains;
		this.serverAddresses = serverAddresses;
		this.reverseNames = reverseNames;
		this.writes = writes;
	}

	/**
	 * A period offered, from a request.
	 * @param days the days asked for, or {@code null}
	 * @return 7 or 30
	 */
	public static int period(Integer days) {
		return (days != null && PERIODS.contains(days)) ? days : DEFAULT_DAYS;
	}

	/**
	 * Every local domain, then any other domain reports were about.
	 * @param days 7 or 30
	 * @return the figures of each
	 */
	public List<DomainLine> domains(int days) {
		return domains(since(lastDay(), days));
	}

	private List<DomainLine> domains(LocalDate since) {
		Totals totals = this.writes.read(new TotalsSince(since), this::totals);
		Map<String, DomainTotals> dmarc = totals.dmarc();
		Map<String, TlsTotals> tls = totals.tls();
		Set<String> names = new LinkedHashSet<>(localDomains());
		dmarc.keySet().stream().sorted().forEach(names::add);
		tls.keySet().stream().sorted().forEach(names::add);
		return names.stream().map((name) -> DomainLine.of(name, dmarc.get(name), tls.get(name))).toList();
	}

	private Totals totals(TotalsSince key) {
		return new Totals(
				this.dmarcRows.totals(key.since())
					.stream()
					.collect(Collectors.toMap(DomainTotals::domain, Function.identity())),
				this.tlsPolicies.totals(key.since())
					.stream()
					.collect(Collectors.toMap(TlsTotals::domain, Function.identity())));
	}

	/**
	 * The overview page.
	 * @param days 7 or 30
	 * @return the domains, the mailbox and the last fetch
	 */
	public Overview overview(int days) {
		MailboxSettings mailbox = this.settings.effective();
		LocalDate last = lastDay();
		Fetches fetched = this.writes.read(LAST_FETCHES, (key) -> new Fetches(this.fetches.findFirstByOrderByIdDesc(),
				this.unreadable.findTop20ByOrderByIdDesc()));
		return new Overview(days, endedBefore(last), domains(since(last, days)), mailbox.isSet(),
				mailbox.address().orElse(mailbox.username()), mailbox.host(), fetched.last(), fetched.unreadable());
	}

	/**
	 * One domain's page.
	 * @param domain the domain
	 * @param days 7 or 30
	 * @return its figures
	 */
	public DomainReport domain(String domain, int days) {
		LocalDate last = lastDay();
		LocalDate since = since(last, days);
		// this domain's line alone: the local domains of maddy.conf are not needed for it
		Totals totals = this.writes.read(new TotalsSince(since), this::totals);
		DomainLine line = DomainLine.of(domain, totals.dmarc().get(domain), totals.tls().get(domain));
		DomainRows rows = this.writes.read(new DomainSince(domain, since), this::domainRows);
		return new DomainReport(domain, days, endedBefore(last), line, sources(rows.sources()), rows.reporters(),
				rows.tlsFailures(), DailyChart.of(since, days, rows.days()));
	}

	private DomainRows domainRows(DomainSince key) {
		List<ReporterCount> reporters = new ArrayList<>(this.reports.dmarcReporters(key.domain(), key.since()));
		reporters.addAll(this.reports.tlsReporters(key.domain(), key.since()));
		return new DomainRows(this.dmarcRows.sources(key.domain(), key.since()), List.copyOf(reporters),
				this.tlsFailures.failures(key.domain(), key.since()), this.dmarcRows.days(key.domain(), key.since()));
	}

	private List<SourceLine> sources(List<SourceVerdicts> verdicts) {
		Set<String> own = ownAddresses();
		Map<String, String> names = this.reverseNames
			.of(verdicts.stream().map(SourceVerdicts::sourceIp).collect(Collectors.toSet()));
		return verdicts.stream()
			.map((row) -> new SourceLine(group(row, own), row.sourceIp(), names.getOrDefault(row.sourceIp(), ""),
					row.messages(), row.spf(), row.dkim(), row.passes() ? "pass" : "fail", row.disposition()))
			.sorted(Comparator
				.comparingInt((SourceLine line) -> List.of("own", "passing", "unknown").indexOf(line.group()))
				.thenComparing(Comparator.comparingLong(SourceLine::messages).reversed()))
			.toList();
	}

	private static String group(SourceVerdicts row, Set<String> own) {
		if (own.contains(row.sourceIp())) {
			return "own";
		}
		return row.passes() ? "passing" : "unknown";
	}

	private Set<String> ownAddresses() {
		try {
			ServerAddresses.Addresses addresses = this.serverAddresses.current();
			Set<String> own = new LinkedHashSet<>(addresses.ipv4());
			addresses.ipv6().forEach((address) -> own.add(address.toLowerCase(java.util.Locale.ROOT)));
			return own;
		}
		catch (RuntimeException ex) {
			return Set.of();
		}
	}

	private List<String> localDomains() {
		try {
			return this.domains.list().stream().map(MailDomain::name).toList();
		}
		catch (RuntimeException ex) {
			// maddy.conf unreadable: the domains reports name are still shown
			return List.of();
		}
	}

	private static LocalDate since(LocalDate last, int days) {
		return last.minusDays(days - 1L);
	}

	/**
	 * The last day of the period: today, or the last day the newest report covers when
	 * that is earlier. Reports come in a day or more after the day they cover, and a
	 * mailbox that stopped receiving them still shows its last ones rather than nothing.
	 * @return the day the period ends
	 */
	private LocalDate lastDay() {
		LocalDate today = today();
		Instant newest = this.writes.read(NEWEST_END, (key) -> Optional.ofNullable(this.reports.newestEnd()))
			.orElse(null);
		if (newest == null) {
			return today;
		}
		// a period ends at midnight, which belongs to the next day
		LocalDate covered = newest.minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate();
		return covered.isBefore(today) ? covered : today;
	}

	/**
	 * The day the period ends when it ends before today, to say so on the pages.
	 * @param last the last day of the period
	 * @return that day, or {@code null} when the period ends today
	 */
	private LocalDate endedBefore(LocalDate last) {
		return last.isBefore(today()) ? last : null;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * The overview page.
	 *
	 * @param days the period
	 * @param endsOn the day the period ends when that is before today, else {@code null}
	 * @param domains each domain's figures
	 * @param mailboxSet whether the reports mailbox is set
	 * @param address the reports mailbox's address
	 * @param host its IMAP server
	 * @param lastFetch the last fetch, if any
	 * @param unreadable the latest mails kept aside
	 */
	public record Overview(int days, LocalDate endsOn, List<DomainLine> domains, boolean mailboxSet, String address,
			String host, Optional<ReportFetch> lastFetch, List<UnreadableMessage> unreadable) {
	}

	/**
	 * One domain's page.
	 *
	 * @param domain the domain
	 * @param days the period
	 * @param endsOn the day the period ends when that is before today, else {@code null}
	 * @param line its figures
	 * @param sources its senders, the server's own first, unknown ones last
	 * @param reporters who sent reports about it
	 * @param tlsFailures failed TLS sessions by result type, sending MTA and MX
	 * @param chart the daily chart
	 */
	public record DomainReport(String domain, int days, LocalDate endsOn, DomainLine line, List<SourceLine> sources,
			List<ReporterCount> reporters, List<TlsFailureCount> tlsFailures, DailyChart chart) {
	}

	private record TotalsSince(LocalDate since) {
	}

	private record Totals(Map<String, DomainTotals> dmarc, Map<String, TlsTotals> tls) {
	}

	private record DomainSince(String domain, LocalDate since) {
	}

	private record DomainRows(List<SourceVerdicts> sources, List<ReporterCount> reporters,
			List<TlsFailureCount> tlsFailures, List<DayCount> days) {
	}

	private record Fetches(Optional<ReportFetch> last, List<UnreadableMessage> unreadable) {
	}

}
