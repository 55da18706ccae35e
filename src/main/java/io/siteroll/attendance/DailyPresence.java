package io.siteroll.attendance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.siteroll.platform.Page;

/** Daily presence, maintained on ingest; read by the compliance engine and shown to people. */
public interface DailyPresence {

	Page<Presence> forProjectDay(long projectId, LocalDate day, int page, int size);

	List<Presence> forPerson(long projectId, long personId, LocalDate from, LocalDate to);

	/**
	 * The presence of some persons on a project from one day to another, in one read: the cells of a page (or a
	 * batch) of the monthly attendance sheet (考勤表).
	 */
	List<Presence> forPersons(long projectId, Collection<Long> personIds, LocalDate from, LocalDate to);

	record DayCount(LocalDate day, int present, int valid) {
	}

	List<DayCount> dailyCounts(long projectId, LocalDate from, LocalDate to);
}
