package io.siteroll.demo;

import io.siteroll.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * Loads the demo province, with its accounts and their published password, on the first start of an
 * empty platform. On by default only on the embedded database ({@code ./mvnw spring-boot:run}); a platform
 * given a {@code spring.datasource.url} is a real installation and gets no demo unless
 * {@code siteroll.demo.enabled=true} asks for it.
 */
@Component
@Conditional(DemoDataLoader.DemoEnabled.class)
class DemoDataLoader implements ApplicationRunner {

	static class DemoEnabled implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment env = context.getEnvironment();
			String explicit = env.getProperty("siteroll.demo.enabled");
			if (explicit != null && !explicit.isBlank()) {
				return Boolean.parseBoolean(explicit.strip());
			}
			String url = env.getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoProvince province;

	private final Accounts accounts;

	private final int projects;

	private final int workers;

	/** What the first start loaded (null on a later start, which reuses the data). */
	private volatile DemoProvince.Summary loaded;

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
		loaded = province.generate(new DemoProvince.Size(projects, workers), 20210601L);
	}

	DemoProvince.Summary loaded() {
		return loaded;
	}
}
