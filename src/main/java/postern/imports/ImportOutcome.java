package postern.imports;

import java.util.List;

/**
 * What applying an import did.
 *
 * @param report each line's result
 * @param passwords the passwords generated for mailboxes whose column was empty
 */
public record ImportOutcome(ImportReport report, List<GeneratedPassword> passwords) {

	public ImportOutcome {
		passwords = List.copyOf(passwords);
	}

}
