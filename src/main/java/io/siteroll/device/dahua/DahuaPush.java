package io.siteroll.device.dahua;

import io.siteroll.device.gateway.VendorUploads;
import io.siteroll.device.internal.DeviceCredentials;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event server of Dahua access-control devices (docs/device-api.md §7). A Dahua device stores
 * its events and retries until it gets HTTP 200, so 200 is answered once the upload is committed:
 * passes stored (or duplicates), and every event it cannot map kept raw with its reason (a malformed
 * event would never improve by being resent, and must not hold back the events queued behind it).
 * Compressed bodies are inflated by {@code VendorGateRequests}.
 */
@RestController
@Hidden
class DahuaPush {

	private final VendorUploads uploads;

	DahuaPush(VendorUploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping({ "/gates/dahua/{serial}", "/gates/dahua/{serial}/{key}" })
	ResponseEntity<String> events(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device,
			@RequestAttribute(name = DeviceCredentials.CONTENT_TYPE_ATTRIBUTE, required = false) String contentType,
			@RequestBody(required = false) byte[] body) {
		uploads.receive(device, "Events", body,
				bytes -> DahuaEvents.read(contentType, bytes, device.utcOffsetMinutes(), uploads::isBacklog));
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("OK");
	}
}
