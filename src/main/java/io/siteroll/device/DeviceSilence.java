package io.siteroll.device;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What "offline" means, defined once: a device is offline when it has been silent (no accepted request of any
 * kind) for more than this tolerance, counted from its last contact, or from its registration if it was never
 * heard. The device module owns the facts ("heard on a day", 联网, and "last heard") and this definition; the SQL
 * side of it is {@link DeviceReadModel#SILENT}. Two callers use it with the same tolerance: the offline mark
 * ({@code offlineSince}, with the {@link DeviceWentOffline} event) and compliance's {@code DEVICE_OFFLINE} warning.
 * The tolerance is configuration ({@code siteroll.device.offline-after}, 24 hours by default), not a rule-set
 * number: it is an operational watch, not a regulated threshold, and the device module cannot read compliance's rule
 * sets (compliance reads the device module). R1's whole-day tolerance ({@code RuleSet.offlineToleranceDays}) is a
 * different number about a different fact: construction days on which no device of the project was heard.
 */
@Component
public class DeviceSilence {

	private final Duration tolerance;

	DeviceSilence(@Value("${siteroll.device.offline-after:PT24H}") Duration tolerance) {
		if (tolerance.isNegative() || tolerance.isZero()) {
			throw new IllegalArgumentException("siteroll.device.offline-after must be positive: " + tolerance);
		}
		this.tolerance = tolerance;
	}

	/** How long a device may be silent before it counts as offline. */
	public Duration tolerance() {
		return tolerance;
	}

	/** The tolerance as a PostgreSQL interval literal, for {@code device_silent(…, :tolerance::interval)}. */
	public String interval() {
		return tolerance.getSeconds() + " seconds";
	}

	/** How a gate stands with the platform now, in the terms of this definition and of the online window. */
	public enum Contact {
		/** Heard within the online window (10 minutes). */
		ONLINE,
		/** Not heard within the online window, but not silent beyond the tolerance either. */
		QUIET,
		/** Silent beyond the tolerance (or marked offline): counted from its last contact. */
		OFFLINE,
		/** Enabled but never heard: equips nothing for R1. */
		NEVER_HEARD,
		/** Disabled: off, whatever it sends. */
		DISABLED
	}

	/**
	 * The device's contact state at {@code now}: the one reading of {@code online}, {@code lastHeardAt} and this
	 * tolerance that the gates page shows, so that it cannot disagree with the offline mark or the warning.
	 */
	public Contact contact(Device device, Instant now) {
		if (!device.enabled()) {
			return Contact.DISABLED;
		}
		if (device.lastHeardAt() == null) {
			return Contact.NEVER_HEARD;
		}
		if (device.online()) {
			return Contact.ONLINE;
		}
		if (device.offlineSince() != null || device.lastHeardAt().isBefore(now.minus(tolerance))) {
			return Contact.OFFLINE;
		}
		return Contact.QUIET;
	}
}
