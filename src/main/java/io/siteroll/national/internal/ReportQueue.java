package io.siteroll.national.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.siteroll.national.NationalReport;
import io.siteroll.national.NationalReporting;

/**
 * The reports owed to the national platform (table {@code national_report}, filled by the registry's triggers in the
 * changing transaction, migration V29) and what the platform gave back ({@code national_reference}). Every state
 * change is its own committed statement: a crash leaves each report in the last state written.
 */
@Component
class ReportQueue {

	private static final String COLUMNS = """
			r.id, r.project_id, r.subject, r.subject_id, r.change, r.state, r.queued_at, r.attempts, r.next_attempt_at,
			r.serial_code, r.settled_at, r.refusal, r.last_error,
			case r.subject
			  when 'PROJECT' then (select name from project where id = r.subject_id)
			  when 'UNIT' then (select e.name from participating_unit u join enterprise e on e.id = u.enterprise_id where u.id = r.subject_id)
			  when 'TEAM' then (select name from team where id = r.subject_id)
			  when 'WORKER' then (select p.name || ' ' || p.id_number_masked from worker_engagement w join person p on p.id = w.person_id where w.id = r.subject_id)
			  when 'CONTRACT' then (select p.name || ' ' || w.contract_start || ' ~ ' || coalesce(w.contract_end::text, '') from worker_engagement w join person p on p.id = w.person_id where w.id = r.subject_id)
			  when 'ENTRY_EXIT' then (select p.name || ' ' || m.on_date from engagement_movement m join worker_engagement w on w.id = m.engagement_id join person p on p.id = w.person_id where m.id = r.subject_id)
			  when 'ATTENDANCE' then (select t.name || ' · ' || b.passes from national_attendance_batch b join team t on t.id = b.team_id where b.id = r.subject_id)
			end as label""";

	/** A report may go when every record it refers to has been accepted (docs/national-platform.md). */
	private static final String DEPENDENCIES_ACCEPTED = """
			not exists (select 1 from national_report e where e.subject = r.subject and e.subject_id = r.subject_id
			                                         and e.id < r.id and e.state <> 'ACCEPTED')
			and case r.subject
			  when 'PROJECT' then true
			  when 'UNIT' then exists (select 1 from participating_unit u join national_report a
			                             on a.subject = 'PROJECT' and a.subject_id = u.project_id and a.change = 'ADD' and a.state = 'ACCEPTED'
			                            where u.id = r.subject_id)
			  when 'TEAM' then exists (select 1 from team t join national_report a
			                             on a.subject = 'UNIT' and a.subject_id = t.participating_unit_id and a.change = 'ADD' and a.state = 'ACCEPTED'
			                            where t.id = r.subject_id)
			  when 'WORKER' then exists (select 1 from worker_engagement w join national_reference n
			                               on n.subject = 'TEAM' and n.subject_id = w.team_id where w.id = r.subject_id)
			  when 'CONTRACT' then exists (select 1 from national_report a where a.subject = 'WORKER'
			                             and a.subject_id = r.subject_id and a.change = 'ADD' and a.state = 'ACCEPTED')
			  when 'ENTRY_EXIT' then exists (select 1 from engagement_movement m join national_report a
			                             on a.subject = 'WORKER' and a.subject_id = m.engagement_id and a.change = 'ADD' and a.state = 'ACCEPTED'
			                            where m.id = r.subject_id)
			  when 'ATTENDANCE' then exists (select 1 from national_attendance_batch b join national_reference n
			                               on n.subject = 'TEAM' and n.subject_id = b.team_id where b.id = r.subject_id)
			end""";

	private final JdbcClient jdbc;

	ReportQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Pending reports due now whose records' dependencies are accepted, in the upload order. */
	List<NationalReport> sendable(Instant now, int limit) {
		return jdbc.sql("select " + COLUMNS + " from national_report r where r.state = 'PENDING' and (r.attempts = 0 or r.next_attempt_at <= ?) and "
				+ DEPENDENCIES_ACCEPTED + " order by r.stage, r.id limit ?")
			.params(Timestamp.from(now), limit)
			.query(ReportQueue::report)
			.list();
	}

	/** Reports in a state, due now, oldest first. */
	List<NationalReport> due(NationalReport.State state, Instant now, int limit) {
		return jdbc.sql("select " + COLUMNS + " from national_report r where r.state = ? and r.next_attempt_at <= ? order by r.id limit ?")
			.params(state.name(), Timestamp.from(now), limit)
			.query(ReportQueue::report)
			.list();
	}

	/** Before the call: the attempt is counted and the report is SENDING, committed, so a crash is noticed. */
	void sending(long id, Instant now) {
		jdbc.sql("update national_report set state = 'SENDING', attempts = attempts + 1, sent_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	void sent(long id, String serialCode, Instant nextPoll) {
		jdbc.sql("update national_report set state = 'SENT', serial_code = ?, next_attempt_at = ?, last_error = null where id = ?")
			.params(serialCode, Timestamp.from(nextPoll), id)
			.update();
	}

	void accepted(long id, Instant now) {
		jdbc.sql("update national_report set state = 'ACCEPTED', settled_at = ?, refusal = null, last_error = null where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	void refused(long id, String reason, Instant now) {
		jdbc.sql("update national_report set state = 'REFUSED', settled_at = ?, refusal = ? where id = ?")
			.params(Timestamp.from(now), reason, id)
			.update();
	}

	/** Back to {@code state} (PENDING to resend, SENDING or SENT to ask again) at {@code next}, with why. */
	void later(long id, NationalReport.State state, Instant next, String error) {
		jdbc.sql("update national_report set state = ?, next_attempt_at = ?, last_error = ? where id = ?")
			.params(state.name(), Timestamp.from(next), error, id)
			.update();
	}

	void reference(NationalReport.Subject subject, long subjectId, String nationalKey) {
		jdbc.sql("""
				insert into national_reference (subject, subject_id, national_key) values (?, ?, ?)
				on conflict (subject, subject_id) do update set national_key = excluded.national_key""")
			.params(subject.name(), subjectId, nationalKey)
			.update();
	}

	NationalReporting.Tally tally(long projectId) {
		return jdbc.sql("""
				select count(*) filter (where state in ('PENDING', 'SENDING')), count(*) filter (where state = 'SENT'),
				       count(*) filter (where state = 'ACCEPTED'), count(*) filter (where state = 'REFUSED')
				  from national_report where project_id = ?""")
			.param(projectId)
			.query((rs, n) -> new NationalReporting.Tally(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	List<NationalReport> ofProject(long projectId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from national_report r where r.project_id = ? "
				+ "order by r.state = 'REFUSED' desc, r.id desc limit ?")
			.params(projectId, limit)
			.query(ReportQueue::report)
			.list();
	}

	private static NationalReport report(ResultSet rs, int n) throws SQLException {
		return new NationalReport(rs.getLong("id"), rs.getLong("project_id"),
				NationalReport.Subject.valueOf(rs.getString("subject")), rs.getLong("subject_id"),
				NationalReport.Change.valueOf(rs.getString("change")), NationalReport.State.valueOf(rs.getString("state")),
				rs.getString("label"), instant(rs.getTimestamp("queued_at")), rs.getInt("attempts"),
				instant(rs.getTimestamp("next_attempt_at")), rs.getString("serial_code"),
				instant(rs.getTimestamp("settled_at")), rs.getString("refusal"), rs.getString("last_error"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
