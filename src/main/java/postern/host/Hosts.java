package postern.host;

import java.util.List;

/**
 * The hosts Postern manages, and the one the current request acts on.
 */
public interface Hosts {

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
		return List.of(new HostChoice(ManagedHosts.LOCAL_ID, current().name(), true, true));
	}

}
