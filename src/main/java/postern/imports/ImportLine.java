package postern.imports;

import java.io.Serializable;
import java.util.List;

/**
 * What the import does, or did, with one line.
 *
 * @param line the line number in the file
 * @param type {@code mailbox}, {@code alias}, or what the line said
 * @param address the address in its stored form (as written when it is invalid)
 * @param targets an alias's targets in their stored form
 * @param status what would happen, or what happened
 * @param messageKey why, or what came of it
 * @param arguments the message's arguments
 */
public record ImportLine(int line, String type, String address, List<String> targets, Status status, String messageKey,
		List<String> arguments) implements Serializable {

	public ImportLine {
		targets = List.copyOf(targets);
		arguments = List.copyOf(arguments);
	}

	ImportLine withResult(Status status, String messageKey, List<String> arguments) {
		return new ImportLine(this.line, this.type, this.address, this.targets, status, messageKey, arguments);
	}

	/**
	 * The arguments as an array, for a message expression.
	 * @return the arguments
	 */
	public Object[] args() {
		return this.arguments.toArray();
	}

	/**
	 * What happens to a line.
	 */
	public enum Status {

		/** Preview: it would be created. */
		CREATE,

		/** It exists already: nothing is done. */
		EXISTS,

		/** It cannot be created as written: nothing is done. */
		INVALID,

		/** Apply: it was created. */
		CREATED,

		/** Apply: creating it failed. */
		FAILED;

		/**
		 * The CSS class of its badge.
		 * @return e.g. {@code badge-ok}
		 */
		public String badge() {
			return switch (this) {
				case CREATE, CREATED -> "badge-ok";
				case EXISTS -> "";
				case INVALID, FAILED -> "badge-error";
			};
		}

		/**
		 * The message key of its label.
		 * @return e.g. {@code import.status.create}
		 */
		public String labelKey() {
			return "import.status." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
