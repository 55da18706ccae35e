package io.siteroll.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CampaignTest {

	private final Campaign campaign = new Campaign(1, "专项提升行动", null, LocalDate.of(2021, 5, 30),
			List.of(new Phase(Phase.Kind.SUMMARY, LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 10)),
					new Phase(Phase.Kind.SELF_CHECK, LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 30)),
					new Phase(Phase.Kind.FULL_IMPLEMENTATION, LocalDate.of(2021, 7, 1), LocalDate.of(2021, 8, 20))),
			List.of(new Target(Target.Kind.WORKER_ATTENDANCE, 80), new Target(Target.Kind.COVERAGE, 100),
					new Target(Target.Kind.KEY_MANAGER_DUTY, 80)));

	@Test
	void theDayFallsInAPhaseByItsFirstAndLastDay() {
		assertThat(campaign.phaseOn(LocalDate.of(2021, 5, 31))).isEmpty();
		assertThat(campaign.phaseOn(LocalDate.of(2021, 6, 1))).map(Phase::kind).contains(Phase.Kind.SELF_CHECK);
		assertThat(campaign.phaseOn(LocalDate.of(2021, 6, 30))).map(Phase::kind).contains(Phase.Kind.SELF_CHECK);
		assertThat(campaign.phaseOn(LocalDate.of(2021, 7, 1))).map(Phase::kind).contains(Phase.Kind.FULL_IMPLEMENTATION);
		assertThat(campaign.phaseOn(LocalDate.of(2021, 8, 25))).as("between two phases").isEmpty();
		assertThat(campaign.phaseOn(LocalDate.of(2021, 9, 10))).map(Phase::kind).contains(Phase.Kind.SUMMARY);
		assertThat(campaign.phaseOn(LocalDate.of(2021, 9, 11))).isEmpty();
	}

	@Test
	void spansFromTheFirstPhaseToTheLast() {
		assertThat(campaign.startsOn()).isEqualTo(LocalDate.of(2021, 6, 1));
		assertThat(campaign.endsOn()).isEqualTo(LocalDate.of(2021, 9, 10));
		assertThat(campaign.covers(LocalDate.of(2021, 8, 25))).isTrue();
		assertThat(campaign.covers(LocalDate.of(2021, 9, 11))).isFalse();
		assertThat(campaign.phases()).extracting(Phase::kind)
			.containsExactly(Phase.Kind.SELF_CHECK, Phase.Kind.FULL_IMPLEMENTATION, Phase.Kind.SUMMARY);
	}

	@Test
	void readsEachTargetByItsKind() {
		assertThat(campaign.target(Target.Kind.COVERAGE)).isEqualTo(100);
		assertThat(campaign.target(Target.Kind.WORKER_ATTENDANCE)).isEqualTo(80);
		assertThat(new Target(Target.Kind.WORKER_ATTENDANCE, 80).reachedBy(80.0)).isTrue();
		assertThat(new Target(Target.Kind.WORKER_ATTENDANCE, 80).reachedBy(79.9)).isFalse();
	}

	@Test
	void contactsAreLateOnlyAfterTheDeadline() {
		assertThat(campaign.contactOverdueOn(LocalDate.of(2021, 5, 30))).isFalse();
		assertThat(campaign.contactOverdueOn(LocalDate.of(2021, 5, 31))).isTrue();
	}
}
