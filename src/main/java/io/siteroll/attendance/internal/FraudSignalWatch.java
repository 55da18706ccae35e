package io.siteroll.attendance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.attendance.FraudSignal;
import io.siteroll.attendance.FraudSignalEvidence;
import io.siteroll.attendance.FraudSignals;
import io.siteroll.platform.Page;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

@Service
class FraudSignalWatch implements FraudSignals {

	/**
	 * Reads the evidence as written: times keep the offset the database wrote them with rather than being moved to
	 * UTC, so the API shows them as they are stored.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
		.build();

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	FraudSignalWatch(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public Page<FraudSignal> forProject(long projectId, FraudSignal.Kind kind, LocalDate from, LocalDate to, int page,
			int size) {
		access.requireVisible(projectId);
		StringBuilder where = new StringBuilder(" where project_id = ?");
		List<Object> params = new ArrayList<>(List.of(projectId));
		if (kind != null) {
			where.append(" and kind = ?");
			params.add(kind.name());
		}
		if (from != null) {
			where.append(" and day >= ?");
			params.add(from);
		}
		if (to != null) {
			where.append(" and day <= ?");
			params.add(to);
		}
		long total = jdbc.sql("select count(*) from fraud_signal" + where).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		List<FraudSignal> items = jdbc.sql("select * from fraud_signal" + where + " order by day desc, id desc limit ? offset ?")
			.params(paged)
			.query((rs, n) -> {
				FraudSignal.Kind signalKind = FraudSignal.Kind.valueOf(rs.getString("kind"));
				return new FraudSignal(rs.getLong("id"), signalKind, (Long) rs.getObject("project_id"),
						(Long) rs.getObject("device_id"), (Long) rs.getObject("person_id"), rs.getDate("day").toLocalDate(),
						rs.getTimestamp("detected_at").toInstant(),
						JSON.readValue(rs.getString("evidence"), FraudSignalEvidence.typeOf(signalKind)));
			})
			.list();
		return new Page<>(items, page, size, total);
	}
}
