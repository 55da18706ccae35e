package io.siteroll.device.web;

import io.siteroll.attendance.GateDecisions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class DeviceWebConfiguration {

	/** After the signed-request filter (which authenticates the device), before Spring MVC. */
	@Bean
	FilterRegistrationBean<GateDecisionLane> gateDecisionLane(GateDecisions decisions, JsonMapper json) {
		FilterRegistrationBean<GateDecisionLane> registration = new FilterRegistrationBean<>(new GateDecisionLane(decisions, json));
		registration.addUrlPatterns(GateDecisionLane.PATH);
		registration.setName("gateDecisionLane");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}
}
