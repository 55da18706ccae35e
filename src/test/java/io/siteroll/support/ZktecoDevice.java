package io.siteroll.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ZKTeco PUSH device written from the protocol description (docs/devices.md §1–2): it opens every
 * connection, identifies itself by serial number, uploads TAB-separated tables, polls for commands
 * and posts their results. Keeps the users the server provisions, as a real terminal would.
 */
public final class ZktecoDevice {

	public record Reply(int status, String body) {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String serial;

	/** The communication key configured on the device (null: none), sent as {@code pushcommkey}. */
	private final String key;

	/** Users held on the device: PIN → fields; faces: PIN → photo bytes. */
	public final Map<String, Map<String, String>> users = new LinkedHashMap<>();

	public final Map<String, byte[]> faces = new LinkedHashMap<>();

	public ZktecoDevice(String base, String serial) {
		this(base, serial, null);
	}

	public ZktecoDevice(String base, String serial, String key) {
		this.base = base;
		this.serial = serial;
		this.key = key;
	}

	/** The same device with another communication key (null: none). */
	public ZktecoDevice withKey(String otherKey) {
		return new ZktecoDevice(base, serial, otherKey);
	}

	/** {@code &pushcommkey=…} when the device has a key, else nothing. */
	public String keyParameter() {
		return key == null ? "" : "&pushcommkey=" + key;
	}

	/**
	 * {@code GET /iclock/cdata?options=all} (carrying the communication key, as the attendance dialect
	 * does on its handshake): the server's options as key=value.
	 */
	public Map<String, String> handshake() {
		Reply reply = get("/iclock/cdata?SN=" + serial + "&options=all&pushver=2.4.1&language=83" + keyParameter());
		Map<String, String> options = new LinkedHashMap<>();
		for (String line : reply.body().split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				options.put(line.substring(0, eq), line.substring(eq + 1));
			}
			else if (line.startsWith("GET OPTION FROM:")) {
				options.put("_header", line);
			}
		}
		options.put("_status", Integer.toString(reply.status()));
		return options;
	}

	public static String attlogLine(String pin, LocalDateTime time, int status, int verify) {
		return pin + "\t" + TIME.format(time) + "\t" + status + "\t" + verify + "\t0\t0\t0";
	}

	public Reply attlog(List<String> lines, String stamp) {
		return post("/iclock/cdata?SN=" + serial + "&table=ATTLOG&Stamp=" + stamp,
				(String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
	}

	public Reply rtlog(List<String> lines) {
		return post("/iclock/cdata?SN=" + serial + "&table=rtlog", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
	}

	public Reply table(String table, String body) {
		return post("/iclock/cdata?SN=" + serial + "&table=" + table, body.getBytes(StandardCharsets.UTF_8));
	}

	/** ATTPHOTO: header lines, a NUL, then the JPEG in base64 (ATTPHOTOBase64=1). */
	public Reply photo(String pin, LocalDateTime time, byte[] jpeg) {
		String file = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(time) + "-" + pin + ".jpg";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] encoded = Base64.getEncoder().encode(jpeg);
		body.writeBytes(("PIN=" + file + "\nSN=" + serial + "\nsize=" + encoded.length + "\nCMD=uploadphoto")
			.getBytes(StandardCharsets.UTF_8));
		body.write(0);
		body.writeBytes(encoded);
		return post("/iclock/cdata?SN=" + serial + "&table=ATTPHOTO&Stamp=1", body.toByteArray());
	}

	/**
	 * One poll: fetches the queued commands, applies user and face commands to the device's own
	 * tables, and posts a result line for each (Return=0, or the given code for every command).
	 */
	public List<String> pollAndExecute(Integer forcedReturn) {
		Reply reply = get("/iclock/getrequest?SN=" + serial + "&INFO=Ver%208.0.4.2-20240305,12,0,345,192.168.1.20");
		List<String> commands = new ArrayList<>();
		StringBuilder results = new StringBuilder();
		for (String line : reply.body().split("\n")) {
			if (!line.startsWith("C:")) {
				continue;
			}
			int second = line.indexOf(':', 2);
			String id = line.substring(2, second);
			String command = line.substring(second + 1);
			commands.add(command);
			int code = forcedReturn != null ? forcedReturn : execute(command);
			String name = command.startsWith("DATA") ? "DATA" : command.split(" ")[0];
			results.append("ID=").append(id).append("&Return=").append(code).append("&CMD=").append(name).append('\n');
		}
		if (!commands.isEmpty()) {
			post("/iclock/devicecmd?SN=" + serial, results.toString().getBytes(StandardCharsets.UTF_8));
		}
		return commands;
	}

	private int execute(String command) {
		Map<String, String> fields = new LinkedHashMap<>();
		String[] parts = command.split("\t");
		String head = parts[0];
		int firstEq = head.lastIndexOf(' ');
		parts[0] = head.substring(firstEq + 1);
		for (String p : parts) {
			int eq = p.indexOf('=');
			if (eq > 0) {
				fields.put(p.substring(0, eq), p.substring(eq + 1));
			}
		}
		String pin = fields.get("PIN");
		if (command.startsWith("DATA UPDATE USERINFO")) {
			users.put(pin, fields);
			return 0;
		}
		if (command.startsWith("DATA UPDATE BIOPHOTO")) {
			if (!users.containsKey(pin)) {
				return -10;
			}
			byte[] content = Base64.getDecoder().decode(fields.get("Content"));
			if (content.length == 0 || Integer.parseInt(fields.get("Size")) != fields.get("Content").length()) {
				return -2;
			}
			faces.put(pin, content);
			return 0;
		}
		if (command.startsWith("DATA DELETE USERINFO")) {
			users.remove(pin);
			faces.remove(pin);
			return 0;
		}
		return -1002;
	}

	public Reply get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Reply post(String path, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private Reply send(HttpRequest.Builder request) {
		HttpResponse<String> response = Exchanges.send(http, request.timeout(Waits.REQUEST).build(),
				HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.body());
	}
}
