package io.siteroll.personnel;

import java.time.LocalDate;
import java.util.List;

import io.siteroll.platform.Page;

/**
 * Engaging workers on a project (先签合同后进场: no entry without a labour contract) and their exits.
 * A person may be engaged on two projects at once only when the engagement is flagged so.
 */
public interface Engagements {

	record NewEngagement(Persons.Registration person, Long teamId, String workType, String contractPeriodType,
			LocalDate contractStart, LocalDate contractEnd, String bankCardNumber, String bankCode, String bankName,
			LocalDate entryDate, Boolean concurrentAllowed) {

		/** Engaging on two projects at once must be flagged; absent means not flagged. */
		public boolean concurrent() {
			return Boolean.TRUE.equals(concurrentAllowed);
		}

		@Override
		public String toString() {
			return "NewEngagement[teamId=" + teamId + ", workType=" + workType + "]";
		}
	}

	/** 进场 or 退场 of a worker, as recorded on the day it happened. */
	record Movement(long id, long engagementId, Kind kind, LocalDate onDate, String recordedBy) {

		public enum Kind {
			ENTRY, EXIT
		}
	}

	Engagement engage(long projectId, NewEngagement engagement);

	/**
	 * Engages many workers into one team, all or none; violations name the position, e.g.
	 * {@code [3].idNumber}. Returns the number of persons newly registered.
	 */
	int engageAll(long projectId, long teamId, List<NewEngagement> engagements);

	Engagement exit(long projectId, long engagementId, LocalDate exitDate);

	Engagement require(long projectId, long engagementId);

	/** Workers of a project the caller may see, masked; {@code query} matches name or a full ID number. */
	Page<Engagement> workers(long projectId, String query, boolean activeOnly, int page, int size);

	List<Movement> movements(long projectId, long engagementId);

	/** The wage card number in clear: needs the reveal permission, audited. */
	String revealBankCard(long projectId, long engagementId);
}
