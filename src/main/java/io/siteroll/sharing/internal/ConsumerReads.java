package io.siteroll.sharing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.device.DeviceSignature;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Dates;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import io.siteroll.sharing.Agreement;
import io.siteroll.sharing.DataSet;
import io.siteroll.sharing.SharedData;
import io.siteroll.sharing.SharedField;
import io.siteroll.sharing.SharingRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consumer's read, checked in this order: the signature headers, the client id, the timestamp (±5 minutes of
 * the platform clock), the nonce's form, the signature ({@link DeviceSignature}, the gates' scheme, with the
 * agreement's secret), the nonce (once per agreement), the agreement's state on the platform's today, its rate
 * limit, the data set and region granted, the paging. Every request ends in the access log, served or refused
 * with its rule; a refusal reads nothing. A served read returns only the granted fields; personal fields are
 * masked unless the agreement grants them in clear, and then one audit entry per record read in clear
 * (subject the engagement) names the agreement, the fields and the person.
 */
@Service
class ConsumerReads implements SharedData {

	private static final Logger log = LoggerFactory.getLogger(ConsumerReads.class);

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	static final int MAX_ATTENDANCE_DAYS = 31;

	private static final String ID_PURPOSE = "person.id_number";

	private static final String CARD_PURPOSE = "worker_engagement.bank_card";

	private final AgreementBook agreements;

	private final RateLimits limits;

	private final Regions regions;

	private final PersonalDataCipher cipher;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	ConsumerReads(AgreementBook agreements, RateLimits limits, Regions regions, PersonalDataCipher cipher,
			AuditTrail audit, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		this.agreements = agreements;
		this.limits = limits;
		this.regions = regions;
		this.cipher = cipher;
		this.audit = audit;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public Answer read(SignedRead r) {
		String dataSetName = r.dataSet() == null ? null : r.dataSet().strip().toUpperCase(Locale.ROOT);
		DataSet dataSet = null;
		try {
			dataSet = DataSet.valueOf(dataSetName);
		}
		catch (RuntimeException e) {
			// refused below, once the caller is known
		}
		if (r.clientId() == null || r.timestamp() == null || r.nonce() == null || r.signature() == null) {
			throw refuse(null, r, dataSet, 401, "sharing.signature-missing");
		}
		Optional<Agreement> found = agreements.byClientId(r.clientId().strip());
		if (found.isEmpty()) {
			throw refuse(null, r, dataSet, 401, "sharing.client-unknown");
		}
		Agreement agreement = found.get();
		long seconds;
		try {
			seconds = Long.parseLong(r.timestamp().strip());
		}
		catch (NumberFormatException e) {
			throw refuse(agreement, r, dataSet, 401, "sharing.timestamp-stale");
		}
		if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
			throw refuse(agreement, r, dataSet, 401, "sharing.timestamp-stale");
		}
		if (!r.nonce().matches("[A-Za-z0-9_-]{16,64}")) {
			throw refuse(agreement, r, dataSet, 401, "sharing.nonce-format");
		}
		String expected = DeviceSignature.sign(agreements.secret(agreement.id()), r.method(), r.pathAndQuery(),
				r.timestamp().strip(), r.nonce(), new byte[0]);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				r.signature().strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			throw refuse(agreement, r, dataSet, 401, "sharing.signature-invalid");
		}
		if (jdbc.sql("insert into sharing_nonce (agreement_id, nonce, seen_at) values (?, ?, ?) on conflict do nothing")
			.params(agreement.id(), r.nonce(), Timestamp.from(clock.instant()))
			.update() == 0) {
			throw refuse(agreement, r, dataSet, 401, "sharing.nonce-replayed");
		}
		LocalDate today = LocalDate.now(clock);
		switch (agreement.state(today)) {
			case APPLIED, REJECTED -> throw refuse(agreement, r, dataSet, 403, "sharing.agreement-not-approved");
			case SUSPENDED -> throw refuse(agreement, r, dataSet, 403, "sharing.agreement-suspended");
			case EXPIRED -> throw refuse(agreement, r, dataSet, 403, "sharing.agreement-expired");
			case APPROVED -> {
				if (today.isBefore(agreement.validFrom())) {
					throw refuse(agreement, r, dataSet, 403, "sharing.agreement-not-yet-valid");
				}
			}
		}
		if (!limits.take(agreement.id(), agreement.ratePerMinute())) {
			throw refuse(agreement, r, dataSet, 429, "sharing.rate-limited");
		}
		Query query;
		try {
			query = query(agreement, r, dataSet, today);
		}
		catch (RuleViolation e) {
			log(agreement, r, dataSet, List.of(), 400, e.violations().get(0).rule(), 0);
			throw e;
		}
		return serve(agreement, r, query);
	}

	/** What to read: the data set, the granted fields, the region paths, the page. */
	private record Query(DataSet dataSet, List<SharedField> fields, List<String> paths, String regionCode, int page,
			int size, LocalDate from, LocalDate to) {
	}

	private Query query(Agreement agreement, SignedRead r, DataSet dataSet, LocalDate today) {
		if (dataSet == null) {
			throw RuleViolation.of("dataset", "one-of", "projects, workers, attendance");
		}
		List<SharedField> fields = agreement.fields(dataSet);
		if (fields.isEmpty()) {
			throw refuse(agreement, r, dataSet, 403, "sharing.dataset-not-granted");
		}
		String regionCode = regions.filter("region", r.region());
		List<String> paths = new ArrayList<>();
		if (regionCode == null) {
			agreement.regions().forEach(code -> regions.find(code).ifPresent(g -> paths.add(g.path())));
		}
		else {
			Region asked = regions.require(regionCode);
			boolean granted = agreement.regions()
				.stream()
				.map(regions::find)
				.flatMap(Optional::stream)
				.anyMatch(g -> g.contains(asked));
			if (!granted) {
				throw refuse(agreement, r, dataSet, 403, "sharing.region-not-granted");
			}
			paths.add(asked.path());
		}
		Checks checks = new Checks();
		Integer page = checks.field("page", () -> Page.number(r.page()));
		Integer size = checks.field("size", () -> Page.size(r.size()));
		LocalDate from = null;
		LocalDate to = null;
		if (dataSet == DataSet.ATTENDANCE) {
			to = r.to() == null || r.to().isBlank() ? today : checks.field("to", () -> Dates.day(r.to()));
			LocalDate end = to;
			from = r.from() == null || r.from().isBlank() ? (end == null ? null : end.minusDays(6))
					: checks.field("from", () -> Dates.day(r.from()));
			if (from != null && to != null) {
				checks.check(!to.isBefore(from), "to", "sharing.span-order");
				checks.check(!to.isAfter(from.plusDays(MAX_ATTENDANCE_DAYS - 1)), "to", "sharing.span-days",
						MAX_ATTENDANCE_DAYS);
			}
		}
		checks.throwIfAny();
		return new Query(dataSet, fields, paths, regionCode, page, size, from, to);
	}

	private Answer serve(Agreement agreement, SignedRead r, Query q) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		// The audit trail names the consumer as the actor of what it reads in clear.
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("sharing:" + agreement.clientId(), null,
					List.of()));
		try {
			return tx.execute(status -> {
				Answer answer = switch (q.dataSet()) {
					case PROJECTS -> projects(q);
					case WORKERS -> workers(agreement, q);
					case ATTENDANCE -> attendance(q);
				};
				log(agreement, r, q.dataSet(), answer.fields(), 200, null, answer.items().size(), q.regionCode());
				return answer;
			});
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	private static final String REGION_CONDITION = " r.path like any (cast(:paths as text[])) ";

	private Answer projects(Query q) {
		String from = """
				from project p join region r on r.code = p.region_code join enterprise e on e.id = p.contractor_id
				where""" + REGION_CONDITION;
		long total = jdbc.sql("select count(*) " + from).param("paths", likeAny(q.paths())).query(Long.class).single();
		List<Map<String, Object>> items = jdbc.sql("""
				select p.code, p.name, p.region_code, p.address, e.name contractor_name, e.credit_code, p.start_date,
				       case when p.start_date is null or p.start_date > :today then 'NOT_STARTED'
				            when p.completion_date is not null and p.completion_date < :today then 'COMPLETED'
				            when exists (select 1 from project_stoppage s where s.project_id = p.id and s.status = 'IN_FORCE'
				                         and s.first_day <= :today and (s.last_day is null or s.last_day >= :today)) then 'STOPPED'
				            else 'UNDER_CONSTRUCTION' end status
				""" + from + " order by p.id limit :limit offset :offset")
			.param("paths", likeAny(q.paths()))
			.param("today", LocalDate.now(clock))
			.param("limit", q.size())
			.param("offset", (long) q.page() * q.size())
			.query((rs, n) -> {
				Map<String, Object> all = new LinkedHashMap<>();
				all.put("code", rs.getString("code"));
				all.put("name", rs.getString("name"));
				all.put("regionCode", rs.getString("region_code"));
				all.put("address", rs.getString("address"));
				all.put("contractorName", rs.getString("contractor_name"));
				all.put("contractorCreditCode", rs.getString("credit_code"));
				all.put("startDate", string(rs.getObject("start_date", LocalDate.class)));
				all.put("status", rs.getString("status"));
				return only(q.fields(), all);
			})
			.list();
		return answer(q, total, items);
	}

	private Answer workers(Agreement agreement, Query q) {
		String from = """
				from worker_engagement w join person pe on pe.id = w.person_id join project p on p.id = w.project_id
				     join team t on t.id = w.team_id join region r on r.code = p.region_code
				where""" + REGION_CONDITION;
		long total = jdbc.sql("select count(*) " + from).param("paths", likeAny(q.paths())).query(Long.class).single();
		boolean clear = agreement.personalInClear();
		boolean idGranted = q.fields().contains(SharedField.WORKER_ID_NUMBER);
		boolean cardGranted = q.fields().contains(SharedField.WORKER_BANK_CARD);
		List<AuditRecord> reads = new ArrayList<>();
		List<Map<String, Object>> items = jdbc.sql("""
				select w.id, w.person_id, pe.name, pe.id_number_masked, pe.id_number_cipher, w.work_type, p.code project_code,
				       t.name team, w.entry_date, w.exit_date, w.bank_card_masked, w.bank_card_cipher
				""" + from + " order by w.id limit :limit offset :offset")
			.param("paths", likeAny(q.paths()))
			.param("limit", q.size())
			.param("offset", (long) q.page() * q.size())
			.query((rs, n) -> {
				Map<String, Object> all = new LinkedHashMap<>();
				all.put("name", rs.getString("name"));
				byte[] card = rs.getBytes("bank_card_cipher");
				if (clear && idGranted) {
					all.put("idNumber", cipher.decrypt(ID_PURPOSE, rs.getBytes("id_number_cipher")));
				}
				else {
					all.put("idNumber", rs.getString("id_number_masked"));
				}
				all.put("workType", rs.getString("work_type"));
				all.put("projectCode", rs.getString("project_code"));
				all.put("team", rs.getString("team"));
				all.put("entryDate", string(rs.getObject("entry_date", LocalDate.class)));
				all.put("exitDate", string(rs.getObject("exit_date", LocalDate.class)));
				if (clear && cardGranted && card != null) {
					all.put("bankCard", cipher.decrypt(CARD_PURPOSE, card));
				}
				else {
					all.put("bankCard", rs.getString("bank_card_masked"));
				}
				List<String> inClear = new ArrayList<>();
				if (clear && idGranted) {
					inClear.add("idNumber");
				}
				if (clear && cardGranted && card != null) {
					inClear.add("bankCard");
				}
				if (!inClear.isEmpty()) {
					Map<String, Object> what = new LinkedHashMap<>();
					what.put("agreement", agreement.id());
					what.put("consumer", agreement.consumer());
					what.put("fields", inClear);
					what.put("personId", rs.getLong("person_id"));
					reads.add(new AuditRecord("PERSONAL_DATA_SHARED", "worker_engagement", String.valueOf(rs.getLong("id")),
							null, what));
				}
				return only(q.fields(), all);
			})
			.list();
		if (!reads.isEmpty()) {
			audit.recordAll(reads);
		}
		return answer(q, total, items);
	}

	private Answer attendance(Query q) {
		String grouped = """
				from daily_presence d join project p on p.id = d.project_id join region r on r.code = p.region_code
				where d.day between :from and :to and""" + REGION_CONDITION + " group by p.id, p.code, d.day";
		long total = jdbc.sql("select count(*) from (select 1 " + grouped + ") g")
			.param("paths", likeAny(q.paths()))
			.param("from", q.from())
			.param("to", q.to())
			.query(Long.class)
			.single();
		List<Map<String, Object>> items = jdbc.sql("select p.code, d.day, count(*) present, count(*) filter (where d.valid) valid "
				+ grouped + " order by d.day, p.code limit :limit offset :offset")
			.param("paths", likeAny(q.paths()))
			.param("from", q.from())
			.param("to", q.to())
			.param("limit", q.size())
			.param("offset", (long) q.page() * q.size())
			.query((rs, n) -> {
				Map<String, Object> all = new LinkedHashMap<>();
				all.put("projectCode", rs.getString("code"));
				all.put("day", string(rs.getObject("day", LocalDate.class)));
				all.put("presentWorkers", rs.getLong("present"));
				all.put("validWorkers", rs.getLong("valid"));
				return only(q.fields(), all);
			})
			.list();
		return answer(q, total, items);
	}

	private static Answer answer(Query q, long total, List<Map<String, Object>> items) {
		return new Answer(q.dataSet(), q.fields().stream().map(SharedField::key).toList(), q.page(), q.size(), total,
				items);
	}

	/** The record with the granted fields only, in the data set's order: a field not granted is never in it. */
	private static Map<String, Object> only(List<SharedField> granted, Map<String, Object> all) {
		Map<String, Object> record = new LinkedHashMap<>();
		for (SharedField f : granted) {
			record.put(f.key(), all.get(f.key()));
		}
		return record;
	}

	private static String string(LocalDate day) {
		return day == null ? null : day.toString();
	}

	private static String likeAny(List<String> paths) {
		StringBuilder b = new StringBuilder("{");
		for (String p : paths) {
			if (b.length() > 1) {
				b.append(',');
			}
			b.append('"').append(p).append("%\"");
		}
		return b.append('}').toString();
	}

	private SharingRefused refuse(Agreement agreement, SignedRead r, DataSet dataSet, int status, String rule) {
		log.info("Sharing request refused: client={} dataset={} rule={}", r.clientId(), r.dataSet(), rule);
		log(agreement, r, dataSet, List.of(), status, rule, 0);
		return new SharingRefused(status, rule);
	}

	private void log(Agreement agreement, SignedRead r, DataSet dataSet, List<String> fields, int status, String rule,
			int records) {
		log(agreement, r, dataSet, fields, status, rule, records, null);
	}

	private void log(Agreement agreement, SignedRead r, DataSet dataSet, List<String> fields, int status, String rule,
			int records, String regionCode) {
		String client = r.clientId() == null ? null : r.clientId().strip();
		jdbc.sql("""
				insert into sharing_access (agreement_id, client_id, data_set, fields, region_code, records, status,
				    refused_rule, at)
				values (:agreement, :client, :dataSet, cast(:fields as text[]), :region, :records, :status, :rule, :at)""")
			.param("agreement", agreement == null ? null : agreement.id())
			.param("client", client == null || client.length() > 100 ? null : client)
			.param("dataSet", dataSet == null ? null : dataSet.name())
			.param("fields", "{" + String.join(",", fields) + "}")
			.param("region", regionCode != null ? regionCode
					: r.region() == null || r.region().length() > 12 ? null : r.region().strip())
			.param("records", records)
			.param("status", status)
			.param("rule", rule)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}
}
