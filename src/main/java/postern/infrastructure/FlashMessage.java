package postern.infrastructure;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message shown once at the top of the next page, after a redirect. It carries a
 * message key, not text, so it is shown in the reader's language.
 *
 * @param level {@code success}, {@code info}, {@code warning} or {@code error}
 * @param key the message key
 * @param args the message's arguments
 */
public record FlashMessage(String level, String key, Object... args) {

	/** The flash attribute the layout reads. */
	public static final String ATTRIBUTE = "flash";

	/**
	 * Flash a success message for the page after the redirect.
	 * @param attributes the redirect attributes of the handler
	 * @param key the message key
	 * @param args its arguments
	 */
	public static void success(RedirectAttributes attributes, String key, Object... args) {
		attributes.addFlashAttribute(ATTRIBUTE, new FlashMessage("success", key, args));
	}

	/**
	 * Flash an error message for the page after the redirect.
	 * @param attributes the redirect attributes of the handler
	 * @param key the message key
	 * @param args its arguments
	 */
	public static void error(RedirectAttributes attributes, String key, Object... args) {
		attributes.addFlashAttribute(ATTRIBUTE, new FlashMessage("error", key, args));
	}

}
