package postern.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 whose connections can be cut, as a network failure would cut
 * them: neither end gets to say goodbye.
 */
final class CuttableTunnel implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private CuttableTunnel(ServerSocket listener, int targetPort) {
		this.listener = listener;
		this.targetPort = targetPort;
	}

	static CuttableTunnel to(int targetPort) throws IOException {
		CuttableTunnel tunnel = new CuttableTunnel(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
				targetPort);
		Thread acceptor = new Thread(tunnel::accept, "tunnel-accept");
		acceptor.setDaemon(true);
		acceptor.start();
		return tunnel;
	}

	int port() {
		return this.listener.getLocalPort();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(server);
				pipe(client, server);
				pipe(server, client);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// cut
			}
		}, "tunnel-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Cut every connection through the tunnel; new ones are still accepted.
	 */
	void cut() {
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}
		this.sockets.clear();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		cut();
	}

}
