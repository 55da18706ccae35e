package io.siteroll.national.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.siteroll.national.FieldCipher;
import io.siteroll.national.NationalReport;
import io.siteroll.personnel.Persons;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payload of a report, read from the registry when it is sent (so a corrected record is what travels), in the
 * national field names and code tables (docs/national-platform.md). Identity numbers are released through
 * {@link Persons#disclose} (audited per person) and encrypted with the credential's {@link FieldCipher}.
 */
@Component
class NationalPayloads {

	/** Who receives what {@link Persons#disclose} releases, as the audit trail names it. */
	static final String RECIPIENT = "全国建筑工人管理服务信息平台";

	private final JdbcClient jdbc;

	private final Persons persons;

	private final JsonMapper json = JsonMapper.builder().build();

	NationalPayloads(JdbcClient jdbc, Persons persons) {
		this.jdbc = jdbc;
		this.persons = persons;
	}

	/** A payload, and what identifies its record among the rows the matching query lists. */
	record Payload(String data, String matchField, String matchValue) {
	}

	/** The payload of the report; empty when its record no longer exists. */
	Optional<Payload> of(NationalReport.Subject subject, long subjectId, NationalReport.Change change,
			FieldCipher cipher, LocalDate today) {
		return switch (subject) {
			case PROJECT -> project(subjectId, today);
			case UNIT -> unit(subjectId);
			case TEAM -> team(subjectId, change);
			case WORKER -> worker(subjectId, cipher);
			case CONTRACT -> contract(subjectId, cipher);
			case ENTRY_EXIT -> movement(subjectId, cipher);
			case ATTENDANCE -> attendance(subjectId, cipher);
		};
	}

	private Optional<Payload> project(long id, LocalDate today) {
		return jdbc.sql("""
				select p.code, p.name, p.region_code, p.address, p.category, p.start_date, p.completion_date,
				       p.longitude, p.latitude, e.credit_code, e.name as contractor, e.contact_person, e.contact_phone
				  from project p join enterprise e on e.id = p.contractor_id where p.id = ?""")
			.param(id)
			.query((rs, n) -> {
				ObjectNode data = json.createObjectNode();
				data.put("projectCode", rs.getString("code"));
				data.put("name", rs.getString("name"));
				data.put("areaCode", rs.getString("region_code").trim());
				data.put("address", rs.getString("address"));
				data.put("category", rs.getString("category"));
				data.put("contractorCorpCode", rs.getString("credit_code"));
				data.put("contractorCorpName", rs.getString("contractor"));
				LocalDate start = toDate(rs.getDate("start_date"));
				LocalDate completion = toDate(rs.getDate("completion_date"));
				data.put("startDate", start == null ? null : start.toString());
				data.put("completeDate", completion == null ? null : completion.toString());
				data.put("prjStatus", completion != null ? "004" : start == null || start.isAfter(today) ? "001" : "003");
				data.put("linkman", rs.getString("contact_person"));
				data.put("linkPhone", rs.getString("contact_phone"));
				if (rs.getBigDecimal("longitude") != null) {
					data.put("lng", rs.getBigDecimal("longitude"));
					data.put("lat", rs.getBigDecimal("latitude"));
				}
				return new Payload(data.toString(), "projectCode", rs.getString("code"));
			})
			.optional();
	}

	private Optional<Payload> unit(long id) {
		return jdbc.sql("""
				select p.code, e.credit_code, e.name, u.unit_type, u.entry_date, u.exit_date
				  from participating_unit u join project p on p.id = u.project_id
				  join enterprise e on e.id = u.enterprise_id where u.id = ?""")
			.param(id)
			.query((rs, n) -> {
				ObjectNode data = json.createObjectNode();
				data.put("projectCode", rs.getString("code"));
				data.put("corpCode", rs.getString("credit_code"));
				data.put("corpName", rs.getString("name"));
				data.put("corpType", rs.getString("unit_type"));
				data.put("entryTime", rs.getDate("entry_date").toLocalDate().toString());
				LocalDate exit = toDate(rs.getDate("exit_date"));
				data.put("exitTime", exit == null ? null : exit.toString());
				return new Payload(data.toString(), "corpCode", rs.getString("credit_code"));
			})
			.optional();
	}

	private Optional<Payload> team(long id, NationalReport.Change change) {
		return jdbc.sql("""
				select p.code, e.credit_code, e.name as corp, t.name, t.entry_date, t.exit_date, l.name as leader,
				       l.phone as leader_phone, r.national_key
				  from team t join project p on p.id = t.project_id
				  join participating_unit u on u.id = t.participating_unit_id join enterprise e on e.id = u.enterprise_id
				  left join person l on l.id = t.leader_person_id
				  left join national_reference r on r.subject = 'TEAM' and r.subject_id = t.id
				 where t.id = ?""")
			.param(id)
			.query((rs, n) -> {
				ObjectNode data = json.createObjectNode();
				data.put("projectCode", rs.getString("code"));
				data.put("corpCode", rs.getString("credit_code"));
				data.put("corpName", rs.getString("corp"));
				data.put("teamName", rs.getString("name"));
				if (change == NationalReport.Change.UPDATE) {
					data.put("teamSysNo", rs.getString("national_key"));
				}
				data.put("teamLeaderName", rs.getString("leader"));
				data.put("teamLeaderPhone", rs.getString("leader_phone"));
				data.put("entryTime", rs.getDate("entry_date").toLocalDate().toString());
				LocalDate exit = toDate(rs.getDate("exit_date"));
				data.put("exitTime", exit == null ? null : exit.toString());
				return new Payload(data.toString(), "teamName", rs.getString("name"));
			})
			.optional();
	}

	private record WorkerRow(String project, String corpCode, String corpName, String teamSysNo, String teamName,
			long personId, String workType, String contractPeriodType, boolean leader) {
	}

	private Optional<WorkerRow> workerRow(long engagementId) {
		return jdbc.sql("""
				select p.code, e.credit_code, e.name as corp, r.national_key, t.name as team, w.person_id, w.work_type,
				       w.contract_period_type, t.leader_person_id = w.person_id as leader
				  from worker_engagement w join project p on p.id = w.project_id join team t on t.id = w.team_id
				  join participating_unit u on u.id = t.participating_unit_id join enterprise e on e.id = u.enterprise_id
				  left join national_reference r on r.subject = 'TEAM' and r.subject_id = t.id
				 where w.id = ?""")
			.param(engagementId)
			.query((rs, n) -> new WorkerRow(rs.getString("code"), rs.getString("credit_code"), rs.getString("corp"),
					rs.getString("national_key"), rs.getString("team"), rs.getLong("person_id"),
					rs.getString("work_type"), rs.getString("contract_period_type"), rs.getBoolean("leader")))
			.optional();
	}

	private ObjectNode header(WorkerRow row) {
		ObjectNode data = json.createObjectNode();
		data.put("projectCode", row.project());
		data.put("corpCode", row.corpCode());
		data.put("corpName", row.corpName());
		data.put("teamSysNo", row.teamSysNo());
		data.put("teamName", row.teamName());
		return data;
	}

	private Optional<Payload> worker(long engagementId, FieldCipher cipher) {
		return workerRow(engagementId).flatMap(row -> persons.disclose(row.personId(), RECIPIENT).map(person -> {
			ObjectNode data = header(row);
			ObjectNode worker = data.putArray("workerList").addObject();
			worker.put("workerName", person.name());
			worker.put("isTeamLeader", row.leader() ? 1 : 0);
			worker.put("idCardType", person.idType());
			worker.put("idCardNumber", cipher.encrypt(person.idNumber()));
			worker.put("workType", row.workType());
			worker.put("workRole", 20);
			person.face().ifPresent(face -> worker.put("headImage",
					"data:" + face.contentType() + ";base64," + Base64.getEncoder().encodeToString(face.bytes())));
			return new Payload(data.toString(), "idCardNumber", person.idNumber());
		}));
	}

	/** 劳动合同: the engagement's contract (期限类型 0 fixed term / 1 a defined piece of work, start, end). */
	private Optional<Payload> contract(long engagementId, FieldCipher cipher) {
		record Contract(String type, LocalDate start, LocalDate end) {
		}
		Optional<Contract> contract = jdbc.sql("select contract_period_type, contract_start, contract_end from worker_engagement where id = ?")
			.param(engagementId)
			.query((rs, n) -> new Contract(rs.getString(1), rs.getDate(2).toLocalDate(), toDate(rs.getDate(3))))
			.optional();
		return contract.flatMap(c -> workerRow(engagementId)
			.flatMap(row -> persons.disclose(row.personId(), RECIPIENT).map(person -> {
				ObjectNode data = json.createObjectNode();
				data.put("projectCode", row.project());
				ObjectNode entry = data.putArray("contractList").addObject();
				entry.put("corpCode", row.corpCode());
				entry.put("corpName", row.corpName());
				entry.put("idCardType", person.idType());
				entry.put("idCardNumber", cipher.encrypt(person.idNumber()));
				entry.put("contractPeriodType", c.type());
				entry.put("startDate", c.start().toString());
				entry.put("endDate", c.end() == null ? null : c.end().toString());
				return new Payload(data.toString(), "idCardNumber", person.idNumber());
			})));
	}

	private Optional<Payload> movement(long movementId, FieldCipher cipher) {
		record Movement(long engagementId, String kind, LocalDate onDate) {
		}
		return jdbc.sql("select engagement_id, kind, on_date from engagement_movement where id = ?")
			.param(movementId)
			.query((rs, n) -> new Movement(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
			.optional()
			.flatMap(m -> workerRow(m.engagementId())
				.flatMap(row -> persons.disclose(row.personId(), RECIPIENT).map(person -> {
					ObjectNode data = header(row);
					ObjectNode entry = data.putArray("dataList").addObject();
					entry.put("idCardType", person.idType());
					entry.put("idCardNumber", cipher.encrypt(person.idNumber()));
					entry.put("date", m.onDate().toString());
					entry.put("type", "ENTRY".equals(m.kind()) ? 1 : 0);
					return new Payload(data.toString(), "idCardNumber", person.idNumber() + "|" + m.onDate());
				})));
	}

	private record Batch(long projectId, long teamId, java.sql.Timestamp after, java.sql.Timestamp until, String project,
			String teamSysNo) {
	}

	private record Punch(long personId, java.time.Instant at, String direction, String attendType, String channel) {
	}

	/**
	 * A window's passes of one team, of the workers the national platform holds (a worker it refused is left out
	 * until accepted); empty when there are none.
	 */
	private Optional<Payload> attendance(long batchId, FieldCipher cipher) {
		Optional<Batch> found = jdbc.sql("""
				select b.project_id, b.team_id, b.received_after, b.received_until, p.code, r.national_key
				  from national_attendance_batch b join project p on p.id = b.project_id
				  left join national_reference r on r.subject = 'TEAM' and r.subject_id = b.team_id
				 where b.id = ?""")
			.param(batchId)
			.query((rs, n) -> new Batch(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3), rs.getTimestamp(4),
					rs.getString(5), rs.getString(6)))
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Batch batch = found.get();
		java.util.List<Punch> punches = jdbc.sql("""
				select s.person_id, s.passed_at, s.direction, s.attend_type, s.channel
				  from national_engaged_pass s
				  join national_report w on w.subject = 'WORKER' and w.subject_id = s.engagement_id and w.change = 'ADD'
				              and w.state = 'ACCEPTED'
				 where s.team_id = ? and s.project_id = ? and s.passed_at > ?::timestamptz - interval '31 days'
				   and s.received_at > ? and s.received_at <= ?
				 order by s.passed_at, s.person_id""")
			.params(batch.teamId(), batch.projectId(), batch.after(), batch.after(), batch.until())
			.query((rs, n) -> new Punch(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		if (punches.isEmpty()) {
			return Optional.empty();
		}
		java.util.Map<Long, Persons.Disclosure> people = new java.util.HashMap<>();
		ObjectNode data = json.createObjectNode();
		data.put("projectCode", batch.project());
		data.put("teamSysNo", batch.teamSysNo());
		var list = data.putArray("dataList");
		java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(java.time.ZoneId.of("Asia/Shanghai"));
		String firstMatch = null;
		for (Punch punch : punches) {
			Persons.Disclosure person = people.computeIfAbsent(punch.personId(),
					id -> persons.disclose(id, RECIPIENT).orElse(null));
			if (person == null) {
				continue;
			}
			ObjectNode row = list.addObject();
			row.put("idCardType", person.idType());
			row.put("idCardNumber", cipher.encrypt(person.idNumber()));
			row.put("date", format.format(punch.at()));
			row.put("direction", "IN".equals(punch.direction()) ? "01" : "02");
			row.put("attendType", punch.attendType());
			row.put("channel", punch.channel());
			if (firstMatch == null) {
				firstMatch = person.idNumber() + "|" + format.format(punch.at());
			}
		}
		return firstMatch == null ? Optional.empty() : Optional.of(new Payload(data.toString(), "idCardNumber", firstMatch));
	}

	private static LocalDate toDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}
}
