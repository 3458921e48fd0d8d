package postern.sites;

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
 * What {@code /sites} needs of a Caddyfile of 5 000 sites: parse the file and read every
 * block through the site model, as the site list does. The page itself, with its
 * rendering, is timed by {@code bench/load.sh}. Target of the page: under 300 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SiteListBenchmark {

	private String text;

	@Setup
	public void caddyfile() {
		this.text = CaddyfileBenchmark.sites(5000);
	}

	@Benchmark
	public List<SiteEntry> readSiteList() {
		return Caddyfile.parse(this.text)
			.blocks()
			.stream()
			.map((block) -> new SiteEntry(block.id(), block, SiteBlocks.read(block)))
			.toList();
	}

}
