package postern.reports;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

import postern.PosternProperties;
import postern.health.DnsAnswer;
import postern.health.DnsClient;

import org.springframework.stereotype.Component;

/**
 * The reverse names of source addresses, asked all at once through the resolvers of
 * {@code postern.dns} and kept for an hour, so a report page waits for DNS at most once
 * per address and never longer than a few seconds in all.
 */
@Component
class ReverseNames {

	private static final Duration KEEP = Duration.ofHours(1);

	private static final Duration WAIT = Duration.ofSeconds(3);

	private static final int MAX_KEPT = 10_000;

	private final PosternProperties.Dns dns;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Known> known = new ConcurrentHashMap<>();

	private volatile DnsClient client;

	ReverseNames(PosternProperties properties) {
		this.dns = properties.dns();
	}

	/**
	 * The reverse name of each address.
	 * @param addresses IPv4 or IPv6 literals
	 * @return the name of each address that has one
	 */
	Map<String, String> of(Collection<String> addresses) {
		Instant now = this.clock.instant();
		Map<String, String> names = new HashMap<>();
		Map<String, CompletableFuture<DnsAnswer>> asked = new HashMap<>();
		for (String address : addresses) {
			Known cached = this.known.get(address);
			if (cached != null && cached.until().isAfter(now)) {
				cached.name().ifPresent((name) -> names.put(address, name));
			}
			else {
				ask(address).ifPresent((answer) -> asked.put(address, answer));
			}
		}
		Instant deadline = now.plus(WAIT);
		asked.forEach((address, answer) -> {
			Optional<String> name = nameOf(answer, Duration.between(this.clock.instant(), deadline));
			name.ifPresent((value) -> names.put(address, value));
			if (this.known.size() > MAX_KEPT) {
				this.known.clear();
			}
			this.known.put(address, new Known(name, now.plus(KEEP)));
		});
		return names;
	}

	private Optional<CompletableFuture<DnsAnswer>> ask(String address) {
		try {
			return Optional.of(client().query(ReverseMap.fromAddress(address).toString(), Type.PTR));
		}
		catch (UnknownHostException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> nameOf(CompletableFuture<DnsAnswer> answer, Duration left) {
		try {
			DnsAnswer found = answer.get(Math.max(left.toMillis(), 1), TimeUnit.MILLISECONDS);
			return found.answered() ? found.records(PTRRecord.class).stream().findFirst().map((ptr) -> {
				String name = ptr.getTarget().toString();
				return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
			}) : Optional.empty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private DnsClient client() {
		if (this.client == null) {
			this.client = DnsClient.of(this.dns);
		}
		return this.client;
	}

	private record Known(Optional<String> name, Instant until) {
	}

}
