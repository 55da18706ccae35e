package io.siteroll.compliance;

import java.time.LocalDate;

/**
 * 预警: a condition the platform watches every day, raised with its evidence and cleared when it ends.
 *
 * @param evidence what the watch observed, of the record {@link WarningEvidence#typeOf(Kind)} names
 */
public record Warning(long id, Kind kind, long projectId, String projectName, String subject, Status status,
		LocalDate raisedOn, LocalDate clearedOn, Long personId, String personName, Long deviceId,
		WarningEvidence evidence, Review review, String reviewReason, String reviewedBy) {

	/** The conditions watched. Labels: {@code label.Warning.Kind.<name>}. */
	public enum Kind {

		/** 开工未配备考勤设备: a started project without a device. */
		NO_DEVICE,

		/** 设备离线: a project's devices not heard within the tolerance. */
		DEVICE_OFFLINE,

		/** A key manager who can no longer reach the month's required attendance. */
		KEY_MANAGER_UNREACHABLE,

		/** Someone not registered by real name refused at the gate. */
		UNREGISTERED_AT_GATE,

		/** Workers' attendance rate over the recent construction days below the threshold. */
		LOW_ATTENDANCE;

		/** The rule an order issued from a warning of this kind rests on. */
		public Rule rule() {
			return switch (this) {
				case NO_DEVICE, DEVICE_OFFLINE -> Rule.R1;
				case KEY_MANAGER_UNREACHABLE -> Rule.R2;
				case UNREGISTERED_AT_GATE, LOW_ATTENDANCE -> Rule.R3;
			};
		}
	}

	public enum Status {
		OPEN, CLEARED
	}

	/** An officer's review of a warning. */
	public enum Review {
		CONFIRMED, DISMISSED
	}
}
