package postern.health;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The DNS lookups an SPF record costs, counted as a receiver evaluates it (RFC 7208
 * §4.6.4): every {@code include}, {@code a}, {@code mx}, {@code ptr}, {@code exists} and
 * {@code redirect}, through the records the includes and redirects pull in, asked of the
 * resolver. More than 10 lookups, or more than 2 that return nothing ("void lookups"), is
 * an error for the receiver. The tree is fetched with every branch asked at once, then
 * walked in evaluation order, so the running total says which include takes the record
 * over the limit.
 */
final class SpfLookups {

	/** Lookups a receiver makes before giving up (RFC 7208 §4.6.4). */
	static final int LOOKUP_LIMIT = 10;

	/** Lookups that return nothing a receiver accepts (RFC 7208 §4.6.4). */
	static final int VOID_LIMIT = 2;

	/** The problem of an include or redirect whose name has no SPF record, or several. */
	private static final String NO_RECORD = "no single SPF record";

	/** Includes followed at most this deep; the lookup limit stops a receiver sooner. */
	private static final int MAX_DEPTH = 10;

	private SpfLookups() {
	}

	/**
	 * Fetch the tree of a domain's SPF record.
	 * @param domain the domain
	 * @param record its SPF record
	 * @param query asks the resolver: name and type to answer
	 * @return the tree, when every branch is in
	 */
	static CompletableFuture<Node> fetch(String domain, String record,
			BiFunction<String, Integer, CompletableFuture<DnsAnswer>> query) {
		Set<String> path = new HashSet<>();
		path.add(domain);
		return children(domain, record, 0, path, query)
			.thenApply((children) -> new Node("v=spf1", domain, record, false, null, children));
	}

	private static CompletableFuture<List<Node>> children(String domain, String record, int depth, Set<String> path,
			BiFunction<String, Integer, CompletableFuture<DnsAnswer>> query) {
		List<CompletableFuture<Node>> children = new ArrayList<>();
		for (String term : record.strip().split("\\s+")) {
			String mechanism = term.toLowerCase(Locale.ROOT).replaceFirst("^[-+~?]", "");
			if (mechanism.equals("all")) {
				break;
			}
			CompletableFuture<Node> child = child(domain, mechanism, depth, path, query);
			if (child != null) {
				children.add(child);
			}
		}
		return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new))
			.thenApply((done) -> children.stream().map(CompletableFuture::join).toList());
	}

	private static CompletableFuture<Node> child(String domain, String mechanism, int depth, Set<String> path,
			BiFunction<String, Integer, CompletableFuture<DnsAnswer>> query) {
		if (mechanism.startsWith("include:") || mechanism.startsWith("redirect=")) {
			String target = mechanism.substring(mechanism.indexOf(mechanism.startsWith("include:") ? ':' : '=') + 1);
			return included(mechanism, target, depth, path, query);
		}
		if (mechanism.matches("ptr(:.*)?")) {
			return CompletableFuture.completedFuture(new Node(mechanism, null, null, false, null, List.of()));
		}
		if (!mechanism.matches("(a|mx)([:/].*)?|exists:.*")) {
			return null;
		}
		String target = target(domain, mechanism);
		if (target.contains("%")) {
			// a macro: its name is only known when a message is received
			return CompletableFuture.completedFuture(new Node(mechanism, null, null, false, null, List.of()));
		}
		int type = mechanism.startsWith("mx") ? Type.MX : Type.A;
		return query.apply(target, type)
			.thenApply((answer) -> new Node(mechanism, target, null, isVoid(answer),
					answer.answered() ? null : answer.why(), List.of()));
	}

	private static CompletableFuture<Node> included(String mechanism, String target, int depth, Set<String> path,
			BiFunction<String, Integer, CompletableFuture<DnsAnswer>> query) {
		if (target.contains("%") || depth >= MAX_DEPTH || path.contains(target)) {
			return CompletableFuture.completedFuture(new Node(mechanism, target, null, false, null, List.of()));
		}
		return query.apply(target, Type.TXT).thenCompose((answer) -> {
			if (!answer.answered()) {
				return CompletableFuture
					.completedFuture(new Node(mechanism, target, null, false, answer.why(), List.of()));
			}
			List<String> records = DnsChecks.spfRecords(answer);
			if (records.size() != 1) {
				return CompletableFuture
					.completedFuture(new Node(mechanism, target, null, isVoid(answer), NO_RECORD, List.of()));
			}
			Set<String> deeper = new HashSet<>(path);
			deeper.add(target);
			return children(target, records.get(0), depth + 1, deeper, query)
				.thenApply((children) -> new Node(mechanism, target, records.get(0), false, null, children));
		});
	}

	private static String target(String domain, String mechanism) {
		int colon = mechanism.indexOf(':');
		if (colon < 0) {
			return domain;
		}
		String name = mechanism.substring(colon + 1);
		int slash = name.indexOf('/');
		return (slash < 0) ? name : name.substring(0, slash);
	}

	private static boolean isVoid(DnsAnswer answer) {
		return answer.answered() && (answer.rcode() == Rcode.NXDOMAIN || answer.records().isEmpty());
	}

	/**
	 * Count the lookups of a tree in evaluation order.
	 * @param root the tree
	 * @return the count and what stands out
	 */
	static Count count(Node root) {
		Counter counter = new Counter();
		StringBuilder tree = new StringBuilder(root.record()).append('\n');
		for (Node child : root.children()) {
			counter.walk(child, List.of(), 1, tree);
		}
		return new Count(counter.lookups, counter.voids, counter.over, List.copyOf(counter.voidNames),
				List.copyOf(counter.withoutRecord), List.copyOf(counter.unknown), tree.toString().strip());
	}

	/**
	 * One lookup term of an SPF record and what it pulled in.
	 *
	 * @param mechanism the term, e.g. {@code include:_spf.example.org}
	 * @param target the name asked, or {@code null} when none was
	 * @param record the SPF record an include or redirect found, or {@code null}
	 * @param isVoid whether the lookup returned nothing
	 * @param problem why the lookup got no answer, or {@code null}
	 * @param children the lookup terms of the record found
	 */
	record Node(String mechanism, String target, String record, boolean isVoid, String problem, List<Node> children) {

		boolean withoutRecord() {
			return NO_RECORD.equals(this.problem);
		}

	}

	/**
	 * What counting found.
	 *
	 * @param lookups the lookups a receiver makes
	 * @param voids how many returned nothing
	 * @param over the term that takes the count over 10 (with the includes leading to
	 * it), or {@code null}
	 * @param voidNames the names that returned nothing
	 * @param withoutRecord the includes and redirects that lead to no single SPF record
	 * @param unknown the lookups that got no answer
	 * @param tree the tree with the running total, for the details
	 */
	record Count(int lookups, int voids, String over, List<String> voidNames, List<String> withoutRecord,
			List<String> unknown, String tree) {
	}

	private static final class Counter {

		private int lookups;

		private int voids;

		private String over;

		private final List<String> voidNames = new ArrayList<>();

		private final List<String> withoutRecord = new ArrayList<>();

		private final List<String> unknown = new ArrayList<>();

		void walk(Node node, List<String> path, int depth, StringBuilder tree) {
			this.lookups++;
			List<String> here = new ArrayList<>(path);
			here.add(node.mechanism());
			if (this.lookups > LOOKUP_LIMIT && this.over == null) {
				this.over = String.join(" → ", here);
			}
			tree.append("  ".repeat(depth)).append(node.mechanism()).append("  (").append(this.lookups).append(')');
			if (node.isVoid()) {
				this.voids++;
				this.voidNames.add(node.target());
				tree.append("  void");
			}
			if (node.withoutRecord()) {
				this.withoutRecord.add(node.mechanism());
				tree.append("  ").append(NO_RECORD);
			}
			else if (node.problem() != null) {
				this.unknown.add(node.mechanism());
				tree.append("  ").append(node.problem());
			}
			tree.append('\n');
			for (Node child : node.children()) {
				walk(child, here, depth + 1, tree);
			}
		}

	}

}
