package io.siteroll.platform.internal;

import java.util.List;
import java.util.Locale;

import io.siteroll.platform.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Chinese first, English second, chosen by {@code Accept-Language}. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(List.of(Messages.CHINESE, Locale.ENGLISH));
		resolver.setDefaultLocale(Messages.CHINESE);
		return resolver;
	}
}
