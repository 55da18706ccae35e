package io.siteroll.device.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The largest request body each device endpoint reads ({@code siteroll.device.*}); anything larger is
 * refused with 413 before it is read, whether or not its length was declared. The one place these
 * limits are defined.
 *
 * @param maxBodyBytes the signed device API ({@code /api/device/v1/*}): up to 1,000 passes with photos
 * @param zktecoMaxBodyBytes ZKTeco PUSH ({@code /iclock/*}): text batches and one photo per request
 */
@ConfigurationProperties("siteroll.device")
record DeviceLimits(Integer maxBodyBytes, Integer zktecoMaxBodyBytes) {

	static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

	static final int DEFAULT_ZKTECO_MAX_BODY_BYTES = 4 * 1024 * 1024;

	DeviceLimits {
		maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
		zktecoMaxBodyBytes = zktecoMaxBodyBytes == null ? DEFAULT_ZKTECO_MAX_BODY_BYTES : zktecoMaxBodyBytes;
	}
}
