package io.siteroll.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only work routed by configuration (issue 17): the platform's read-only pool is a second connection to the same
 * database whose sessions refuse every write ({@code default_transaction_read_only = on}), so a read-only path that
 * wrote anything (an audit entry, a progress row) would fail here. The dashboard, the masked exports, the notices and
 * the national reporting status are answered through that pool, and everything that writes (a project, an audited
 * export in clear) still reaches the primary.
 */
class ReadOnlyRoutingTest extends IntegrationTest {

	private static final int PORT = freePort();

	@DynamicPropertySource
	static void readOnlyPool(DynamicPropertyRegistry registry) {
		// always its own embedded database, whose port the read-only pool is pointed at (also in the server pass)
		registry.add("spring.datasource.url", () -> "");
		registry.add("siteroll.data-dir", () -> "target/test-data-read-only-routing");
		registry.add("siteroll.embedded-postgres.port", () -> PORT);
		registry.add("siteroll.datasource.read-only.url", () -> "jdbc:postgresql://localhost:" + PORT + "/postgres");
		registry.add("siteroll.datasource.read-only.hikari.connection-init-sql",
				() -> "set default_transaction_read_only = on");
	}

	@Autowired
	MeterRegistry meters;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void readOnlyWorkIsAnsweredByTheReadOnlyPoolAndWritesStillReachThePrimary() {
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		long before = readOnlyUses();
		String setting = readOnly.execute(s -> jdbc.sql("show default_transaction_read_only").query(String.class).single());
		assertThat(setting).as("a read-only transaction runs on the read-only pool").isEqualTo("on");
		assertThat(readOnlyUses()).isGreaterThan(before);
		assertThatThrownBy(() -> readOnly.executeWithoutResult(
				s -> jdbc.sql("select nextval('audit_entry_id_seq')").query(Long.class).single()))
			.as("any write there fails")
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("read-only transaction");
		assertThat(jdbc.sql("show default_transaction_read_only").query(String.class).single())
			.as("outside read-only work: the primary").isEqualTo("off");

		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusDays(30));
		assertThat(province.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), IDS.idNumber(1980, 2000), IDS.name(), IDS.bankCard())).status()).isEqualTo(201);

		List<String> readOnlyWork = List.of("/dashboard", "/dashboard?region=220102", "/notices",
				"/projects/" + site.projectId() + "/national", "/api/projects/" + site.projectId() + "/national-reports",
				"/projects/" + site.projectId() + "/workers?format=xlsx", "/projects?format=xlsx",
				"/compliance?format=xlsx", "/compliance?format=xlsx&list=warnings", "/orders?format=xlsx",
				"/penalties?format=xlsx", "/projects/" + site.projectId() + "/penalties?format=xlsx",
				"/credit-records?format=xlsx", "/inspections?format=xlsx",
				"/projects/" + site.projectId() + "/inspections?format=xlsx", "/typical-cases?format=xlsx",
				"/approvals?format=xlsx", "/gate-blacklist?format=xlsx",
				"/projects/" + site.projectId() + "/attendance-sheet?format=xlsx");
		for (String path : readOnlyWork) {
			long uses = readOnlyUses();
			ApiClient.Response r = province.get(path);
			assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(200);
			assertThat(readOnlyUses()).as("%s answered through the read-only pool", path).isGreaterThan(uses);
		}

		long exports = auditedExports(site);
		String purpose = URLEncoder.encode("农民工工资专项检查", StandardCharsets.UTF_8);
		ApiClient.Response clear = province.get("/projects/" + site.projectId() + "/workers?format=xlsx&purpose=" + purpose);
		assertThat(clear.status()).as("an export in clear writes its audit entry on the primary").isEqualTo(200);
		assertThat(auditedExports(site)).isEqualTo(exports + 1);
	}

	private long auditedExports(Site site) {
		return jdbc.sql("select count(*) from audit_entry where action = 'PERSONAL_DATA_EXPORTED' and subject_id = ?")
			.param(String.valueOf(site.projectId()))
			.query(Long.class)
			.single();
	}

	/** Connections the read-only pool handed out and took back so far. */
	private long readOnlyUses() {
		Timer usage = meters.find("hikaricp.connections.usage").tag("pool", "siteroll-read-only").timer();
		return usage == null ? 0 : usage.count();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
