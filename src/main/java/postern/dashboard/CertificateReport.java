package postern.dashboard;

import java.util.List;
import java.util.Optional;

/**
 * The certificates found on the server, soonest expiry first, and the files that could
 * not be read.
 *
 * @param certificates the certificates, soonest expiry first
 * @param problems one line per file or folder that could not be read
 */
public record CertificateReport(List<CertificateInfo> certificates, List<String> problems) {

	public CertificateReport {
		certificates = List.copyOf(certificates);
		problems = List.copyOf(problems);
	}

	/**
	 * The certificate that expires first.
	 * @return it, or empty when none was found
	 */
	public Optional<CertificateInfo> soonest() {
		return this.certificates.stream().findFirst();
	}

}
