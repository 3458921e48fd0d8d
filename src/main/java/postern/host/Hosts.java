package postern.host;

/**
 * The hosts Postern manages, and the one the current request acts on.
 */
public interface Hosts {

	/**
	 * The host the current request acts on.
	 * @return the selected host (the local machine unless another one was selected)
	 */
	Host current();

}
