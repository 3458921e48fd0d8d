package postern.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.dnssec.ValidatingResolver;

import postern.PosternProperties;

/**
 * Asks DNS questions without waiting: every query of a run is in flight at once. Each
 * query has a timeout and is tried once more (on the next resolver when there are
 * several); a truncated UDP answer is asked again over TCP. The answers are never cached.
 * A query never fails: a timeout or an unreadable answer gives a {@link DnsAnswer} that
 * says so.
 */
public class DnsClient {

	/**
	 * Where answers are read and handed on. dnsjava would otherwise use the common
	 * fork-join pool, which has a single thread on a two-core server: every answer of a
	 * run, and every check waiting on one, would queue on it.
	 */
	private static final ExecutorService ANSWERS = Executors
		.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), (task) -> {
			Thread thread = new Thread(task, "health-dns-answers");
			thread.setDaemon(true);
			return thread;
		});

	private static final int DNS_PORT = 53;

	private static final int ATTEMPTS = 2;

	private final List<Resolver> resolvers;

	private final Duration timeout;

	/**
	 * A client of the given resolvers.
	 * @param servers the resolvers, tried in turn
	 * @param timeout how long one query may take
	 * @param trustAnchors DS or DNSKEY lines to validate DNSSEC in-process with, or
	 * {@code null} to read the resolver's AD flag
	 */
	public DnsClient(List<InetSocketAddress> servers, Duration timeout, Path trustAnchors) {
		if (servers.isEmpty()) {
			throw new IllegalArgumentException("No DNS resolver");
		}
		this.timeout = timeout;
		this.resolvers = servers.stream().map((server) -> resolver(server, timeout, trustAnchors)).toList();
	}

	/**
	 * The client the settings describe.
	 * @param dns the {@code postern.dns} settings
	 * @return the client; with no resolver set, the system's resolvers
	 */
	public static DnsClient of(PosternProperties.Dns dns) {
		List<InetSocketAddress> servers = dns.resolvers().isEmpty() ? ResolverConfig.getCurrentConfig().servers()
				: dns.resolvers().stream().map(DnsClient::address).toList();
		return new DnsClient(servers, dns.timeout(), dns.trustAnchors());
	}

	/**
	 * Parse a resolver setting.
	 * @param setting {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6
	 * address
	 * @return the address
	 */
	static InetSocketAddress address(String setting) {
		String value = setting.strip();
		String host = value;
		int port = DNS_PORT;
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			host = value.substring(1, end);
			if (value.length() > end + 2) {
				port = Integer.parseInt(value.substring(end + 2));
			}
		}
		else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
			host = value.substring(0, value.indexOf(':'));
			port = Integer.parseInt(value.substring(value.indexOf(':') + 1));
		}
		try {
			return new InetSocketAddress(InetAddress.getByName(host), port);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Not a resolver address: " + setting, ex);
		}
	}

	private static Resolver resolver(InetSocketAddress server, Duration timeout, Path trustAnchors) {
		SimpleResolver simple = new SimpleResolver(server);
		simple.setTimeout(timeout);
		simple.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
		if (trustAnchors == null) {
			return simple;
		}
		ValidatingResolver validating = new ValidatingResolver(simple);
		try (InputStream anchors = Files.newInputStream(trustAnchors)) {
			validating.loadTrustAnchors(anchors);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the DNSSEC trust anchors " + trustAnchors, ex);
		}
		validating.setTimeout(timeout.multipliedBy(3));
		return validating;
	}

	/**
	 * Ask the resolvers.
	 * @param name a domain name, with or without the final dot
	 * @param type the record type, e.g. {@code Type.MX}
	 * @return the answer, when it comes; never completed exceptionally
	 */
	public CompletableFuture<DnsAnswer> query(String name, int type) {
		String absolute = absolute(name);
		Message query;
		try {
			query = Message.newQuery(Record.newRecord(Name.fromString(absolute), type, DClass.IN));
		}
		catch (TextParseException ex) {
			return CompletableFuture.completedFuture(DnsAnswer.failed(absolute, type, false, ex.getMessage()));
		}
		return attempt(this.resolvers, 0, query, absolute, type);
	}

	/**
	 * Ask one server directly, without recursion (an authoritative server of the zone).
	 * @param server the server
	 * @param name the name
	 * @param type the type
	 * @return the answer; never completed exceptionally
	 */
	public CompletableFuture<DnsAnswer> queryServer(InetSocketAddress server, String name, int type) {
		String absolute = absolute(name);
		Message query;
		try {
			query = Message.newQuery(Record.newRecord(Name.fromString(absolute), type, DClass.IN));
		}
		catch (TextParseException ex) {
			return CompletableFuture.completedFuture(DnsAnswer.failed(absolute, type, false, ex.getMessage()));
		}
		query.getHeader().unsetFlag(Flags.RD);
		SimpleResolver direct = new SimpleResolver(server);
		direct.setTimeout(this.timeout);
		return attempt(List.of(direct), 0, query, absolute, type);
	}

	private CompletableFuture<DnsAnswer> attempt(List<Resolver> to, int attempt, Message query, String name, int type) {
		Resolver resolver = to.get(attempt % to.size());
		CompletableFuture<Message> sent;
		try {
			sent = resolver.sendAsync(query.clone(), ANSWERS).toCompletableFuture();
		}
		catch (RuntimeException ex) {
			sent = CompletableFuture.failedFuture(ex);
		}
		return sent.handle((answer, failure) -> {
			if (failure == null) {
				return CompletableFuture.completedFuture(answerOf(name, type, answer));
			}
			if (attempt + 1 < ATTEMPTS) {
				return attempt(to, attempt + 1, query, name, type);
			}
			Throwable cause = unwrap(failure);
			boolean timedOut = cause instanceof SocketTimeoutException || cause instanceof TimeoutException
					|| String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timed out");
			return CompletableFuture.completedFuture(DnsAnswer.failed(name, type, timedOut,
					timedOut ? "no answer in time" : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
		}).thenCompose((next) -> next);
	}

	private static DnsAnswer answerOf(String name, int type, Message answer) {
		List<Record> records = new ArrayList<>();
		for (Record record : answer.getSection(Section.ANSWER)) {
			if (record.getType() == type) {
				records.add(record);
			}
		}
		return new DnsAnswer(name, type, DnsAnswer.Outcome.ANSWERED, answer.getRcode(),
				answer.getHeader().getFlag(Flags.AD), records, null);
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	static String absolute(String name) {
		return name.endsWith(".") ? name : name + ".";
	}

}
