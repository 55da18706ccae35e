package io.siteroll.device.uface;

import java.util.Map;

import io.siteroll.device.gateway.VendorUploads;
import io.siteroll.device.internal.DeviceCredentials;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recognition callback of Uface UStar (docs/device-api.md §8), one URL per device. UStar retries
 * every 5 minutes, up to 20 times, until it reads {@code {"success": true}}: that answer is given once
 * the message is committed, as a pass (or duplicate), or kept raw with its reason (a malformed message
 * would never improve by being resent).
 */
@RestController
@Hidden
class UfacePush {

	private final VendorUploads uploads;

	UfacePush(VendorUploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping({ "/gates/uface/{serial}", "/gates/uface/{serial}/{key}" })
	ResponseEntity<Map<String, Object>> callback(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device,
			@RequestBody(required = false) byte[] body) {
		uploads.receive(device, "recognition", body,
				bytes -> UfaceCallbacks.read(bytes, device.serialNumber(), device.utcOffsetMinutes(), uploads::isBacklog));
		return ResponseEntity.ok(Map.of("success", true));
	}
}
