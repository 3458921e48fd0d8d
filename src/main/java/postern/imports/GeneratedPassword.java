package postern.imports;

/**
 * A password the import generated, to hand to the mailbox's owner. It is kept only until
 * the admin downloads it, and never logged or audited.
 *
 * @param address the mailbox
 * @param password its password
 */
public record GeneratedPassword(String address, String password) {

	@Override
	public String toString() {
		return "GeneratedPassword[" + this.address + "]";
	}

}
