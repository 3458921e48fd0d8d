package postern.health;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

import postern.PosternProperties;
import postern.host.FileReads;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.Hosts;
import postern.host.ServerSettings;
import postern.mail.DkimKeys;
import postern.mail.DkimRecord;
import postern.mail.MailDnsRecords;
import postern.mail.MailDomain;
import postern.mail.MailDomains;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Builds what a run checks from the server's own state: the mail domains and MX host of
 * maddy.conf, the DKIM keys, the records to publish, the server's addresses, maddy's
 * certificate, the MTA-STS policies and sites the web server serves.
 */
@Component
public class HealthPlanner {

	private final MailDomains domains;

	private final DkimKeys dkimKeys;

	private final MailDnsRecords records;

	private final ServerAddresses addresses;

	private final Hosts hosts;

	private final PosternProperties properties;

	/*
	 * The policies and sites are looked up in the context once: each lookup resolves the
	 * dependency again, and a domain's health page asks on every view.
	 */
	private final SingletonSupplier<ServedMtaStsPolicies> policies;

	private final SingletonSupplier<ServedSites> sites;

	/**
	 * maddy's certificate, read and parsed while its file does not change: every view of
	 * a domain shows its TLSA record, and the file changes a few times a year.
	 */
	private final FileReads reads;

	HealthPlanner(MailDomains domains, DkimKeys dkimKeys, MailDnsRecords records, ServerAddresses addresses,
			Hosts hosts, PosternProperties properties, ObjectProvider<ServedMtaStsPolicies> policies,
			ObjectProvider<ServedSites> sites, FileReads reads) {
		this.domains = domains;
		this.dkimKeys = dkimKeys;
		this.records = records;
		this.addresses = addresses;
		this.hosts = hosts;
		this.properties = properties;
		this.policies = SingletonSupplier.of(() -> policies.getIfAvailable(() -> (name) -> Optional.empty()));
		this.sites = SingletonSupplier.of(() -> sites.getIfAvailable(() -> List::of));
		this.reads = reads;
	}

	/**
	 * The plan of a run.
	 * @param scope a domain, the MX host or a site to check alone, or {@code null} for
	 * everything
	 * @return the plan
	 */
	HealthPlan plan(String scope) {
		String mx = this.domains.mxHost().orElse(null);
		List<Expected> expected = this.domains.list()
			.stream()
			.map(MailDomain::name)
			.filter((name) -> scope == null || scope.equals(name))
			.map((domain) -> expected(domain, mx))
			.toList();
		ServerAddresses.Addresses server = this.addresses.current();
		List<String> siteNames = this.sites.get()
			.hostNames()
			.stream()
			.filter((site) -> scope == null || scope.equals(site))
			.toList();
		boolean withServer = mx != null && (scope == null || scope.equals(mx));
		return new HealthPlan(expected, withServer ? mx : null, server.ipv4(), server.ipv6(),
				withServer ? certificate(mx) : null, siteNames);
	}

	/**
	 * What a mail domain should publish and serve.
	 * @param domain the local domain
	 * @param mx the MX host of maddy.conf, or {@code null} for {@code mx.<domain>}
	 */
	private Expected expected(String domain, String mx) {
		ServedMtaStsPolicies served = this.policies.get();
		return new Expected(domain, (mx != null) ? mx : "mx." + domain,
				this.dkimKeys.find(domain).map(DkimRecord::value), this.records.recordsOf(domain),
				served.policy(domain));
	}

	/**
	 * The order an admin reads subjects in: the mail domains (the primary one first), the
	 * MX host, then the sites, by name.
	 * @return the order; by name alone when maddy.conf cannot be read
	 */
	public Comparator<String> subjectOrder() {
		List<String> mailDomains;
		Optional<String> mx;
		try {
			mailDomains = this.domains.list().stream().map(MailDomain::name).toList();
			mx = this.domains.mxHost();
		}
		catch (RuntimeException ex) {
			return Comparator.naturalOrder();
		}
		ToIntFunction<String> rank = (subject) -> {
			int index = mailDomains.indexOf(subject);
			if (index >= 0) {
				return index;
			}
			return mailDomains.size() + (mx.filter(subject::equals).isPresent() ? 0 : 1);
		};
		return Comparator.comparingInt(rank).thenComparing(Comparator.naturalOrder());
	}

	/**
	 * The subjects a run of everything covers.
	 * @return the mail domains, the MX host and the sites
	 */
	public boolean knows(String subject) {
		return this.domains.isLocal(subject) || this.domains.mxHost().filter(subject::equals).isPresent()
				|| this.sites.get().hostNames().contains(subject);
	}

	/**
	 * Every record a mail domain should publish, as a BIND zone snippet: the mail
	 * records, the addresses of the MX host and of {@code mta-sts.<domain>}, and the TLSA
	 * record of maddy's certificate.
	 * @param domain a local domain
	 * @return the snippet, or empty when the domain is not local
	 */
	public Optional<String> zoneSnippet(String domain) {
		if (this.domains.list().stream().noneMatch((local) -> local.name().equals(domain))) {
			return Optional.empty();
		}
		// only what the snippet shows: not the sites nor the MX host's checks of a run
		Expected expected = expected(domain, this.domains.mxHost().orElse(null));
		String mx = expected.mxHost();
		List<String> extra = new java.util.ArrayList<>();
		ServerAddresses.Addresses server = this.addresses.current();
		for (String host : List.of(mx, "mta-sts." + domain)) {
			server.ipv4().forEach((ip) -> extra.add(DnsRecordLines.line(host, "A", ip)));
			server.ipv6().forEach((ip) -> extra.add(DnsRecordLines.line(host, "AAAA", ip)));
		}
		X509Certificate certificate = certificate(mx);
		if (certificate != null) {
			extra.add(DnsRecordLines.tlsa(mx, TlsProbeResult.spkiSha256(certificate)));
		}
		return Optional.of(expected.zoneSnippet(extra));
	}

	private X509Certificate certificate(String mx) {
		try {
			Host host = this.hosts.current();
			Path certDir = ServerSettings.of(this.properties, host).maddy().certDir();
			return this.reads
				.read(host, certDir.resolve(mx).resolve("fullchain.pem"), ParsedCertificate.class,
						HealthPlanner::parseCertificate)
				.certificate();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static ParsedCertificate parseCertificate(FileSnapshot file) {
		if (!file.exists()) {
			return new ParsedCertificate(null);
		}
		try {
			return new ParsedCertificate((X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(file.content())));
		}
		catch (CertificateException | RuntimeException ex) {
			return new ParsedCertificate(null);
		}
	}

	/** maddy's certificate, or {@code null} when its file is missing or not one. */
	private record ParsedCertificate(X509Certificate certificate) {
	}

}
