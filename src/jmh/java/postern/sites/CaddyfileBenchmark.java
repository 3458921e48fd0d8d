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
 * Parse a Caddyfile of 1 000 sites, edit one site through the site model, print the
 * file: what one form submit costs. Target: under 20 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CaddyfileBenchmark {

	private String text;

	private Site edit;

	private SiteBlocks.Style style;

	@Setup
	public void caddyfile() {
		this.text = thousandSites();
		this.edit = new Site(SiteKind.STATIC, List.of("site500.example.org"), "/var/caddy/www/elsewhere", true, true,
				List.of(), null, null, null);
		this.style = new SiteBlocks.Style("\t", "\n", "basicauth");
	}

	@Benchmark
	public String parseEditPrint() {
		Caddyfile file = Caddyfile.parse(this.text);
		Caddyfile.Block block = file.block("site500.example.org").orElseThrow();
		SiteBlocks.read(block);
		return file.replace(block, SiteBlocks.write(this.edit, this.style)).print();
	}

	/**
	 * A Caddyfile with global options, a snippet and 1 000 sites of every kind, with
	 * comments.
	 */
	static String thousandSites() {
		return sites(1000);
	}

	/**
	 * A Caddyfile with global options, a snippet and sites of every kind in turn (static
	 * with gzip, reverse proxy with an import, MTA-STS policy, static with basic auth),
	 * each after a comment.
	 * @param count how many sites
	 * @return the Caddyfile's text
	 */
	static String sites(int count) {
		StringBuilder text = new StringBuilder("# Benchmark Caddyfile\n{\n\temail admin@example.org\n}\n\n");
		text.append("(headers) {\n\theader X-Content-Type-Options nosniff\n}\n");
		for (int i = 0; i < count; i++) {
			text.append("\n# site ").append(i).append('\n');
			switch (i % 4) {
				case 0 -> text.append("site").append(i).append(".example.org www.site").append(i)
					.append(".example.org {\n\troot * /var/caddy/www/site").append(i)
					.append("\n\tencode gzip\n\tfile_server\n}\n");
				case 1 -> text.append("app").append(i).append(".example.org {\n\treverse_proxy 127.0.0.1:")
					.append(8000 + i)
					.append(" 127.0.0.1:")
					.append(9000 + i)
					.append("\n\timport headers\n}\n");
				case 2 -> text.append("mta-sts.mail").append(i)
					.append(".example.org {\n\t@policy path /.well-known/mta-sts.txt\n")
					.append("\theader @policy Content-Type \"text/plain; charset=utf-8\"\n")
					.append("\trespond @policy \"version: STSv1\nmode: enforce\nmx: mx.example.org\nmax_age: 604800\n\" 200\n")
					.append("\trespond 404\n}\n");
				default -> text.append("site").append(i).append(".example.org {\n\troot * /var/caddy/www/site")
					.append(i)
					.append("\n\tbasicauth {\n\t\talice $2a$14$8zS.6ZI8VXu42lmQvadh7uYwqyddvIEjCIoMdSJJMCQQe.2cOFfV2\n\t}\n")
					.append("\tfile_server browse\n}\n");
			}
		}
		return text.toString();
	}

}
