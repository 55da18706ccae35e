package io.siteroll.device;

import java.time.Instant;
import java.time.LocalDate;

import io.siteroll.attendance.Gate;

/**
 * A gate or face terminal. {@code online}: heard from (heartbeat or pass) in the last 10 minutes.
 * {@code offlineSince}: set when it has been silent for more than 24 hours. {@code registeredOn}
 * against {@code projectStartDate} is what rule R1 judges (最迟配备时间不得晚于开工时间).
 */
public record Device(long id, String serialNumber, String vendor, String model, Protocol protocol, Kind kind,
		Gate.Direction direction, String channelName, long projectId, String projectName, LocalDate projectStartDate,
		LocalDate registeredOn, boolean enabled, Instant lastHeardAt, boolean online, String status, String firmware,
		Long clockSkewMs, Instant offlineSince, Boolean registeredByStart) {

	public enum Protocol {
		/** The platform's own signed JSON API (docs/device-api.md). */
		SITEROLL,
		/** ZKTeco Attendance PUSH (DeviceType=att). */
		ZKTECO_ATT,
		/** ZKTeco Security PUSH (DeviceType=acc). */
		ZKTECO_ACC;

		public boolean isZkteco() {
			return this != SITEROLL;
		}
	}

	public enum Kind {
		/** 人脸识别闸机. */
		FACE_TURNSTILE,
		/** 人脸识别考勤机. */
		FACE_TERMINAL
	}

	/** Registered no later than the project's start date (null while the project has no start date). */
	public static Boolean registeredByStart(LocalDate registeredOn, LocalDate projectStartDate) {
		return projectStartDate == null ? null : !registeredOn.isAfter(projectStartDate);
	}

	public Gate gate() {
		return new Gate(id, projectId, serialNumber, enabled, direction);
	}
}
