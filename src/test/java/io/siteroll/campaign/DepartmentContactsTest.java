package io.siteroll.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.siteroll.identity.Actor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import io.siteroll.region.Region;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DepartmentContactsTest extends IntegrationTest {

	/** 榆树市, a county of 长春市: named by its own officer in these tests only. */
	private static final String YUSHU = "220182";

	/** 德惠市, another county of 长春市. */
	private static final String DEHUI = "220183";

	@Autowired
	DepartmentContacts contacts;

	@Test
	void aCountyNamesItsContactAndAChangeKeepsTheOneBefore() {
		String county = account(Role.COUNTY_OFFICER, YUSHU, null, null, false);
		Contact first = signedIn(county,
				() -> contacts.name(YUSHU, new DepartmentContacts.Details(" 李明 ", "质量安全监督站站长", "0431-83222222", "LiMing@yushu.gov.cn")));
		assertThat(first.name()).isEqualTo("李明");
		assertThat(first.email()).isEqualTo("liming@yushu.gov.cn");
		assertThat(first.namedBy()).isEqualTo(county);

		clock.advance(Duration.ofDays(3));
		Contact second = signedIn(county,
				() -> contacts.name(YUSHU, new DepartmentContacts.Details("赵红", "建筑市场科科长", "139 0431 2222", "zhaohong@yushu.gov.cn")));
		assertThat(second.namedAt()).isAfterOrEqualTo(first.namedAt().plus(Duration.ofDays(3)));
		assertThat(contacts.of(YUSHU)).contains(second);

		List<Contact> history = signedIn(county, () -> contacts.history(YUSHU));
		assertThat(history).extracting(Contact::name).startsWith("赵红", "李明");
		assertThat(history.get(1).replacedAt()).isEqualTo(second.namedAt());
		assertThat(history.get(0).current()).isTrue();

		Contact again = signedIn(county,
				() -> contacts.name(YUSHU, new DepartmentContacts.Details("赵红", "建筑市场科科长", "13904312222", "zhaohong@yushu.gov.cn")));
		assertThat(again.id()).as("the same details are no change").isEqualTo(second.id());
	}

	@Test
	void refusedDetailsNameEveryFieldAndChangeNothing() {
		String county = account(Role.COUNTY_OFFICER, DEHUI, null, null, false);
		List<Contact> before = signedIn(county, () -> contacts.history(DEHUI));
		assertThatThrownBy(() -> signedIn(county,
				() -> contacts.name(DEHUI, new DepartmentContacts.Details("", "x".repeat(101), "12345", "dehui@"))))
			.isInstanceOf(RuleViolation.class)
			.satisfies(e -> assertThat(((RuleViolation) e).violations()).extracting(Violation::field, Violation::rule)
				.containsExactlyInAnyOrder(tuple("contactName", "required"),
						tuple("contactPost", "max-length"),
						tuple("contactPhone", "phone.format"),
						tuple("contactEmail", "email")));
		assertThat(signedIn(county, () -> contacts.history(DEHUI))).isEqualTo(before);
	}

	@Test
	void aDepartmentNamesOnlyItsOwnContactAndSeesOnlyItsRegion() {
		String county = account(Role.COUNTY_OFFICER, DEHUI, null, null, false);
		String city = account(Role.CITY_OFFICER, "220100", null, null, false);
		DepartmentContacts.Details details = new DepartmentContacts.Details("王强", "科长", "13900000000", "wq@example.cn");
		assertThatThrownBy(() -> signedIn(county, () -> contacts.name(YUSHU, details))).as("a neighbour county")
			.isInstanceOf(Forbidden.class);
		assertThatThrownBy(() -> signedIn(city, () -> contacts.name(DEHUI, details))).as("its own county's")
			.isInstanceOf(Forbidden.class);
		assertThatThrownBy(() -> signedIn(county, () -> contacts.history("220100"))).isInstanceOf(Forbidden.class);
		assertThatThrownBy(() -> signedIn(city, () -> contacts.history("220000"))).as("the province names no contact")
			.isInstanceOf(NotFound.class);

		assertThat(signedIn(county, () -> contacts.status())).extracting(s -> s.department().code()).containsExactly(DEHUI);
		List<ContactStatus> ofCity = signedIn(city, () -> contacts.status());
		assertThat(ofCity).extracting(s -> s.department().code()).startsWith("220100").contains(YUSHU, DEHUI)
			.allMatch(code -> code.startsWith("2201"));
		String enterprise = account(Role.ENTERPRISE_ADMIN, null, enterprise(as(province()), "220182"), null, false);
		assertThatThrownBy(() -> signedIn(enterprise, () -> contacts.status())).isInstanceOf(Forbidden.class);
	}

	@Test
	void theProvinceSeesEveryDepartmentAndWhoIsLate() {
		String province = province();
		Contact named = contacts.name("220203", new DepartmentContacts.Details("孙丽", "科员", "0432-62345678", "sl@jlsx.gov.cn"),
				Actor.SYSTEM);
		assertThat(named.namedBy()).isEqualTo(Actor.SYSTEM.username());

		List<ContactStatus> all = signedIn(province, () -> contacts.status());
		assertThat(all).extracting(s -> s.department().level()).doesNotContain(Region.Level.PROVINCE)
			.contains(Region.Level.CITY, Region.Level.COUNTY, Region.Level.SUPERVISORY);
		assertThat(all).extracting(s -> s.department().name()).contains("长春新区", "长白山管委会");
		ContactStatus jilinCounty = all.stream().filter(s -> s.department().code().equals("220203")).findFirst().orElseThrow();
		assertThat(jilinCounty.named()).isTrue();
		assertThat(jilinCounty.late()).isFalse();
		assertThat(all).allSatisfy(s -> {
			assertThat(s.deadline()).as("the seed's campaign is in force after its end").isEqualTo(LocalDate.of(2021, 5, 30));
			assertThat(s.late()).isEqualTo(!s.named());
		});
	}

	@Test
	void twoContactsSavedAtOnceLeaveOneCurrentAndTheOtherInTheHistory() throws Exception {
		String region = "220722";
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Contact>> saved = pool.invokeAll(List.of(
					() -> contacts.name(region, new DepartmentContacts.Details("甲", "科长", "13900000001", "a@changling.gov.cn"), Actor.SYSTEM),
					() -> contacts.name(region, new DepartmentContacts.Details("乙", "科长", "13900000002", "b@changling.gov.cn"), Actor.SYSTEM)));
			for (Future<Contact> f : saved) {
				assertThat(f.get().regionCode()).isEqualTo(region);
			}
		}
		finally {
			pool.shutdown();
		}
		List<Contact> history = signedIn(province(), () -> contacts.history(region));
		assertThat(history).hasSizeGreaterThanOrEqualTo(2);
		assertThat(history).filteredOn(Contact::current).hasSize(1);
	}
}
