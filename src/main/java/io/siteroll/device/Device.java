package io.siteroll.device;

import java.time.Instant;
import java.time.LocalDate;

import io.siteroll.attendance.Gate;

/**
 * A gate or face terminal. {@code online}: heard from (heartbeat or pass) in the last 10 minutes.
 * {@code offlineSince}: set when it has been silent for longer than {@link DeviceSilence} tolerates.
 * <p>
 * Rule R1 (最迟配备时间不得晚于开工时间) rests only on what the platform observed: {@code equippedOn}
 * is the later of the day the platform registered the device ({@code registeredAt}), the day it
 * recorded the current assignment and the day it first heard the device ({@code firstHeardAt}); null
 * until the device has been heard. {@code registeredByStart} compares it with the project's start
 * date. {@code registeredOn} is the installation date the enterprise declared: its claim, shown
 * beside the observation, never the basis.
 */
public record Device(long id, String serialNumber, String vendor, String model, Protocol protocol, Kind kind,
		Gate.Direction direction, String channelName, long projectId, String projectName, LocalDate projectStartDate,
		LocalDate registeredOn, boolean enabled, Instant lastHeardAt, boolean online, String status, String firmware,
		Long clockSkewMs, Instant offlineSince, Boolean registeredByStart, Instant registeredAt, Instant firstHeardAt,
		LocalDate equippedOn) {

	public enum Protocol {
		/** The platform's own signed JSON API (docs/device-api.md). */
		SITEROLL,
		/** ZKTeco Attendance PUSH (DeviceType=att). */
		ZKTECO_ATT,
		/** ZKTeco Security PUSH (DeviceType=acc). */
		ZKTECO_ACC,
		/** Hikvision ISAPI event push to an HTTP listening host (AccessControllerEvent). */
		HIKVISION_ISAPI,
		/** Dahua access-control event upload (Events[] with AccessControl events). */
		DAHUA,
		/** Uface (宇泛) UStar cloud recognition callback. */
		UFACE;

		public boolean isZkteco() {
			return this == ZKTECO_ATT || this == ZKTECO_ACC;
		}

		/**
		 * Speaks its vendor's own protocol rather than the signed API: authenticated by the gate key and
		 * source networks of {@link ZktecoAccess} (deny by default).
		 */
		public boolean isVendorPush() {
			return this != SITEROLL;
		}
	}

	public enum Kind {
		/** 人脸识别闸机. */
		FACE_TURNSTILE,
		/** 人脸识别考勤机. */
		FACE_TERMINAL
	}

	/**
	 * Observably equipped no later than the project's start date: null while the project has no start
	 * date, or while a device not yet heard may still be heard by the start date.
	 */
	public static Boolean equippedByStart(LocalDate equippedOn, LocalDate projectStartDate, LocalDate today) {
		if (projectStartDate == null) {
			return null;
		}
		if (equippedOn == null) {
			return today.isAfter(projectStartDate) ? false : null;
		}
		return !equippedOn.isAfter(projectStartDate);
	}

	public Gate gate() {
		return new Gate(id, projectId, serialNumber, enabled, direction);
	}
}
