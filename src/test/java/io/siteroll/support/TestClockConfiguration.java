package io.siteroll.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the platform's clock with a movable {@link TestClock} in every integration test (imported by
 * {@link IntegrationTest}; a top-level class so that it is never mistaken for a test's own context
 * configuration).
 */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}
}
