package postern.imports;

import java.io.Serializable;

/**
 * One line of an import file, as written.
 *
 * @param line its line number in the file, from 1 (the header is line 1)
 * @param type the {@code type} column
 * @param address the {@code address} column
 * @param password the {@code password} column, empty for a generated one
 * @param targets the {@code targets} column
 */
public record ImportRow(int line, String type, String address, String password,
		String targets) implements Serializable {

	@Override
	public String toString() {
		return "ImportRow[line=" + this.line + ", type=" + this.type + ", address=" + this.address + "]";
	}

}
