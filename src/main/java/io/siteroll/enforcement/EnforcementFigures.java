package io.siteroll.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Enforcement counted for an overview (the dashboard): rectification orders by status, and penalties decided in a
 * period with their fines, over the projects the caller may see in a region ({@code region} null: all visible).
 */
public interface EnforcementFigures {

	/** Penalty decisions dated in the period and the fines they impose (yuan). */
	record Penalised(long decisions, BigDecimal fineYuan) {
	}

	/** Orders per status now, every status present (zero when none). */
	Map<RectificationOrder.Status, Long> ordersByStatus(String region);

	Penalised penalised(LocalDate from, LocalDate to, String region);
}
