package io.siteroll.attendance;

import java.time.OffsetDateTime;

/**
 * One pass as a gate reported it, whatever its protocol (the canonical record of docs/devices.md §0).
 *
 * @param sourceKey the device's own key for the event: its event id, or a natural key (ZKTeco:
 * PIN, time and state); the same key from the same device is stored once
 * @param personRef the person as the device knows them (the platform person id, the PIN)
 * @param deviceTime device-local time with its UTC offset
 * @param direction IN or OUT as the device reported it (used only on lanes configured BOTH)
 * @param attendType national 通行方式 code (001 face … 011 other)
 * @param vendorVerify the vendor's own verify-mode code, kept as reported
 * @param liveness the device's liveness verdict
 * @param offline the device captured the pass while offline (backlog)
 * @param photo optional JPEG snapshot
 * @param source the protocol it came through (SITEROLL, ZKTECO_ATT, ZKTECO_ACC, HIKVISION_ISAPI, DAHUA, UFACE)
 * @param refusedByDevice the device itself refused the person (an access event that opened nothing)
 */
public record PassRecord(String sourceKey, String personRef, OffsetDateTime deviceTime, Gate.Direction direction,
		String attendType, String vendorVerify, Liveness liveness, Float livenessScore, boolean offline, byte[] photo,
		String source, boolean refusedByDevice) {

	public enum Liveness {
		PASS, FAIL, UNKNOWN
	}

	@Override
	public String toString() {
		return "PassRecord[" + sourceKey + " " + deviceTime + " " + liveness + (photo == null ? "" : " photo") + "]";
	}
}
