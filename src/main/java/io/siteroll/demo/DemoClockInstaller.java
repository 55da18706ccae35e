package io.siteroll.demo;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Gives every service the {@link DemoClock} in place of the platform's clock, only where the demo is loaded; the
 * wrapper reads the platform's clock unchanged except on the loader's thread during a step of the story.
 */
@Component
@Conditional(DemoDataLoader.DemoEnabled.class)
class DemoClockInstaller implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof Clock clock && !(bean instanceof DemoClock) ? new DemoClock(clock) : bean;
	}
}
