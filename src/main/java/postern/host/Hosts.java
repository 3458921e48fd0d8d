package postern.host;

import java.util.List;

/**
 * The hosts Postern manages, and the one the current request acts on.
 */
public interface Hosts {

	/** The id of the local machine in the switcher and in {@code POST /hosts/select}. */
	String LOCAL_ID = "local";

	/**
	 * The host the current request acts on.
	 * @return the selected host (the local machine unless another one was selected)
	 */
	Host current();

	/**
	 * The hosts the current request may switch to, for the switcher in the header.
	 * @return every host, the current one marked; only the current one by default
	 */
	default List<HostChoice> choices() {
		return List.of(new HostChoice(LOCAL_ID, current().name(), true, true));
	}

}
