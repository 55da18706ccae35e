package io.siteroll.notice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Every coverage figure of the dashboard links to the project list filtered by the device state it counts, in the
 * same region and on the same day, and that list holds exactly the projects the figure counts. In 辽源市 (西安区 and
 * 东丰县), where no other test registers projects.
 */
class DashboardCoverageLinksTest extends IntegrationTest {

	private String name(Site site) {
		return jdbc.sql("select name from project where id = ?").param(site.projectId()).query(String.class).single();
	}

	private long equip(ApiClient api, Site site, LocalDate since) {
		long device = device(api, site.projectId(), "SITEROLL", "IN").id();
		fixtureDeviceObservedSince(device, since);
		return device;
	}

	@Test
	void coverageFiguresLinkToTheListOfTheProjectsTheyCount() {
		ApiClient api = as(province());
		LocalDate today = today();
		LocalDate start = today.minusDays(20);
		Site bare = site(api, "220403", start);
		Site silent = site(api, "220403", start);
		Site heard = site(api, "220403", start);
		Site elsewhere = site(api, "220421", start);
		equip(api, silent, start);
		equip(api, heard, start);
		equip(api, elsewhere, start);
		facts.connected(heard.projectId(), today, today);
		facts.connected(elsewhere.projectId(), today, today);
		facts.connected(silent.projectId(), today.minusDays(3), today.minusDays(3));

		String city = api.get("/dashboard?region=220400").body();
		for (String state : new String[] { "STARTED", "EQUIPPED", "CONNECTED", "NO_DEVICE", "NOT_CONNECTED" }) {
			assertThat(city).as("the headline's %s figure", state)
				.contains("/projects?region=220400&amp;coverage=" + state + "&amp;day=" + today);
		}
		assertThat(city).as("each division's figures").contains(
				"/projects?region=220403&amp;coverage=STARTED&amp;day=" + today,
				"/projects?region=220403&amp;coverage=EQUIPPED&amp;day=" + today,
				"/projects?region=220403&amp;coverage=CONNECTED&amp;day=" + today,
				"/projects?region=220421&amp;coverage=CONNECTED&amp;day=" + today);

		Map<String, Site[]> expected = Map.of("STARTED", new Site[] { bare, silent, heard }, "EQUIPPED",
				new Site[] { silent, heard }, "NO_DEVICE", new Site[] { bare }, "CONNECTED", new Site[] { heard },
				"NOT_CONNECTED", new Site[] { bare, silent });
		Site[] county = { bare, silent, heard };
		expected.forEach((state, sites) -> {
			ApiClient.Response list = api.get("/projects?region=220403&coverage=" + state + "&day=" + today);
			assertThat(list.status()).isEqualTo(200);
			assertThat(list.body()).as(state).contains("共 " + sites.length + " 个", "<option value=\"" + state + "\" selected");
			for (Site site : county) {
				if (java.util.Arrays.asList(sites).contains(site)) {
					assertThat(list.body()).as("%s lists %s", state, name(site)).contains(name(site));
				}
				else {
					assertThat(list.body()).as("%s leaves out %s", state, name(site)).doesNotContain(name(site));
				}
			}
		});
		// the region filter is kept: the city's connected projects are those of both counties
		assertThat(api.get("/projects?region=220400&coverage=CONNECTED&day=" + today).body())
			.contains("共 2 个", name(heard), name(elsewhere));
		// a past day counts that day's facts
		assertThat(api.get("/projects?region=220403&coverage=CONNECTED&day=" + today.minusDays(3)).body())
			.contains("共 1 个", name(silent)).doesNotContain(name(heard));

		// a city officer's list, in their region
		ApiClient officer = as(account(Role.CITY_OFFICER, "220400", null, null, false));
		assertThat(officer.get("/projects?region=220403&coverage=NO_DEVICE&day=" + today).body()).contains("共 1 个",
				name(bare));

		ApiClient.Response wrong = api.get("/projects?region=220403&coverage=SOMETIMES");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("coverage");
		assertThat(api.get("/projects?coverage=STARTED&day=yesterday").status()).isEqualTo(400);
	}
}
