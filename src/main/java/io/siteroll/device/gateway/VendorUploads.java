package io.siteroll.device.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import io.siteroll.attendance.IngestReport;
import io.siteroll.attendance.Passes;
import io.siteroll.device.internal.DeviceContact;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import io.siteroll.device.internal.RawUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores what a vendor adapter read, the same way for every vendor: the passes through
 * {@link Passes#ingest} (deduplicated on the vendor's own event identity, presence and fraud signals
 * updated, committed before this returns, so the adapter acknowledges only after the commit), the
 * request raw with its outcome, and each event it could not map raw with its reason.
 */
@Component
public class VendorUploads {

	private static final Logger log = LoggerFactory.getLogger(VendorUploads.class);

	/** A device time older than this when it arrives is taken as backlog where the vendor does not say. */
	public static final Duration BACKLOG_AFTER = Duration.ofMinutes(10);

	/** What was stored: the passes' report and how many events were refused as malformed. */
	public record Stored(IngestReport report, long refused) {
	}

	private final Passes passes;

	private final RawUploads raw;

	private final DeviceContact contact;

	private final Clock clock;

	VendorUploads(Passes passes, RawUploads raw, DeviceContact contact, Clock clock) {
		this.passes = passes;
		this.raw = raw;
		this.contact = contact;
		this.clock = clock;
	}

	/** True when a pass of this device time reaches the platform late enough to be backlog. */
	public boolean isBacklog(OffsetDateTime deviceTime) {
		return deviceTime.toInstant().isBefore(clock.instant().minus(BACKLOG_AFTER));
	}

	/**
	 * A vendor's push as it arrives: the body (none counts as empty, a device may push nothing) read by the vendor's
	 * {@code reader}, then stored as {@link #store} does.
	 */
	public Stored receive(KnownDevice device, String kind, byte[] body, Function<byte[], GateUpload> reader) {
		byte[] bytes = body == null ? new byte[0] : body;
		return store(device, kind, bytes, reader.apply(bytes));
	}

	public Stored store(KnownDevice device, String kind, byte[] body, GateUpload upload) {
		if (upload.isHeartbeat()) {
			contact.heartbeat(device, "ONLINE", null, null);
		}
		IngestReport report = upload.passes().isEmpty() ? new IngestReport(0, 0, 0, 0, List.of())
				: passes.ingest(device.gate(), upload.passes());
		for (GateUpload.Unmapped event : upload.unmapped()) {
			raw.keep(device, kind + ":event", event.event().getBytes(StandardCharsets.UTF_8),
					(event.refused() ? "REFUSED: " : "NOT_A_PASS: ") + event.reason(), 0);
		}
		String outcome = "STORED " + report.stored() + ", DUPLICATE " + report.duplicates() + ", REJECTED "
				+ report.rejected() + ", REFUSED " + upload.refusedCount() + ", NOT_A_PASS "
				+ (upload.unmapped().size() - upload.refusedCount()) + (upload.isHeartbeat() ? ", HEARTBEAT" : "");
		raw.keep(device, kind, body, outcome, report.stored() + report.duplicates());
		if (upload.refusedCount() > 0 || report.rejected() > 0) {
			log.warn("{} device {} {}: {}", device.protocol(), device.serialNumber(), kind, outcome);
		}
		return new Stored(report, upload.refusedCount());
	}
}
