package io.siteroll.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.siteroll.attendance.DailyPresence;
import io.siteroll.attendance.GateBlacklist;
import io.siteroll.compliance.EvaluationRuns;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.MonthlyEvaluation;
import io.siteroll.compliance.Party;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.Warnings;
import io.siteroll.enforcement.Inspection;
import io.siteroll.enforcement.Inspections;
import io.siteroll.enforcement.Penalties;
import io.siteroll.enforcement.Penalty;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.enforcement.TypicalCases;
import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.Person;
import io.siteroll.personnel.Persons;
import io.siteroll.personnel.Post;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Projects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supervision of the demo province, told day by day on the {@link DemoClock} through the same services the
 * API uses, each step by the account that would take it: last month's stoppage, completion and approved change of
 * project manager; the daily warnings, inspections, orders (issued, answered, rectified, overdue, escalated),
 * penalties with fines and a stop-work order, bad-credit records and a typical case; the evaluation of last month on
 * the first night of this one; orders on its findings and reviewed warnings today.
 */
@Component
class DemoStory {

	private static final Logger log = LoggerFactory.getLogger(DemoStory.class);

	private final Clock clock;

	private final UserDetailsService users;

	private final Projects projects;

	private final Persons persons;

	private final ManagerPosts managers;

	private final Warnings warnings;

	private final MonthlyEvaluation evaluation;

	private final Findings findings;

	private final RectificationOrders orders;

	private final Inspections inspections;

	private final Penalties penalties;

	private final TypicalCases typicalCases;

	private final DailyPresence presence;

	private final TransactionTemplate tx;

	private final GateBlacklist blacklist;

	private final Engagements engagements;

	private final EvaluationRuns evaluationRuns;

	DemoStory(TransactionTemplate tx, Clock clock, UserDetailsService users, Projects projects, Persons persons, ManagerPosts managers,
			Warnings warnings, MonthlyEvaluation evaluation, Findings findings, RectificationOrders orders,
			Inspections inspections, Penalties penalties, TypicalCases typicalCases, DailyPresence presence,
			GateBlacklist blacklist, Engagements engagements, EvaluationRuns evaluationRuns) {
		this.tx = tx;
		this.blacklist = blacklist;
		this.engagements = engagements;
		this.evaluationRuns = evaluationRuns;
		this.clock = clock;
		this.users = users;
		this.projects = projects;
		this.persons = persons;
		this.managers = managers;
		this.warnings = warnings;
		this.evaluation = evaluation;
		this.findings = findings;
		this.orders = orders;
		this.inspections = inspections;
		this.penalties = penalties;
		this.typicalCases = typicalCases;
		this.presence = presence;
	}

	/** What happened on site last month before anyone looked: a stoppage, a completion, a manager replaced. */
	void facts(List<DemoSite> sites, LocalDate first, LocalDate today, SyntheticIdentities ids, Long enterpriseId) {
		site(sites, DemoSite.Part.STOPPAGE).ifPresent(s -> on(first.plusDays(9), 8, 0, () -> projects.declareStoppage(s.id(),
				new Projects.StoppageDeclaration(first.plusDays(9), first.plusDays(15), "混凝土冬季养护停工（演示）"))));
		site(sites, DemoSite.Part.COMPLETED).ifPresent(s -> {
			on(first.plusDays(19), 18, 0, () -> projects.complete(s.id(), first.plusDays(19)));
			s.completed = first.plusDays(19);
		});
		site(sites, DemoSite.Part.MANAGER_CHANGED)
			.filter(s -> enterpriseId != null && enterpriseId == s.project.contractorId())
			.ifPresent(s -> {
				long unit = generalContractor(s.id());
				Person incoming = on(first.plusDays(13), 9, 0, () -> persons.register(new Persons.Registration("01",
						ids.idNumber(1970, 1992), ids.name(), "汉", null, ids.phone())).person());
				long request = on(first.plusDays(13), 9, 30, () -> as("enterprise", () -> managers.requestChange(s.id(),
						new ManagerPosts.ChangeRequest(Post.PROJECT_MANAGER.name(), incoming.id(), unit, first.plusDays(14),
								"原项目经理调任公司总部，经建设单位同意更换")))).id();
				on(first.plusDays(13), 15, 0, () -> as("province", () -> managers.approve(s.id(), request, "新任项目经理资格已核验，同意更换")));
			});
		Optional<DemoSite> traveller = site(sites, DemoSite.Part.TRAVELLER);
		site(sites, DemoSite.Part.TRAVEL_DESTINATION).filter(s -> s.start.isBefore(today)).ifPresent(s -> traveller
			.flatMap(t -> managers.posts(t.id()).stream().filter(p -> p.post() == Post.TECHNICAL_LEAD).findFirst())
			.ifPresent(lead -> {
				long unit = generalContractor(s.id());
				on(today.minusDays(1), 7, 0, () -> managers.appoint(s.id(),
						new ManagerPosts.Appointment(lead.personId(), Post.OTHER.name(), unit, today.minusDays(1))));
			}));
	}

	/** The supervision of last month and of today. */
	void enforcement(List<DemoSite> sites, LocalDate first, LocalDate today) {
		Optional<DemoSite> never = site(sites, DemoSite.Part.NEVER_CONNECTED);
		Optional<DemoSite> late = site(sites, DemoSite.Part.GATE_REGISTERED_LATE);
		on(first.plusDays(3), 9, 0, () -> warnings.refresh(first.plusDays(2)));
		Long neverOrder = never.map(s -> on(first.plusDays(3), 10, 0, () -> as(officer(s),
				() -> fromWarning(s, Warning.Kind.NO_DEVICE)))).orElse(null);
		Long lateOrder = late.map(s -> on(first.plusDays(3), 10, 30, () -> as(officer(s),
				() -> fromWarning(s, Warning.Kind.NO_DEVICE)))).orElse(null);
		Long inspectedOrder = site(sites, DemoSite.Part.INSPECTED_RECTIFIED)
			.map(s -> on(first.plusDays(5), 15, 0, () -> as(officer(s), () -> inspect(s, first.plusDays(5), 2))))
			.orElse(null);
		Long shortOrder = site(sites, DemoSite.Part.SHORTFALL_9)
			.map(s -> on(first.plusDays(7), 15, 0, () -> as(officer(s), () -> inspect(s, first.plusDays(7), 9))))
			.orElse(null);
		never.filter(s -> neverOrder != null).ifPresent(s -> {
			on(first.plusDays(12), 9, 0, () -> as(officer(s), () -> orders.recheck(neverOrder, null)));
			Penalty fine = on(first.plusDays(13), 10, 0, () -> as(officer(s), () -> penalties.decide(new Penalties.Decision(
					neverOrder, null, Party.CONSTRUCTION_ENTERPRISE.name(), List.of("FINE", "STOP_WORK"), new BigDecimal("80000"),
					first.plusDays(14), "吉林省住房和城乡建设厅", first.plusDays(13), "吉建罚〔" + first.getYear() + "〕1号"))));
			on(first.plusDays(13), 10, 30, () -> as(officer(s), () -> penalties.decide(new Penalties.Decision(neverOrder, null,
					Party.PROJECT_MANAGER.name(), List.of("WARNING_NOTICE"), null, null, "吉林省住房和城乡建设厅", first.plusDays(13),
					"吉建罚〔" + first.getYear() + "〕2号"))));
			on(first.plusDays(13), 11, 0, () -> as(officer(s), () -> orders.escalate(neverOrder)));
			on(first.plusDays(20), 10, 0, () -> as("province", () -> typicalCases.publish(new TypicalCases.Publication(fine.id(),
					s.project.name() + "未按要求配备考勤设备被罚款并责令停工",
					"该项目开工后始终未配备与省平台联网的人脸识别考勤设备，经责令限期整改逾期未改正，依据《保障农民工工资支付条例》对施工总承包企业处以罚款8万元并责令停工，同时记入诚信不良行为记录。"))));
		});
		// 南关区 and 吉林市: an inspection finds a gate that lets a printed photo through; the order goes unanswered, the
		// re-inspection finds it not rectified, and the region's officers fine the enterprise, warn the project manager
		// and escalate, which writes the bad-credit records
		deviceTestPenalty(sites, DemoSite.Part.GATE_SILENT_TWO_DAYS, first.plusDays(4), "长春市南关区住房和城乡建设局", "长南建罚");
		deviceTestPenalty(sites, DemoSite.Part.SUPERVISOR_AT_78, first.plusDays(5), "吉林市住房和城乡建设局", "吉市建罚");
		// 长春新区 inspects its project early last month: the gates pass their function tests, the headcount matches
		site(sites, DemoSite.Part.SHORTFALL_20).filter(s -> !s.gates.isEmpty()).ifPresent(s -> {
			LocalDate day = first.plusDays(6);
			int seen = presence.dailyCounts(s.id(), day, day).stream().mapToInt(DailyPresence.DayCount::valid).sum();
			on(day, 10, 0, () -> as(officer(s), () -> inspections.record(s.id(), new Inspections.Record(day, "刘洋、陈静", true, true,
					List.of(), seen, "现场检查：闸机运行正常，在场作业人数与当日有效考勤一致",
					List.of(new Inspections.TestRecord(s.gates.get(0).deviceId(), Inspection.Attack.PRINTED_PHOTO.name(), true,
							"打印照片被拒绝"))))));
		});
		if (lateOrder != null) {
			late.ifPresent(s -> on(first.plusDays(15), 9, 0, () -> as(officer(s), () -> orders.recheck(lateOrder, null))));
		}
		if (shortOrder != null) {
			site(sites, DemoSite.Part.SHORTFALL_9).ifPresent(s -> on(first.plusDays(16), 9, 0,
					() -> as(officer(s), () -> orders.recheck(shortOrder, null))));
		}
		if (inspectedOrder != null) {
			site(sites, DemoSite.Part.INSPECTED_RECTIFIED).ifPresent(s -> on(first.plusDays(25), 9, 0,
					() -> as(officer(s), () -> orders.recheck(inspectedOrder, null))));
		}
		YearMonth month = YearMonth.from(first);
		MonthlyEvaluation.Result evaluated = on(today.withDayOfMonth(1), 2, 30, () -> evaluation.evaluate(month));
		log.info("Demo evaluation of {}: {} findings raised", month, evaluated.raised());
		site(sites, DemoSite.Part.GATE_SILENT_TWO_DAYS).flatMap(s -> finding(s, month, Rule.R1, null)).ifPresent(f -> {
			DemoSite s = site(sites, DemoSite.Part.GATE_SILENT_TWO_DAYS).orElseThrow();
			long order = as(officer(s), () -> orders.issue(new RectificationOrders.FromFinding(f.id(), null, null))).id();
			{
				as("enterprise", () -> {
					orders.attach(order, "闸机恢复联网照片说明.txt", "text/plain",
							"1号闸机交换机已更换，恢复联网；附现场照片与平台心跳截图。".getBytes(StandardCharsets.UTF_8));
					return orders.answer(order, new RectificationOrders.Answer(
							"经查，11月中旬现场交换机故障导致闸机两日未与省平台联网。已更换交换机并增设4G备用链路，闸机已恢复联网，后续由劳资专管员每日核对联网状态。"));
				});
			}
		});
		site(sites, DemoSite.Part.MANAGER_AT_70).flatMap(s -> finding(s, month, Rule.R2, Post.PROJECT_MANAGER))
			.ifPresent(f -> issue(sites, DemoSite.Part.MANAGER_AT_70, f));
		site(sites, DemoSite.Part.SUPERVISOR_AT_78).flatMap(s -> finding(s, month, Rule.R2, Post.CHIEF_SUPERVISOR))
			.ifPresent(f -> issue(sites, DemoSite.Part.SUPERVISOR_AT_78, f));
		site(sites, DemoSite.Part.SAFETY_OFFICER_ONCE_A_DAY).flatMap(s -> finding(s, month, Rule.R2, Post.SAFETY_OFFICER))
			.ifPresent(f -> issue(sites, DemoSite.Part.SAFETY_OFFICER_ONCE_A_DAY, f));
		site(sites, DemoSite.Part.SHORTFALL_20).ifPresent(s -> finding(s, month, Rule.R3, null).ifPresent(f -> as(officer(s),
				() -> penalties.decide(new Penalties.Decision(null, f.id(), Party.PROJECT_MANAGER.name(), List.of("FINE"),
						new BigDecimal("20000"), null, "长春新区住房和城乡建设局", today, "长新建罚〔" + today.getYear() + "〕1号")))));
		Warnings.Refresh warned = on(today, 23, 59, () -> warnings.refresh(today.minusDays(1)));
		log.info("Demo warnings as of {}: {} open", warned.asOf(), warned.open());
		site(sites, DemoSite.Part.OFFLINE_NOW).ifPresent(s -> openWarning(s, Warning.Kind.DEVICE_OFFLINE).ifPresent(w -> as(officer(s),
				() -> warnings.review(w.id(), new Warnings.Review("CONFIRMED", "闸机已连续离线两天以上，电话联系劳资专管员未果，转入整改程序")))));
		site(sites, DemoSite.Part.INSPECTED_RECTIFIED).ifPresent(s -> openWarning(s, Warning.Kind.UNREGISTERED_AT_GATE)
			.ifPresent(w -> as(officer(s), () -> warnings.review(w.id(),
					new Warnings.Review("DISMISSED", "经核实为混凝土罐车司机送货，未进入作业区，非务工人员")))));
	}

	/**
	 * What waits for an officer today: the enterprise's request to replace a project manager and a stoppage it
	 * declared late (both for the region's officers to decide), and a person the province keeps off every gate.
	 */
	void waiting(List<DemoSite> sites, LocalDate today, SyntheticIdentities ids, Long enterpriseId) {
		sites.stream()
			.filter(s -> enterpriseId != null && enterpriseId == s.project.contractorId() && s.started(today)
					&& s.start.isBefore(today.minusDays(10)) && s.completed == null && s.part != DemoSite.Part.MANAGER_CHANGED)
			.findFirst()
			.ifPresent(s -> {
				long unit = generalContractor(s.id());
				Person incoming = on(today, 9, 0, () -> persons.register(new Persons.Registration("01",
						ids.idNumber(1972, 1990), ids.name(), "汉", null, ids.phone())).person());
				on(today, 9, 30, () -> as("enterprise", () -> managers.requestChange(s.id(),
						new ManagerPosts.ChangeRequest(Post.PROJECT_MANAGER.name(), incoming.id(), unit, today.plusDays(7),
								"原项目经理因病需长期休养，公司拟另派项目经理（演示）"))));
				on(today, 10, 0, () -> as("enterprise", () -> projects.declareStoppage(s.id(), new Projects.StoppageDeclaration(
						today.minusDays(4), today.minusDays(3), "补报：塔吊年检停工两天（演示）"))));
			});
		// 长春新区's officer orders the project short of 20 workers to answer its open warning as well
		site(sites, DemoSite.Part.SHORTFALL_20).ifPresent(s -> on(today, 10, 30, () -> as(officer(s),
				() -> warnings.search(new Warnings.Search(s.id(), null, null, Warning.Status.OPEN.name(), null), 0, 1).items().stream()
					.findFirst()
					.map(w -> orders.issue(new RectificationOrders.FromWarning(w.id(), null, null)).id())
					.orElse(null))));
		// each region's officers keep one worker of their own off the gates (a listing is seen where the person works)
		for (DemoSite.Part part : List.of(DemoSite.Part.GATE_SILENT_TWO_DAYS, DemoSite.Part.SUPERVISOR_AT_78, DemoSite.Part.SHORTFALL_20)) {
			site(sites, part).ifPresent(s -> engagements.workers(s.id(), null, true, 0, 1).items().stream().findFirst()
				.ifPresent(w -> on(today, 11, 0, () -> as(officer(s), () -> blacklist.list(new GateBlacklist.NewListing(w.personId(),
						"借用他人身份证件登记进场，经核实列入闸机黑名单（演示）"))))));
		}
	}

	/**
	 * The province's officer has re-run last month's evaluation from the workbench (nothing changed since the night
	 * run), so the page of evaluation runs shows one. Started outside the story's transactions: it runs in the
	 * background and must see its own row.
	 */
	void evaluationRun(LocalDate first) {
		signedIn("province", () -> evaluationRuns.start(YearMonth.from(first)));
	}

	private void issue(List<DemoSite> sites, DemoSite.Part part, Finding finding) {
		DemoSite s = site(sites, part).orElseThrow();
		as(officer(s), () -> orders.issue(new RectificationOrders.FromFinding(finding.id(), null, null)));
	}

	private Long fromWarning(DemoSite site, Warning.Kind kind) {
		return openWarning(site, kind)
			.map(w -> orders.issue(new RectificationOrders.FromWarning(w.id(), null, null)).id())
			.orElse(null);
	}

	private Optional<Warning> openWarning(DemoSite site, Warning.Kind kind) {
		return warnings.search(new Warnings.Search(site.id(), null, kind.name(), Warning.Status.OPEN.name(), null), 0, 10)
			.items()
			.stream()
			.findFirst();
	}

	private Optional<Finding> finding(DemoSite site, YearMonth month, Rule rule, Post post) {
		return findings.search(new Findings.Search(month, site.id(), null, rule.name(), Finding.Status.OPEN.name(), null), 0, 50)
			.items()
			.stream()
			.filter(f -> post == null || f.post() == post)
			.findFirst();
	}

	/** An inspection on a day: the inspectors counted {@code short} more workers on site than the gates saw. */
	/**
	 * An inspection whose function test fails on the site's first gate, the order it issues left unrectified past its
	 * deadline, the two penalties the escalation table prescribes, and the escalation.
	 */
	private void deviceTestPenalty(List<DemoSite> sites, DemoSite.Part part, LocalDate day, String authority, String series) {
		site(sites, part).filter(s -> !s.gates.isEmpty()).ifPresent(s -> {
			long gate = s.gates.get(0).deviceId();
			int seen = presence.dailyCounts(s.id(), day, day).stream().mapToInt(DailyPresence.DayCount::valid).sum();
			Inspection inspection = on(day, 14, 0, () -> as(officer(s), () -> inspections.record(s.id(),
					new Inspections.Record(day, "赵志刚、孙丽", true, true, List.of(), seen, "现场功能测试：打印照片可通过闸机",
							List.of(new Inspections.TestRecord(gate, Inspection.Attack.SCREEN_PHOTO.name(), true, "手机屏幕照片被拒绝"),
									new Inspections.TestRecord(gate, Inspection.Attack.PRINTED_PHOTO.name(), false,
											"打印的A4彩色照片通过识别并开闸"))))));
			long order = inspection.orderIds().get(0);
			LocalDate deadline = as(officer(s), () -> orders.require(order)).deadline();
			on(deadline.plusDays(1), 10, 0, () -> as(officer(s), () -> orders.recheck(order,
					new RectificationOrders.Reinspection(false, "复查：闸机未升级活体检测，打印照片仍可通过"))));
			String year = "〔" + day.getYear() + "〕";
			on(deadline.plusDays(2), 9, 0, () -> as(officer(s), () -> penalties.decide(new Penalties.Decision(order, null,
					Party.CONSTRUCTION_ENTERPRISE.name(), List.of("FINE"), new BigDecimal("30000"), null, authority,
					deadline.plusDays(2), series + year + "1号"))));
			on(deadline.plusDays(2), 9, 30, () -> as(officer(s), () -> penalties.decide(new Penalties.Decision(order, null,
					Party.PROJECT_MANAGER.name(), List.of("WARNING_NOTICE"), null, null, authority, deadline.plusDays(2),
					series + year + "2号"))));
			on(deadline.plusDays(2), 10, 0, () -> as(officer(s), () -> orders.escalate(order)));
		});
	}

	private Long inspect(DemoSite site, LocalDate day, int shortBy) {
		int seen = presence.dailyCounts(site.id(), day, day).stream().mapToInt(DailyPresence.DayCount::valid).sum();
		Inspection inspection = inspections.record(site.id(), new Inspections.Record(day, "王建国、李明", true, true,
				List.of(), seen + shortBy, "现场清点作业人员人数多于闸机有效考勤人数", List.of()));
		RectificationOrder order = orders.issue(new RectificationOrders.FromInspection(inspection.id(), null, null));
		return order.id();
	}

	/** The officer who oversees a project most closely among the demo accounts. */
	private static String officer(DemoSite site) {
		String path = site.project.regionPath();
		if (path.contains("/220102/")) {
			return "nanguan";
		}
		if (path.contains("/229901/")) {
			return "xinqu";
		}
		if (path.contains("/220100/")) {
			return "changchun";
		}
		if (path.contains("/220200/")) {
			return "jilinshi";
		}
		return "province";
	}

	/** The project's general contractor's participating unit (总包单位), whose staff the key posts are appointed from. */
	private long generalContractor(long projectId) {
		return projects.units(projectId)
			.stream()
			.filter(u -> u.unitType() == ParticipatingUnit.Type.GENERAL_CONTRACTOR)
			.findFirst()
			.orElseThrow()
			.id();
	}

	private static Optional<DemoSite> site(List<DemoSite> sites, DemoSite.Part part) {
		return sites.stream().filter(s -> s.part == part).findFirst();
	}

	/** Runs a step at a time of a day (in one transaction, as a request would). */
	<T> T on(LocalDate day, int hour, int minute, Supplier<T> step) {
		return ((DemoClock) clock).at(DemoTime.at(day, hour, minute, clock), () -> tx.execute(s -> step.get()));
	}

	void on(LocalDate day, int hour, int minute, Runnable step) {
		((DemoClock) clock).at(DemoTime.at(day, hour, minute, clock), () -> tx.executeWithoutResult(s -> step.run()));
	}

	/** Runs a step as one of the demo accounts, as if it had signed in, in one transaction. */
	<T> T as(String username, Supplier<T> step) {
		return signedIn(username, () -> tx.execute(s -> step.get()));
	}

	private <T> T signedIn(String username, Supplier<T> step) {
		UserDetails user = users.loadUserByUsername(username);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return step.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
