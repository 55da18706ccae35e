package io.siteroll.notice.internal;

import java.math.BigDecimal;
import java.time.YearMonth;

import io.siteroll.campaign.Campaign;
import io.siteroll.campaign.Campaigns;
import io.siteroll.campaign.Target;
import io.siteroll.notice.NoticeFigures;
import org.springframework.stereotype.Component;

/**
 * The targets a month's figures are measured against: the campaign's in force at the month's end (after a campaign,
 * its targets stand until the next begins; before the first, the first's).
 */
@Component
class NoticeTargets {

	private final Campaigns campaigns;

	NoticeTargets(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	NoticeFigures.Targets of(YearMonth month) {
		Campaign campaign = campaigns.inForce(month.atEndOfMonth())
			.or(() -> campaigns.all().stream().reduce((later, earlier) -> earlier))
			.orElseThrow(() -> new IllegalStateException("no campaign sets the targets"));
		return new NoticeFigures.Targets(percent(campaign, Target.Kind.WORKER_ATTENDANCE),
				percent(campaign, Target.Kind.COVERAGE), percent(campaign, Target.Kind.KEY_MANAGER_DUTY));
	}

	private static BigDecimal percent(Campaign campaign, Target.Kind kind) {
		return BigDecimal.valueOf(campaign.target(kind));
	}
}
