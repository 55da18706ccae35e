package io.siteroll.notice.internal;

import java.math.BigDecimal;
import java.time.YearMonth;

import io.siteroll.notice.NoticeFigures;
import org.springframework.stereotype.Component;

/** The campaign's targets a month's figures are measured against. */
@Component
class NoticeTargets {

	NoticeFigures.Targets of(YearMonth month) {
		return new NoticeFigures.Targets(new BigDecimal("80"), new BigDecimal("100"));
	}
}
