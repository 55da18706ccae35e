package io.siteroll.device;

import java.time.Instant;

/** A device has been silent for more than 24 hours (published once per silence, for rule R1). */
public record DeviceWentOffline(long deviceId, long projectId, String serialNumber, Instant lastHeardAt,
		Instant detectedAt) {
}
