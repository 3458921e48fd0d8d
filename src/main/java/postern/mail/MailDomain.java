package postern.mail;

/**
 * A domain maddy delivers to (one of {@code $(local_domains)}).
 *
 * @param name the domain, lower-case ASCII (IDN in punycode)
 * @param primary whether it is {@code $(primary_domain)}
 */
public record MailDomain(String name, boolean primary) {
}
