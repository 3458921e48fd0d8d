package postern.health;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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

	private static final int MAX_SPF_DEPTH = 10;

	private static final String NO_ADDRESS = "no address";

	private final DnsClient dns;

	private final TlsProbe probe;

	private final MtaStsFetch mtaSts;

	private final PosternProperties.Ports ports;

	private final Executor pool;

	private final Clock clock;

	private final int authoritativePort;

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
		Run run = new Run(listener, only, oneAfterAnother);
		if (plan.mxHost() != null) {
			server(run, plan);
		}
		for (Expected expected : plan.domains()) {
			domain(run, expected, plan);
		}
		for (String site : plan.sites()) {
			run.add(site, "tls-https",
					() -> address(site).thenCompose((found) -> found
						.map((ip) -> tls(site, "tls-https", site, ip, this.ports.https(), TlsProbe.Mode.IMPLICIT))
						.orElseGet(() -> CompletableFuture.completedFuture(
								CheckResult.of(site, "tls-https", Verdict.ERROR, "health.site.no-address", site)))));
		}
		return new Running(run.futures.size(), CompletableFuture.allOf(run.futures.toArray(CompletableFuture[]::new))
			.thenApply((done) -> run.futures.stream().map(CompletableFuture::join).toList()));
	}

	private void server(Run run, HealthPlan plan) {
		String mx = plan.mxHost();
		Supplier<CompletableFuture<DnsAnswer>> a = lazy(() -> this.dns.query(mx, Type.A));
		Supplier<CompletableFuture<DnsAnswer>> aaaa = lazy(() -> this.dns.query(mx, Type.AAAA));
		run.add(mx, "mx-a", () -> a.get().thenApply((answer) -> DnsChecks.addresses(mx, answer, plan.ipv4())));
		run.add(mx, "mx-aaaa", () -> aaaa.get().thenApply((answer) -> DnsChecks.addresses(mx, answer, plan.ipv6())));
		List<String> addresses = new ArrayList<>(plan.ipv4());
		addresses.addAll(plan.ipv6());
		for (String ip : addresses) {
			run.add(mx, "ptr", () -> ptr(mx, ip));
		}
		Supplier<CompletableFuture<Optional<InetAddress>>> target = lazy(() -> a.get()
			.thenCombine(aaaa.get(),
					(v4, v6) -> firstAddress(v4).or(() -> firstAddress(v6)).or(() -> literal(addresses))));
		Supplier<CompletableFuture<TlsProbeResult>> smtp = lazy(
				() -> target.get()
					.thenComposeAsync(
							(ip) -> ip
								.map((address) -> CompletableFuture.supplyAsync(() -> this.probe.probe(mx, address,
										this.ports.smtp(), TlsProbe.Mode.SMTP_STARTTLS), this.pool))
								.orElseGet(() -> CompletableFuture
									.completedFuture(TlsProbeResult.failed(mx, this.ports.smtp(), false, NO_ADDRESS))),
							this.pool));
		run.add(mx, "tls-smtp",
				() -> smtp.get().thenApply((probe) -> TlsChecks.tls(mx, "tls-smtp", probe, this.clock.instant())));
		run.add(mx, "tls-submission", () -> probeAt(target.get(), mx, "tls-submission", this.ports.submission(),
				TlsProbe.Mode.SMTP_STARTTLS));
		run.add(mx, "tls-smtps",
				() -> probeAt(target.get(), mx, "tls-smtps", this.ports.smtps(), TlsProbe.Mode.IMPLICIT));
		run.add(mx, "tls-imaps",
				() -> probeAt(target.get(), mx, "tls-imaps", this.ports.imaps(), TlsProbe.Mode.IMPLICIT));
		String onDisk = (plan.certificateOnDisk() != null) ? TlsProbeResult.spkiSha256(plan.certificateOnDisk()) : null;
		run.add(mx, "tlsa",
				() -> this.dns.query("_25._tcp." + mx, Type.TLSA)
					.thenCombine(smtp.get(), (answer, probe) -> DnsChecks.tlsa(mx, answer,
							probe.leaf().map(TlsProbeResult::spkiSha256).orElse(null), onDisk)));
	}

	private CompletableFuture<CheckResult> probeAt(CompletableFuture<Optional<InetAddress>> target, String host,
			String check, int port, TlsProbe.Mode mode) {
		return target.thenCompose((ip) -> ip.map((address) -> tls(host, check, host, address, port, mode))
			.orElseGet(() -> CompletableFuture.completedFuture(
					CheckResult.of(host, check, Verdict.UNKNOWN, "health.tls.unreachable", host, "no address"))));
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
		int forwardType = ip.contains(":") ? Type.AAAA : Type.A;
		return this.dns.query(reverse, Type.PTR).thenCompose((ptr) -> {
			boolean names = ptr.answered() && ptr.records(org.xbill.DNS.PTRRecord.class)
				.stream()
				.anyMatch((p) -> DnsChecks.host(p.getTarget().toString()).equals(mx));
			if (!names) {
				return CompletableFuture.completedFuture(DnsChecks.ptr(mx, ip, ptr, null));
			}
			return this.dns.query(mx, forwardType).thenApply((forward) -> DnsChecks.ptr(mx, ip, ptr, forward));
		});
	}

	private void domain(Run run, Expected expected, HealthPlan plan) {
		String domain = expected.domain();
		Supplier<CompletableFuture<DnsAnswer>> mx = lazy(() -> this.dns.query(domain, Type.MX));
		Supplier<CompletableFuture<MtaStsFetch.Fetched>> policy = lazy(() -> fetchPolicy(domain));

		run.add(domain, "mx", () -> mx.get().thenApply((answer) -> DnsChecks.mx(expected, answer)));
		run.add(domain, "spf", () -> this.dns.query(domain, Type.TXT).thenCompose((answer) -> {
			List<String> records = DnsChecks.spfRecords(answer);
			CompletableFuture<Integer> lookups = (records.size() == 1) ? spfLookups(records.get(0), 0)
					: CompletableFuture.completedFuture(0);
			return lookups.thenApply((count) -> DnsChecks.spf(expected, answer, plan.ipv4(), plan.ipv6(), count));
		}));
		run.add(domain, "dkim", () -> this.dns.query("default._domainkey." + domain, Type.TXT)
			.thenApply((answer) -> DnsChecks.dkim(expected, answer)));
		run.add(domain, "dmarc", () -> this.dns.query("_dmarc." + domain, Type.TXT)
			.thenApply((answer) -> DnsChecks.dmarc(expected, answer)));
		run.add(domain, "mta-sts",
				() -> this.dns.query("_mta-sts." + domain, Type.TXT)
					.thenCombine(policy.get(), (answer, fetched) -> DnsChecks.mtaStsRecord(expected, answer,
							(fetched.status() == 200) ? fetched.body() : null)));
		run.add(domain, "mta-sts-policy", () -> policy.get().thenCombine(mx.get(), (fetched, answer) -> {
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
		run.add(domain, "tlsrpt", () -> this.dns.query("_smtp._tls." + domain, Type.TXT)
			.thenApply((answer) -> DnsChecks.tlsRpt(expected, answer)));
		run.add(domain, "caa", () -> {
			List<CompletableFuture<DnsAnswer>> caa = DnsChecks.caaNames(domain)
				.stream()
				.map((name) -> this.dns.query(name, Type.CAA))
				.toList();
			return CompletableFuture.allOf(caa.toArray(CompletableFuture[]::new))
				.thenApply((done) -> DnsChecks.caa(expected, caa.stream().map(CompletableFuture::join).toList()));
		});
		if (this.authoritativePort > 0) {
			run.add(domain, "ns-agree", () -> nameServersAgree(domain, mx.get()));
		}
		run.add(domain, "dnssec",
				() -> this.dns.query(domain, Type.SOA).thenApply((answer) -> DnsChecks.dnssec(domain, answer)));
	}

	private CompletableFuture<MtaStsFetch.Fetched> fetchPolicy(String domain) {
		String host = "mta-sts." + domain;
		CompletableFuture<DnsAnswer> a = this.dns.query(host, Type.A);
		CompletableFuture<DnsAnswer> aaaa = this.dns.query(host, Type.AAAA);
		return a.thenCombine(aaaa, (v4, v6) -> {
			Optional<InetAddress> found = firstAddress(v4).or(() -> firstAddress(v6));
			if (found.isPresent()) {
				return found;
			}
			if (!v4.answered()) {
				throw new NoDnsAnswer(v4.why());
			}
			return found;
		})
			.thenComposeAsync(
					(found) -> found
						.map((ip) -> CompletableFuture
							.supplyAsync(() -> this.mtaSts.fetch(host, ip, this.ports.https()), this.pool))
						.orElseGet(() -> CompletableFuture.completedFuture(new MtaStsFetch.Fetched(
								TlsProbeResult.failed(host, this.ports.https(), false, NO_ADDRESS), 0, null, null))),
					this.pool)
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
		CompletableFuture<DnsAnswer> txt = this.dns.query(domain, Type.TXT);
		return this.dns.query(domain, Type.NS).thenCompose((ns) -> {
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

	private CompletableFuture<Optional<InetAddress>> address(String host) {
		CompletableFuture<DnsAnswer> a = this.dns.query(host, Type.A);
		CompletableFuture<DnsAnswer> aaaa = this.dns.query(host, Type.AAAA);
		return a.thenCombine(aaaa, (v4, v6) -> firstAddress(v4).or(() -> firstAddress(v6)));
	}

	private CompletableFuture<Integer> spfLookups(String record, int depth) {
		int own = DnsChecks.ownLookups(record);
		if (depth >= MAX_SPF_DEPTH) {
			return CompletableFuture.completedFuture(own);
		}
		List<CompletableFuture<Integer>> nested = DnsChecks.includes(record)
			.stream()
			.map((target) -> this.dns.query(target, Type.TXT).thenCompose((answer) -> {
				List<String> found = DnsChecks.spfRecords(answer);
				return found.isEmpty() ? CompletableFuture.completedFuture(0) : spfLookups(found.get(0), depth + 1);
			}))
			.toList();
		return CompletableFuture.allOf(nested.toArray(CompletableFuture[]::new))
			.thenApply((done) -> own + nested.stream().mapToInt(CompletableFuture::join).sum());
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

	private static Optional<InetAddress> literal(List<String> addresses) {
		for (String ip : addresses) {
			try {
				return Optional.of(InetAddress.getByName(DnsChecks.normal(ip)));
			}
			catch (UnknownHostException ex) {
				// try the next one
			}
		}
		return Optional.empty();
	}

	/**
	 * A started run.
	 *
	 * @param planned how many checks it makes
	 * @param done all results, when every check is done
	 */
	public record Running(int planned, CompletableFuture<List<CheckResult>> done) {
	}

	private static final class Run {

		private final Consumer<CheckResult> listener;

		private final List<CompletableFuture<CheckResult>> futures = Collections.synchronizedList(new ArrayList<>());

		private final BiPredicate<String, String> only;

		private final boolean oneAfterAnother;

		Run(Consumer<CheckResult> listener, BiPredicate<String, String> only, boolean oneAfterAnother) {
			this.listener = listener;
			this.only = only;
			this.oneAfterAnother = oneAfterAnother;
		}

		void add(String subject, String check, Supplier<CompletableFuture<CheckResult>> work) {
			if (!this.only.test(subject, check)) {
				return;
			}
			CompletableFuture<CheckResult> future;
			if (this.oneAfterAnother && !this.futures.isEmpty()) {
				future = this.futures.get(this.futures.size() - 1).thenCompose((previous) -> start(work));
			}
			else {
				future = start(work);
			}
			CompletableFuture<CheckResult> safe = future.orTimeout(CHECK_LIMIT.toSeconds(), TimeUnit.SECONDS)
				.handle((result, failure) -> (failure == null) ? result : unexpected(subject, check, failure))
				.whenComplete((result, failure) -> {
					try {
						this.listener.accept(result);
					}
					catch (RuntimeException ex) {
						// a listener's failure never stops the run
					}
				});
			this.futures.add(safe);
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
