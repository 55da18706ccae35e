package io.siteroll.payroll;

import java.time.YearMonth;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * The stage of a wage test: a project in its third month (this month, on the platform's clock, is the month paid),
 * the province's officer, and the general contractor's enterprise administrator, who compiles and pays.
 */
abstract class PayrollProjectTest extends IntegrationTest {

	ApiClient province;

	YearMonth month;

	Site site;

	ApiClient contractor;

	@BeforeEach
	void project() {
		province = as(province());
		month = YearMonth.from(today());
		site = site(province, "220102", month.minusMonths(2).atDay(1));
		contractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, true));
	}
}
