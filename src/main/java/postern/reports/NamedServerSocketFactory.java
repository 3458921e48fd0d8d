package postern.reports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import postern.health.TlsTrust;

/**
 * TLS sockets that trust the JDK store plus Postern's extra CAs, and require the
 * certificate to carry a given name, which may differ from the host connected to (an IMAP
 * server reached by address, or through a tunnel). The mail library opens a plain socket
 * and layers TLS on it through this factory, so the name checked is the one passed here
 * rather than the host.
 */
final class NamedServerSocketFactory extends SSLSocketFactory {

	private final SSLSocketFactory delegate;

	private final String serverName;

	NamedServerSocketFactory(TlsTrust trust, String serverName) throws GeneralSecurityException {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new TrustingManager(trust) }, null);
		this.delegate = context.getSocketFactory();
		this.serverName = serverName;
	}

	@Override
	public Socket createSocket() {
		// a plain socket: the library connects it, then asks for TLS over it below
		return new Socket();
	}

	@Override
	public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
		SSLSocket tls = (SSLSocket) this.delegate.createSocket(socket, this.serverName, port, autoClose);
		SSLParameters parameters = tls.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		parameters.setServerNames(java.util.List.of(new SNIHostName(this.serverName)));
		tls.setSSLParameters(parameters);
		return tls;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return createSocket(new Socket(host, port), host, port, true);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return createSocket(new Socket(host, port, localHost, localPort), host, port, true);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return createSocket(new Socket(host, port), host.getHostAddress(), port, true);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return createSocket(new Socket(address, port, localAddress, localPort), address.getHostAddress(), port, true);
	}

	@Override
	public String[] getDefaultCipherSuites() {
		return this.delegate.getDefaultCipherSuites();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return this.delegate.getSupportedCipherSuites();
	}

	/**
	 * Chain trust through {@link TlsTrust}; the JDK adds the name check, since the socket
	 * asks for endpoint identification.
	 */
	private static final class TrustingManager implements X509TrustManager {

		private final TlsTrust trust;

		TrustingManager(TlsTrust trust) {
			this.trust = trust;
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			String problem = this.trust.problem(chain, authType);
			if (problem != null) {
				throw new CertificateException(problem);
			}
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			throw new CertificateException("No client certificates");
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
