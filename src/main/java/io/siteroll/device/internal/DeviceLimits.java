package io.siteroll.device.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The largest request body each device endpoint reads ({@code siteroll.device.*}); anything larger is
 * refused with 413 before it is read, whether or not its length was declared. The one place these
 * limits are defined.
 *
 * @param maxBodyBytes the signed device API ({@code /api/device/v1/*}): up to 1,000 passes with photos
 * @param zktecoMaxBodyBytes ZKTeco PUSH ({@code /iclock/*}): text batches and one photo per request
 * @param vendorMaxBodyBytes Hikvision, Dahua and Uface push ({@code /gates/*}): events with their
 * pictures; also the most a compressed body may inflate to
 */
@ConfigurationProperties("siteroll.device")
record DeviceLimits(Integer maxBodyBytes, Integer zktecoMaxBodyBytes, Integer vendorMaxBodyBytes) {

	static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

	static final int DEFAULT_ZKTECO_MAX_BODY_BYTES = 4 * 1024 * 1024;

	static final int DEFAULT_VENDOR_MAX_BODY_BYTES = 8 * 1024 * 1024;

	DeviceLimits {
		vendorMaxBodyBytes = vendorMaxBodyBytes == null ? DEFAULT_VENDOR_MAX_BODY_BYTES : vendorMaxBodyBytes;
		maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
		zktecoMaxBodyBytes = zktecoMaxBodyBytes == null ? DEFAULT_ZKTECO_MAX_BODY_BYTES : zktecoMaxBodyBytes;
	}
}
