package io.siteroll.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.siteroll.campaign.Campaigns;
import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.campaign.Phase;
import io.siteroll.campaign.Target;
import io.siteroll.identity.Actor;
import io.siteroll.notice.Notices;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Component;

/**
 * The demo's campaign and its contacts: this year's campaign, in its full-implementation phase today (self-check
 * the month before last, full implementation from last month to the end of next month, then a summary), and the
 * responsible contact most departments named for it: the four demo officers' departments through their own accounts,
 * most others as recorded by the province on their behalf, some after the deadline, and one in ten not at all (what
 * the province's list of contacts is there to show). Then last month's notices (通报): 长春市's and 吉林市's issued in
 * their series, the province's, 南关区's and 长春新区's drafted and waiting for their narrative.
 */
@Component
class DemoCampaign {

	/** The demo officers' departments, each naming its contact through its own account. */
	private static final Map<String, String> OFFICERS = Map.of("220100", "changchun", "220200", "jilinshi", "220102", "nanguan",
			"229901", "xinqu");

	private static final String[] POSTS = { "建筑市场监管科科长", "建筑业管理科副科长", "劳务管理办公室主任", "建设工程质量安全监督站副站长" };

	private final Campaigns campaigns;

	private final DepartmentContacts contacts;

	private final Regions regions;

	private final Notices notices;

	DemoCampaign(Campaigns campaigns, DepartmentContacts contacts, Regions regions, Notices notices) {
		this.campaigns = campaigns;
		this.contacts = contacts;
		this.regions = regions;
		this.notices = notices;
	}

	/** Last month's notices, once last month has been evaluated. */
	void notices(DemoStory story, LocalDate first, LocalDate today) {
		String month = YearMonth.from(first).toString();
		for (String[] issuer : new String[][] { { "changchun", "220100" }, { "jilinshi", "220200" } }) {
			long id = story.on(today, 8, 30, () -> story.as(issuer[0], () -> notices.draft(new Notices.Draft(month, issuer[1])).id()));
			story.on(today, 8, 45, () -> story.as(issuer[0], () -> notices.issue(id)));
		}
		for (String[] drafter : new String[][] { { "nanguan", "220102" }, { "xinqu", "229901" }, { "province", "220000" } }) {
			story.on(today, 9, 15, () -> story.as(drafter[0], () -> notices.draft(new Notices.Draft(month, drafter[1]))));
		}
	}

	void run(DemoStory story, LocalDate first, LocalDate today, SyntheticIdentities ids) {
		LocalDate selfCheck = first.minusMonths(1);
		LocalDate summary = today.withDayOfMonth(1).plusMonths(2);
		LocalDate deadline = selfCheck.plusDays(14);
		story.on(selfCheck.minusDays(5), 9, 0, () -> story.as("province", () -> campaigns.add(new Campaigns.Plan(
				today.getYear() + "年房屋建筑和市政工程施工现场人员实名制管理巩固提升行动（演示）", "吉建管〔" + today.getYear() + "〕12号", deadline,
				List.of(new Phase(Phase.Kind.SELF_CHECK, selfCheck, first.minusDays(1)),
						new Phase(Phase.Kind.FULL_IMPLEMENTATION, first, summary.minusDays(1)),
						new Phase(Phase.Kind.SUMMARY, summary, summary.plusDays(9))),
				List.of(new Target(Target.Kind.COVERAGE, 100), new Target(Target.Kind.WORKER_ATTENDANCE, 80),
						new Target(Target.Kind.KEY_MANAGER_DUTY, 80))))));
		List<Region> departments = regions.all().stream().filter(r -> r.level() != Region.Level.PROVINCE).toList();
		for (int i = 0; i < departments.size(); i++) {
			Region department = departments.get(i);
			String officer = OFFICERS.get(department.code());
			if (officer == null && i % 10 == 7) {
				continue; // has not named anyone yet
			}
			LocalDate named = officer == null && i % 10 == 3 ? deadline.plusDays(3 + i % 5) : selfCheck.plusDays(1 + i % 13);
			DepartmentContacts.Details details = new DepartmentContacts.Details(ids.name(), POSTS[i % POSTS.length], ids.phone(),
					"smz" + department.code() + "@zjj.demo.siteroll.cn");
			story.on(named, 10, i % 60, () -> officer != null ? story.as(officer, () -> contacts.name(department.code(), details))
					: contacts.name(department.code(), details, Actor.SYSTEM));
		}
	}
}
