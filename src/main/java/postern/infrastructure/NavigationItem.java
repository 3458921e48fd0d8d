package postern.infrastructure;

/**
 * An entry of the main navigation. Each feature declares its own as a bean, so the
 * navigation only ever links to pages that exist.
 *
 * @param order the position: the main pages use 10 (Dashboard), 20 (Domains), 30
 * (Mailboxes), 40 (Aliases), 50 (Sites), 60 (Services), 70 (Health), 80 (Audit), then
 * further pages
 * @param path the page's path, e.g. {@code /audit}
 * @param labelKey the message key of its label
 */
public record NavigationItem(int order, String path, String labelKey) {

	/**
	 * Whether this entry is the page being shown (or one under it).
	 * @param requestPath the current request's path
	 * @return {@code true} to highlight the entry
	 */
	public boolean isActive(String requestPath) {
		if ("/".equals(this.path)) {
			return "/".equals(requestPath);
		}
		return requestPath.equals(this.path) || requestPath.startsWith(this.path + "/");
	}

}
