package postern.mail;

import java.util.List;

/**
 * The local domains with what /domains says beside them.
 *
 * @param domains the local domains Postern knows by name
 * @param unknownVariables the environment variables that set other local domains, unknown
 * to Postern
 * @param listLine the line that lists the local domains, or why none does
 * @param unknownMxVariable the environment variable that sets the MX host when Postern
 * does not know it, else {@code null}
 */
public record DomainsOverview(List<MailDomain> domains, List<String> unknownVariables, DomainListLine listLine,
		String unknownMxVariable) {

	public DomainsOverview {
		domains = List.copyOf(domains);
		unknownVariables = List.copyOf(unknownVariables);
	}

}
