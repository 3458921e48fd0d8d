package postern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages form a graph without cycles, and none reaches into another's
 * internals; the graph that docs/architecture.md shows is the one the code has.
 */
class ModulesTests {

	/**
	 * A line of the graph in docs/architecture.md: {@code - `mail` → `change`, `host`}.
	 */
	private static final Pattern GRAPH_LINE = Pattern.compile("^- `(\\w+)` → (.*)$", Pattern.MULTILINE);

	private static final ApplicationModules modules = ApplicationModules.of(PosternApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		modules.verify();
	}

	@Test
	void architectureDocumentShowsTheModuleGraph() throws IOException {
		String document = Files.readString(Path.of("docs/architecture.md"));
		Map<String, TreeSet<String>> documented = new TreeMap<>();
		Matcher line = GRAPH_LINE.matcher(document);
		while (line.find()) {
			documented.put(line.group(1),
					Pattern.compile("`(\\w+)`")
						.matcher(line.group(2))
						.results()
						.map((match) -> match.group(1))
						.collect(Collectors.toCollection(TreeSet::new)));
		}
		assertThat(documented).isEqualTo(actualGraph());
	}

	@Test
	void documenterWritesTheModuleDiagrams() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target/spring-modulith-docs/components.puml")).isNotEmptyFile();
	}

	private static Map<String, TreeSet<String>> actualGraph() {
		Map<String, TreeSet<String>> graph = new TreeMap<>();
		for (ApplicationModule module : modules) {
			graph.put(module.getIdentifier().toString(),
					module.getDirectDependencies(modules)
						.uniqueModules()
						.map((target) -> target.getIdentifier().toString())
						.collect(Collectors.toCollection(TreeSet::new)));
		}
		return graph;
	}

}
