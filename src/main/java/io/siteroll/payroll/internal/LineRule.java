package io.siteroll.payroll.internal;

import java.util.ArrayList;
import java.util.List;

import io.siteroll.payroll.WageLine.Refusal;

/**
 * THE RULE of the wage account, in one place: a line is paid only to a person registered and engaged on the project
 * in the month in a team of the table's unit, only to that worker's own card on file, and never to a team leader's card. Pure: the facts are
 * gathered set-based by {@link WageTableBook}, judged here, and every reason is kept (a line may break several).
 */
final class LineRule {

	/** A line's engagement on the project during the month. */
	enum Engagement {
		/** Engaged on at least one day of the month, in a team of the table's unit. */
		IN_MONTH,
		/** Engaged in the month, but only in teams of other participating units than the table's. */
		IN_MONTH_OTHER_UNIT,
		/** Engaged before, but the engagement ended before the month began. */
		ENDED_BEFORE,
		/** No engagement overlapping the month, and none that ended before it. */
		NONE
	}

	/**
	 * @param registered the ID number belongs to a person in the registry
	 * @param engagement the person's engagement in the month
	 * @param ownCard the line's card is the card on file of the person's engagement in the month
	 * @param leadersCard the line's card is on file for a team leader of the project
	 */
	record Facts(boolean registered, Engagement engagement, boolean ownCard, boolean leadersCard) {
	}

	private LineRule() {
	}

	static List<Refusal> judge(Facts facts) {
		List<Refusal> refusals = new ArrayList<>();
		if (!facts.registered()) {
			// nobody's card is on file for a person the registry does not know: the first reason is the whole story
			refusals.add(Refusal.NOT_REGISTERED);
			return refusals;
		}
		if (facts.engagement() == Engagement.ENDED_BEFORE) {
			refusals.add(Refusal.EXITED_BEFORE_MONTH);
		}
		else if (facts.engagement() == Engagement.NONE) {
			refusals.add(Refusal.NOT_ENGAGED);
		}
		else if (facts.engagement() == Engagement.IN_MONTH_OTHER_UNIT) {
			refusals.add(Refusal.OTHER_UNIT);
		}
		if (!facts.ownCard()) {
			refusals.add(Refusal.NOT_OWN_CARD);
			if (facts.leadersCard()) {
				refusals.add(Refusal.TEAM_LEADER_CARD);
			}
		}
		return refusals;
	}
}
