package io.siteroll.device;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.Gate;
import io.swagger.v3.oas.annotations.media.Schema;

/** Registering and managing devices; everything is audited and nothing is deleted. */
public interface Devices {

	/** {@code registeredOn}: the installation date the enterprise declares (optional; its claim, not R1's basis). */
	@Schema(name = "DeviceRegistration")
	record Registration(Long projectId, String serialNumber, String vendor, String model, Device.Protocol protocol,
			Device.Kind kind, Gate.Direction direction, String channelName, LocalDate registeredOn) {
	}

	/** The device and its secret, shown this once: the platform keeps it only encrypted. */
	@Schema(name = "DeviceRegistered")
	record Registered(Device device, String secret) {

		@Override
		public String toString() {
			return "Registered[" + device.serialNumber() + "]";
		}
	}

	record Move(Long projectId, LocalDate fromDay, String channelName) {
	}

	record Event(long id, String kind, Instant at, String actor, String detail) {
	}

	record Assignment(long projectId, LocalDate fromDay, LocalDate toDay) {
	}

	Registered register(Registration registration);

	Device require(long deviceId);

	List<Device> forProject(long projectId);

	Device disable(long deviceId, String reason);

	Device enable(long deviceId);

	Device move(long deviceId, Move move);

	Registered rotateSecret(long deviceId);

	List<Event> events(long deviceId);

	List<Assignment> assignments(long deviceId);

	/** 联网: the days on which one of the project's devices was heard from. */
	List<LocalDate> connectedDays(long projectId, LocalDate from, LocalDate to);

	/** 联网 per gate: on how many days from {@code from} to {@code to} each device was heard at the project (absent: none). */
	Map<Long, Integer> connectedDaysByDevice(long projectId, LocalDate from, LocalDate to);
}
