package io.siteroll.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.compliance.Warnings;
import io.siteroll.enterprise.Enterprise;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.identity.Accounts;
import io.siteroll.identity.Role;
import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.Person;
import io.siteroll.personnel.Persons;
import io.siteroll.personnel.Post;
import io.siteroll.personnel.Team;
import io.siteroll.personnel.Teams;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Project;
import io.siteroll.project.Projects;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds a synthetic province through the platform's own services, so demo data obeys every rule
 * real data does. Each project is written in its own transaction.
 */
@Service
public class DemoProvince {

	/** The password of every demo account (README). */
	public static final String DEMO_PASSWORD = "siteroll-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoProvince.class);

	private static final String[] ENTERPRISE_WORDS = { "长城", "松江", "北方", "华建", "东北", "吉祥", "鸿图", "恒信", "宏达", "远大",
			"中吉", "白山", "黑土", "天池", "龙腾", "金诚", "盛世", "安泰", "宇通", "银河" };

	private static final String[] PROJECT_KINDS = { "住宅小区", "商业综合体", "中学教学楼", "人民医院门诊楼", "市政道路改造", "污水处理厂",
			"保障性住房", "产业园厂房", "体育中心", "老旧小区改造", "供热管网", "桥梁工程" };

	private static final String[] TEAM_KINDS = { "钢筋班组", "木工班组", "混凝土班组", "瓦工班组", "架子工班组", "水电班组", "防水班组", "装修班组" };

	private static final List<String> WORK_TYPES = List.of("010", "020", "030", "040", "050", "130", "110", "190", "230", "240", "270", "390");

	public record Size(int projects, int workers) {
	}

	public record Summary(int enterprises, int projects, int workers, Duration took) {
	}

	private final Regions regions;

	private final Enterprises enterprises;

	private final Projects projects;

	private final Persons persons;

	private final ManagerPosts managers;

	private final Teams teams;

	private final Engagements engagements;

	private final Accounts accounts;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final DemoGates gates;

	private final Warnings warnings;

	DemoProvince(Regions regions, Enterprises enterprises, Projects projects, Persons persons, ManagerPosts managers,
			Teams teams, Engagements engagements, Accounts accounts, TransactionTemplate tx, Clock clock, DemoGates gates,
			Warnings warnings) {
		this.gates = gates;
		this.warnings = warnings;
		this.regions = regions;
		this.enterprises = enterprises;
		this.projects = projects;
		this.persons = persons;
		this.managers = managers;
		this.teams = teams;
		this.engagements = engagements;
		this.accounts = accounts;
		this.tx = tx;
		this.clock = clock;
	}

	/** Generates the province; runs as the platform itself (province scope). */
	public Summary generate(Size size, long seed) {
		Instant started = Instant.now();
		SyntheticIdentities ids = new SyntheticIdentities(seed);
		LocalDate today = LocalDate.now(clock);
		List<Region> counties = regions.all().stream().filter(Region::mayHoldProjects).toList();
		int enterpriseCount = Math.max(8, size.projects() / 2);
		List<Enterprise> contractors = new ArrayList<>();
		List<Enterprise> supervisors = new ArrayList<>();
		List<Enterprise> labour = new ArrayList<>();
		List<Enterprise> owners = new ArrayList<>();
		for (int i = 0; i < enterpriseCount; i++) {
			Region home = ids.pick(counties);
			String word = ENTERPRISE_WORDS[i % ENTERPRISE_WORDS.length] + (i >= ENTERPRISE_WORDS.length ? String.valueOf(i / ENTERPRISE_WORDS.length + 1) : "");
			String kind = switch (i % 4) {
				case 0 -> "建设集团有限公司";
				case 1 -> "工程监理有限公司";
				case 2 -> "劳务有限公司";
				default -> "房地产开发有限公司";
			};
			String registrationRegion = home.level() == Region.Level.SUPERVISORY ? "220102" : home.code();
			int number = i + 1;
			Enterprise e = tx.execute(s -> enterprises.register(new Enterprises.Registration(ids.creditCode(registrationRegion),
					"吉林省" + word + kind, registrationRegion, ids.name(), regions.fullName(registrationRegion) + "建设路" + number + "号",
					ids.name(), ids.phone())));
			(switch (i % 4) {
				case 0 -> contractors;
				case 1 -> supervisors;
				case 2 -> labour;
				default -> owners;
			}).add(e);
		}
		int workersLeft = size.workers();
		Project firstChangchun = null;
		List<Project> built = new ArrayList<>();
		for (int p = 0; p < size.projects(); p++) {
			Region region = p < 6 ? regions.require(List.of("220102", "220104", "220202", "220302", "222401", "229901").get(p)) : ids.pick(counties);
			Enterprise contractor = contractors.get(p % contractors.size());
			int workers = p == size.projects() - 1 ? workersLeft : Math.min(workersLeft, size.workers() / size.projects());
			workersLeft -= workers;
			Project project = tx.execute(s -> buildProject(ids, today, region, contractor, supervisors, labour, owners, workers));
			built.add(project);
			if (firstChangchun == null && project.regionPath().startsWith("220000/220100/")) {
				firstChangchun = project;
			}
		}
		createAccounts(firstChangchun);
		long passCount = 0;
		for (int p = 0; p < built.size(); p++) {
			passCount += gates.equip(built.get(p), p, seed);
		}
		log.info("Demo gates: {} passes since {}", passCount,
				today.withDayOfMonth(1).isBefore(today.minusDays(DemoGates.DAYS)) ? today.withDayOfMonth(1) : today.minusDays(DemoGates.DAYS));
		Warnings.Refresh warned = warnings.refresh(today.minusDays(1));
		log.info("Demo warnings as of {}: {} open", warned.asOf(), warned.open());
		Duration took = Duration.between(started, Instant.now());
		log.info("Demo province: {} enterprises, {} projects, {} workers in {} s", enterpriseCount, size.projects(),
				size.workers(), took.toSeconds());
		return new Summary(enterpriseCount, size.projects(), size.workers(), took);
	}

	private Project buildProject(SyntheticIdentities ids, LocalDate today, Region region, Enterprise contractor,
			List<Enterprise> supervisors, List<Enterprise> labour, List<Enterprise> owners, int workers) {
		int shape = ids.nextInt(10);
		LocalDate start = shape == 0 ? today.plusDays(10 + ids.nextInt(40)) : today.minusDays(40 + ids.nextInt(300));
		BigDecimal lng = BigDecimal.valueOf(124.0 + ids.nextInt(4000) / 1000.0).setScale(6, RoundingMode.HALF_UP);
		BigDecimal lat = BigDecimal.valueOf(42.5 + ids.nextInt(2500) / 1000.0).setScale(6, RoundingMode.HALF_UP);
		String name = regions.fullName(region.code()).replace("吉林省 ", "").replace(" ", "") + PROJECT_KINDS[ids.nextInt(PROJECT_KINDS.length)]
				+ (1 + ids.nextInt(9)) + "期";
		Project project = projects.register(new Projects.Registration(name, region.code(), region.name() + "幸福大街" + (1 + ids.nextInt(999)) + "号",
				lng, lat, ids.nextInt(4) == 0 ? "02" : "01", "001", contractor.id(), start, start.plusMonths(18)));
		LocalDate unitEntry = start;
		ParticipatingUnit supervision = projects.addUnit(project.id(), new Projects.UnitRegistration(ids.pick(supervisors).id(),
				ParticipatingUnit.Type.SUPERVISION.code(), unitEntry));
		projects.addUnit(project.id(), new Projects.UnitRegistration(ids.pick(owners).id(), ParticipatingUnit.Type.OWNER.code(), unitEntry));
		ParticipatingUnit subcontractor = projects.addUnit(project.id(), new Projects.UnitRegistration(ids.pick(labour).id(),
				ParticipatingUnit.Type.LABOUR_SUBCONTRACTOR.code(), unitEntry));
		ParticipatingUnit gc = projects.units(project.id()).stream()
			.filter(u -> u.unitType() == ParticipatingUnit.Type.GENERAL_CONTRACTOR)
			.findFirst()
			.orElseThrow();
		appoint(ids, project, Post.PROJECT_MANAGER.name(), gc, unitEntry);
		appoint(ids, project, Post.CHIEF_SUPERVISOR.name(), supervision, unitEntry);
		appoint(ids, project, "SAFETY_OFFICER", gc, unitEntry);
		appoint(ids, project, "TECHNICAL_LEAD", gc, unitEntry);
		appoint(ids, project, "QUALITY_OFFICER", gc, unitEntry);
		if (shape == 1 && !start.isAfter(today.minusDays(30))) {
			projects.declareStoppage(project.id(), new Projects.StoppageDeclaration(today.minusDays(20), today.minusDays(14), "冬季停工（演示）"));
		}
		int teamCount = Math.max(1, Math.min(TEAM_KINDS.length, workers / 25));
		LocalDate entry = start.isAfter(today) ? today : start.plusDays(ids.nextInt(10));
		for (int t = 0; t < teamCount; t++) {
			ParticipatingUnit unit = t % 3 == 2 ? gc : subcontractor;
			Team team = teams.create(project.id(), new Teams.Registration(unit.id(), TEAM_KINDS[t], null, unit.entryDate()));
			int members = workers / teamCount + (t < workers % teamCount ? 1 : 0);
			List<Engagements.NewEngagement> batch = new ArrayList<>(members);
			for (int w = 0; w < members; w++) {
				String id = ids.idNumber(1966, 2002);
				boolean card = ids.nextInt(10) > 0;
				batch.add(new Engagements.NewEngagement(
						new Persons.Registration("01", id, ids.name(), ids.ethnicity(), null, ids.phone()), team.id(),
						ids.pick(WORK_TYPES), "1", entry.minusDays(1), null, card ? ids.bankCard() : null,
						card ? ids.pick(List.of("102", "103", "104", "105", "403")) : null, null, entry, false));
			}
			if (!batch.isEmpty()) {
				engagements.engageAll(project.id(), team.id(), batch);
			}
		}
		return project;
	}

	private void appoint(SyntheticIdentities ids, Project project, String post, ParticipatingUnit unit, LocalDate from) {
		Person person = persons.register(new Persons.Registration("01", ids.idNumber(1965, 1995), ids.name(), "汉", null, ids.phone())).person();
		managers.appoint(project.id(), new ManagerPosts.Appointment(person.id(), post, unit.id(), from));
	}

	private void createAccounts(Project changchunProject) {
		tx.executeWithoutResult(s -> {
			accounts.create(new Accounts.NewAccount("province", DEMO_PASSWORD, "吉林省住建厅 监管员", Role.PROVINCE_OFFICER, "220000", null, null, true));
			accounts.create(new Accounts.NewAccount("changchun", DEMO_PASSWORD, "长春市住建局 监管员", Role.CITY_OFFICER, "220100", null, null, false));
			accounts.create(new Accounts.NewAccount("jilinshi", DEMO_PASSWORD, "吉林市住建局 监管员", Role.CITY_OFFICER, "220200", null, null, false));
			accounts.create(new Accounts.NewAccount("nanguan", DEMO_PASSWORD, "南关区住建局 监管员", Role.COUNTY_OFFICER, "220102", null, null, false));
			accounts.create(new Accounts.NewAccount("xinqu", DEMO_PASSWORD, "长春新区 监管员", Role.CITY_OFFICER, "229901", null, null, false));
			if (changchunProject != null) {
				accounts.create(new Accounts.NewAccount("enterprise", DEMO_PASSWORD, changchunProject.contractorName() + " 管理员",
						Role.ENTERPRISE_ADMIN, null, changchunProject.contractorId(), null, false));
				accounts.create(new Accounts.NewAccount("clerk", DEMO_PASSWORD, changchunProject.name() + " 劳资专管员",
						Role.LABOUR_CLERK, null, null, changchunProject.id(), true));
			}
		});
	}
}
