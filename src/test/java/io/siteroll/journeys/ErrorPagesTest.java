package io.siteroll.journeys;

import com.microsoft.playwright.Response;
import io.siteroll.identity.Role;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever goes wrong in the browser, the answer is a page in Chinese and English with a way home, never JSON. */
class ErrorPagesTest extends BrowserTest {

	private Response visit(String path) {
		return page.navigate(url(path));
	}

	private void assertErrorPage(Response response, int status, String chineseTitle) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.headerValue("content-type")).startsWith("text/html");
		String text = page.locator("body").innerText();
		assertThat(text).contains(status + " · " + chineseTitle).doesNotContain("\"type\"", "Whitelabel", "{");
		assertThat(page.getByText("回到首页 Home").isVisible()).isTrue();
	}

	@Test
	void refusalsInTheBrowserArePagesWithAWayHome() {
		String enterprise = account(Role.ENTERPRISE_ADMIN, null, enterprise(as(province()), "220102"), null, false);
		signIn(enterprise);

		assertErrorPage(visit("/projects/987654321"), 404, "页面不存在");
		assertErrorPage(visit("/no-such-page"), 404, "页面不存在");
		assertErrorPage(visit("/compliance?month=2026-13"), 400, "请求有误");
		assertThat(page.locator("body").innerText()).contains("月份");
		assertErrorPage(visit("/orders/1/answer"), 405, "操作方式不正确");
		assertErrorPage(visit("/accounts"), 403, "无权访问");

		page.getByText("回到首页 Home").click();
		assertThat(page.url()).doesNotContain("/accounts");
		assertThat(page.locator("header").innerText()).contains("项目");
	}
}
