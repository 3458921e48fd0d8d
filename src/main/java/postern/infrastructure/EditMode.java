package postern.infrastructure;

/**
 * Whether the host form adds a host or changes one.
 */
public enum EditMode {

	CREATE, UPDATE

}
