package io.siteroll.attendance.internal;

import java.time.LocalDate;
import java.util.Map;

import io.siteroll.attendance.FraudSignal;
import io.siteroll.attendance.FraudSignalEvidence;
import io.siteroll.attendance.FraudSignals;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
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
		return SqlSearch.where("project_id = :project", Map.of("project", projectId))
			.and("kind = :kind", "kind", kind == null ? null : kind.name())
			.and("day >= :from", "from", from)
			.and("day <= :to", "to", to)
			.page(jdbc, "select * ", " from fraud_signal", "day desc, id desc", (rs, n) -> {
				FraudSignal.Kind signalKind = FraudSignal.Kind.valueOf(rs.getString("kind"));
				return new FraudSignal(rs.getLong("id"), signalKind, (Long) rs.getObject("project_id"),
						(Long) rs.getObject("device_id"), (Long) rs.getObject("person_id"), rs.getDate("day").toLocalDate(),
						rs.getTimestamp("detected_at").toInstant(),
						JSON.readValue(rs.getString("evidence"), FraudSignalEvidence.typeOf(signalKind)));
			}, page, size);
	}
}
