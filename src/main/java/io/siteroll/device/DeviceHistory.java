package io.siteroll.device;

import java.time.Instant;
import java.util.List;

/**
 * Contact history that happened before it reached this platform: a synthetic province (the demo, benchmarks) or
 * contacts carried over from a platform the devices spoke to before. Each contact counts as the platform hearing
 * the device at that instant (heard day 联网, first and last contact), exactly as a live request would have; it is
 * never offered through the API, where only a device's own requests are contact.
 */
public interface DeviceHistory {

	/** Records that the device was heard at these instants; a disabled device is never counted, as live. */
	void heard(long deviceId, List<Instant> contacts);
}
