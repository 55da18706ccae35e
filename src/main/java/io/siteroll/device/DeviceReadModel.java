package io.siteroll.device;

/**
 * What other modules may read of the devices in their own SQL: named views and functions the device module
 * owns (migration V11), so that a set-based statement elsewhere reads the device module's facts through its API
 * and the module graph shows the dependency. Write the constant's {@link #sql()} into the statement, never the
 * name as a literal (a literal leaves no trace of the dependency).
 */
public enum DeviceReadModel {

	/** Devices as registered: id, project_id, serial_number, channel_name, enabled, registered_on (declared installation), registered_at, registered_day, first_heard_day. */
	REGISTRATION("device_registration"),

	/** Declared assignments: device_id, project_id, from_day, to_day. */
	ASSIGNMENT("device_assignment_period"),

	/** 配备: from which day a device observably equipped a project: id, device_id, project_id, from_day, to_day. */
	OBSERVED_ASSIGNMENT("observed_device_assignment"),

	/** 联网: the days a device was heard from: device_id, project_id, day, first_at, last_at. */
	HEARD_DAY("device_heard_day"),

	/**
	 * Offline: {@code device_silent(last_heard, registered, at, tolerance)}, true when silent for more than the
	 * tolerance at {@code at}; the tolerance is {@link DeviceSilence#tolerance()}.
	 */
	SILENT("device_silent");

	private final String sql;

	DeviceReadModel(String sql) {
		this.sql = sql;
	}

	/** The name of the view or function in SQL. */
	public String sql() {
		return sql;
	}
}
