package postern.mail;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a domain's page needs of an aliases file of 100 000 lines: parse the file and keep
 * the aliases of that domain. The file is laid out as {@code bench/load.sh} makes it: a
 * few aliases of other domains, then 100 000 of one domain, every tenth with two targets.
 * The page itself is timed by the script. Target of the page: under 300 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DomainAliasesBenchmark {

	private static final String DOMAIN = "xoyize.xyz";

	private static final int LINES = 100_000;

	private String text;

	@Setup
	public void aliasesFile() {
		StringBuilder text = new StringBuilder("# Aliases: alias@domain: target@domain[, target@domain]\n");
		text.append("contact@cinay.eu: yann@xoyize.xyz\nequipe@yanfi.net: yann@xoyize.xyz, marie@yanfi.net\n");
		for (int i = 0; i < LINES; i++) {
			text.append(String.format("alias%06d@%s: user%05d@%s", i, DOMAIN, i % 2000, DOMAIN));
			if (i % 10 == 0) {
				text.append(String.format(", team%03d@%s", i % 100, DOMAIN));
			}
			text.append('\n');
		}
		this.text = text.toString();
	}

	@Benchmark
	public List<Alias> aliasesOfOneDomain() {
		return AliasesFile.parse(this.text)
			.aliases()
			.stream()
			.filter((alias) -> alias.domain().equals(DOMAIN))
			.toList();
	}

}
