package io.siteroll.device.internal;

import java.time.Clock;

import io.siteroll.platform.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeviceConfiguration {

	@Bean
	FilterRegistrationBean<SignedRequests> signedDeviceRequests(DeviceCredentials credentials, DeviceContact contact,
			NonceBook nonces, Messages messages, Clock clock,
			@Value("${siteroll.device.max-body-bytes:33554432}") int maxBodyBytes) {
		FilterRegistrationBean<SignedRequests> registration = new FilterRegistrationBean<>(
				new SignedRequests(credentials, contact, nonces, messages, clock, maxBodyBytes));
		registration.addUrlPatterns("/api/device/v1/*");
		registration.setName("signedDeviceRequests");
		return registration;
	}
}
