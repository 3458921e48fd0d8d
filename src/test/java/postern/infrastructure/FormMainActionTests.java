package postern.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enter in a field submits a form through its first submit button in document order, so
 * in every form of every template that button is the form's main action: secondary
 * buttons (a named button that takes another branch, one that skips validation or posts
 * elsewhere) come after it.
 */
class FormMainActionTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final String SUBMIT = "button:not([type]), button[type=submit], input[type=submit], input[type=image]";

	@Test
	void theFirstSubmitButtonOfEveryFormIsItsMainAction() throws IOException {
		List<String> checked = new ArrayList<>();
		for (Path template : templates()) {
			Document page = Jsoup.parse(Files.readString(template));
			for (Element form : page.select("form")) {
				List<Element> submits = submitButtons(page, form);
				if (submits.isEmpty()) {
					continue;
				}
				String where = TEMPLATES.relativize(template) + ": " + describe(form);
				Element first = submits.get(0);
				assertThat(secondary(first, submits.size()))
					.as("first submit button of " + where + " is secondary: " + first.outerHtml())
					.isFalse();
				submits.stream()
					.skip(1)
					.forEach((later) -> assertThat(main(later))
						.as("a later submit button of " + where + " is marked as the main action: " + later.outerHtml())
						.isFalse());
				checked.add(where);
			}
		}
		// every page with a form is looked at, not a handful
		assertThat(checked).hasSizeGreaterThan(40);
	}

	@Test
	void aProposeButtonBeforeTheCreateButtonIsCaught() {
		Document page = Jsoup.parse("""
				<form method="post"><input name="password">
				<button type="submit" name="generate" value="1" formnovalidate>Propose</button>
				<button type="submit" class="primary">Create</button></form>""");
		Element form = page.selectFirst("form");
		List<Element> submits = submitButtons(page, form);
		assertThat(submits).hasSize(2);
		assertThat(secondary(submits.get(0), submits.size())).isTrue();
		assertThat(main(submits.get(1))).isTrue();
	}

	@Test
	void aButtonOutsideTheFormThatNamesItCountsInDocumentOrder() {
		Document page = Jsoup.parse("""
				<form id="f" method="post"><input name="q"></form>
				<button type="submit" form="f" class="primary">Save</button>
				<button form="f" name="other">Other</button>""");
		List<Element> submits = submitButtons(page, page.selectFirst("form"));
		assertThat(submits).extracting(Element::text).containsExactly("Save", "Other");
		assertThat(secondary(submits.get(1), submits.size())).isTrue();
	}

	private static List<Element> submitButtons(Document page, Element form) {
		List<Element> submits = new ArrayList<>();
		Elements all = page.select(SUBMIT);
		String id = form.id();
		for (Element button : all) {
			boolean inside = button.parents().contains(form) && !button.hasAttr("form");
			boolean named = !id.isEmpty() && id.equals(button.attr("form"));
			if (inside || named) {
				submits.add(button);
			}
		}
		return submits;
	}

	/**
	 * A button that takes another path than the form's own: it posts elsewhere, skips the
	 * checks, or (among several) sends its own name so the controller branches.
	 */
	private static boolean secondary(Element button, int buttons) {
		if (button.hasAttr("formaction") || button.hasAttr("th:formaction") || button.hasAttr("formnovalidate")
				|| button.hasAttr("formmethod")) {
			return true;
		}
		return buttons > 1 && (button.hasAttr("name") || button.hasAttr("th:name") || button.hasClass("link"));
	}

	private static boolean main(Element button) {
		return button.hasClass("primary") || button.hasClass("danger");
	}

	private static String describe(Element form) {
		String action = form.hasAttr("th:action") ? form.attr("th:action") : form.attr("action");
		return "form " + (action.isEmpty() ? form.attr("class") : action);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((path) -> path.toString().endsWith(".html")).sorted().toList();
		}
	}

}
