package postern.hosts.web;

/**
 * Whether the host form adds a host or changes one.
 */
enum EditMode {

	CREATE, UPDATE

}
