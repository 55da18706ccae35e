package io.siteroll;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** SiteRoll — 建筑工人实名制管理平台. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SiteRollApplication {

	public static void main(String[] args) {
		SpringApplication.run(SiteRollApplication.class, args);
	}
}
