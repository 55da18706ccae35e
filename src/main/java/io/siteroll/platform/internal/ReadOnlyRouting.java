package io.siteroll.platform.internal;

import java.sql.Connection;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Read-only work to a standby, by configuration: with {@code siteroll.datasource.read-only.url} set, the platform's
 * data source becomes Spring's {@link LazyConnectionDataSourceProxy} over the primary, with a second pool on that URL
 * as its read-only data source. A read-only transaction ({@code @ReadOnlyWork}, {@code @Transactional(readOnly = true)})
 * takes its connection from the second pool; everything else, Flyway included, from the primary. Unset, nothing
 * changes: one pool, everything on the primary.
 * <p>
 * {@code siteroll.datasource.read-only.username} and {@code .password} default to the primary's; the pool copies the
 * primary's timeouts and size, and {@code siteroll.datasource.read-only.hikari.*} sets any Hikari property of its own
 * (such as {@code connection-init-sql}). Its metrics are Hikari's, under the pool name {@code siteroll-read-only}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("siteroll.datasource.read-only.url")
class ReadOnlyRouting {

	static final String POOL = "siteroll-read-only";

	@Bean
	static BeanPostProcessor readOnlyDataSourceRouting(Environment environment, ObjectProvider<MeterRegistry> meters) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!"dataSource".equals(name) || !(bean instanceof DataSource primary) || bean instanceof RoutingDataSource) {
					return bean;
				}
				return new RoutingDataSource(primary, readOnlyPool(environment, primary, meters.getIfAvailable()));
			}
		};
	}

	static HikariDataSource readOnlyPool(Environment environment, DataSource primary, MeterRegistry meters) {
		HikariDataSource pool = new HikariDataSource();
		if (primary instanceof HikariDataSource p) {
			pool.setUsername(p.getUsername());
			pool.setPassword(p.getPassword());
			pool.setMaximumPoolSize(p.getMaximumPoolSize());
			pool.setConnectionTimeout(p.getConnectionTimeout());
			pool.setValidationTimeout(p.getValidationTimeout());
			pool.setKeepaliveTime(p.getKeepaliveTime());
			pool.setMaxLifetime(p.getMaxLifetime());
			pool.setConnectionInitSql(p.getConnectionInitSql());
		}
		pool.setJdbcUrl(environment.getRequiredProperty("siteroll.datasource.read-only.url"));
		String username = environment.getProperty("siteroll.datasource.read-only.username");
		if (username != null) {
			pool.setUsername(username);
		}
		String password = environment.getProperty("siteroll.datasource.read-only.password");
		if (password != null) {
			pool.setPassword(password);
		}
		pool.setPoolName(POOL);
		pool.setReadOnly(true);
		Binder.get(environment).bind("siteroll.datasource.read-only.hikari", Bindable.ofInstance(pool));
		if (meters != null) {
			pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
		}
		return pool;
	}

	/** The lazy proxy over both pools, closing both when the platform stops. */
	static final class RoutingDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

		private static final Logger log = LoggerFactory.getLogger(ReadOnlyRouting.class);

		private final DataSource primary;

		private final HikariDataSource readOnly;

		RoutingDataSource(DataSource primary, HikariDataSource readOnly) {
			this.primary = primary;
			this.readOnly = readOnly;
			setTargetDataSource(primary);
			setReadOnlyDataSource(readOnly);
			// Known defaults, so that the proxy never opens a connection only to learn them.
			setDefaultAutoCommit(true);
			setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			afterPropertiesSet();
			log.info("Read-only transactions go to {}", readOnly.getJdbcUrl());
		}

		HikariDataSource readOnlyPool() {
			return readOnly;
		}

		@Override
		public void close() throws Exception {
			try {
				readOnly.close();
			}
			finally {
				if (primary instanceof AutoCloseable closeable) {
					closeable.close();
				}
			}
		}
	}
}
