package io.siteroll.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * A Dahua access-control terminal in "event server" mode (docs/devices.md §4.2): it stores its events
 * and uploads them in batches as multipart with a text part {@code info} holding
 * {@code {"Channel":0,"Events":[…]}} and one picture per event, retrying until HTTP 200; optionally
 * compressed ({@code Content-Encoding: deflate}).
 */
public final class DahuaDevice extends PushGate {

	private final boolean deflate;

	public DahuaDevice(String base, String serial, String key) {
		this(base, serial, key, false);
	}

	private DahuaDevice(String base, String serial, String key, boolean deflate) {
		super(base, serial, key);
		this.deflate = deflate;
	}

	/** The same device compressing its uploads. */
	public DahuaDevice deflating() {
		return new DahuaDevice(base, serial, key, true);
	}

	@Override
	protected String vendor() {
		return "dahua";
	}

	@Override
	public PushGate with(String serialNumber, String gateKey) {
		return new DahuaDevice(base, serialNumber, gateKey, deflate);
	}

	@Override
	public List<Reply> send(List<Punch> punches, boolean backlog) {
		List<String> events = new ArrayList<>();
		punches.forEach(p -> events.add(event(p)));
		return List.of(upload(events, punches));
	}

	@Override
	public List<Reply> sendWithOneMalformed(List<Punch> punches) {
		List<String> events = new ArrayList<>();
		punches.forEach(p -> events.add(event(p)));
		events.add(punches.size() / 2, "{\"Code\":\"AccessControl\",\"Action\":\"Pulse\",\"Index\":99,"
				+ "\"Data\":{\"UserID\":\"1\",\"UTC\":\"not-a-time\",\"Method\":15,\"Status\":1,\"Type\":\"Entry\"}}");
		return List.of(upload(events, List.of()));
	}

	@Override
	public boolean acknowledged(Reply reply) {
		return reply.status() == 200;
	}

	/** Posts bytes as they are, declaring the given content encoding (a firmware fault). */
	public Reply uploadEncoded(byte[] body, String encoding) {
		return post(url(), "multipart/form-data; boundary=myboundary", body, "Content-Encoding", encoding);
	}

	private Reply upload(List<String> events, List<Punch> withPictures) {
		String info = "{\"Channel\":0,\"Events\":[" + String.join(",", events) + "]}";
		List<Object[]> parts = new ArrayList<>();
		parts.add(new Object[] { "info", "text/plain", info.getBytes(StandardCharsets.UTF_8) });
		if (withPictures.stream().allMatch(p -> p.photo() != null) && !withPictures.isEmpty()) {
			for (int i = 0; i < withPictures.size(); i++) {
				parts.add(new Object[] { "image" + i, "image/jpeg", withPictures.get(i).photo() });
			}
		}
		byte[] body = multipart("myboundary", parts);
		if (!deflate) {
			return post(url(), "multipart/form-data; boundary=myboundary", body);
		}
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (DeflaterOutputStream out = new DeflaterOutputStream(compressed)) {
			out.write(body);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return post(url(), "multipart/form-data; boundary=myboundary", compressed.toByteArray(), "Content-Encoding",
				"deflate");
	}

	private static String event(Punch p) {
		return "{\"Code\":\"AccessControl\",\"Action\":\"Pulse\",\"Index\":0,\"Data\":{\"UserID\":" + quote(p.person())
				+ ",\"CardNo\":\"\",\"CardName\":\"\",\"Door\":0,\"ErrorCode\":0,\"Method\":15,\"ReaderID\":\"1\","
				+ "\"Status\":1,\"Type\":\"" + (p.in() ? "Entry" : "Exit") + "\",\"UTC\":" + p.at().toEpochSecond()
				+ ",\"RecNo\":" + p.seq() + ",\"UserType\":0}}";
	}
}
