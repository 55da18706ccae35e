package io.siteroll.device.internal;

import java.time.Clock;

import io.siteroll.platform.Messages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeviceLimits.class)
class DeviceConfiguration {

	/** Before the device web layer's own filters (the gate-decision lane runs on authenticated requests only). */
	static final int SIGNED_REQUESTS_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	@Bean
	FilterRegistrationBean<SignedRequests> signedDeviceRequests(DeviceCredentials credentials, DeviceContact contact,
			NonceBook nonces, Messages messages, Clock clock, DeviceLimits limits) {
		FilterRegistrationBean<SignedRequests> registration = new FilterRegistrationBean<>(
				new SignedRequests(credentials, contact, nonces, messages, clock, limits.maxBodyBytes()));
		registration.addUrlPatterns("/api/device/v1/*");
		registration.setName("signedDeviceRequests");
		registration.setOrder(SIGNED_REQUESTS_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ZktecoRequests> zktecoRequests(DeviceCredentials credentials, DeviceContact contact,
			ZktecoSessions sessions, DeviceLimits limits) {
		FilterRegistrationBean<ZktecoRequests> registration = new FilterRegistrationBean<>(
				new ZktecoRequests(credentials, contact, sessions, limits.zktecoMaxBodyBytes()));
		registration.addUrlPatterns("/iclock/*");
		registration.setName("zktecoRequests");
		return registration;
	}

	@Bean
	FilterRegistrationBean<VendorGateRequests> vendorGateRequests(DeviceCredentials credentials, DeviceContact contact,
			DeviceLimits limits) {
		FilterRegistrationBean<VendorGateRequests> registration = new FilterRegistrationBean<>(
				new VendorGateRequests(credentials, contact, limits.vendorMaxBodyBytes()));
		registration.addUrlPatterns("/gates/*");
		registration.setName("vendorGateRequests");
		return registration;
	}
}
