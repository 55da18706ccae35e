package io.siteroll.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus endpoint shows the national reporting queue: the reports not yet accepted by state (what
 * docs/operations.md tells operators to watch), equal to the queue in the database.
 */
class ReportBacklogMetricsTest extends IntegrationTest {

	@Test
	void theReportingBacklogIsAPrometheusGauge() throws InterruptedException {
		ApiClient prometheus = as(province());
		String metrics = prometheus.get("/actuator/prometheus").body();
		long pending = jdbc.sql("select count(*) from national_report where state = 'PENDING'").query(Long.class).single();
		if (gauge(metrics, "siteroll_national_reports", "PENDING") != pending) {
			Thread.sleep(11_000); // read at most every ten seconds: an earlier scrape may have been read before a change
			metrics = prometheus.get("/actuator/prometheus").body();
		}
		assertThat(gauge(metrics, "siteroll_national_reports", "PENDING")).isEqualTo((double) pending);
		assertThat(gauge(metrics, "siteroll_national_reports", "REFUSED")).isNotNegative();
		assertThat(gauge(metrics, "siteroll_national_reports_oldest_seconds", "PENDING")).isNotNegative();
		assertThat(metrics).contains("hikaricp_connections_active{pool=\"");
	}

	private static double gauge(String metrics, String name, String state) {
		Matcher m = Pattern.compile("(?m)^" + name + "\\{state=\"" + state + "\"} (\\S+)$").matcher(metrics);
		assertThat(m.find()).as("%s{state=%s} in %n%s", name, state, metrics.lines().filter(l -> l.contains("siteroll_")).toList())
			.isTrue();
		return Double.parseDouble(m.group(1));
	}
}
