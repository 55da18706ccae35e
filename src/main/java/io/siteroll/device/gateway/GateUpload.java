package io.siteroll.device.gateway;

import java.util.ArrayList;
import java.util.List;

import io.siteroll.attendance.PassRecord;

/**
 * What a vendor adapter read from one push request: the passes it could map, the events it could
 * not (kept raw with their reason), and whether the request was (or carried) a heartbeat.
 */
public final class GateUpload {

	/**
	 * An event kept raw: {@code refused} when it is malformed (a required field missing or
	 * unreadable), otherwise a well-formed event that is not a pass (a door alarm, a failed
	 * recognition without a person, a roster change).
	 */
	public record Unmapped(String event, String reason, boolean refused) {
	}

	private final List<PassRecord> passes = new ArrayList<>();

	private final List<Unmapped> unmapped = new ArrayList<>();

	private boolean heartbeat;

	public GateUpload pass(PassRecord pass) {
		passes.add(pass);
		return this;
	}

	public GateUpload refused(String event, String reason) {
		unmapped.add(new Unmapped(event, reason, true));
		return this;
	}

	public GateUpload notAPass(String event, String reason) {
		unmapped.add(new Unmapped(event, reason, false));
		return this;
	}

	public GateUpload heartbeat() {
		heartbeat = true;
		return this;
	}

	public List<PassRecord> passes() {
		return List.copyOf(passes);
	}

	public List<Unmapped> unmapped() {
		return List.copyOf(unmapped);
	}

	public boolean isHeartbeat() {
		return heartbeat;
	}

	public long refusedCount() {
		return unmapped.stream().filter(Unmapped::refused).count();
	}
}
