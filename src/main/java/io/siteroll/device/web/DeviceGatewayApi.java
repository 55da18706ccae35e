package io.siteroll.device.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.GateDecisions;
import io.siteroll.attendance.IngestReport;
import io.siteroll.attendance.PassRecord;
import io.siteroll.attendance.Passes;
import io.siteroll.attendance.Rosters;
import io.siteroll.device.internal.DeviceContact;
import io.siteroll.device.internal.DeviceCredentials;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's own device API, for vendors to implement (docs/device-api.md). Every request is
 * signed with the device secret; see the headers below. Answers come only after the database
 * committed: a device may forget what it was told is stored.
 */
@RestController
@RequestMapping("/api/device/v1")
@Tag(name = "Device API 设备接口", description = "Signed with headers X-Device-Serial, X-Timestamp (Unix seconds, ±5 min), "
		+ "X-Nonce (16–64 of [A-Za-z0-9_-], once), X-Signature = hex HMAC-SHA256(secret, METHOD\\nPATH[?QUERY]\\nTIMESTAMP\\nNONCE\\nhex SHA-256(body)). "
		+ "See docs/device-api.md.")
class DeviceGatewayApi {

	static final int MAX_BATCH = 1000;

	record Heartbeat(String status, String firmware, String deviceTime) {
	}

	record HeartbeatAnswer(Instant serverTime, Long clockSkewMs, long rosterVersion, boolean enabled) {
	}

	record DecisionRequest(Long personId, String idNumber) {

		@Override
		public String toString() {
			return "DecisionRequest[personId=" + personId + "]";
		}
	}

	/**
	 * One pass. {@code time}: ISO-8601 device-local time with its UTC offset, e.g.
	 * {@code 2026-11-24T07:58:12+08:00}. {@code photo}: base64 JPEG, optional.
	 */
	record PassItem(String eventId, String personId, String time, String direction, String attendType,
			String vendorVerify, String liveness, Float livenessScore, String photo, Boolean offline) {
	}

	/** Each pass is read on its own: one unreadable pass is rejected with its reason, the others are stored. */
	record PassBatch(@ArraySchema(schema = @Schema(implementation = PassItem.class)) List<JsonNode> passes) {
	}

	private final Passes passes;

	private final GateDecisions decisions;

	private final Rosters rosters;

	private final DeviceContact contact;

	private final Clock clock;

	/** Reads one pass of a batch (the platform's mapper, its type resolved once). */
	private final ObjectReader passItems;

	DeviceGatewayApi(Passes passes, GateDecisions decisions, Rosters rosters, DeviceContact contact, Clock clock,
			JsonMapper json) {
		this.passItems = json.readerFor(PassItem.class);
		this.passes = passes;
		this.decisions = decisions;
		this.rosters = rosters;
		this.contact = contact;
		this.clock = clock;
	}

	@PostMapping("/heartbeat")
	@Operation(summary = "Heartbeat: status, firmware and device clock; answers the server time, the clock skew and "
			+ "the project's roster version")
	HeartbeatAnswer heartbeat(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device,
			@RequestBody Heartbeat heartbeat) {
		Checks checks = new Checks();
		checks.maxLength("status", heartbeat.status(), 50);
		checks.maxLength("firmware", heartbeat.firmware(), 100);
		OffsetDateTime deviceTime = heartbeat.deviceTime() == null ? null
				: checks.field("deviceTime", () -> time(heartbeat.deviceTime()));
		checks.throwIfAny();
		Instant now = clock.instant();
		Long skew = deviceTime == null ? null : deviceTime.toInstant().toEpochMilli() - now.toEpochMilli();
		contact.heartbeat(device, heartbeat.status(), heartbeat.firmware(), skew);
		long version = rosters.version(device.gate().projectId());
		return new HeartbeatAnswer(now, skew, version, device.gate().enabled());
	}

	@GetMapping("/roster")
	@Operation(summary = "The people allowed through this device's project: since=0 the whole roster, otherwise the "
			+ "changes since that version (people no longer allowed come with allowed=false and the reason)")
	Rosters.Changes roster(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device,
			@RequestParam(defaultValue = "0") long since) {
		requireEnabled(device);
		return rosters.changesSince(device.gate().projectId(), since);
	}

	@GetMapping(value = "/faces/{personId}", produces = MediaType.IMAGE_JPEG_VALUE)
	@Operation(summary = "The face photo of a person on this device's roster (released to the gate, audited)")
	ResponseEntity<byte[]> face(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device,
			@PathVariable long personId) {
		requireEnabled(device);
		byte[] face = rosters.faceForGate(device.gate(), personId).orElseThrow(() -> new NotFound("face", personId));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(face);
	}

	@PostMapping("/gate-decisions")
	@Operation(summary = "May this person pass now? allow, or deny with a reason: NOT_REGISTERED, NOT_ENGAGED, EXITED, "
			+ "NO_CONTRACT, BLACKLISTED, DEVICE_DISABLED")
	GateDecisions.GateDecision decide(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device,
			@RequestBody DecisionRequest request) {
		return decisions.decide(device.gate(), request.personId(), request.idNumber());
	}

	@PostMapping("/passes")
	@Operation(summary = "Upload passes in batches (up to 1000; 500 recommended). Each pass is STORED, DUPLICATE "
			+ "(already stored, safe to forget) or REJECTED with a reason; refused people are stored as refused passes")
	IngestReport upload(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device,
			@RequestBody PassBatch batch) {
		Checks checks = new Checks();
		checks.required("passes", batch.passes());
		if (batch.passes() != null) {
			checks.check(batch.passes().size() <= MAX_BATCH, "passes", "pass.batch-too-large", MAX_BATCH);
		}
		checks.throwIfAny();
		List<JsonNode> items = batch.passes();
		IngestReport.Result[] early = new IngestReport.Result[items.size()];
		List<PassRecord> records = new ArrayList<>(items.size());
		List<Integer> positions = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			JsonNode node = items.get(i);
			String problem = null;
			PassRecord record = null;
			PassItem item = null;
			try {
				item = node == null || !node.isObject() ? null : passItems.readValue(node);
			}
			catch (JacksonException | RuleViolation e) {
				problem = controlCharacter(e) ? "pass.control-character" : "pass.unreadable";
			}
			if (item == null && problem == null) {
				problem = "pass.unreadable";
			}
			else if (item != null) {
				try {
					record = record(item);
				}
				catch (IllegalArgumentException e) {
					problem = e.getMessage();
				}
			}
			if (problem != null) {
				early[i] = new IngestReport.Result(eventId(node), IngestReport.Status.REJECTED, null, problem);
			}
			else {
				records.add(record);
				positions.add(i);
			}
		}
		IngestReport report = passes.ingest(device.gate(), records);
		List<IngestReport.Result> results = new ArrayList<>(Arrays.asList(early));
		for (int j = 0; j < positions.size(); j++) {
			results.set(positions.get(j), report.results().get(j));
		}
		int rejected = report.rejected() + (items.size() - records.size());
		return new IngestReport(report.stored(), report.duplicates(), report.refused(), rejected, results);
	}

	/** A disabled device is off: it gets no names and no faces (its passes are still kept, as refused). */
	private static void requireEnabled(KnownDevice device) {
		if (!device.gate().enabled()) {
			throw new Forbidden("device.disabled");
		}
	}

	/** The event id of a pass that could not be read, when it is itself readable, so the gate can match the answer. */
	private static String eventId(JsonNode node) {
		JsonNode id = node == null ? null : node.get("eventId");
		if (id == null || !id.isString() || Texts.hasControlCharacter(id.asString()) || id.asString().length() > 128) {
			return null;
		}
		return id.asString();
	}

	private static boolean controlCharacter(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof RuleViolation rule
					&& rule.violations().stream().anyMatch(v -> v.rule().equals("text.control-character"))) {
				return true;
			}
		}
		return false;
	}

	private static PassRecord record(PassItem item) {
		OffsetDateTime at = null;
		if (item.time() != null) {
			try {
				at = time(item.time());
			}
			catch (RuntimeException e) {
				throw new IllegalArgumentException("pass.time-format");
			}
		}
		Gate.Direction direction = null;
		if (item.direction() != null) {
			direction = switch (item.direction().strip().toUpperCase(Locale.ROOT)) {
				case "IN", "01" -> Gate.Direction.IN;
				case "OUT", "02" -> Gate.Direction.OUT;
				default -> throw new IllegalArgumentException("pass.direction");
			};
		}
		PassRecord.Liveness liveness = PassRecord.Liveness.UNKNOWN;
		if (item.liveness() != null) {
			try {
				liveness = PassRecord.Liveness.valueOf(item.liveness().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("pass.liveness");
			}
		}
		byte[] photo = null;
		if (item.photo() != null && !item.photo().isBlank()) {
			try {
				photo = Base64.getMimeDecoder().decode(item.photo());
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("pass.photo-unreadable");
			}
		}
		return new PassRecord(item.eventId() == null ? null : item.eventId().strip(), item.personId(), at, direction,
				item.attendType() == null ? "001" : item.attendType().strip(), item.vendorVerify(), liveness,
				item.livenessScore(), Boolean.TRUE.equals(item.offline()), photo, "SITEROLL", false);
	}

	private static OffsetDateTime time(String text) {
		try {
			return DeviceTimes.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw RuleViolation.rule("format");
		}
	}
}
