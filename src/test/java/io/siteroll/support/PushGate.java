package io.siteroll.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A vendor face terminal that pushes its events to SiteRoll over HTTP (Hikvision ISAPI, Dahua, Uface),
 * written from the protocol facts in docs/devices.md. Each vendor sends the same punches its own way;
 * tests drive them alike.
 */
public abstract class PushGate {

	public record Reply(int status, String body) {
	}

	/** One recognition at the gate; {@code seq} is the device's own event number (kept on a resend). */
	public record Punch(long seq, String person, OffsetDateTime at, boolean in, byte[] photo) {
	}

	private final HttpClient http = HttpClient.newHttpClient();

	protected final String base;

	protected final String serial;

	/** The gate key configured on the terminal (null: none). */
	protected final String key;

	protected PushGate(String base, String serial, String key) {
		this.base = base;
		this.serial = serial;
		this.key = key;
	}

	/** The URL an installer types into the terminal: {@code /gates/<vendor>/<serial>[/<key>]}. */
	protected String url() {
		return base + "/gates/" + vendor() + "/" + serial + (key == null ? "" : "/" + key);
	}

	protected abstract String vendor();

	/** The same terminal configured with another key (null: none), or another serial. */
	public abstract PushGate with(String serialNumber, String gateKey);

	/**
	 * Sends the punches as the vendor does: {@code backlog} when they were captured during an outage
	 * and are sent on reconnection. Every reply is returned.
	 */
	public abstract List<Reply> send(List<Punch> punches, boolean backlog);

	/** Sends the punches with one malformed event among them (in the same request where the vendor batches). */
	public abstract List<Reply> sendWithOneMalformed(List<Punch> punches);

	/** True when the reply acknowledges, as the vendor understands it. */
	public abstract boolean acknowledged(Reply reply);

	protected static List<Reply> each(List<Punch> punches, Function<Punch, Reply> send) {
		List<Reply> replies = new ArrayList<>();
		punches.forEach(p -> replies.add(send.apply(p)));
		return replies;
	}

	protected Reply post(String url, String contentType, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Waits.REQUEST).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = Exchanges.send(http, request.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.body());
	}

	/** A multipart body: parts as (name, content type, bytes) triples. */
	protected static byte[] multipart(String boundary, List<Object[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object[] part : parts) {
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\""
					+ (part[0].toString().startsWith("image") || "Picture".equals(part[0]) ? "; filename=\"" + part[0] + ".jpg\"" : "")
					+ "\r\nContent-Type: " + part[1] + "\r\nContent-Length: " + ((byte[]) part[2]).length + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.writeBytes((byte[]) part[2]);
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	protected static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
