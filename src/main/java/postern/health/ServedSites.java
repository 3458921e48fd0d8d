package postern.health;

import java.util.List;

/**
 * The host names of the web sites, each probed on the HTTPS port. Without such a bean no
 * site is probed.
 */
public interface ServedSites {

	/**
	 * The sites.
	 * @return their host names
	 */
	List<String> hostNames();

}
