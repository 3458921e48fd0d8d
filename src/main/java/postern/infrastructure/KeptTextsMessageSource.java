package postern.infrastructure;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

/**
 * The messages of the pages, each text without arguments formatted once per language and
 * kept. Every text goes through {@link java.text.MessageFormat} (an apostrophe is always
 * written {@code ''}), and Spring formats with one shared, synchronized
 * {@code MessageFormat} per message: the navigation labels every page shows made the
 * request threads queue behind one another. A text with arguments is formatted each time,
 * as before.
 */
class KeptTextsMessageSource extends ResourceBundleMessageSource {

	/**
	 * Languages whose texts are kept; the language comes from a cookie the client sets,
	 * so the texts of any further ones are formatted each time rather than kept.
	 */
	private static final int MOST_LANGUAGES = 8;

	private final Map<Locale, Map<String, String>> kept = new ConcurrentHashMap<>();

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code == null || locale == null || !ObjectUtils.isEmpty(args)) {
			return super.getMessageInternal(code, args, locale);
		}
		Map<String, String> texts = textsOf(locale);
		if (texts == null) {
			return super.getMessageInternal(code, args, locale);
		}
		String text = texts.get(code);
		if (text == null) {
			text = super.getMessageInternal(code, args, locale);
			if (text != null) {
				texts.put(code, text);
			}
		}
		return text;
	}

	private Map<String, String> textsOf(Locale locale) {
		Map<String, String> texts = this.kept.get(locale);
		if (texts == null && this.kept.size() < MOST_LANGUAGES) {
			texts = this.kept.computeIfAbsent(locale, (language) -> new ConcurrentHashMap<>());
		}
		return texts;
	}

}
