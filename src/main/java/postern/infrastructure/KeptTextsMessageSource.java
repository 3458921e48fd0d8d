package postern.infrastructure;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

/**
 * The messages of the pages, each text without arguments formatted once per language and
 * kept. Every text goes through {@link java.text.MessageFormat} (an apostrophe is always
 * written {@code ''}), and Spring formats with one shared, synchronized
 * {@code MessageFormat} per message: the navigation labels every page shows made the
 * request threads queue behind one another. A text with arguments is formatted each time,
 * with a copy of its {@code MessageFormat}, kept per language too, so that no request
 * waits for another's and none looks the text up again in every bundle.
 */
class KeptTextsMessageSource extends ResourceBundleMessageSource {

	/**
	 * Languages whose texts are kept; the language comes from a cookie the client sets,
	 * so the texts of any further ones are formatted each time rather than kept.
	 */
	private static final int MOST_LANGUAGES = 8;

	private final Map<Locale, Map<String, String>> kept = new ConcurrentHashMap<>();

	private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code == null || locale == null) {
			return super.getMessageInternal(code, args, locale);
		}
		if (ObjectUtils.isEmpty(args)) {
			return kept(this.kept, code, locale, () -> super.getMessageInternal(code, args, locale));
		}
		MessageFormat format = kept(this.formats, code, locale, () -> resolveCode(code, locale));
		if (format == null) {
			return super.getMessageInternal(code, args, locale);
		}
		return ((MessageFormat) format.clone()).format(resolveArguments(args, locale));
	}

	/**
	 * What {@code resolve} gives for a code in a language, kept once it is found; a
	 * language past the first {@link #MOST_LANGUAGES} is resolved each time.
	 */
	private static <T> T kept(Map<Locale, Map<String, T>> languages, String code, Locale locale, Supplier<T> resolve) {
		Map<String, T> language = languages.get(locale);
		if (language == null && languages.size() < MOST_LANGUAGES) {
			language = languages.computeIfAbsent(locale, (any) -> new ConcurrentHashMap<>());
		}
		if (language == null) {
			return resolve.get();
		}
		T found = language.get(code);
		if (found == null) {
			found = resolve.get();
			if (found != null) {
				language.put(code, found);
			}
		}
		return found;
	}

}
