package postern.sites.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The raw edit form of a block: its whole text.
 */
public class RawForm {

	@NotBlank
	@Size(max = 100_000)
	private String text;

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

}
