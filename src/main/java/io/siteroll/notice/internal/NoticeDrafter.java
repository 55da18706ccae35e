package io.siteroll.notice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.compliance.AttendanceRates;
import io.siteroll.compliance.WarningTallies;
import io.siteroll.enforcement.EnforcementTallies;
import io.siteroll.notice.NoticeFigures;
import io.siteroll.personnel.ManagerPost;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.Post;
import io.siteroll.project.Project;
import io.siteroll.project.Projects;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Drafts the figures of a month's notice for a region from the owning modules' APIs: coverage and attendance from
 * compliance's {@link AttendanceRates}, warnings from its {@link WarningTallies}, the departments' work from
 * enforcement's {@link EnforcementTallies}, the named projects' builders and managers from the project and personnel
 * modules. Reads in the caller's scope, which contains the region.
 */
@Component
class NoticeDrafter {

	/** How many projects the notice names below the target (附件1) and above it (附件2). */
	static final int SHORTFALLS = 10;

	static final int PRAISED = 5;

	private final AttendanceRates rates;

	private final WarningTallies warnings;

	private final EnforcementTallies enforcement;

	private final Projects projects;

	private final ManagerPosts managers;

	private final Regions regions;

	private final NoticeTargets targets;

	private final DepartmentContacts contacts;

	private final Clock clock;

	NoticeDrafter(AttendanceRates rates, WarningTallies warnings, EnforcementTallies enforcement, Projects projects,
			ManagerPosts managers, Regions regions, NoticeTargets targets, DepartmentContacts contacts, Clock clock) {
		this.contacts = contacts;
		this.rates = rates;
		this.warnings = warnings;
		this.enforcement = enforcement;
		this.projects = projects;
		this.managers = managers;
		this.regions = regions;
		this.targets = targets;
		this.clock = clock;
	}

	NoticeFigures draft(YearMonth month, Region region) {
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		LocalDate today = LocalDate.now(clock);
		LocalDate countedOn = today.isBefore(to) ? today : to;
		NoticeFigures.Targets target = targets.of(month);

		AttendanceRates.Level level = divisionLevel(region);
		// a county, or a region that holds its projects itself (长春新区, 长白山管委会), is its own only division
		List<Region> children = region.level() == Region.Level.COUNTY ? List.of() : regions.children(region.code());
		List<Region> divisions = children.isEmpty() ? List.of(region) : children;
		Map<String, AttendanceRates.Rate> rateByKey = byKey(
				rates.rates(level, AttendanceRates.Period.MONTH, from, to, region.code()), AttendanceRates.Rate::key);
		Map<String, AttendanceRates.Coverage> coverageByKey = byKey(rates.coverage(level, countedOn, region.code()),
				AttendanceRates.Coverage::key);
		Map<String, AttendanceRates.DutyRate> dutyByKey = byKey(
				rates.dutyRates(level, AttendanceRates.Period.MONTH, from, to, region.code()), AttendanceRates.DutyRate::key);
		List<NoticeFigures.Division> lines = divisions.stream()
			.map(d -> division(d.code(), d.name(), rateByKey.get(d.code()), coverageByKey.get(d.code()),
					dutyByKey.get(d.code())))
			.toList();
		AttendanceRates.Level whole = AttendanceRates.Level.PROVINCE;
		NoticeFigures.Division total = division(region.code(), region.name(),
				rates.rates(whole, AttendanceRates.Period.MONTH, from, to, region.code()).stream().findFirst().orElse(null),
				rates.coverage(whole, countedOn, region.code()).stream().findFirst().orElse(null),
				rates.dutyRates(whole, AttendanceRates.Period.MONTH, from, to, region.code()).stream().findFirst().orElse(null));
		Map<String, AttendanceRates.DutyRate> dutyByProject = byKey(
				rates.dutyRates(AttendanceRates.Level.PROJECT, AttendanceRates.Period.MONTH, from, to, region.code()),
				AttendanceRates.DutyRate::key);

		List<AttendanceRates.Rate> perProject = rates
			.rates(AttendanceRates.Level.PROJECT, AttendanceRates.Period.MONTH, from, to, region.code())
			.stream()
			.filter(r -> r.registeredWorkerDays() > 0)
			.toList();
		List<NoticeFigures.ProjectLine> shortfalls = perProject.stream()
			.filter(r -> percent(r.attendedWorkerDays(), r.registeredWorkerDays()).compareTo(target.attendancePercent()) < 0)
			.sorted(Comparator.comparing((AttendanceRates.Rate r) -> percent(r.attendedWorkerDays(), r.registeredWorkerDays()))
				.thenComparing(AttendanceRates.Rate::registeredWorkerDays, Comparator.reverseOrder()))
			.limit(SHORTFALLS)
			.map(r -> project(r, dutyByProject.get(r.key()), month))
			.toList();
		List<NoticeFigures.ProjectLine> praised = perProject.stream()
			.filter(r -> percent(r.attendedWorkerDays(), r.registeredWorkerDays()).compareTo(target.attendancePercent()) >= 0)
			.sorted(Comparator.comparing((AttendanceRates.Rate r) -> percent(r.attendedWorkerDays(), r.registeredWorkerDays()))
				.reversed()
				.thenComparing(AttendanceRates.Rate::registeredWorkerDays, Comparator.reverseOrder()))
			.limit(PRAISED)
			.map(r -> project(r, dutyByProject.get(r.key()), month))
			.toList();

		List<NoticeFigures.Warnings> raised = warnings.tally(from, to, region.code())
			.stream()
			.map(t -> new NoticeFigures.Warnings(t.kind(), t.raised(), t.handled()))
			.toList();
		EnforcementTallies.Tally work = enforcement.tally(from, to, region.code());
		NoticeFigures.Enforcement done = new NoticeFigures.Enforcement(work.inspections(), work.inspectedProjects(),
				work.functionTests(), work.functionTestsFailed(), work.ordersIssued(), work.ordersRectified(),
				work.ordersOverdue(), work.ordersOpen(), work.penalties(), work.finesYuan(), work.creditRecords());
		List<NoticeFigures.TypicalCase> cases = enforcement.typicalCases(from, to, region.code())
			.stream()
			.map(c -> new NoticeFigures.TypicalCase(c.id(), c.title(), c.projectName(), c.documentNumber(), c.decidedOn()))
			.toList();
		NoticeFigures.Contact contact = contacts.of(region.code())
			.map(c -> new NoticeFigures.Contact(c.name(), c.post(), c.phone(), c.email()))
			.orElse(null);
		return new NoticeFigures(month, region.code(), region.name(), countedOn, target, lines, total, raised, done,
				shortfalls, praised, cases, contact);
	}

	/** A province's notice reports per city, a city's per county, a county on itself. */
	static AttendanceRates.Level divisionLevel(Region region) {
		return region.level() == Region.Level.PROVINCE ? AttendanceRates.Level.CITY : AttendanceRates.Level.COUNTY;
	}

	private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
		return rows.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, HashMap::new));
	}

	private static NoticeFigures.Division division(String code, String name, AttendanceRates.Rate rate,
			AttendanceRates.Coverage coverage, AttendanceRates.DutyRate duty) {
		long started = coverage == null ? 0 : coverage.startedProjects();
		long equipped = coverage == null ? 0 : coverage.equippedProjects();
		long connected = coverage == null ? 0 : coverage.connectedProjects();
		long registered = rate == null ? 0 : rate.registeredWorkerDays();
		long attended = rate == null ? 0 : rate.attendedWorkerDays();
		long postDays = duty == null ? 0 : duty.postDays();
		long onDuty = duty == null ? 0 : duty.attendedPostDays();
		return new NoticeFigures.Division(code, name, started, equipped, connected,
				started == 0 ? null : percent(connected, started), registered, attended,
				registered == 0 ? null : percent(attended, registered), postDays, onDuty,
				postDays == 0 ? null : percent(onDuty, postDays));
	}

	/** A share in percent with one decimal, rounded half up: 30 of 40 → 75.0. */
	static BigDecimal percent(long part, long whole) {
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	private NoticeFigures.ProjectLine project(AttendanceRates.Rate rate, AttendanceRates.DutyRate duty, YearMonth month) {
		long id = Long.parseLong(rate.key());
		Project project = projects.require(id);
		String place = regions.find(project.regionCode()).map(Region::name).orElse("");
		String manager = projectManager(id, month).map(ManagerPost::personName).orElse(null);
		return new NoticeFigures.ProjectLine(id, project.name(), place, project.contractorName(), manager,
				rate.registeredWorkerDays(), rate.attendedWorkerDays(),
				percent(rate.attendedWorkerDays(), rate.registeredWorkerDays()), duty == null ? 0 : duty.postDays(),
				duty == null ? 0 : duty.attendedPostDays(),
				duty == null || duty.postDays() == 0 ? null : percent(duty.attendedPostDays(), duty.postDays()));
	}

	/** The project manager whose tenure reached furthest into the month. */
	private Optional<ManagerPost> projectManager(long projectId, YearMonth month) {
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		return managers.posts(projectId)
			.stream()
			.filter(p -> p.post() == Post.PROJECT_MANAGER && !p.tenureFrom().isAfter(to)
					&& (p.tenureTo() == null || !p.tenureTo().isBefore(from)))
			.max(Comparator.comparing((ManagerPost p) -> p.tenureTo() == null ? LocalDate.MAX : p.tenureTo())
				.thenComparing(ManagerPost::tenureFrom));
	}
}
