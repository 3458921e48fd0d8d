package postern.security;

/**
 * A link from the account page to another page about the admin's own account, such as
 * their API tokens. A feature declares one as a bean; the account page lists them in
 * order.
 *
 * @param order the position in the list
 * @param path the page's path, e.g. {@code /account/tokens}
 * @param labelKey the message key of its label
 */
public record AccountLink(int order, String path, String labelKey) {
}
