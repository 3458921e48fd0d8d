package postern.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Opens a TLS connection the way a mail server or browser would, and keeps the
 * certificate chain even when it is not valid, so it can be judged afterwards (trust,
 * name, expiry).
 */
public class TlsProbe {

	private final TlsTrust trust;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final SSLContext context;

	/**
	 * The trust verdict of each chain this probe has seen, empty when trusted. The MX
	 * host's ports and addresses usually serve one certificate: its chain is judged once
	 * per probe, not once per handshake.
	 */
	private final Map<List<X509Certificate>, Optional<String>> verdicts = new ConcurrentHashMap<>();

	/**
	 * A probe with its own TLS context, for one run or one mail: sessions and trust
	 * verdicts are reused only within this probe, never across runs, so a changed or
	 * expired certificate is always seen.
	 * @param trust how chains are judged, after the handshake
	 * @param connectTimeout how long connecting may take
	 * @param readTimeout how long the server may take to answer
	 */
	public TlsProbe(TlsTrust trust, Duration connectTimeout, Duration readTimeout) {
		this.trust = trust;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		try {
			this.context = SSLContext.getInstance("TLS");
			this.context.init(null, new TrustManager[] { new AcceptAll() }, null);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Connect and shake hands.
	 * @param host the name the server should present (SNI and name check)
	 * @param address where to connect
	 * @param port the port
	 * @param mode SMTP STARTTLS or TLS from the start
	 * @return what was found; never thrown
	 */
	public TlsProbeResult probe(String host, InetAddress address, int port, Mode mode) {
		try (Session session = open(host, address, port, mode)) {
			return session.result();
		}
		catch (NoStartTlsException ex) {
			return new TlsProbeResult(host, port, TlsProbeResult.Outcome.NO_STARTTLS, List.of(), null, null, null,
					ex.getMessage());
		}
		catch (SocketTimeoutException ex) {
			return TlsProbeResult.failed(host, port, true, "no answer in time");
		}
		catch (IOException ex) {
			return TlsProbeResult.failed(host, port, false, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	/**
	 * Connect, shake hands and keep the connection open, for a request over it.
	 * @param host the server name
	 * @param address where to connect
	 * @param port the port
	 * @param mode SMTP STARTTLS or TLS from the start
	 * @return the open session
	 * @throws IOException when no TLS session could be set up
	 */
	Session open(String host, InetAddress address, int port, Mode mode) throws IOException {
		Socket plain = new Socket();
		try {
			// Every write of a probe (EHLO, STARTTLS, the handshake's last flight, the
			// policy request) is a whole message followed by a wait for the answer: with
			// Nagle's algorithm a write that follows an unacknowledged one waits for the
			// server's delayed acknowledgement, 40 ms on Linux.
			plain.setTcpNoDelay(true);
			plain.connect(new InetSocketAddress(address, port), (int) this.connectTimeout.toMillis());
			plain.setSoTimeout((int) this.readTimeout.toMillis());
			if (mode == Mode.SMTP_STARTTLS) {
				startTls(plain);
			}
			SSLSocket tls = (SSLSocket) this.context.getSocketFactory().createSocket(plain, host, port, true);
			SSLParameters parameters = tls.getSSLParameters();
			parameters.setServerNames(List.of(new SNIHostName(host)));
			tls.setSSLParameters(parameters);
			tls.startHandshake();
			X509Certificate[] chain = chain(tls.getSession().getPeerCertificates());
			TlsProbeResult result = new TlsProbeResult(host, port, TlsProbeResult.Outcome.CONNECTED, List.of(chain),
					trustProblem(chain), tls.getSession().getProtocol(), tls.getSession().getCipherSuite(), null);
			return new Session(tls, result);
		}
		catch (IOException | RuntimeException ex) {
			plain.close();
			throw ex;
		}
	}

	private String trustProblem(X509Certificate[] chain) {
		if (chain.length == 0) {
			return "no certificate";
		}
		return this.verdicts
			.computeIfAbsent(List.of(chain), (key) -> Optional.ofNullable(this.trust.problem(chain, "UNKNOWN")))
			.orElse(null);
	}

	private static X509Certificate[] chain(java.security.cert.Certificate[] certificates) {
		return java.util.Arrays.stream(certificates)
			.filter(X509Certificate.class::isInstance)
			.map(X509Certificate.class::cast)
			.toArray(X509Certificate[]::new);
	}

	private static void startTls(Socket socket) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
		OutputStream out = socket.getOutputStream();
		expect(reply(in), "220", "banner");
		out.write("EHLO postern.invalid\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		String ehlo = reply(in);
		expect(ehlo, "250", "EHLO");
		if (!ehlo.toUpperCase(java.util.Locale.ROOT).contains("STARTTLS")) {
			throw new NoStartTlsException();
		}
		out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		expect(reply(in), "220", "STARTTLS");
	}

	private static String reply(BufferedReader in) throws IOException {
		StringBuilder reply = new StringBuilder();
		String line;
		do {
			line = in.readLine();
			if (line == null) {
				throw new IOException("connection closed by the server");
			}
			reply.append(line).append('\n');
		}
		while (line.length() > 3 && line.charAt(3) == '-');
		return reply.toString();
	}

	private static void expect(String reply, String code, String step) throws IOException {
		if (!reply.startsWith(code)) {
			throw new IOException(step + " answered " + reply.strip());
		}
	}

	/**
	 * How TLS starts.
	 */
	public enum Mode {

		/** SMTP, then STARTTLS (ports 25 and 587). */
		SMTP_STARTTLS,

		/** TLS from the first byte (465, 993, 443). */
		IMPLICIT

	}

	/**
	 * The server offered no STARTTLS.
	 */
	static class NoStartTlsException extends IOException {

		NoStartTlsException() {
			super("the server does not offer STARTTLS");
		}

	}

	/**
	 * An open TLS connection and what its handshake showed.
	 */
	static final class Session implements AutoCloseable {

		private final SSLSocket socket;

		private final TlsProbeResult result;

		Session(SSLSocket socket, TlsProbeResult result) {
			this.socket = socket;
			this.result = result;
		}

		SSLSocket socket() {
			return this.socket;
		}

		TlsProbeResult result() {
			return this.result;
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/**
	 * Lets every handshake complete: the chain is judged afterwards, so an invalid one is
	 * still seen.
	 */
	private static final class AcceptAll extends X509ExtendedTrustManager {

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			throw clientsRefused();
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			throw clientsRefused();
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			throw clientsRefused();
		}

		/** A probe is only ever the client of a handshake: it trusts no client. */
		private static CertificateException clientsRefused() {
			return new CertificateException("A TLS probe checks servers only");
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
