package io.siteroll.personnel;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

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

	/**
	 * Which workers of a project a list shows: {@code query} matches a name, a team or a full ID number; the
	 * others narrow by team, work type (工种 code), in or out ({@code active}: true 在场, false 已退场), and
	 * engagement during a period ({@code engagedFrom}..{@code engagedTo}: entered by its end, not out before its
	 * start), as a monthly attendance sheet needs. Every part is optional.
	 */
	record Search(String query, Long teamId, String workType, Boolean active, LocalDate engagedFrom,
			LocalDate engagedTo) {

		public static Search of(String query, Long teamId, String workType, Boolean active) {
			return new Search(query, teamId, workType, active, null, null);
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

	/** The orders a list of workers is read in (the page's {@code sort=}); anything else is the default. */
	enum Sort {
		/** Workers on site first, then by team and name: the default. */
		PRESENCE,
		/** By name. */
		NAME,
		/** By team, then name. */
		TEAM,
		/** The latest entries first. */
		ENTRY_DATE
	}

	/** One page of the workers a search finds, within the caller's scope, masked, on site first. */
	default Page<Engagement> search(long projectId, Search search, int page, int size) {
		return search(projectId, search, Sort.PRESENCE, page, size);
	}

	/** One page of the workers a search finds, within the caller's scope, masked, in the order asked for. */
	Page<Engagement> search(long projectId, Search search, Sort sort, int page, int size);

	/**
	 * Every worker a search finds, in team and name order, read a page at a time by key (not by offset), so that an
	 * export of 300,000 workers neither holds them nor slows down towards the end.
	 */
	void each(long projectId, Search search, Consumer<Engagement> action);

	/** A worker of an export in clear: the engagement with the ID number and the wage card (null: none) in clear. */
	record InClear(Engagement engagement, String idNumber, String bankCard) {
	}

	/**
	 * The purpose an export of personal data in clear states, checked before anything is written: only an officer
	 * whose account may reveal personal data, only with a purpose ({@code purpose}: required, at most 200 characters).
	 */
	String exportPurpose(String purpose);

	/**
	 * As {@link #each}, with ID numbers and wage cards in clear, under the checks of {@link #exportPurpose}; the export
	 * is audited once when it ends (who, the project, the purpose, how many records).
	 */
	void eachInClear(long projectId, Search search, String purpose, Consumer<InClear> action);

	List<Movement> movements(long projectId, long engagementId);

	/** The wage card number in clear: needs the reveal permission, audited. */
	String revealBankCard(long projectId, long engagementId);
}
