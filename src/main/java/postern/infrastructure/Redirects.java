package postern.infrastructure;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a form sends the admin to a change it made: redirect-after-POST to the
 * change's page, its id a URI template variable.
 */
public final class Redirects {

	private Redirects() {
	}

	/**
	 * A redirect to a change's page, where its diff waits for Apply.
	 * @param changeId the change's id
	 * @param attributes the request's redirect attributes
	 * @return the view name
	 */
	public static String toChange(long changeId, RedirectAttributes attributes) {
		attributes.addAttribute("changeId", changeId);
		return "redirect:/changes/{changeId}";
	}

}
