package io.siteroll.device.zkteco;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.siteroll.attendance.IngestReport;
import io.siteroll.attendance.Passes;
import io.siteroll.device.Device;
import io.siteroll.device.internal.DeviceContact;
import io.siteroll.device.internal.DeviceCredentials;
import io.siteroll.device.internal.RawUploads;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server side of ZKTeco PUSH, both dialects (docs/devices.md §1, §2): attendance ({@code att}:
 * handshake options, ATTLOG, OPERLOG, ATTPHOTO, command queue, stamps) and security ({@code acc}:
 * registry, push, rtlog). Every upload is kept raw (encrypted); a device hears {@code OK} only for
 * what was stored and committed; unknown tables are logged, kept raw and refused. Requests reach these
 * handlers only once {@code ZktecoRequests} has authenticated the device (communication key or
 * session, source network, body size); the handlers serve only that device. A disabled device may
 * still upload (its passes are kept as refused, DEVICE_DISABLED) but is sent no commands.
 */
@RestController
@RequestMapping("/iclock")
@Hidden
class ZktecoPush {

	private static final Logger log = LoggerFactory.getLogger(ZktecoPush.class);

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Raw uploads are kept encrypted under this purpose (they carry names, identity numbers, templates). */
	static final String UPLOAD_PURPOSE = RawUploads.PURPOSE;

	private final RawUploads uploads;

	private final DeviceContact contact;

	private final Passes passes;

	private final ZktecoProvisioning provisioning;

	private final JdbcClient jdbc;

	private final Clock clock;

	ZktecoPush(RawUploads uploads, DeviceContact contact, Passes passes, ZktecoProvisioning provisioning,
			JdbcClient jdbc, Clock clock) {
		this.uploads = uploads;
		this.contact = contact;
		this.passes = passes;
		this.provisioning = provisioning;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/cdata")
	ResponseEntity<String> handshake(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device, @RequestParam(required = false) String options,
			@RequestParam(required = false) String pushver, @RequestParam(name = "DeviceType", required = false) String type) {
		if (device.protocol() == Device.Protocol.ZKTECO_ACC || "acc".equalsIgnoreCase(type)) {
			return stamp(device, "REGISTRY").map(code -> text("registry=ok\nRegistryCode=" + code))
				.orElseGet(() -> text("OK"));
		}
		StringBuilder reply = new StringBuilder("GET OPTION FROM: ").append(device.serialNumber()).append('\n');
		for (String table : new String[] { "ATTLOG", "OPERLOG", "ATTPHOTO" }) {
			reply.append(table).append("Stamp=").append(stamp(device, table).orElse("None")).append('\n');
		}
		reply.append("ErrorDelay=60\n")
			.append("Delay=5\n")
			.append("TransTimes=00:00;12:00\n")
			.append("TransInterval=1\n")
			.append("TransFlag=TransData AttLog OpLog AttPhoto EnrollUser ChgUser FACE UserPic BioPhoto\n")
			.append("TimeZone=").append(ZktecoRecords.timeZoneOption(device.utcOffsetMinutes())).append('\n')
			.append("Realtime=1\n")
			.append("Encrypt=None\n")
			.append("ServerVer=2.4.1\n")
			.append("PushProtVer=2.4.1\n")
			.append("ATTPHOTOBase64=1\n");
		return text(reply.toString());
	}

	@PostMapping("/cdata")
	ResponseEntity<String> upload(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device, @RequestParam(required = false) String table,
			@RequestParam(name = "Stamp", required = false) String stamp,
			@RequestParam(required = false) String tablename, @RequestBody(required = false) byte[] body) {
		byte[] bytes = body == null ? new byte[0] : body;
		String name = table == null ? "" : table.strip();
		return switch (name.toUpperCase(Locale.ROOT)) {
			case "ATTLOG" -> passes(device, "ATTLOG", stamp, bytes, false);
			case "RTLOG" -> passes(device, "rtlog", stamp, bytes, true);
			case "ATTPHOTO" -> photo(device, bytes, stamp);
			case "OPERLOG" -> operlog(device, stamp, bytes);
			case "TABLEDATA" -> {
				int n = lines(bytes);
				keep(device, "tabledata:" + tablename, bytes, "STORED", n);
				yield text((tablename == null ? "user" : tablename.strip()) + "=" + n);
			}
			case "OPTIONS", "RTSTATE" -> {
				keep(device, name, bytes, "STORED", lines(bytes));
				firmware(device, new String(bytes, StandardCharsets.UTF_8));
				yield text("OK");
			}
			default -> {
				keep(device, name, bytes, "REFUSED_UNKNOWN_TABLE", 0);
				log.warn("ZKTeco device {} uploaded unknown table '{}' ({} bytes): kept raw and refused", device.serialNumber(), name,
						bytes.length);
				yield ResponseEntity.badRequest().contentType(TEXT).body("ERROR: unknown table " + name);
			}
		};
	}

	@PostMapping("/fdata")
	ResponseEntity<String> fdata(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device, @RequestParam(required = false) String table,
			@RequestParam(name = "Stamp", required = false) String stamp, @RequestBody(required = false) byte[] body) {
		return photo(device, body == null ? new byte[0] : body, stamp);
	}

	@GetMapping("/getrequest")
	ResponseEntity<String> poll(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device, @RequestParam(name = "INFO", required = false) String info) {
		if (info != null && !info.isBlank()) {
			String firmware = info.split(",")[0].strip();
			contact.heartbeat(device, "ONLINE", firmware.isEmpty() ? null : firmware, null);
		}
		if (!device.gate().enabled()) {
			return text("OK"); // a disabled device is sent no commands (no names, no faces)
		}
		String commands = provisioning.nextCommands(device);
		return text(commands.isEmpty() ? "OK" : commands);
	}

	@GetMapping("/ping")
	ResponseEntity<String> ping(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device) {
		return text("OK");
	}

	@PostMapping("/devicecmd")
	ResponseEntity<String> commandResults(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device, @RequestBody(required = false) byte[] body) {
		String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
		keep(device, "devicecmd", text.getBytes(StandardCharsets.UTF_8), "STORED", lines(body));
		provisioning.results(device, text);
		return text("OK");
	}

	@PostMapping("/registry")
	ResponseEntity<String> registry(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device, @RequestBody(required = false) byte[] body) {
		String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
		keep(device, "registry", text.getBytes(StandardCharsets.UTF_8), "STORED", 1);
		Map<String, String> fields = new HashMap<>();
		for (String pair : text.strip().split(",")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				fields.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
			}
		}
		if (fields.containsKey("FirmVer")) {
			contact.heartbeat(device, "REGISTERED", fields.get("FirmVer"), null);
		}
		String code = stamp(device, "REGISTRY").orElseGet(() -> {
			byte[] random = new byte[8];
			RANDOM.nextBytes(random);
			String fresh = HexFormat.of().formatHex(random);
			saveStamp(device, "REGISTRY", fresh);
			return fresh;
		});
		return text("RegistryCode=" + code);
	}

	@PostMapping("/push")
	ResponseEntity<String> push(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device) {
		return text("ServerVersion=3.1.2\nServerName=SiteRoll\nPushVersion=3.1.2\nErrorDelay=30\nRequestDelay=5\n"
				+ "TransInterval=1\nTransTables=User Transaction\nRealtime=1\nTimeoutSec=10\nTimeZone="
				+ ZktecoRecords.timeZoneOption(device.utcOffsetMinutes()) + "\n");
	}

	@GetMapping("/rtdata")
	ResponseEntity<String> serverTime(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device, @RequestParam(required = false) String type) {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(),
				ZoneOffset.ofTotalSeconds(device.utcOffsetMinutes() * 60));
		return text("DateTime=" + ZktecoRecords.TIME.format(now) + ",ServerTZ="
				+ ZktecoRecords.timeZoneOption(device.utcOffsetMinutes()));
	}

	private ResponseEntity<String> passes(KnownDevice device, String table, String stamp, byte[] body, boolean security) {
		String text = new String(body, StandardCharsets.UTF_8);
		String source = device.protocol().name();
		ZktecoRecords.Parsed parsed = security ? ZktecoRecords.rtlog(text, device.utcOffsetMinutes(), source)
				: ZktecoRecords.attlog(text, device.utcOffsetMinutes(), source);
		IngestReport report = passes.ingest(device.gate(), parsed.passes());
		int kept = report.stored() + report.duplicates();
		String outcome = "STORED " + report.stored() + ", DUPLICATE " + report.duplicates() + ", REJECTED "
				+ report.rejected() + ", UNREADABLE " + parsed.unreadable().size();
		keep(device, table, body, outcome, kept);
		if (!parsed.unreadable().isEmpty() || report.rejected() > 0) {
			log.warn("ZKTeco device {} {}: {}", device.serialNumber(), table, outcome);
		}
		if (stamp != null && !stamp.isBlank()) {
			saveStamp(device, table.toUpperCase(Locale.ROOT), stamp.strip());
		}
		return text(security ? "OK" : "OK: " + kept);
	}

	private ResponseEntity<String> operlog(KnownDevice device, String stamp, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		int n = 0;
		for (String line : text.split("\r?\n")) {
			if (line.isBlank()) {
				continue;
			}
			n++;
			if (line.startsWith("USER ")) {
				String pin = ZktecoRecords.keyed(line.split("\t")).get("PIN");
				jdbc.sql("insert into device_event (device_id, kind, actor, detail) values (?, 'LOCAL_USER', 'device', ?)")
					.params(device.id(), "user enrolled or changed on the device itself, PIN " + pin)
					.update();
			}
		}
		keep(device, "OPERLOG", body, "STORED", n);
		if (stamp != null && !stamp.isBlank()) {
			saveStamp(device, "OPERLOG", stamp.strip());
		}
		return text("OK: " + n);
	}

	private ResponseEntity<String> photo(KnownDevice device, byte[] body, String stamp) {
		int nul = indexOf(body, (byte) 0);
		String header = new String(body, 0, nul < 0 ? body.length : nul, StandardCharsets.UTF_8);
		Map<String, String> fields = new HashMap<>();
		for (String line : header.split("\r?\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
			}
		}
		ZktecoRecords.PhotoName name = fields.get("PIN") == null ? null : ZktecoRecords.PhotoName.parse(fields.get("PIN"));
		byte[] jpeg = nul < 0 ? new byte[0] : Arrays.copyOfRange(body, nul + 1, body.length);
		if (jpeg.length > 1 && !((jpeg[0] & 0xFF) == 0xFF && (jpeg[1] & 0xFF) == 0xD8)) {
			try {
				jpeg = Base64.getMimeDecoder().decode(jpeg);
			}
			catch (IllegalArgumentException e) {
				jpeg = new byte[0];
			}
		}
		Passes.PhotoOutcome outcome = name == null ? Passes.PhotoOutcome.UNREADABLE
				: passes.attachPhoto(device.gate(), name.pin(), name.time()
					.atOffset(ZoneOffset.ofTotalSeconds(device.utcOffsetMinutes() * 60)), jpeg);
		keep(device, "ATTPHOTO", header.getBytes(StandardCharsets.UTF_8), outcome.name(), 1);
		return switch (outcome) {
			case ATTACHED, ALREADY_ATTACHED -> {
				if (stamp != null && !stamp.isBlank()) {
					saveStamp(device, "ATTPHOTO", stamp.strip());
				}
				yield text("OK");
			}
			case NO_SUCH_PASS -> ResponseEntity.status(HttpStatus.CONFLICT).contentType(TEXT)
				.body("ERROR: no attendance record for this photo yet");
			case UNREADABLE -> ResponseEntity.badRequest().contentType(TEXT).body("ERROR: unreadable photo");
		};
	}

	private void firmware(KnownDevice device, String text) {
		for (String part : text.split("[,\\n\\t]")) {
			if (part.strip().startsWith("FirmVer=")) {
				contact.heartbeat(device, "ONLINE", part.strip().substring(8), null);
			}
		}
	}

	private Optional<String> stamp(KnownDevice device, String table) {
		return jdbc.sql("select stamp from zk_stamp where device_id = ? and table_name = ?")
			.params(device.id(), table)
			.query(String.class)
			.optional();
	}

	private void saveStamp(KnownDevice device, String table, String stamp) {
		jdbc.sql("""
				insert into zk_stamp (device_id, table_name, stamp) values (?, ?, ?)
				on conflict (device_id, table_name) do update set stamp = excluded.stamp""")
			.params(device.id(), table, stamp)
			.update();
	}

	private void keep(KnownDevice device, String table, byte[] body, String outcome, int records) {
		uploads.keep(device, table, body, outcome, records);
	}

	private static int lines(byte[] body) {
		if (body == null || body.length == 0) {
			return 0;
		}
		return (int) new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
	}

	private static int indexOf(byte[] bytes, byte b) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == b) {
				return i;
			}
		}
		return -1;
	}

	private static ResponseEntity<String> text(String body) {
		return ResponseEntity.ok().contentType(TEXT).body(body);
	}
}
