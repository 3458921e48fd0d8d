package postern.health;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * A DNS server for tests, on 127.0.0.1 and a free port, answering over UDP and TCP from
 * dnsjava {@link Zone zones}. It can add latency to every answer, stay silent for chosen
 * names (a timeout), hold the answers for chosen names until released, and set the
 * authenticated-data flag for chosen zones, as a validating resolver does for signed
 * ones.
 */
final class ZoneDnsServer implements AutoCloseable {

	private final List<Zone> zones = new CopyOnWriteArrayList<>();

	private final Set<Name> signed = ConcurrentHashMap.newKeySet();

	private final Set<Name> silent = ConcurrentHashMap.newKeySet();

	private final AtomicInteger queries = new AtomicInteger();

	private final java.util.Map<Name, List<Runnable>> held = new ConcurrentHashMap<>();

	private final DatagramSocket udp;

	private final ServerSocket tcp;

	private final ScheduledExecutorService replies = Executors.newScheduledThreadPool(4, (task) -> {
		Thread thread = new Thread(task, "zone-dns-reply");
		thread.setDaemon(true);
		return thread;
	});

	private final Duration latency;

	private volatile boolean open = true;

	private ZoneDnsServer(Duration latency) throws IOException {
		this.latency = latency;
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		DatagramSocket datagrams = null;
		ServerSocket stream = null;
		for (int attempt = 0; attempt < 20 && stream == null; attempt++) {
			datagrams = new DatagramSocket(new InetSocketAddress(loopback, 0));
			try {
				stream = new ServerSocket(datagrams.getLocalPort(), 50, loopback);
			}
			catch (IOException ex) {
				datagrams.close();
			}
		}
		if (stream == null) {
			throw new IOException("No free port for UDP and TCP");
		}
		this.udp = datagrams;
		this.tcp = stream;
		start("zone-dns-udp", this::serveUdp);
		start("zone-dns-tcp", this::serveTcp);
	}

	static ZoneDnsServer start(Duration latency, String... zoneTexts) {
		try {
			ZoneDnsServer server = new ZoneDnsServer(latency);
			for (String text : zoneTexts) {
				server.add(text);
			}
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Add a zone from zone file text, whose first line is {@code $ORIGIN name.}.
	 * @param text the zone file
	 */
	void add(String text) {
		String origin = text.lines().findFirst().orElseThrow().replace("$ORIGIN", "").strip();
		try {
			this.zones.add(new Zone(Name.fromString(origin),
					new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void sign(String origin) {
		this.signed.add(name(origin));
	}

	void silence(String name) {
		this.silent.add(name(name));
	}

	/**
	 * Hold every UDP answer for a name until {@link #release(String)}.
	 * @param name the name
	 */
	void hold(String name) {
		this.held.putIfAbsent(name(name), new CopyOnWriteArrayList<>());
	}

	/**
	 * Send the answers held for a name, and answer it at once from now on.
	 * @param name the name
	 */
	void release(String name) {
		List<Runnable> waiting = this.held.remove(name(name));
		if (waiting != null) {
			waiting.forEach(this.replies::execute);
		}
	}

	String address() {
		return "127.0.0.1:" + this.udp.getLocalPort();
	}

	int queries() {
		return this.queries.get();
	}

	private static Name name(String text) {
		try {
			return Name.fromString(text.endsWith(".") ? text : text + ".");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void start(String name, Runnable loop) {
		Thread thread = new Thread(loop, name);
		thread.setDaemon(true);
		thread.start();
	}

	private void serveUdp() {
		byte[] buffer = new byte[65535];
		while (this.open) {
			try {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				this.udp.receive(packet);
				byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
				InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
				Runnable reply = () -> {
					Message answer = answer(query);
					if (answer != null) {
						int limit = udpLimit(query);
						byte[] wire = answer.toWire(limit);
						send(new DatagramPacket(wire, wire.length, client));
					}
				};
				List<Runnable> waiting = this.held.isEmpty() ? null : this.held.get(questionName(query));
				if (waiting != null) {
					waiting.add(reply);
				}
				else {
					this.replies.schedule(reply, this.latency.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void send(DatagramPacket packet) {
		try {
			this.udp.send(packet);
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static Name questionName(byte[] query) {
		try {
			return new Message(query).getQuestion().getName();
		}
		catch (IOException | RuntimeException ex) {
			return Name.root;
		}
	}

	private static int udpLimit(byte[] query) {
		try {
			OPTRecord opt = new Message(query).getOPT();
			return (opt != null) ? Math.max(512, opt.getPayloadSize()) : 512;
		}
		catch (IOException ex) {
			return 512;
		}
	}

	private void serveTcp() {
		while (this.open) {
			try {
				Socket socket = this.tcp.accept();
				this.replies.execute(() -> serveConnection(socket));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serveConnection(Socket socket) {
		try (socket) {
			DataInputStream in = new DataInputStream(socket.getInputStream());
			DataOutputStream out = new DataOutputStream(socket.getOutputStream());
			while (true) {
				int length = in.readUnsignedShort();
				byte[] query = in.readNBytes(length);
				Thread.sleep(this.latency.toMillis());
				Message answer = answer(query);
				if (answer == null) {
					continue;
				}
				byte[] wire = answer.toWire();
				out.writeShort(wire.length);
				out.write(wire);
				out.flush();
			}
		}
		catch (IOException ex) {
			// the client closed the connection
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Message answer(byte[] bytes) {
		this.queries.incrementAndGet();
		Message query;
		try {
			query = new Message(bytes);
		}
		catch (IOException ex) {
			return null;
		}
		Record question = query.getQuestion();
		if (this.silent.contains(question.getName())) {
			return null;
		}
		Message response = new Message(query.getHeader().getID());
		response.getHeader().setFlag(Flags.QR);
		response.getHeader().setFlag(Flags.RA);
		if (query.getHeader().getFlag(Flags.RD)) {
			response.getHeader().setFlag(Flags.RD);
		}
		response.addRecord(question, Section.QUESTION);
		Zone zone = zoneOf(question.getName());
		if (zone == null) {
			response.getHeader().setRcode(Rcode.REFUSED);
			return response;
		}
		response.getHeader().setFlag(Flags.AA);
		if (this.signed.contains(zone.getOrigin())) {
			response.getHeader().setFlag(Flags.AD);
		}
		SetResponse found = zone.findRecords(question.getName(), question.getType());
		if (found.isSuccessful()) {
			for (RRset set : found.answers()) {
				set.rrs().forEach((record) -> response.addRecord(record, Section.ANSWER));
			}
		}
		else {
			if (found.isNXDOMAIN()) {
				response.getHeader().setRcode(Rcode.NXDOMAIN);
			}
			response.addRecord(zone.getSOA(), Section.AUTHORITY);
		}
		return response;
	}

	private Zone zoneOf(Name name) {
		Zone best = null;
		for (Zone zone : this.zones) {
			if (name.subdomain(zone.getOrigin())
					&& (best == null || zone.getOrigin().labels() > best.getOrigin().labels())) {
				best = zone;
			}
		}
		return best;
	}

	@Override
	public void close() {
		this.open = false;
		this.udp.close();
		try {
			this.tcp.close();
		}
		catch (IOException ex) {
			// already closed
		}
		this.replies.shutdownNow();
	}

}
