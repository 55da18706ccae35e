package io.siteroll.payroll.internal;

import static io.siteroll.payroll.WageLine.Refusal.EXITED_BEFORE_MONTH;
import static io.siteroll.payroll.WageLine.Refusal.NOT_ENGAGED;
import static io.siteroll.payroll.WageLine.Refusal.NOT_OWN_CARD;
import static io.siteroll.payroll.WageLine.Refusal.NOT_REGISTERED;
import static io.siteroll.payroll.WageLine.Refusal.OTHER_UNIT;
import static io.siteroll.payroll.WageLine.Refusal.TEAM_LEADER_CARD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.siteroll.payroll.WageLine.Refusal;
import io.siteroll.payroll.internal.LineRule.Engagement;
import io.siteroll.payroll.internal.LineRule.Facts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The wage account's rule, row by row: who may be paid, to which card. */
class LineRuleTest {

	static Stream<Arguments> lines() {
		return Stream.of(
				Arguments.of("engaged, own card", new Facts(true, Engagement.IN_MONTH, true, false), List.of()),
				Arguments.of("a team leader paid to his own card", new Facts(true, Engagement.IN_MONTH, true, true), List.of()),
				Arguments.of("unregistered: nothing else to judge", new Facts(false, Engagement.NONE, false, true),
						List.of(NOT_REGISTERED)),
				Arguments.of("exited before the month", new Facts(true, Engagement.ENDED_BEFORE, true, false),
						List.of(EXITED_BEFORE_MONTH)),
				Arguments.of("never engaged on the project", new Facts(true, Engagement.NONE, false, false),
						List.of(NOT_ENGAGED, NOT_OWN_CARD)),
				Arguments.of("someone else's card", new Facts(true, Engagement.IN_MONTH, false, false), List.of(NOT_OWN_CARD)),
				Arguments.of("a team leader's card", new Facts(true, Engagement.IN_MONTH, false, true),
						List.of(NOT_OWN_CARD, TEAM_LEADER_CARD)),
				Arguments.of("exited, paid to a leader's card", new Facts(true, Engagement.ENDED_BEFORE, false, true),
						List.of(EXITED_BEFORE_MONTH, NOT_OWN_CARD, TEAM_LEADER_CARD)),
				Arguments.of("engaged in another unit's team", new Facts(true, Engagement.IN_MONTH_OTHER_UNIT, true, false),
						List.of(OTHER_UNIT)),
				Arguments.of("another unit's worker, paid to a leader's card",
						new Facts(true, Engagement.IN_MONTH_OTHER_UNIT, false, true), List.of(OTHER_UNIT, NOT_OWN_CARD,
								TEAM_LEADER_CARD)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lines")
	void theRuleGivesEveryReason(String what, Facts facts, List<Refusal> expected) {
		assertThat(LineRule.judge(facts)).containsExactlyElementsOf(expected);
	}
}
