package io.siteroll.device;

import java.time.Instant;

/**
 * A device that had gone offline ({@link DeviceWentOffline}) was heard from again; compliance clears its
 * {@code DEVICE_OFFLINE} warning.
 */
public record DeviceBackOnline(long deviceId, long projectId, Instant offlineSince, Instant heardAt) {
}
