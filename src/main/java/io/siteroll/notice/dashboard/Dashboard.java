package io.siteroll.notice.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.siteroll.campaign.Campaign;
import io.siteroll.campaign.Campaigns;
import io.siteroll.campaign.Phase;
import io.siteroll.campaign.Target;
import io.siteroll.compliance.AttendanceRates;
import io.siteroll.compliance.AttendanceRates.Level;
import io.siteroll.compliance.AttendanceRates.Period;
import io.siteroll.compliance.OpenCases;
import io.siteroll.compliance.WarningTallies;
import io.siteroll.enforcement.EnforcementTallies;
import io.siteroll.enforcement.OpenOrders;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.Projects;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import io.siteroll.platform.ReadOnlyWork;
import org.springframework.stereotype.Service;

/**
 * 驾驶舱: a region's month at a glance, for the officer whose region contains it (or an enterprise's projects, for the
 * enterprise side). Every figure comes from the owning module's API over the caller's projects (attendance and duty
 * rates and coverage from compliance's {@link AttendanceRates}, warnings, orders and penalties from their modules'
 * counts), so the dashboard never sees more than the lists behind its figures.
 * <p>
 * The month's attendance and duty rates are asked once per division below the region and day (one read of the
 * attendance tally); the region's headline, the divisions' month and the daily trend are sums of those rows, which
 * equal what the coarser questions answer because the counts add up. The earlier months of the trend are whole
 * months, which the tally keeps summed.
 */
@Service
public class Dashboard {

	/** Months shown in the monthly trends, the month asked for included. */
	static final int TREND_MONTHS = 6;

	/**
	 * Projects listed below a county (or on the enterprise side), those needing attention first: a county has some
	 * 600, whose rows and bars no one reads at once and which made the page the slowest; the full list is one link
	 * away ({@code /projects?region=}).
	 */
	static final int PROJECT_ROWS = 50;

	/** Worker-days or key-post-days and those attended, with the rate in percent (none of nothing). */
	public record Share(long whole, long part) {

		static final Share NONE = new Share(0, 0);

		public Double percent() {
			return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
		}

		Share plus(long w, long p) {
			return new Share(whole + w, part + p);
		}
	}

	/** Projects registered in the region, started by the day, equipped with a device and connected that day. */
	public record Coverage(long registered, long started, long equipped, long connected) {

		/** 全覆盖: started projects both equipped and connected, in percent of the started ones. */
		public Double percent() {
			return started == 0 ? null : Math.round(connected * 1000.0 / started) / 10.0;
		}
	}

	/** A division below the region (or a project, below a county) with its month. */
	public record Division(String key, String name, boolean project, Share attendance, Share duty, long started,
			long equipped, long connected, long openFindings, long openWarnings, long openOrders, long overdueOrders) {

		public Double coveragePercent() {
			return started == 0 ? null : Math.round(connected * 1000.0 / started) / 10.0;
		}
	}

	/** A point of a trend: a day or a month's first day. */
	public record Point(LocalDate period, Share attendance, Share duty) {
	}

	/** The campaign in force on the day: its phase that day (none between phases) and its targets. */
	public record CampaignStatus(Campaign campaign, Optional<Phase> phase, int coverageTarget, int attendanceTarget,
			int dutyTarget) {
	}

	/** {@code latest}: the month shown is the current one (no later month to go to). */
	public record Overview(Region region, List<Region> trail, boolean officer, YearMonth month, boolean latest, LocalDate from,
			LocalDate asOf, Level divisionLevel, Coverage coverage, Share attendance, Share duty, long openWarnings,
			Map<RectificationOrder.Status, Long> orders, EnforcementTallies.Penalised penalised,
			Optional<CampaignStatus> campaign, List<Division> divisions, int divisionsInAll, List<Point> days,
			List<Point> months, List<WarningTallies.Raised> warnings) {

		/** Whether the table lists only some of the projects (those needing attention first). */
		public boolean limited() {
			return divisions.size() < divisionsInAll;
		}

		public long openOrders() {
			return orders.get(RectificationOrder.Status.ISSUED) + orders.get(RectificationOrder.Status.ANSWERED);
		}

		public long overdueOrders() {
			return orders.get(RectificationOrder.Status.OVERDUE);
		}
	}

	private final AttendanceRates rates;

	private final WarningTallies warnings;

	private final EnforcementTallies enforcement;

	private final OpenCases openCases;

	private final OpenOrders openOrders;

	private final Campaigns campaigns;

	private final Projects projects;

	private final Regions regions;

	private final CurrentActor actors;

	private final Clock clock;

	Dashboard(AttendanceRates rates, WarningTallies warnings, EnforcementTallies enforcement, OpenCases openCases,
			OpenOrders openOrders, Campaigns campaigns, Projects projects, Regions regions, CurrentActor actors,
			Clock clock) {
		this.rates = rates;
		this.warnings = warnings;
		this.enforcement = enforcement;
		this.openCases = openCases;
		this.openOrders = openOrders;
		this.campaigns = campaigns;
		this.projects = projects;
		this.regions = regions;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * The region (default: the officer's own; the province's for the enterprise side, whose scope is its projects)
	 * in the month (default: this month; a month to come is refused). A region outside the officer's is forbidden.
	 */
	@ReadOnlyWork
	public Overview overview(String regionCode, YearMonth month) {
		Actor actor = actors.get();
		LocalDate today = LocalDate.now(clock);
		YearMonth shown = month == null ? YearMonth.from(today) : month;
		if (shown.isAfter(YearMonth.from(today))) {
			throw RuleViolation.of("month", "dashboard.month-to-come");
		}
		Region home = regions.require(actor.isOfficer() ? actor.regionCode() : "220000");
		Region region = regionCode == null || regionCode.isBlank() ? home : regions.require(regionCode.strip());
		if (!home.contains(region)) {
			throw new Forbidden("dashboard.region-outside-scope");
		}
		String filter = region.level() == Region.Level.PROVINCE ? null : region.code();
		LocalDate from = shown.atDay(1);
		LocalDate asOf = shown.equals(YearMonth.from(today)) ? today : shown.atEndOfMonth();
		Level level = divisionLevel(actor, region);

		Map<String, Division> divisions = new LinkedHashMap<>();
		Map<LocalDate, Share[]> days = new LinkedHashMap<>();
		if (level != Level.PROJECT) {
			regions.children(region.code()).forEach(r -> divisions.put(r.code(),
					new Division(r.code(), r.name(), false, Share.NONE, Share.NONE, 0, 0, 0, 0, 0, 0, 0)));
		}
		for (AttendanceRates.RateAndDuty r : rates.ratesAndDuty(level, Period.MONTH, from, asOf, filter)) {
			Division d = divisions.get(r.key());
			if (d == null) {
				d = new Division(r.key(), r.name(), level == Level.PROJECT, Share.NONE, Share.NONE, 0, 0, 0, 0, 0, 0, 0);
			}
			divisions.put(r.key(), new Division(d.key(), d.name(), d.project(),
					d.attendance().plus(r.registeredWorkerDays(), r.attendedWorkerDays()),
					d.duty().plus(r.postDays(), r.attendedPostDays()), d.started(), d.equipped(), d.connected(), 0, 0, 0,
					0));
		}
		for (AttendanceRates.RateAndDuty r : rates.ratesAndDuty(Level.PROVINCE, Period.DAY, from, asOf, filter)) {
			days.put(r.period(), new Share[] { new Share(r.registeredWorkerDays(), r.attendedWorkerDays()),
					new Share(r.postDays(), r.attendedPostDays()) });
		}
		long started = 0;
		long equipped = 0;
		long connected = 0;
		for (AttendanceRates.Coverage c : rates.coverage(level, asOf, filter)) {
			started += c.startedProjects();
			equipped += c.equippedProjects();
			connected += c.connectedProjects();
			Division d = divisions.get(c.key());
			if (d == null && level == Level.PROJECT) {
				d = new Division(c.key(), c.name(), true, Share.NONE, Share.NONE, 0, 0, 0, 0, 0, 0, 0);
			}
			if (d != null) {
				divisions.put(c.key(), new Division(d.key(), d.name(), d.project(), d.attendance(), d.duty(),
						c.startedProjects(), c.equippedProjects(), c.connectedProjects(), 0, 0, 0, 0));
			}
		}
		if (level == Level.PROJECT) {
			withCases(divisions);
		}
		Optional<CampaignStatus> campaign = campaigns.inForce(asOf)
			.map(c -> new CampaignStatus(c, c.phaseOn(asOf), c.target(Target.Kind.COVERAGE),
					c.target(Target.Kind.WORKER_ATTENDANCE), c.target(Target.Kind.KEY_MANAGER_DUTY)));
		Share attendance = Share.NONE;
		Share duty = Share.NONE;
		List<Point> dayPoints = new ArrayList<>();
		for (Map.Entry<LocalDate, Share[]> e : days.entrySet()) {
			attendance = attendance.plus(e.getValue()[0].whole(), e.getValue()[0].part());
			duty = duty.plus(e.getValue()[1].whole(), e.getValue()[1].part());
			dayPoints.add(new Point(e.getKey(), e.getValue()[0], e.getValue()[1]));
		}
		dayPoints.sort((a, b) -> a.period().compareTo(b.period()));
		List<Point> monthPoints = months(shown, filter);
		monthPoints.add(new Point(from, attendance, duty));

		long registered = projects.search(new Projects.Search(null, filter, null), 0, 1).total();
		Coverage coverage = new Coverage(registered, started, equipped, connected);
		return new Overview(region, trail(home, region), actor.isOfficer(), shown, shown.equals(YearMonth.from(today)), from, asOf, level, coverage, attendance,
				duty, warnings.open(filter), enforcement.ordersByStatus(filter),
				enforcement.penalised(from, shown.atEndOfMonth(), filter), campaign, listed(divisions.values(), level, campaign),
				divisions.size(), 				dayPoints, monthPoints,
				warnings.raisedByKindAndMonth(shown.minusMonths(TREND_MONTHS - 1).atDay(1), shown.atEndOfMonth(), filter));
	}

	/** The province shows its cities, a city its counties; a county (or a division without any) its projects. */
	private Level divisionLevel(Actor actor, Region region) {
		if (!actor.isOfficer()) {
			return Level.PROJECT;
		}
		if (region.level() == Region.Level.PROVINCE) {
			return Level.CITY;
		}
		return regions.children(region.code()).isEmpty() ? Level.PROJECT : Level.COUNTY;
	}

	/**
	 * The divisions as they are; projects, if more than {@link #PROJECT_ROWS}, those needing attention first (short of
	 * the attendance or duty target, started but not connected, or with open cases or orders), the lowest attendance
	 * first among them, and only the first {@link #PROJECT_ROWS}.
	 */
	private static List<Division> listed(Collection<Division> all, Level level, Optional<CampaignStatus> campaign) {
		if (level != Level.PROJECT || all.size() <= PROJECT_ROWS) {
			return List.copyOf(all);
		}
		int attendanceTarget = campaign.map(CampaignStatus::attendanceTarget).orElse(0);
		int dutyTarget = campaign.map(CampaignStatus::dutyTarget).orElse(0);
		Predicate<Division> attention = d -> below(d.attendance(), attendanceTarget) || below(d.duty(), dutyTarget)
				|| d.connected() < d.started() || d.openFindings() + d.openWarnings() + d.openOrders() > 0;
		return all.stream()
			.sorted(Comparator.comparing((Division d) -> !attention.test(d))
				.thenComparing(d -> d.attendance().percent(), Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Division::name))
			.limit(PROJECT_ROWS)
			.toList();
	}

	private static boolean below(Share share, int target) {
		return share.percent() != null && share.percent() < target;
	}

	/** A project's open findings, warnings and orders, as the enterprise's workbench counts them. */
	private void withCases(Map<String, Division> divisions) {
		Map<Long, OpenCases.Counts> cases = new LinkedHashMap<>();
		openCases.perProject().forEach(c -> cases.put(c.projectId(), c));
		Map<Long, OpenOrders.Counts> orders = new LinkedHashMap<>();
		openOrders.perProject().forEach(c -> orders.put(c.projectId(), c));
		divisions.replaceAll((key, d) -> {
			long id = Long.parseLong(key);
			OpenCases.Counts c = cases.get(id);
			OpenOrders.Counts o = orders.get(id);
			return new Division(d.key(), d.name(), true, d.attendance(), d.duty(), d.started(), d.equipped(),
					d.connected(), c == null ? 0 : c.findings(), c == null ? 0 : c.warnings(), o == null ? 0 : o.open(),
					o == null ? 0 : o.overdue());
		});
	}

	/** The whole months before the month shown, from the tally's monthly sums. */
	private List<Point> months(YearMonth shown, String filter) {
		YearMonth first = shown.minusMonths(TREND_MONTHS - 1);
		LocalDate to = shown.minusMonths(1).atEndOfMonth();
		Map<LocalDate, Share[]> byMonth = new LinkedHashMap<>();
		for (YearMonth m = first; m.isBefore(shown); m = m.plusMonths(1)) {
			byMonth.put(m.atDay(1), new Share[] { Share.NONE, Share.NONE });
		}
		rates.ratesAndDuty(Level.PROVINCE, Period.MONTH, first.atDay(1), to, filter)
			.forEach(r -> byMonth.put(r.period(), new Share[] { new Share(r.registeredWorkerDays(), r.attendedWorkerDays()),
					new Share(r.postDays(), r.attendedPostDays()) }));
		List<Point> points = new ArrayList<>();
		byMonth.forEach((m, s) -> points.add(new Point(m, s[0], s[1])));
		return points;
	}

	/** From the caller's own region down to the region shown. */
	private List<Region> trail(Region home, Region region) {
		List<Region> trail = new ArrayList<>();
		for (String code : region.path().split("/")) {
			if (!code.isBlank()) {
				Region r = regions.require(code);
				if (home.contains(r)) {
					trail.add(r);
				}
			}
		}
		return trail;
	}
}
