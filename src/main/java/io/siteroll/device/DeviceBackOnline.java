package io.siteroll.device;

import java.time.Instant;

/** A device that had gone offline was heard from again. */
public record DeviceBackOnline(long deviceId, long projectId, Instant offlineSince, Instant heardAt) {
}
