package postern.dashboard;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import postern.PosternProperties;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.HostException;
import postern.host.Hosts;
import postern.host.ServerSettings;

import org.springframework.stereotype.Service;

/**
 * Finds the certificates the servers present and when they expire: the MX certificate
 * ({@code <postern.maddy.cert-dir>/<mx-host>/fullchain.pem}) and the certificates Caddy
 * stored ({@code <postern.caddy.data-dir>/certificates/<issuer>/<name>/<name>.crt}).
 */
@Service
public class Certificates {

	/** A host name that may become a folder name: no slash, no leading dot. */
	private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})");

	private static final Pattern COMMON_NAME = Pattern.compile("(?:^|,)\\s*CN=([^,]+)");

	private final Hosts hosts;

	private final List<MxHostSource> mxHosts;

	private final PosternProperties properties;

	private final Clock clock;

	Certificates(Hosts hosts, List<MxHostSource> mxHosts, PosternProperties properties, Optional<Clock> clock) {
		this.hosts = hosts;
		this.mxHosts = mxHosts;
		this.properties = properties;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * Read every certificate now.
	 * @return the certificates, soonest expiry first
	 */
	public CertificateReport report() {
		Host host = this.hosts.current();
		ServerSettings settings = ServerSettings.of(this.properties, host);
		Path certDir = settings.maddy().certDir();
		List<CertificateInfo> found = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (MxHostSource source : this.mxHosts) {
			source.mxHost()
				.filter((name) -> HOST_NAME.matcher(name).matches() && !name.contains(".."))
				.ifPresent((name) -> read(host, "maddy", certDir.resolve(name).resolve("fullchain.pem"), false, found,
						problems));
		}
		for (Path file : caddyCertificates(host, settings.caddy().dataDir(), problems)) {
			read(host, "caddy", file, true, found, problems);
		}
		found.sort(Comparator.comparing(CertificateInfo::notAfter).thenComparing(CertificateInfo::name));
		return new CertificateReport(found, problems);
	}

	private List<Path> caddyCertificates(Host host, Path caddyData, List<String> problems) {
		List<Path> files = new ArrayList<>();
		try {
			for (Path issuer : host.list(caddyData.resolve("certificates"))) {
				for (Path name : host.list(issuer)) {
					host.list(name)
						.stream()
						.filter((file) -> file.getFileName().toString().endsWith(".crt"))
						.forEach(files::add);
				}
			}
		}
		catch (HostException | UnsupportedOperationException ex) {
			problems.add(caddyData.resolve("certificates") + ": " + ex.getMessage());
		}
		return files;
	}

	private void read(Host host, String server, Path path, boolean mustExist, List<CertificateInfo> found,
			List<String> problems) {
		try {
			FileSnapshot file = host.read(path);
			if (!file.exists()) {
				if (!mustExist) {
					problems.add(path + ": not found");
				}
				return;
			}
			X509Certificate certificate = leaf(file.content());
			Instant notAfter = certificate.getNotAfter().toInstant();
			long days = Duration.between(this.clock.instant(), notAfter).toDays();
			if (notAfter.isBefore(this.clock.instant())) {
				days = Math.min(days, -1);
			}
			CertificateLifetime lifetime = new CertificateLifetime(certificate.getNotBefore().toInstant(), notAfter);
			found.add(new CertificateInfo(server, path, name(certificate), notAfter, days,
					lifetime.at(this.clock.instant())));
		}
		catch (HostException | CertificateException ex) {
			problems.add(path + ": " + ex.getMessage());
		}
	}

	static X509Certificate leaf(byte[] pem) throws CertificateException {
		Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
			.generateCertificates(new ByteArrayInputStream(pem));
		return certificates.stream()
			.filter(X509Certificate.class::isInstance)
			.map(X509Certificate.class::cast)
			.findFirst()
			.orElseThrow(() -> new CertificateException("no certificate in the file"));
	}

	static String name(X509Certificate certificate) {
		String subject = certificate.getSubjectX500Principal().getName();
		try {
			for (Rdn rdn : new LdapName(subject).getRdns()) {
				if ("CN".equalsIgnoreCase(rdn.getType())) {
					return rdn.getValue().toString();
				}
			}
		}
		catch (InvalidNameException ex) {
			Matcher matcher = COMMON_NAME.matcher(subject);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		return subject;
	}

}
