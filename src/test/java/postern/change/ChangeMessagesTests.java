package postern.change;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English and French texts of the change pages have the same keys, and every key the
 * code and templates use is there.
 */
class ChangeMessagesTests {

	private static final Pattern KEY = Pattern.compile("\"((?:change|backup)\\.[a-z0-9_.-]+)\"");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{((?:change|backup)\\.[a-z0-9_.-]+)");

	@Test
	void englishAndFrenchHaveTheSameKeys() throws IOException {
		assertThat(load("i18n/change_fr.properties").stringPropertyNames())
			.isEqualTo(load("i18n/change.properties").stringPropertyNames());
	}

	@Test
	void everyKeyUsedIsDefined() throws IOException {
		Set<String> auditActions = Set.of("change.applied", "change.rolled-back", "change.discarded", "change.refused",
				"change.interrupted");
		Set<String> used = new TreeSet<>();
		for (String key : find(Path.of("src/main/java/postern/change"), KEY)) {
			if (auditActions.contains(key)) {
				used.add("audit.action." + key);
			}
			else if (!key.endsWith(".")) {
				used.add(key);
			}
		}
		used.addAll(find(Path.of("src/main/resources/templates"), TEMPLATE_KEY));
		for (ChangeState state : ChangeState.values()) {
			used.add(state.labelKey());
		}
		assertThat(used).contains("change.step.rolled-back", "change.flash.applied", "backup.list.title");
		assertThat(load("i18n/change.properties").stringPropertyNames()).containsAll(used);
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static Set<String> find(Path root, Pattern pattern) throws IOException {
		Set<String> keys = new TreeSet<>();
		try (var files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					keys.add(matcher.group(1));
				}
			}
		}
		return keys;
	}

}
