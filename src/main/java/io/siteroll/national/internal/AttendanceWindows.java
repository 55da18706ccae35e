package io.siteroll.national.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.siteroll.attendance.AttendanceReadModel;


/**
 * Attendance out: closes a window of received passes per project whose project the national platform has accepted,
 * and queues one report per team with passes in it (docs/national-platform.md). The window ends {@link #MARGIN}
 * behind the platform's clock, so that an ingest still committing when it closed cannot slip behind it; the batch,
 * its report and the project's new mark are written in one transaction, so a window is queued once or not at all.
 */
@Component
class AttendanceWindows {

	/**
	 * What the view {@code national_engaged_pass} (V29), read here and by the payloads, is built on: attendance's
	 * read model of accepted passes, named so that the module graph shows the dependency the SQL has.
	 */
	static final AttendanceReadModel SOURCE = AttendanceReadModel.ACCEPTED_PASS;

	/** How far behind the clock a window closes: longer than any ingest transaction takes. */
	static final Duration MARGIN = Duration.ofMinutes(2);

	/** How far back before a project's first window passes are looked for (the gates' offline backlog). */
	static final Duration FIRST_WINDOW = Duration.ofDays(31);

	private final JdbcClient jdbc;

	AttendanceWindows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues the windows closing at {@code now} minus the margin; the number of batches queued. */
	@Transactional
	int close(Instant now) {
		Timestamp until = Timestamp.from(now.minus(MARGIN));
		Timestamp firstFrom = Timestamp.from(now.minus(MARGIN).minus(FIRST_WINDOW));
		jdbc.sql("""
				create temporary table if not exists national_window (project_id bigint, received_after timestamptz)
				on commit drop""").update();
		jdbc.sql("""
				insert into national_window
				select p.subject_id, coalesce(m.received_until, ?)
				  from national_report p left join national_attendance_mark m on m.project_id = p.subject_id
				 where p.subject = 'PROJECT' and p.change = 'ADD' and p.state = 'ACCEPTED'
				   and coalesce(m.received_until, ?) < ?""")
			.params(firstFrom, firstFrom, until)
			.update();
		int batches = jdbc.sql("""
				with batch as (
				  insert into national_attendance_batch (project_id, team_id, received_after, received_until, passes)
				  select w.project_id, s.team_id, w.received_after, ?, count(*)
				    from national_window w
				    join national_engaged_pass s on s.project_id = w.project_id
				                and s.passed_at > w.received_after - interval '31 days'
				                and s.received_at > w.received_after and s.received_at <= ?
				   group by w.project_id, s.team_id, w.received_after
				  returning id, project_id)
				insert into national_report (project_id, subject, subject_id, change, stage)
				select project_id, 'ATTENDANCE', id, 'ADD', 6 from batch order by id""")
			.params(until, until)
			.update();
		jdbc.sql("""
				insert into national_attendance_mark (project_id, received_until)
				select project_id, ? from national_window
				on conflict (project_id) do update set received_until = excluded.received_until""")
			.param(until)
			.update();
		return batches;
	}
}
