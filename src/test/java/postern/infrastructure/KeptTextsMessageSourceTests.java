package postern.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kept texts are those Spring's own message source gives, in every language, with and
 * without arguments, and a missing text is still missing.
 */
class KeptTextsMessageSourceTests {

	private static final String[] BASENAMES = basenames();

	private final ResourceBundleMessageSource spring = configure(new ResourceBundleMessageSource());

	private final KeptTextsMessageSource kept = configure(new KeptTextsMessageSource());

	@Test
	void everyTextIsTheOneSpringGivesInBothLanguages() throws IOException {
		Properties english = new Properties();
		try (InputStream in = new ClassPathResource("messages.properties").getInputStream()) {
			english.load(in);
		}
		assertThat(english).hasSizeGreaterThan(100);
		for (Locale language : new Locale[] { Locale.ENGLISH, Locale.FRENCH }) {
			for (String code : english.stringPropertyNames()) {
				String expected = this.spring.getMessage(code, null, language);
				// twice: formatted, then kept
				assertThat(this.kept.getMessage(code, null, language)).as(code).isEqualTo(expected);
				assertThat(this.kept.getMessage(code, null, language)).as(code).isEqualTo(expected);
				Object[] arguments = { 7, 12, 1234567 };
				assertThat(this.kept.getMessage(code, arguments, language)).as(code)
					.isEqualTo(this.spring.getMessage(code, arguments, language));
			}
		}
	}

	@Test
	void anApostropheIsStillWrittenOnce() {
		String text = this.kept.getMessage("nav.audit", null, Locale.FRENCH);
		assertThat(text).isEqualTo("Journal d'audit");
		assertThat(this.kept.getMessage("nav.audit", null, Locale.FRENCH)).isSameAs(text);
		assertThat(this.kept.getMessage("nav.audit", new Object[0], Locale.FRENCH)).isSameAs(text);
	}

	@Test
	void aTextWithArgumentsIsFormattedEachTime() {
		assertThat(this.kept.getMessage("pagination.position", new Object[] { 2, 120 }, Locale.ENGLISH))
			.isEqualTo(this.spring.getMessage("pagination.position", new Object[] { 2, 120 }, Locale.ENGLISH))
			.isEqualTo("Page 2 of 120");
		assertThat(this.kept.getMessage("pagination.position", new Object[] { 3, 4 }, Locale.ENGLISH))
			.isEqualTo("Page 3 of 4");
	}

	@Test
	void threadsFormattingOneTextAtOnceEachGetTheirOwnArguments() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			// below 1000, where the page numbers are written without a separator
			List<Future<Boolean>> answers = IntStream.range(0, 2000)
				.map((i) -> i % 900)
				.mapToObj((i) -> threads
					.submit(() -> this.kept.getMessage("pagination.position", new Object[] { i, i + 1 }, Locale.ENGLISH)
						.equals("Page " + i + " of " + (i + 1))))
				.toList();
			for (Future<Boolean> answer : answers) {
				assertThat(answer.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aMissingTextIsStillMissing() {
		assertThat(this.kept.getMessage("no.such.text", null, "fallback", Locale.ENGLISH)).isEqualTo("fallback");
		assertThatExceptionOfType(NoSuchMessageException.class)
			.isThrownBy(() -> this.kept.getMessage("no.such.text", null, Locale.ENGLISH));
		assertThat(this.kept.getMessage("no.such.text", new Object[] { 1 }, "fallback {0}", Locale.ENGLISH))
			.isEqualTo("fallback 1");
	}

	private static <S extends ResourceBundleMessageSource> S configure(S messages) {
		messages.setBasenames(BASENAMES);
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
		return messages;
	}

	private static String[] basenames() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		return yaml.getObject().getProperty("spring.messages.basename").split(",");
	}

}
