package io.siteroll.device.web;

import java.util.List;

import io.siteroll.device.ZktecoAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** ZKTeco devices' credentials: the communication key and the source networks (deny by default). */
@RestController
@Tag(name = "Devices 考勤设备")
class ZktecoAccessApi {

	record AllowedNetworks(List<String> allowedNetworks) {
	}

	private final ZktecoAccess access;

	ZktecoAccessApi(ZktecoAccess access) {
		this.access = access;
	}

	@GetMapping("/api/devices/{id}/zkteco-access")
	@Operation(summary = "ZKTeco: whether a communication key is issued and which source networks may connect "
			+ "(a device with neither is refused)")
	ZktecoAccess.Settings settings(@PathVariable long id) {
		return access.settings(id);
	}

	@PostMapping("/api/devices/{id}/zkteco-access/key")
	@Operation(summary = "ZKTeco: issue a new communication key (pushcommkey), shown only this once; the old key and "
			+ "the open session stop working")
	ZktecoAccess.IssuedKey issueKey(@PathVariable long id) {
		return access.issueKey(id);
	}

	@PutMapping("/api/devices/{id}/zkteco-access/networks")
	@Operation(summary = "ZKTeco: the source networks the device may connect from (CIDR or single addresses, at most "
			+ "16; an empty list clears them)")
	ZktecoAccess.Settings networks(@PathVariable long id, @RequestBody AllowedNetworks networks) {
		return access.allowNetworks(id, networks.allowedNetworks());
	}
}
