package io.siteroll.attendance;

/**
 * The gate a request comes from, as the device module authenticated it: which device, on which
 * project, whether it is enabled, and the lane direction it is configured for (the source of truth
 * for in and out).
 */
public record Gate(long deviceId, long projectId, String serialNumber, boolean enabled, Direction direction) {

	/** The lane direction of a device; {@code BOTH} lanes take the direction the device reports. */
	public enum Direction {
		IN, OUT, BOTH
	}
}
