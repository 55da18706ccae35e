package io.siteroll.device;

import java.time.Instant;

/**
 * A device has been silent for more than the offline tolerance ({@link DeviceSilence}), published once per silence
 * when the device module marks it offline; compliance raises the project's {@code DEVICE_OFFLINE} warning at once.
 */
public record DeviceWentOffline(long deviceId, long projectId, String serialNumber, Instant lastHeardAt,
		Instant detectedAt) {
}
