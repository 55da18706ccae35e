package io.siteroll.demo;

import io.siteroll.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads the demo province on the first start of an empty platform. */
@Component
@ConditionalOnProperty(name = "siteroll.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoProvince province;

	private final Accounts accounts;

	private final int projects;

	private final int workers;

	DemoDataLoader(DemoProvince province, Accounts accounts, @Value("${siteroll.demo.projects:40}") int projects,
			@Value("${siteroll.demo.workers:3000}") int workers) {
		this.province = province;
		this.accounts = accounts;
		this.projects = projects;
		this.workers = workers;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.any()) {
			log.info("Platform already has accounts: demo data not loaded again");
			return;
		}
		log.info("Loading the demo province ({} projects, {} workers)…", projects, workers);
		province.generate(new DemoProvince.Size(projects, workers), 20210601L);
	}
}
