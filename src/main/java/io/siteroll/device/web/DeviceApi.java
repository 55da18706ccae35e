package io.siteroll.device.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.Gate;
import io.siteroll.device.Device;
import io.siteroll.device.Devices;
import io.siteroll.device.zkteco.ZktecoProvisioning;
import io.siteroll.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Devices 考勤设备")
class DeviceApi {

	record NewDevice(String serialNumber, String vendor, String model, Device.Protocol protocol, Device.Kind kind,
			Gate.Direction direction, String channelName, LocalDate registeredOn) {
	}

	record Disabling(String reason) {
	}

	private final Devices devices;

	private final ZktecoProvisioning provisioning;

	DeviceApi(Devices devices, ZktecoProvisioning provisioning) {
		this.devices = devices;
		this.provisioning = provisioning;
	}

	@GetMapping("/api/projects/{id}/devices")
	List<Device> forProject(@PathVariable long id) {
		return devices.forProject(id);
	}

	@PostMapping("/api/projects/{id}/devices")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a device to the project; the answer carries the device secret, shown only this once")
	Devices.Registered register(@PathVariable long id, @RequestBody NewDevice d) {
		return devices.register(new Devices.Registration(id, d.serialNumber(), d.vendor(), d.model(), d.protocol(),
				d.kind(), d.direction(), d.channelName(), d.registeredOn()));
	}

	@GetMapping("/api/projects/{id}/connected-days")
	@Operation(summary = "Days on which one of the project's devices was heard from (联网)")
	List<LocalDate> connectedDays(@PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return devices.connectedDays(id, from, to);
	}

	@GetMapping("/api/devices/{id}")
	Device one(@PathVariable long id) {
		return devices.require(id);
	}

	@PostMapping("/api/devices/{id}/disable")
	Device disable(@PathVariable long id, @RequestBody Disabling disabling) {
		return devices.disable(id, disabling.reason());
	}

	@PostMapping("/api/devices/{id}/enable")
	Device enable(@PathVariable long id) {
		return devices.enable(id);
	}

	@PostMapping("/api/devices/{id}/move")
	@Operation(summary = "Move the device to another project from a day; its history stays")
	Device move(@PathVariable long id, @RequestBody Devices.Move move) {
		return devices.move(id, move);
	}

	@PostMapping("/api/devices/{id}/secret")
	@Operation(summary = "Issue a new secret (the old one stops working); shown only this once")
	Devices.Registered rotate(@PathVariable long id) {
		return devices.rotateSecret(id);
	}

	@GetMapping("/api/devices/{id}/events")
	List<Devices.Event> events(@PathVariable long id) {
		return devices.events(id);
	}

	@GetMapping("/api/devices/{id}/assignments")
	List<Devices.Assignment> assignments(@PathVariable long id) {
		return devices.assignments(id);
	}

	@PostMapping("/api/devices/{id}/provisioning")
	@Operation(summary = "ZKTeco: queue the roster changes (users and face photos) for the device to fetch")
	Map<String, Object> provision(@PathVariable long id) {
		return provisioning.provision(id);
	}

	@GetMapping("/api/devices/{id}/commands")
	@Operation(summary = "ZKTeco: the device's command queue with each command's state and return code")
	List<ZktecoProvisioning.Command> commands(@PathVariable long id, @RequestParam(required = false) Integer limit) {
		return provisioning.commands(id, Page.limit("limit", limit, 200, 1000));
	}
}
