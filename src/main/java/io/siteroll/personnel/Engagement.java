package io.siteroll.personnel;

import java.time.LocalDate;

/** 进场登记: a worker engaged on a project in a team, with labour contract and (masked) wage card. */
public record Engagement(long id, long projectId, long personId, String personName, String idNumberMasked,
		long teamId, String teamName, String workType, String contractPeriodType, LocalDate contractStart,
		LocalDate contractEnd, String bankCardMasked, String bankCode, String bankName, LocalDate entryDate,
		LocalDate exitDate, boolean concurrentAllowed) {

	public boolean active() {
		return exitDate == null;
	}
}
