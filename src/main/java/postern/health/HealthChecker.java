package postern.health;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

import postern.PosternProperties;

/**
 * Runs every check of a {@link HealthPlan} at once: the DNS queries are all sent
 * together, the TLS handshakes share a small pool, and each check is reported as soon as
 * its answers are in. A check that fails in an unexpected way gives one result row and
 * leaves the others alone.
 */
public class HealthChecker {

	/** No check may take longer than this, whatever its parts do. */
	private static final Duration CHECK_LIMIT = Duration.ofSeconds(60);

	private static final String NO_ADDRESS = "no address";

	private final DnsClient dns;

	private final TlsProbe probe;

	private final MtaStsFetch mtaSts;

	private final PosternProperties.Ports ports;

	private final Executor pool;

	private final Clock clock;

	private final int authoritativePort;

	/**
	 * The queries of the current run: checks that need the same answer (the MX host's
	 * address, the domain's TXT records) share one query instead of asking again.
	 */
	private volatile Map<String, CompletableFuture<DnsAnswer>> asked = new ConcurrentHashMap<>();

	public HealthChecker(DnsClient dns, TlsProbe probe, PosternProperties.Ports ports, Executor pool, Clock clock) {
		this(dns, probe, ports, pool, clock, 0);
	}

	/**
	 * A checker that also asks each domain's name servers directly.
	 * @param dns the resolver client
	 * @param probe the TLS probe
	 * @param ports the ports probed
	 * @param pool where handshakes run
	 * @param clock the time of the checks
	 * @param authoritativePort the DNS port of the name servers (53), or 0 not to ask
	 * them
	 */
	public HealthChecker(DnsClient dns, TlsProbe probe, PosternProperties.Ports ports, Executor pool, Clock clock,
			int authoritativePort) {
		this.authoritativePort = authoritativePort;
		this.dns = dns;
		this.probe = probe;
		this.mtaSts = new MtaStsFetch(probe);
		this.ports = ports;
		this.pool = pool;
		this.clock = clock;
	}

	/**
	 * Start every check of a plan.
	 * @param plan what to check
	 * @param listener told of each result as it comes, from any thread
	 * @return how many checks were started, and all their results when done
	 */
	public Running start(HealthPlan plan, Consumer<CheckResult> listener) {
		return start(plan, listener, (subject, check) -> true, false);
	}

	/**
	 * Start some checks of a plan, at once or one after another (to measure what running
	 * them together saves).
	 * @param plan what to check
	 * @param listener told of each result as it comes
	 * @param only which checks, by subject and check id
	 * @param oneAfterAnother whether each check starts only when the previous one ended
	 * @return how many checks were started, and all their results when done
	 */
	Running start(HealthPlan plan, Consumer<CheckResult> listener, BiPredicate<String, String> only,
			boolean oneAfterAnother) {
		this.asked = new ConcurrentHashMap<>();
		Run run = new Run(listener, only, oneAfterAnother);
		if (plan.mxHost() != null) {
			server(run, plan);
		}
		for (Expected expected : plan.domains()) {
			domain(run, expected, plan);
		}
		for (String site : plan.sites()) {
			run.addUrgent(site, "tls-https",
					() -> address(site).thenCompose((found) -> found
						.map((ip) -> tls(site, "tls-https", site, ip, this.ports.https(), TlsProbe.Mode.IMPLICIT))
						.orElseGet(() -> CompletableFuture.completedFuture(
								CheckResult.of(site, "tls-https", Verdict.ERROR, "health.site.no-address", site)))));
		}
		run.go();
		return new Running(run.futures.size(), CompletableFuture.allOf(run.futures.toArray(CompletableFuture[]::new))
			.thenApply((done) -> run.futures.stream().map(CompletableFuture::join).toList()));
	}

	private void server(Run run, HealthPlan plan) {
		String mx = plan.mxHost();
		Supplier<CompletableFuture<DnsAnswer>> a = lazy(() -> query(mx, Type.A));
		Supplier<CompletableFuture<DnsAnswer>> aaaa = lazy(() -> query(mx, Type.AAAA));
		run.add(mx, "mx-a", () -> a.get().thenApply((answer) -> DnsChecks.addresses(mx, answer, plan.ipv4())));
		run.add(mx, "mx-aaaa", () -> aaaa.get().thenApply((answer) -> DnsChecks.addresses(mx, answer, plan.ipv6())));
		List<String> addresses = new ArrayList<>(plan.ipv4());
		addresses.addAll(plan.ipv6());
		for (String ip : addresses) {
			run.add(mx, "ptr", () -> ptr(mx, ip).thenApply((result) -> result.at(ip)));
		}
		// The server's own addresses are known without asking DNS, so its handshakes
		// start at once, one per address; without them, the first address DNS gives is
		// probed.
		List<InetAddress> own = literals(addresses);
		List<Supplier<CompletableFuture<Optional<InetAddress>>>> at = own.isEmpty()
				? List.of(lazy(
						() -> a.get().thenCombine(aaaa.get(), (v4, v6) -> firstAddress(v4).or(() -> firstAddress(v6)))))
				: own.stream()
					.map((ip) -> (Supplier<CompletableFuture<Optional<InetAddress>>>) () -> CompletableFuture
						.completedFuture(Optional.of(ip)))
					.toList();
		// Each address probed has its own results (history, alerts); the finding names
		// the address only when there are several.
		List<String> probed = own.isEmpty() ? java.util.Collections.singletonList(null)
				: addresses.stream().filter((ip) -> !literals(List.of(ip)).isEmpty()).toList();
		List<String> labels = (at.size() > 1) ? probed : java.util.Collections.nCopies(at.size(), (String) null);
		List<Supplier<CompletableFuture<TlsProbeResult>>> smtp = at.stream()
			.map((where) -> lazy(() -> probe(where.get(), mx, this.ports.smtp(), TlsProbe.Mode.SMTP_STARTTLS)))
			.toList();
		for (int i = 0; i < at.size(); i++) {
			Supplier<CompletableFuture<Optional<InetAddress>>> where = at.get(i);
			Supplier<CompletableFuture<TlsProbeResult>> smtpProbe = smtp.get(i);
			String label = labels.get(i);
			String address = probed.get(i);
			run.addHandshake(mx, "tls-smtp",
					() -> smtpProbe.get().thenApply((found) -> judge(mx, "tls-smtp", found, label).at(address)));
			run.addHandshake(mx, "tls-submission",
					() -> probe(where.get(), mx, this.ports.submission(), TlsProbe.Mode.SMTP_STARTTLS)
						.thenApply((found) -> judge(mx, "tls-submission", found, label).at(address)));
			run.addHandshake(mx, "tls-smtps", () -> probe(where.get(), mx, this.ports.smtps(), TlsProbe.Mode.IMPLICIT)
				.thenApply((found) -> judge(mx, "tls-smtps", found, label).at(address)));
			run.addHandshake(mx, "tls-imaps", () -> probe(where.get(), mx, this.ports.imaps(), TlsProbe.Mode.IMPLICIT)
				.thenApply((found) -> judge(mx, "tls-imaps", found, label).at(address)));
		}
		String onDisk = (plan.certificateOnDisk() != null) ? TlsProbeResult.spkiSha256(plan.certificateOnDisk()) : null;
		run.add(mx, "tlsa", () -> {
			// every address must serve a key the TLSA records name
			List<CompletableFuture<TlsProbeResult>> probes = smtp.stream().map(Supplier::get).toList();
			return query("_25._tcp." + mx, Type.TLSA).thenCombine(
					CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)),
					(answer, done) -> DnsChecks.tlsa(mx, answer,
							probes.stream()
								.map(CompletableFuture::join)
								.flatMap((probe) -> probe.leaf().map(TlsProbeResult::spkiSha256).stream())
								.toList(),
							onDisk));
		});
	}

	private CheckResult judge(String host, String check, TlsProbeResult probe, String address) {
		return TlsChecks.tls(host, check, probe, this.clock.instant(), address);
	}

	/**
	 * Shake hands with a host at an address, on the pool.
	 */
	private CompletableFuture<TlsProbeResult> probe(CompletableFuture<Optional<InetAddress>> address, String host,
			int port, TlsProbe.Mode mode) {
		return address.thenCompose((ip) -> ip
			.map((found) -> CompletableFuture.supplyAsync(() -> this.probe.probe(host, found, port, mode), this.pool))
			.orElseGet(() -> CompletableFuture.completedFuture(TlsProbeResult.failed(host, port, false, NO_ADDRESS))));
	}

	private CompletableFuture<CheckResult> tls(String subject, String check, String host, InetAddress address, int port,
			TlsProbe.Mode mode) {
		return CompletableFuture.supplyAsync(
				() -> TlsChecks.tls(subject, check, this.probe.probe(host, address, port, mode), this.clock.instant()),
				this.pool);
	}

	private CompletableFuture<CheckResult> ptr(String mx, String ip) {
		String reverse;
		try {
			reverse = ReverseMap.fromAddress(ip).toString();
		}
		catch (UnknownHostException ex) {
			return CompletableFuture.completedFuture(
					CheckResult.of(mx, "ptr", Verdict.ERROR, "health.ptr.bad-address", ip, ex.getMessage()));
		}
		// The PTR should name the MX host, so its forward answer is asked at the same
		// time (the MX address checks ask it anyway), not after.
		CompletableFuture<DnsAnswer> forward = query(mx, ip.contains(":") ? Type.AAAA : Type.A);
		return query(reverse, Type.PTR).thenCombine(forward, (ptr, back) -> {
			boolean names = ptr.answered() && ptr.records(org.xbill.DNS.PTRRecord.class)
				.stream()
				.anyMatch((p) -> DnsChecks.host(p.getTarget().toString()).equals(mx));
			return DnsChecks.ptr(mx, ip, ptr, names ? back : null);
		});
	}

	private void domain(Run run, Expected expected, HealthPlan plan) {
		String domain = expected.domain();
		Supplier<CompletableFuture<DnsAnswer>> mx = lazy(() -> query(domain, Type.MX));
		Supplier<CompletableFuture<MtaStsFetch.Fetched>> policy = lazy(() -> fetchPolicy(domain));

		run.add(domain, "mx", () -> mx.get().thenApply((answer) -> DnsChecks.mx(expected, answer)));
		run.add(domain, "spf", () -> query(domain, Type.TXT).thenCompose((answer) -> {
			List<String> records = DnsChecks.spfRecords(answer);
			CompletableFuture<SpfLookups.Count> lookups = (records.size() == 1)
					? SpfLookups.fetch(domain, records.get(0), this::query).thenApply(SpfLookups::count)
					: CompletableFuture.completedFuture(null);
			return lookups.thenApply((count) -> DnsChecks.spf(expected, answer, plan.ipv4(), plan.ipv6(), count));
		}));
		run.add(domain, "dkim", () -> query("default._domainkey." + domain, Type.TXT)
			.thenApply((answer) -> DnsChecks.dkim(expected, answer)));
		run.add(domain, "dmarc",
				() -> query("_dmarc." + domain, Type.TXT).thenApply((answer) -> DnsChecks.dmarc(expected, answer)));
		run.addUrgent(domain, "mta-sts",
				() -> query("_mta-sts." + domain, Type.TXT).thenCombine(policy.get(), (answer, fetched) -> DnsChecks
					.mtaStsRecord(expected, answer, (fetched.status() == 200) ? fetched.body() : null)));
		run.addUrgent(domain, "mta-sts-policy", () -> policy.get().thenCombine(mx.get(), (fetched, answer) -> {
			if (fetched.tls().outcome() == TlsProbeResult.Outcome.FAILED
					&& NO_ADDRESS.equals(fetched.tls().problem())) {
				return CheckResult
					.of(domain, "mta-sts-policy", Verdict.ERROR, "health.policy.no-address", "mta-sts." + domain)
					.withFix(plan.ipv4().isEmpty() ? null
							: DnsRecordLines.line("mta-sts." + domain, "A", plan.ipv4().get(0)));
			}
			List<String> hosts = answer.records(MXRecord.class)
				.stream()
				.map((record) -> DnsChecks.host(record.getTarget().toString()))
				.toList();
			return TlsChecks.policy(expected, fetched, hosts, this.clock.instant());
		}));
		run.add(domain, "tlsrpt", () -> query("_smtp._tls." + domain, Type.TXT)
			.thenApply((answer) -> DnsChecks.tlsRpt(expected, answer)));
		expected.record("dns.purpose.dmarc-report-auth")
			.ifPresent((auth) -> run.add(domain, "dmarc-report-auth", () -> query(auth.name(), Type.TXT)
				.thenApply((answer) -> DnsChecks.dmarcReportAuth(domain, auth, answer))));
		run.add(domain, "caa", () -> {
			List<CompletableFuture<DnsAnswer>> caa = DnsChecks.caaNames(domain)
				.stream()
				.map((name) -> query(name, Type.CAA))
				.toList();
			return CompletableFuture.allOf(caa.toArray(CompletableFuture[]::new))
				.thenApply((done) -> DnsChecks.caa(expected, caa.stream().map(CompletableFuture::join).toList()));
		});
		if (this.authoritativePort > 0) {
			run.add(domain, "ns-agree", () -> nameServersAgree(domain, mx.get()));
		}
		run.add(domain, "dnssec",
				() -> query(domain, Type.SOA).thenApply((answer) -> DnsChecks.dnssec(domain, answer)));
	}

	private CompletableFuture<MtaStsFetch.Fetched> fetchPolicy(String domain) {
		String host = "mta-sts." + domain;
		CompletableFuture<DnsAnswer> a = query(host, Type.A);
		CompletableFuture<DnsAnswer> aaaa = query(host, Type.AAAA);
		// An IPv4 address is taken first anyway, so the fetch starts as soon as the A
		// answer names one rather than when the later of the two answers comes: this
		// lookup and the handshake after it are the longest chain of a run.
		return a.thenCompose((v4) -> firstAddress(v4).map((ip) -> CompletableFuture.completedFuture(Optional.of(ip)))
			.orElseGet(() -> aaaa.thenApply((v6) -> {
				Optional<InetAddress> found = firstAddress(v6);
				if (found.isEmpty() && !v4.answered()) {
					throw new NoDnsAnswer(v4.why());
				}
				return found;
			})))
			.thenCompose((found) -> found
				.map((ip) -> CompletableFuture.supplyAsync(() -> this.mtaSts.fetch(host, ip, this.ports.https()),
						this.pool))
				.orElseGet(() -> CompletableFuture.completedFuture(new MtaStsFetch.Fetched(
						TlsProbeResult.failed(host, this.ports.https(), false, NO_ADDRESS), 0, null, null))))
			.exceptionally((failure) -> new MtaStsFetch.Fetched(
					TlsProbeResult.failed(host, this.ports.https(), true, failure.getCause() instanceof NoDnsAnswer
							? failure.getCause().getMessage() : String.valueOf(failure.getMessage())),
					0, null, null));
	}

	/**
	 * No usable DNS answer for an address.
	 */
	private static final class NoDnsAnswer extends RuntimeException {

		NoDnsAnswer(String why) {
			super(why);
		}

	}

	/**
	 * Ask each name server of a domain for its MX and TXT records, and compare with the
	 * resolver's answers.
	 */
	private CompletableFuture<CheckResult> nameServersAgree(String domain, CompletableFuture<DnsAnswer> mx) {
		CompletableFuture<DnsAnswer> txt = query(domain, Type.TXT);
		return query(domain, Type.NS).thenCompose((ns) -> {
			if (!ns.answered()) {
				return CompletableFuture.completedFuture(DnsChecks.couldNotCheck(domain, "ns-agree", ns));
			}
			List<String> servers = ns.records(org.xbill.DNS.NSRecord.class)
				.stream()
				.map((record) -> DnsChecks.host(record.getTarget().toString()))
				.toList();
			List<CompletableFuture<String>> disagreeing = servers.stream()
				.map((server) -> address(server).thenCompose((ip) -> ip.map((found) -> {
					java.net.InetSocketAddress at = new java.net.InetSocketAddress(found, this.authoritativePort);
					CompletableFuture<DnsAnswer> directMx = this.dns.queryServer(at, domain, Type.MX);
					CompletableFuture<DnsAnswer> directTxt = this.dns.queryServer(at, domain, Type.TXT);
					return mx.thenCombine(txt, (viaMx, viaTxt) -> List.of(viaMx, viaTxt))
						.thenCombine(directMx.thenCombine(directTxt, List::of),
								(via, direct) -> DnsChecks.sameRecords(via, direct) ? null : server);
				}).orElseGet(() -> CompletableFuture.completedFuture(server + " (no address)"))))
				.toList();
			return CompletableFuture.allOf(disagreeing.toArray(CompletableFuture[]::new)).thenApply((done) -> {
				List<String> names = disagreeing.stream()
					.map(CompletableFuture::join)
					.filter(java.util.Objects::nonNull)
					.toList();
				return names.isEmpty()
						? CheckResult.of(domain, "ns-agree", Verdict.OK, "health.ns.agree", String.join(", ", servers))
						: CheckResult.of(domain, "ns-agree", Verdict.WARNING, "health.ns.disagree",
								String.join(", ", names));
			});
		});
	}

	/**
	 * Ask the resolvers, once per name and type in a run.
	 * @param name the name
	 * @param type the type
	 * @return the answer
	 */
	private CompletableFuture<DnsAnswer> query(String name, int type) {
		return this.asked.computeIfAbsent(DnsChecks.host(name) + " " + type, (key) -> this.dns.query(name, type));
	}

	private CompletableFuture<Optional<InetAddress>> address(String host) {
		CompletableFuture<DnsAnswer> a = query(host, Type.A);
		CompletableFuture<DnsAnswer> aaaa = query(host, Type.AAAA);
		return a.thenCombine(aaaa, (v4, v6) -> firstAddress(v4).or(() -> firstAddress(v6)));
	}

	/**
	 * A value made on first use, then kept: an answer several checks share is asked for
	 * once, and only when a check needs it.
	 */
	private static <T> Supplier<T> lazy(Supplier<T> maker) {
		return new Supplier<>() {

			private T value;

			@Override
			public synchronized T get() {
				if (this.value == null) {
					this.value = maker.get();
				}
				return this.value;
			}

		};
	}

	private static Optional<InetAddress> firstAddress(DnsAnswer answer) {
		Optional<InetAddress> v4 = answer.records(ARecord.class).stream().map(ARecord::getAddress).findFirst();
		return v4.or(() -> answer.records(AAAARecord.class).stream().map(AAAARecord::getAddress).findFirst());
	}

	private static List<InetAddress> literals(List<String> addresses) {
		List<InetAddress> found = new ArrayList<>();
		for (String ip : addresses) {
			try {
				found.add(InetAddress.getByName(DnsChecks.normal(ip)));
			}
			catch (UnknownHostException ex) {
				// not an address: left out
			}
		}
		return found;
	}

	/**
	 * A started run.
	 *
	 * @param planned how many checks it makes
	 * @param done all results, when every check is done
	 */
	public record Running(int planned, CompletableFuture<List<CheckResult>> done) {
	}

	/**
	 * A check added to a run, not started yet.
	 */
	private record Planned(String subject, String check, Supplier<CompletableFuture<CheckResult>> work, int rank) {
	}

	private static final class Run {

		private final Consumer<CheckResult> listener;

		private final List<CompletableFuture<CheckResult>> futures = Collections.synchronizedList(new ArrayList<>());

		private final BiPredicate<String, String> only;

		private final boolean oneAfterAnother;

		private final List<Planned> planned = new ArrayList<>();

		Run(Consumer<CheckResult> listener, BiPredicate<String, String> only, boolean oneAfterAnother) {
			this.listener = listener;
			this.only = only;
			this.oneAfterAnother = oneAfterAnother;
		}

		void add(String subject, String check, Supplier<CompletableFuture<CheckResult>> work) {
			plan(subject, check, work, 1);
		}

		/**
		 * Add a check whose lookups lead to a handshake (an MTA-STS policy, a site): it
		 * is the longest chain of a run, so its queries are sent before the others.
		 */
		void addUrgent(String subject, String check, Supplier<CompletableFuture<CheckResult>> work) {
			plan(subject, check, work, 0);
		}

		/**
		 * Add a handshake that needs no lookup: it starts once every query is sent, so
		 * its CPU work does not hold up the sending.
		 */
		void addHandshake(String subject, String check, Supplier<CompletableFuture<CheckResult>> work) {
			plan(subject, check, work, 2);
		}

		private void plan(String subject, String check, Supplier<CompletableFuture<CheckResult>> work, int rank) {
			if (this.only.test(subject, check)) {
				this.planned.add(new Planned(subject, check, work, rank));
			}
		}

		/**
		 * Start the checks added: all at once by rank, or one after another in the order
		 * they were added.
		 */
		void go() {
			List<Planned> order = new ArrayList<>(this.planned);
			if (!this.oneAfterAnother) {
				order.sort(java.util.Comparator.comparingInt(Planned::rank));
			}

			CompletableFuture<CheckResult> previous = null;
			for (Planned planned : order) {
				CompletableFuture<CheckResult> future = (previous != null)
						? previous.thenCompose((result) -> start(planned.work())) : start(planned.work());
				CompletableFuture<CheckResult> safe = future.orTimeout(CHECK_LIMIT.toSeconds(), TimeUnit.SECONDS)
					.handle((result, failure) -> (failure == null) ? result
							: unexpected(planned.subject(), planned.check(), failure))
					.whenComplete((result, failure) -> {
						try {
							this.listener.accept(result);
						}
						catch (RuntimeException ex) {
							// a listener's failure never stops the run
						}
					});
				this.futures.add(safe);
				if (this.oneAfterAnother) {
					previous = safe;
				}
			}
		}

		private static CompletableFuture<CheckResult> start(Supplier<CompletableFuture<CheckResult>> work) {
			try {
				return work.get();
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

		private static CheckResult unexpected(String subject, String check, Throwable failure) {
			Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
			if (cause instanceof java.util.concurrent.TimeoutException) {
				return CheckResult.of(subject, check, Verdict.UNKNOWN, "health.tls.unreachable", subject,
						"no answer in time");
			}
			return CheckResult.of(subject, check, Verdict.ERROR, "health.unexpected",
					cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}

	}

}
