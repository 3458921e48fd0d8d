package postern.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import postern.mail.MaddyConf.Directive;
import postern.mail.MaddyConf.Token;

/**
 * Where maddy.conf says which domains are local. maddy treats a domain as local when a
 * {@code destination} line that delivers to local storage names it, directly or through a
 * macro; {@code source} lines name the same domains for mail sent from them. When all
 * those lines take their domains from one macro, its definition is the one line to edit;
 * when one line names them itself, that line; otherwise no single line holds the list. A
 * file with no such line falls back to {@code $(local_domains)}.
 */
final class LocalDomainLayout {

	private static final String LOCAL_DOMAINS = "local_domains";

	private static final Pattern MACRO_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

	/** Where a message leaves the server or is handed on: not local storage. */
	private static final Set<String> REMOTE_TARGETS = Set.of("target.queue", "queue", "target.remote", "remote",
			"target.smtp", "smtp");

	private final List<MaddyValue> values;

	private final DomainListLine listLine;

	private LocalDomainLayout(List<MaddyValue> values, DomainListLine listLine) {
		this.values = values;
		this.listLine = listLine;
	}

	static LocalDomainLayout of(MaddyConf conf) {
		List<Directive> destinations = new ArrayList<>();
		List<Directive> lines = new ArrayList<>();
		collect(conf, conf.directives(), destinations, lines);
		if (destinations.isEmpty()) {
			return new LocalDomainLayout(domainValues(conf.values(LOCAL_DOMAINS)), listLine(conf, List.of()));
		}
		List<MaddyValue> values = new ArrayList<>();
		destinations.forEach((destination) -> values.addAll(domainValues(conf.values(destination.args()))));
		return new LocalDomainLayout(values, listLine(conf, lines));
	}

	List<MaddyValue> values() {
		return this.values;
	}

	DomainListLine listLine() {
		return this.listLine;
	}

	private static DomainListLine listLine(MaddyConf conf, List<Directive> lines) {
		if (lines.isEmpty()) {
			return macroLine(conf, LOCAL_DOMAINS)
				.orElseGet(() -> DomainListLine.none("maddy-conf.local-domains.missing", "$(" + LOCAL_DOMAINS + ")"));
		}
		List<Directive> direct = lines.stream().filter((line) -> !directWords(line).isEmpty()).toList();
		if (direct.isEmpty()) {
			Set<String> everywhere = null;
			for (Directive line : lines) {
				Set<String> used = macros(line);
				if (everywhere == null) {
					everywhere = used;
				}
				else {
					everywhere.retainAll(used);
				}
			}
			Optional<String> macro = everywhere.contains(LOCAL_DOMAINS) ? Optional.of(LOCAL_DOMAINS)
					: (everywhere.size() == 1) ? everywhere.stream().findFirst() : Optional.empty();
			if (macro.isPresent()) {
				String name = macro.get();
				return macroLine(conf, name)
					.orElseGet(() -> DomainListLine.none("maddy-conf.local-domains.missing", "$(" + name + ")"));
			}
		}
		else if (lines.size() == 1) {
			Directive line = lines.get(0);
			return DomainListLine.of(line.line(), null, line.nameToken(), line.args());
		}
		return DomainListLine.none("maddy-conf.local-domains.several",
				lines.stream()
					.map((line) -> Integer.toString(line.line()))
					.distinct()
					.collect(Collectors.joining(", ")));
	}

	private static Optional<DomainListLine> macroLine(MaddyConf conf, String name) {
		return conf.definition(name)
			.filter((definition) -> definition.args().size() > 1)
			.map((definition) -> DomainListLine.of(definition.line(), name, definition.args().get(0),
					definition.args().subList(1, definition.args().size())));
	}

	/**
	 * The destination lines that deliver to local storage, and with them the source lines
	 * that name domains, anywhere in the file.
	 */
	private static void collect(MaddyConf conf, List<Directive> directives, List<Directive> destinations,
			List<Directive> lines) {
		for (Directive directive : directives) {
			boolean namesDomains = !directive.args().isEmpty() && !domainValues(conf.values(directive.args())).isEmpty()
					|| !macros(directive).isEmpty();
			if (directive.name().equals("destination") && deliversLocally(conf, directive)) {
				destinations.add(directive);
				if (namesDomains) {
					lines.add(directive);
				}
			}
			else if (directive.name().equals("source") && directive.block() && namesDomains) {
				lines.add(directive);
			}
			collect(conf, directive.children(), destinations, lines);
		}
	}

	private static boolean deliversLocally(MaddyConf conf, Directive directive) {
		for (Directive child : directive.children()) {
			if (child.name().equals("deliver_to") && !child.args().isEmpty()
					&& isLocalTarget(conf, child.args().get(0))) {
				return true;
			}
			if (!child.name().equals("destination") && !child.name().equals("reroute")
					&& deliversLocally(conf, child)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLocalTarget(MaddyConf conf, Token target) {
		String name = target.text();
		if (!name.startsWith("&")) {
			return !REMOTE_TARGETS.contains(name);
		}
		String instance = name.substring(1);
		return conf.directives()
			.stream()
			.filter((block) -> !block.args().isEmpty() && block.args().get(0).text().equals(instance))
			.findFirst()
			.map((block) -> !REMOTE_TARGETS.contains(block.name()))
			.orElse(true);
	}

	private static List<Token> directWords(Directive line) {
		return line.args().stream().filter((token) -> macroName(token).isEmpty()).filter((token) -> {
			MaddyValue value = MaddyValue.resolve(token.text(), java.util.Map.of());
			return MaddyConf.isDomainWord(value.shape());
		}).toList();
	}

	private static Set<String> macros(Directive line) {
		return line.args()
			.stream()
			.map(LocalDomainLayout::macroName)
			.flatMap(Optional::stream)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static Optional<String> macroName(Token token) {
		Matcher matcher = MACRO_REFERENCE.matcher(token.text());
		return (!token.quoted() && matcher.matches()) ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private static List<MaddyValue> domainValues(List<MaddyValue> values) {
		return values.stream().filter((value) -> MaddyConf.isDomainWord(value.shape())).toList();
	}

}
