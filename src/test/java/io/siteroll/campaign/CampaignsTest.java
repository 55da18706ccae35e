package io.siteroll.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.siteroll.identity.Role;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CampaignsTest extends IntegrationTest {

	@Autowired
	Campaigns campaigns;

	/** A year of its own for each test's campaigns, far after today, so that they never meet another test's. */
	private final int year = 2200 + ThreadLocalRandom.current().nextInt(7000);

	@Test
	void theSeedsCampaignIsInForceSinceItsFirstDay() {
		Campaign seed = campaigns.inForce(LocalDate.of(2021, 7, 15)).orElseThrow();
		assertThat(seed.name()).isEqualTo("吉林省房屋建筑和市政公用工程施工现场人员实名制管理水平专项提升行动");
		assertThat(seed.document()).isEqualTo("吉建管〔2021〕6号");
		assertThat(seed.contactDeadline()).isEqualTo(LocalDate.of(2021, 5, 30));
		assertThat(seed.phases()).containsExactly(
				new Phase(Phase.Kind.SELF_CHECK, LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 30)),
				new Phase(Phase.Kind.FULL_IMPLEMENTATION, LocalDate.of(2021, 7, 1), LocalDate.of(2021, 8, 31)),
				new Phase(Phase.Kind.SUMMARY, LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 10)));
		assertThat(seed.target(Target.Kind.COVERAGE)).isEqualTo(100);
		assertThat(seed.target(Target.Kind.WORKER_ATTENDANCE)).isEqualTo(80);
		assertThat(seed.target(Target.Kind.KEY_MANAGER_DUTY)).isEqualTo(80);
		assertThat(seed.phaseOn(LocalDate.of(2021, 7, 15))).map(Phase::kind).contains(Phase.Kind.FULL_IMPLEMENTATION);
		assertThat(campaigns.inForce(LocalDate.of(2021, 5, 31))).as("before any campaign").isEmpty();
		assertThat(campaigns.inForce(LocalDate.of(2021, 6, 1))).map(Campaign::id).contains(seed.id());
		assertThat(campaigns.inForceToday()).as("after it, its targets stand until the next begins").isPresent();
	}

	@Test
	void theProvinceAddsACampaignThatTakesOverOnItsFirstDay() {
		String province = province();
		Campaign before = campaigns.inForce(LocalDate.of(year, 3, 31)).orElseThrow();
		Campaign added = signedIn(province, () -> campaigns.add(plan("第二轮", year, 90)));
		assertThat(added.target(Target.Kind.WORKER_ATTENDANCE)).isEqualTo(90);
		assertThat(campaigns.inForce(LocalDate.of(year, 3, 31))).map(Campaign::id).contains(before.id());
		assertThat(campaigns.inForce(LocalDate.of(year, 4, 1))).map(Campaign::id).contains(added.id());
		assertThat(campaigns.inForce(LocalDate.of(year + 1, 1, 1))).as("after its end, until the next")
			.map(Campaign::id)
			.contains(added.id());
		assertThat(campaigns.all()).extracting(Campaign::id).contains(added.id(), before.id());

		Campaign revised = signedIn(province, () -> campaigns.revise(added.id(), plan("第二轮（调整）", year, 85)));
		assertThat(revised.name()).isEqualTo("第二轮（调整）");
		assertThat(campaigns.require(added.id()).target(Target.Kind.WORKER_ATTENDANCE)).isEqualTo(85);
	}

	@Test
	void aPlanIsRefusedWithEveryBrokenRuleOnItsField() {
		String province = province();
		Campaigns.Plan broken = new Campaigns.Plan(" ", null, LocalDate.of(year, 12, 31),
				List.of(new Phase(Phase.Kind.SELF_CHECK, LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 30)),
						new Phase(Phase.Kind.FULL_IMPLEMENTATION, LocalDate.of(year, 4, 30), LocalDate.of(year, 6, 30)),
						new Phase(Phase.Kind.SUMMARY, LocalDate.of(year, 7, 10), LocalDate.of(year, 7, 1))),
				List.of(new Target(Target.Kind.COVERAGE, 0), new Target(Target.Kind.WORKER_ATTENDANCE, 101)));
		int before = campaigns.all().size();
		assertThatThrownBy(() -> signedIn(province, () -> campaigns.add(broken))).isInstanceOf(RuleViolation.class)
			.satisfies(e -> assertThat(((RuleViolation) e).violations()).extracting(Violation::field, Violation::rule)
				.containsExactlyInAnyOrder(tuple("name", "required"),
						tuple("phase.FULL_IMPLEMENTATION.from", "campaign.phase-overlap"),
						tuple("phase.SUMMARY.to", "campaign.phase-ends-before-start"),
						tuple("target.COVERAGE", "percent.range"),
						tuple("target.WORKER_ATTENDANCE", "percent.range"),
						tuple("target.KEY_MANAGER_DUTY", "required")));
		assertThat(campaigns.all()).hasSize(before);
	}

	@Test
	void campaignsNeverOverlapAndTheDeadlineComesBeforeTheEnd() {
		String province = province();
		signedIn(province, () -> campaigns.add(plan("第一轮", year, 80)));
		assertThatThrownBy(() -> signedIn(province, () -> campaigns.add(plan("重叠", year, 80))))
			.isInstanceOf(RuleViolation.class)
			.satisfies(e -> assertThat(((RuleViolation) e).violations()).extracting(Violation::rule)
				.containsExactly("campaign.overlaps"));
		Campaigns.Plan late = new Campaigns.Plan("截止过晚", null, LocalDate.of(year + 1, 9, 1),
				List.of(new Phase(Phase.Kind.SELF_CHECK, LocalDate.of(year + 1, 4, 1), LocalDate.of(year + 1, 4, 30))),
				targets(80));
		assertThatThrownBy(() -> signedIn(province, () -> campaigns.add(late))).isInstanceOf(RuleViolation.class)
			.satisfies(e -> assertThat(((RuleViolation) e).violations()).extracting(Violation::field)
				.containsExactly("contactDeadline"));
	}

	@Test
	void onlyTheProvinceDefinesCampaigns() {
		String city = account(Role.CITY_OFFICER, "220100", null, null, false);
		assertThatThrownBy(() -> signedIn(city, () -> campaigns.add(plan("市级", year, 80)))).isInstanceOf(Forbidden.class);
		assertThat(campaigns.all()).extracting(Campaign::name).doesNotContain("市级");
	}

	private static Campaigns.Plan plan(String name, int year, int attendance) {
		return new Campaigns.Plan(name, "吉建管〔" + year + "〕1号", LocalDate.of(year, 3, 20),
				List.of(new Phase(Phase.Kind.SELF_CHECK, LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 30)),
						new Phase(Phase.Kind.FULL_IMPLEMENTATION, LocalDate.of(year, 5, 1), LocalDate.of(year, 8, 31)),
						new Phase(Phase.Kind.SUMMARY, LocalDate.of(year, 9, 1), LocalDate.of(year, 9, 10))),
				targets(attendance));
	}

	private static List<Target> targets(int attendance) {
		return List.of(new Target(Target.Kind.COVERAGE, 100), new Target(Target.Kind.WORKER_ATTENDANCE, attendance),
				new Target(Target.Kind.KEY_MANAGER_DUTY, 80));
	}
}
