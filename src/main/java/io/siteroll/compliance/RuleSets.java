package io.siteroll.compliance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The rule sets and which one is in force from which month. A province officer defines an adjusted
 * rule set or adopts one from the first day of a month; a month is always evaluated under the rule
 * set in force for it. Everything is audited.
 */
public interface RuleSets {

	record Adoption(LocalDate effectiveFrom, RuleSet ruleSet, String adoptedBy) {
	}

	record Definition(String code, String name, Integer keyPostPercent, Integer otherPostPercent, List<String> keyPosts,
			Integer shortfallPenaltyFrom, String validDayRule, Integer offlineToleranceDays, Integer rectificationDays,
			Long basedOn) {
	}

	List<RuleSet> all();

	RuleSet require(long id);

	List<Adoption> adoptions();

	RuleSet inForce(YearMonth month);

	RuleSet define(Definition definition);

	Adoption adopt(long ruleSetId, LocalDate effectiveFrom);
}
