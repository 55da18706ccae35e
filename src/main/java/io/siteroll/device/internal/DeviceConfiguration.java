package io.siteroll.device.internal;

import java.time.Clock;

import io.siteroll.platform.Messages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeviceLimits.class)
class DeviceConfiguration {

	@Bean
	FilterRegistrationBean<SignedRequests> signedDeviceRequests(DeviceCredentials credentials, DeviceContact contact,
			NonceBook nonces, Messages messages, Clock clock, DeviceLimits limits) {
		FilterRegistrationBean<SignedRequests> registration = new FilterRegistrationBean<>(
				new SignedRequests(credentials, contact, nonces, messages, clock, limits.maxBodyBytes()));
		registration.addUrlPatterns("/api/device/v1/*");
		registration.setName("signedDeviceRequests");
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
