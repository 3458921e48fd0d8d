package postern.sites.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The raw edit form of a block: its whole text, and whether the admin knows what an
 * upstream Postern cannot judge does.
 */
public class RawForm {

	@NotBlank
	@Size(max = 100_000)
	private String text;

	private boolean acceptUnjudged;

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public boolean isAcceptUnjudged() {
		return this.acceptUnjudged;
	}

	public void setAcceptUnjudged(boolean acceptUnjudged) {
		this.acceptUnjudged = acceptUnjudged;
	}

}
