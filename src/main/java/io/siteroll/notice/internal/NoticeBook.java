package io.siteroll.notice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.enforcement.DocumentPrefixes;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.notice.Notice;
import io.siteroll.notice.NoticeFigures;
import io.siteroll.notice.Notices;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import io.siteroll.platform.ReadOnlyWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notices of the departments: drafts kept with their narrative, issued notices numbered in the issuing
 * department's series (吉住建通〔2026〕3号) with the figures they state stored as issued. Only officers overseeing a
 * notice's region see, edit or issue it; the table's trigger refuses any change to an issued notice.
 */
@Service
class NoticeBook implements Notices {

	/** The longest narrative part a form accepts. */
	static final int NARRATIVE_MAX = 4000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SELECT = """
			select n.*, r.name as region_name, r.path as region_path, c.number as corrects_number
			from notice n join region r on r.code = n.region_code left join notice c on c.id = n.corrects_id""";

	private final JdbcClient jdbc;

	private final CurrentActor actors;

	private final Regions regions;

	private final NoticeDrafter drafter;

	private final DocumentPrefixes prefixes;

	private final Messages messages;

	private final Clock clock;

	NoticeBook(JdbcClient jdbc, CurrentActor actors, Regions regions, NoticeDrafter drafter, DocumentPrefixes prefixes,
			Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.regions = regions;
		this.drafter = drafter;
		this.prefixes = prefixes;
		this.messages = messages;
		this.clock = clock;
	}

	/** A stored notice with its region's path, for the scope check. */
	private record Row(Notice notice, String regionPath, String figures) {
	}

	@Override
	@Transactional
	public Notice draft(Draft draft) {
		Actor actor = officer(actors.get());
		Checks checks = new Checks();
		YearMonth month = month(checks, draft == null ? null : draft.month());
		Region region = null;
		String code = checks.required("regionCode", draft == null ? null : draft.regionCode());
		if (code != null) {
			region = regions.find(code.strip()).orElse(null);
			checks.check(region != null, "regionCode", "region.unknown");
			checks.check(region == null || actor.oversees(region.path()), "regionCode", "notice.region-not-overseen");
		}
		checks.throwIfAny();
		return insert(actor, month, region, null);
	}

	@Override
	@Transactional
	public Notice draft(Actor actor, YearMonth month, String regionCode) {
		officer(actor);
		Region region = regions.require(regionCode);
		if (!actor.oversees(region.path())) {
			throw new Forbidden("notice.region-not-overseen");
		}
		if (month == null || month.isAfter(YearMonth.now(clock))) {
			throw RuleViolation.of("month", "notice.month-future");
		}
		return insert(actor, month, region, null);
	}

	private YearMonth month(Checks checks, String text) {
		String value = checks.required("month", text);
		if (value == null) {
			return null;
		}
		YearMonth month;
		try {
			month = YearMonth.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			checks.check(false, "month", "notice.month-invalid");
			return null;
		}
		checks.check(!month.isAfter(YearMonth.now(clock)), "month", "notice.month-future");
		return month;
	}

	private Notice insert(Actor actor, YearMonth month, Region region, Notice corrected) {
		String period = messages.get(Messages.CHINESE, "notice.text.month", String.valueOf(month.getYear()), month.getMonthValue());
		String preface = corrected != null ? corrected.preface()
				: messages.get(Messages.CHINESE, "notice.default.preface", period, region.name());
		String measures = corrected != null ? corrected.measures()
				: messages.get(Messages.CHINESE, "notice.default.measures");
		String closing = corrected != null ? corrected.closing() : messages.get(Messages.CHINESE, "notice.default.closing");
		long id = jdbc.sql("""
				insert into notice (region_code, month, status, preface, measures, closing, corrects_id, drafted_by, drafted_at,
				                    updated_at)
				values (:region, :month, 'DRAFT', :preface, :measures, :closing, :corrects, :by, :at, :at)
				returning id""")
			.param("region", region.code())
			.param("month", month.atDay(1))
			.param("preface", preface)
			.param("measures", measures)
			.param("closing", closing)
			.param("corrects", corrected == null ? null : corrected.id())
			.param("by", actor.username())
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		return load(id).notice();
	}

	@Override
	@Transactional
	public Notice edit(long noticeId, Narrative narrative) {
		Row row = overseen(noticeId);
		draftOnly(row.notice());
		Checks checks = new Checks();
		String preface = text(checks, "preface", narrative == null ? null : narrative.preface());
		String measures = text(checks, "requirements", narrative == null ? null : narrative.measures());
		String closing = text(checks, "closing", narrative == null ? null : narrative.closing());
		checks.throwIfAny();
		jdbc.sql("""
				update notice set preface = :preface, measures = :measures, closing = :closing, updated_at = :at
				where id = :id and status = 'DRAFT'""")
			.param("preface", preface)
			.param("measures", measures)
			.param("closing", closing)
			.param("at", Timestamp.from(clock.instant()))
			.param("id", noticeId)
			.update();
		return load(noticeId).notice();
	}

	private static String text(Checks checks, String field, String value) {
		String required = checks.required(field, value);
		return required == null ? null : checks.maxLength(field, required.strip(), NARRATIVE_MAX);
	}

	@Override
	@Transactional
	public Notice issue(long noticeId) {
		Actor actor = officer(actors.get());
		Row row = overseen(noticeId);
		draftOnly(row.notice());
		Region region = regions.require(row.notice().regionCode());
		NoticeFigures figures = drafter.draft(row.notice().month(), region);
		LocalDate today = LocalDate.now(clock);
		int year = today.getYear();
		jdbc.sql("select pg_advisory_xact_lock(hashtext('notice-series:' || :region), :year)")
			.param("region", region.code())
			.param("year", year)
			.query()
			.singleValue();
		int serial = jdbc.sql("select coalesce(max(serial), 0) + 1 from notice where region_code = :region and year = :year")
			.param("region", region.code())
			.param("year", year)
			.query(Integer.class)
			.single();
		String number = messages.get(Messages.CHINESE, "notice.number", prefixes.of(region), String.valueOf(year),
				String.valueOf(serial));
		jdbc.sql("""
				update notice set status = 'ISSUED', number = :number, year = :year, serial = :serial, issued_on = :today,
				                  issued_by = :by, issued_at = :at, figures = :figures::jsonb, updated_at = :at
				where id = :id and status = 'DRAFT'""")
			.param("number", number)
			.param("year", year)
			.param("serial", serial)
			.param("today", today)
			.param("by", actor.username())
			.param("at", Timestamp.from(clock.instant()))
			.param("figures", JSON.writeValueAsString(figures))
			.param("id", noticeId)
			.update();
		return load(noticeId).notice();
	}

	@Override
	@Transactional
	public Notice correct(long noticeId) {
		Actor actor = officer(actors.get());
		Row row = overseen(noticeId);
		if (!row.notice().issued()) {
			throw RuleViolation.rule("notice.correct-draft");
		}
		Region region = regions.require(row.notice().regionCode());
		return insert(actor, row.notice().month(), region, row.notice());
	}

	@Override
	@ReadOnlyWork
	public Drafted require(long noticeId) {
		Row row = overseen(noticeId);
		return drafted(row);
	}

	@Override
	@ReadOnlyWork
	public Drafted published(long noticeId) {
		Row row = load(noticeId);
		if (row == null || !row.notice().issued()) {
			throw new NotFound("notice", noticeId);
		}
		return drafted(row);
	}

	private Drafted drafted(Row row) {
		if (row.notice().issued()) {
			return new Drafted(row.notice(), JSON.readValue(row.figures(), NoticeFigures.class));
		}
		return new Drafted(row.notice(), drafter.draft(row.notice().month(), regions.require(row.notice().regionCode())));
	}

	@Override
	@ReadOnlyWork
	public Page<Notice> search(Search search, int page, int size) {
		Actor actor = officer(actors.get());
		Map<String, Object> params = new HashMap<>();
		params.put("scope", actor.regionPath());
		params.put("status", search == null || search.status() == null ? "" : search.status());
		params.put("region", search == null || search.regionCode() == null ? "" : search.regionCode());
		params.put("month", search == null || search.month() == null ? null : search.month().atDay(1));
		String where = """
				where r.path like :scope || '%'
				  and (:status = '' or n.status = :status)
				  and (:region = '' or n.region_code = :region)
				  and (cast(:month as date) is null or n.month = cast(:month as date))""";
		long total = jdbc.sql("select count(*) from notice n join region r on r.code = n.region_code " + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("size", size);
		params.put("offset", (long) page * size);
		List<Notice> items = jdbc.sql(SELECT + " " + where + " order by n.month desc, n.id desc limit :size offset :offset")
			.params(params)
			.query((rs, n) -> row(rs, n).notice())
			.list();
		return new Page<>(items, page, size, total);
	}

	private static Actor officer(Actor actor) {
		if (actor == null || !actor.isOfficer()) {
			throw new Forbidden("notice.officers-only");
		}
		return actor;
	}

	/** The notice if the caller oversees its region: another region's officer is refused (403), not misled. */
	private Row overseen(long noticeId) {
		Actor actor = officer(actors.get());
		Row row = load(noticeId);
		if (row == null) {
			throw new NotFound("notice", noticeId);
		}
		if (!actor.oversees(row.regionPath())) {
			throw new Forbidden("notice.region-not-overseen");
		}
		return row;
	}

	private static void draftOnly(Notice notice) {
		if (notice.issued()) {
			throw RuleViolation.rule("notice.issued-final", notice.number());
		}
	}

	private Row load(long id) {
		return jdbc.sql(SELECT + " where n.id = :id").param("id", id).query(this::row).optional().orElse(null);
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		Timestamp drafted = rs.getTimestamp("drafted_at");
		Notice notice = new Notice(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
				YearMonth.from(rs.getDate("month").toLocalDate()), Notice.Status.valueOf(rs.getString("status")),
				rs.getString("preface"), rs.getString("measures"), rs.getString("closing"), rs.getString("number"),
				rs.getDate("issued_on") == null ? null : rs.getDate("issued_on").toLocalDate(), rs.getString("issued_by"),
				rs.getObject("corrects_id", Long.class), rs.getString("corrects_number"), rs.getString("drafted_by"),
				drafted.toInstant());
		return new Row(notice, rs.getString("region_path"), rs.getString("figures"));
	}
}
