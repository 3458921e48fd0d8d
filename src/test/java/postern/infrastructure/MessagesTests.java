package postern.infrastructure;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the interface exists in English and in French, and every message key a
 * template names exists.
 */
class MessagesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	/** {@code #{some.key}} or {@code #{some.key(args)}} in a template. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[(}]");

	@Test
	void everyEnglishKeyHasAFrenchTextAndBack() throws IOException {
		for (String bundle : bundles()) {
			Set<String> english = keys(RESOURCES.resolve(bundle + ".properties"));
			Set<String> french = keys(RESOURCES.resolve(bundle + "_fr.properties"));
			assertThat(french).as(bundle + "_fr.properties").containsExactlyInAnyOrderElementsOf(english);
		}
	}

	@Test
	void everyKeyNamedInATemplateExists() throws IOException {
		Set<String> known = new TreeSet<>();
		for (String bundle : bundles()) {
			known.addAll(keys(RESOURCES.resolve(bundle + ".properties")));
		}
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					assertThat(known).as("key used in " + template).contains(matcher.group(1));
				}
			}
		}
	}

	private static List<String> bundles() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			return files.map((path) -> RESOURCES.relativize(path).toString())
				.filter((name) -> name.endsWith(".properties") && !name.contains("_")
						&& !name.startsWith("application"))
				.map((name) -> name.substring(0, name.length() - ".properties".length()))
				.toList();
		}
	}

	private static Set<String> keys(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
