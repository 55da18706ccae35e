package io.siteroll.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The per-minute limit holds across platform nodes: two nodes (two {@link RateLimits} on the same database, as two
 * application servers behind the load balancer are) add to one count, so a consumer cannot read twice its limit by
 * being balanced between them; a new minute starts a new count, and old minutes are pruned with the nonces.
 */
class RateLimitsTest extends IntegrationTest {

	@Test
	void twoNodesCountTheSameMinute() {
		long agreement = jdbc.sql("""
				insert into sharing_agreement (consumer, purpose, legal_basis, fields, regions, valid_from, valid_to,
				    contact_name, contact_phone, contact_email, rate_per_minute, state, applied_by, applied_at)
				values ('测试部门', '测试', '测试', '{PROJECT_CODE}', '{220000}', ?, ?, '张三', '13800000000', 'a@b.cn', 3,
				        'APPLIED', 'test', now())
				returning id""")
			.params(today(), today().plusDays(30))
			.query(Long.class)
			.single();
		clock.advance(Duration.ofSeconds(60 - clock.instant().getEpochSecond() % 60));
		RateLimits one = new RateLimits(jdbc, clock);
		RateLimits other = new RateLimits(jdbc, clock);

		assertThat(one.take(agreement, 3)).isTrue();
		assertThat(other.take(agreement, 3)).isTrue();
		assertThat(one.take(agreement, 3)).isTrue();
		assertThat(other.take(agreement, 3)).as("the fourth request of the minute, on either node").isFalse();
		assertThat(one.take(agreement, 3)).isFalse();

		clock.advance(Duration.ofMinutes(1));
		assertThat(other.take(agreement, 3)).as("a new minute").isTrue();

		clock.advance(NoncePruning.KEEP);
		new NoncePruning(jdbc, clock).forgetOld();
		assertThat(jdbc.sql("select count(*) from sharing_rate where agreement_id = ?").param(agreement)
			.query(Long.class).single()).as("past minutes pruned").isZero();
	}
}
