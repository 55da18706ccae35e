package io.siteroll.device.hikvision;

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
 * The HTTP listening host of Hikvision ISAPI terminals (docs/device-api.md §6): one event per POST.
 * Requests reach it only once {@code VendorGateRequests} has authenticated the device. Answers 200
 * after the event is committed (stored, duplicate, kept raw as not a pass, or a heartbeat); a
 * malformed event is kept raw with its reason and answered 400.
 */
@RestController
@Hidden
class HikvisionPush {

	private final VendorUploads uploads;

	HikvisionPush(VendorUploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping({ "/gates/hikvision/{serial}", "/gates/hikvision/{serial}/{key}" })
	ResponseEntity<String> event(@RequestAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) KnownDevice device,
			@RequestAttribute(name = DeviceCredentials.CONTENT_TYPE_ATTRIBUTE, required = false) String contentType,
			@RequestBody(required = false) byte[] body) {
		VendorUploads.Stored stored = uploads.receive(device, "AccessControllerEvent", body,
				bytes -> HikvisionEvents.read(contentType, bytes));
		if (stored.refused() > 0) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("ERROR: event refused");
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("OK");
	}
}
