package io.siteroll.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.compliance.RuleSets;
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
 * real data does, and tells its last weeks on the {@link DemoClock}: each project registered, staffed and
 * equipped on its own days, the previous month and this one attended ({@link DemoGates}), and the supervision
 * that followed ({@link DemoStory}). Each project is written in its own transactions.
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

	private final DemoStory story;

	private final DemoCampaign campaign;

	private final DemoSharing sharing;

	private final DemoWages wages;

	private final RuleSets ruleSets;

	DemoProvince(Regions regions, Enterprises enterprises, Projects projects, Persons persons, ManagerPosts managers,
			Teams teams, Engagements engagements, Accounts accounts, TransactionTemplate tx, Clock clock, DemoGates gates,
			DemoStory story, DemoCampaign campaign, DemoWages wages, RuleSets ruleSets, DemoSharing sharing) {
		this.sharing = sharing;
		this.gates = gates;
		this.story = story;
		this.campaign = campaign;
		this.wages = wages;
		this.ruleSets = ruleSets;
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

	/** Generates the province and its last weeks; runs as the platform itself (province scope). */
	public Summary generate(Size size, long seed) {
		Instant started = Instant.now();
		DemoClock time = demoClock();
		SyntheticIdentities ids = new SyntheticIdentities(seed);
		LocalDate today = LocalDate.now(clock);
		LocalDate first = today.withDayOfMonth(1).minusMonths(1);
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
					ids.name(), ids.phone())).enterprise());
			(switch (i % 4) {
				case 0 -> contractors;
				case 1 -> supervisors;
				case 2 -> labour;
				default -> owners;
			}).add(e);
		}
		// the 2023 rule (two passes four hours apart; the safety officer a key post) governs last month on
		time.at(DemoTime.at(first.minusDays(10), 10, 0, clock), () -> adopt2023(first));
		int workersLeft = size.workers();
		List<DemoSite> sites = new ArrayList<>();
		for (int p = 0; p < size.projects(); p++) {
			Region region = p < 6 ? regions.require(List.of("220102", "220104", "220202", "220302", "222401", "229901").get(p)) : ids.pick(counties);
			DemoSite.Part part = DemoSite.Part.of(p);
			// the enterprise account's contractor (the first project's) also replaces a project manager
			Enterprise contractor = contractors.get(part == DemoSite.Part.MANAGER_CHANGED ? 0 : p % contractors.size());
			int workers = p == size.projects() - 1 ? workersLeft : Math.min(workersLeft, size.workers() / size.projects());
			workersLeft -= workers;
			int shape = ids.nextInt(10);
			int age = ids.nextInt(300);
			LocalDate start = part == DemoSite.Part.GATE_REGISTERED_LATE ? first.plusDays(2)
					: part == DemoSite.Part.ORDINARY && shape == 0 ? today.plusDays(10 + age % 40) : first.minusDays(15 + age);
			sites.add(buildProject(time, ids, p, part, start, today, region, contractor, supervisors, labour, owners, workers));
		}
		DemoSite home = sites.stream().filter(s -> s.project.regionPath().startsWith("220000/220100/")).findFirst().orElse(null);
		createAccounts(home == null ? null : home.project);
		story.facts(sites, first, today, ids, home == null ? null : home.project.contractorId());
		DemoGates.Volume volume = gates.equip(sites, first, seed);
		log.info("Demo gates: {} gates, {} passes from {} to {} ({} s)", volume.gates(), volume.passes(), first, today,
				Duration.between(started, Instant.now()).toSeconds());
		story.enforcement(sites, first, today);
		story.waiting(sites, today, ids, home == null ? null : home.project.contractorId());
		campaign.run(story, first, today, ids);
		if (home != null) {
			wages.run(story, home, first, today, ids);
		}
		campaign.notices(story, first, today);
		sharing.run(story, first, today);
		story.evaluationRun(first);
		Duration took = Duration.between(started, Instant.now());
		log.info("Demo province: {} enterprises, {} projects, {} workers loaded in {} ms", enterpriseCount, size.projects(),
				size.workers(), took.toMillis());
		return new Summary(enterpriseCount, size.projects(), size.workers(), took);
	}

	private DemoClock demoClock() {
		if (clock instanceof DemoClock time) {
			return time;
		}
		throw new IllegalStateException("The demo province is told on the demo clock: siteroll.demo.enabled must be on");
	}

	private void adopt2023(LocalDate first) {
		ruleSets.all().stream()
			.filter(r -> r.code().startsWith("吉建规〔2023〕"))
			.findFirst()
			.ifPresent(r -> tx.executeWithoutResult(s -> ruleSets.adopt(r.id(), first)));
	}

	/**
	 * One project, registered a week before its start, its units, managers and workers entering on its first day,
	 * each on its own day on the demo clock (a project not started yet: today, workers entering today).
	 */
	private DemoSite buildProject(DemoClock time, SyntheticIdentities ids, int index, DemoSite.Part part, LocalDate start,
			LocalDate today, Region region, Enterprise contractor, List<Enterprise> supervisors, List<Enterprise> labour,
			List<Enterprise> owners, int workers) {
		boolean future = start.isAfter(today);
		BigDecimal lng = BigDecimal.valueOf(124.0 + ids.nextInt(4000) / 1000.0).setScale(6, RoundingMode.HALF_UP);
		BigDecimal lat = BigDecimal.valueOf(42.5 + ids.nextInt(2500) / 1000.0).setScale(6, RoundingMode.HALF_UP);
		String name = regions.fullName(region.code()).replace("吉林省 ", "").replace(" ", "") + PROJECT_KINDS[ids.nextInt(PROJECT_KINDS.length)]
				+ (1 + ids.nextInt(9)) + "期";
		String address = region.name() + "幸福大街" + (1 + ids.nextInt(999)) + "号";
		String category = ids.nextInt(4) == 0 ? "02" : "01";
		Project project = time.at(future ? clock.instant() : DemoTime.at(start.minusDays(7), 9, 0, clock),
				() -> tx.execute(s -> projects.register(new Projects.Registration(name, region.code(), address, lng, lat,
						category, "001", contractor.id(), start, start.plusMonths(18))).project()));
		Enterprise supervisor = ids.pick(supervisors);
		Enterprise owner = ids.pick(owners);
		Enterprise subcontracting = ids.pick(labour);
		LocalDate entry = future ? today : start;
		time.at(future ? clock.instant() : DemoTime.at(start, 8, 0, clock), () -> tx.executeWithoutResult(s -> {
			ParticipatingUnit supervision = projects.addUnit(project.id(), new Projects.UnitRegistration(supervisor.id(),
					ParticipatingUnit.Type.SUPERVISION.code(), start));
			projects.addUnit(project.id(), new Projects.UnitRegistration(owner.id(), ParticipatingUnit.Type.OWNER.code(), start));
			ParticipatingUnit subcontractor = projects.addUnit(project.id(), new Projects.UnitRegistration(subcontracting.id(),
					ParticipatingUnit.Type.LABOUR_SUBCONTRACTOR.code(), start));
			ParticipatingUnit gc = projects.units(project.id()).stream()
				.filter(u -> u.unitType() == ParticipatingUnit.Type.GENERAL_CONTRACTOR)
				.findFirst()
				.orElseThrow();
			appoint(ids, project, Post.PROJECT_MANAGER.name(), gc, start);
			appoint(ids, project, Post.CHIEF_SUPERVISOR.name(), supervision, start);
			appoint(ids, project, Post.SAFETY_OFFICER.name(), gc, start);
			appoint(ids, project, Post.TECHNICAL_LEAD.name(), gc, start);
			appoint(ids, project, Post.QUALITY_OFFICER.name(), gc, start);
			int teamCount = Math.max(1, Math.min(TEAM_KINDS.length, workers / 25));
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
		}));
		return new DemoSite(index, part, projects.require(project.id()), start);
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
						Role.ENTERPRISE_ADMIN, null, changchunProject.contractorId(), null, true));
				accounts.create(new Accounts.NewAccount("clerk", DEMO_PASSWORD, changchunProject.name() + " 劳资专管员",
						Role.LABOUR_CLERK, null, null, changchunProject.id(), true));
			}
		});
	}
}
