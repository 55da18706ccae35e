package io.siteroll.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;

/**
 * In (issue 15): a client written from the open.api facts (the protocol's own {@link OpenApiClient}) registers a
 * participating unit, a team and workers through SiteRoll's {@code /open.api} under the project's key, the records
 * land in the registry by its own rules; bad signatures, stale timestamps and replayed nonces change nothing.
 */
class NationalInboundTest extends IntegrationTest {

	private static final Pattern SERIAL = Pattern.compile("\"requestSerialCode\":\"([^\"]+)\"");

	private String serial(NationalAnswer answer) {
		assertThat(answer.accepted()).as(answer.message()).isTrue();
		Matcher m = SERIAL.matcher(answer.data());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void aLabourSystemReportsInTheNationalFormatAndSiteRollKeepsItsRules() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusDays(20));
		String admin = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false);
		ApiClient contractor = as(admin);

		// the general contractor issues the project's key on the reporting page; the secret is shown once
		ApiClient.Response issued = contractor.form("/projects/" + site.projectId() + "/national/key", Map.of());
		assertThat(issued.status()).isEqualTo(200);
		String page = issued.body();
		String appid = between(page, "id=\"national-appid\">", "<");
		String secret = between(page, "id=\"national-appsecret\">", "<");
		assertThat(secret).hasSize(32);
		assertThat(contractor.get("/projects/" + site.projectId() + "/national").body())
			.as("shown once").doesNotContain(secret);
		assertThat(jdbc.sql("select count(*) from national_inbound_key where secret_cipher::text like ?")
			.param("%" + secret + "%").query(Long.class).single()).as("not in clear at rest").isZero();

		OpenApiClient client = new OpenApiClient(URI.create(baseUrl() + "/open.api"), appid, secret, clock);

		// a new subcontractor known to the registry joins; a team of it is added and its number returned
		long labour = enterprise(province, "220102");
		String corp = jdbc.sql("select credit_code from enterprise where id = ?").param(labour).query(String.class).single();
		NationalAnswer unit = client.call(NationalMethod.SUBCONTRACTOR_ADD, "{\"projectCode\":\"" + appid
				+ "\",\"corpCode\":\"" + corp + "\",\"corpName\":\"劳务公司\",\"corpType\":\"006\",\"entryTime\":\"" + today() + "\"}");
		assertThat(client.poll(serial(unit)).status()).isEqualTo(AsyncStatus.SUCCEEDED);
		OpenApiClient.Settlement team = client.poll(serial(client.call(NationalMethod.TEAM_ADD, "{\"projectCode\":\"" + appid
				+ "\",\"corpCode\":\"" + corp + "\",\"teamName\":\"木工班组\",\"entryTime\":\"" + today() + "\"}")));
		assertThat(team.status()).as(team.result()).isEqualTo(AsyncStatus.SUCCEEDED);
		String teamSysNo = team.result().replaceAll("\\D", "");
		assertThat(jdbc.sql("select name from team where id = ?").param(Long.parseLong(teamSysNo)).query(String.class).single())
			.isEqualTo("木工班组");

		// two workers, their ID numbers and cards encrypted as the national platform wants
		FieldCipher cipher = client.cipher();
		String first = IDS.idNumber(1975, 1990);
		String second = IDS.idNumber(1975, 1990);
		String workers = "{\"projectCode\":\"" + appid + "\",\"teamSysNo\":\"" + teamSysNo + "\",\"workerList\":["
				+ worker("李木工", cipher.encrypt(first), cipher.encrypt(IDS.bankCard())) + ","
				+ worker("赵木工", cipher.encrypt(second), cipher.encrypt(IDS.bankCard())) + "]}";
		OpenApiClient.Settlement engaged = client.poll(serial(client.call(NationalMethod.WORKER_ADD, workers)));
		assertThat(engaged.status()).as(engaged.result()).isEqualTo(AsyncStatus.SUCCEEDED);
		assertThat(jdbc.sql("select count(*) from worker_engagement where team_id = ?").param(Long.parseLong(teamSysNo))
			.query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? and subject_type = 'worker_engagement'")
			.param(admin).query(Long.class).single()).as("done as the key's account").isGreaterThanOrEqualTo(2);

		// the registry's rules answer in the national way, all of a call or none of it
		String third = IDS.idNumber(1975, 1990);
		String mixed = "{\"projectCode\":\"" + appid + "\",\"teamSysNo\":\"" + teamSysNo + "\",\"workerList\":["
				+ worker("钱木工", cipher.encrypt(third), cipher.encrypt(IDS.bankCard())) + ","
				+ worker("孙木工", cipher.encrypt("110105194912310021"), cipher.encrypt(IDS.bankCard())) + "]}";
		OpenApiClient.Settlement refused = client.poll(serial(client.call(NationalMethod.WORKER_ADD, mixed)));
		assertThat(refused.status()).isEqualTo(AsyncStatus.FAILED);
		assertThat(refused.result()).startsWith("[workerList[1].");
		assertThat(jdbc.sql("select count(*) from worker_engagement where team_id = ?").param(Long.parseLong(teamSysNo))
			.query(Long.class).single()).as("the valid first worker of a refused call is not kept").isEqualTo(2);
		assertThat(client.poll(serial(client.call(NationalMethod.WORKER_ADD,
				workers.replace("\"teamSysNo\":\"" + teamSysNo, "\"teamSysNo\":\"999999999")))).result())
			.isEqualTo("[teamSysNo]值超出范围或无效");

		// attendance comes from the gates, not from a labour system's say-so
		assertThat(client.call(NationalMethod.ATTENDANCE_ADD, "{\"projectCode\":\"" + appid + "\"}").code())
			.isEqualTo(NationalAnswer.NO_PERMISSION);

		// forged, stale and replayed calls change nothing
		long before = jdbc.sql("select count(*) from team").query(Long.class).single();
		String newTeam = "{\"projectCode\":\"" + appid + "\",\"corpCode\":\"" + corp + "\",\"teamName\":\"钢筋二班\",\"entryTime\":\"" + today() + "\"}";
		OpenApiEnvelope call = client.envelope(NationalMethod.TEAM_ADD, newTeam);
		assertThat(client.send(call.withSign(call.signature("fedcba9876543210fedcba9876543210"))).code())
			.isEqualTo(NationalAnswer.BAD_SIGNATURE);
		OpenApiEnvelope stale = OpenApiEnvelope.signed(appid, secret, NationalMethod.TEAM_ADD, newTeam, "stale-nonce",
				LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusMinutes(11));
		assertThat(client.send(stale).message()).isEqualTo("请求参数无效:timestamp已过期");
		assertThat(jdbc.sql("select count(*) from team").query(Long.class).single()).isEqualTo(before);
		assertThat(client.send(call).accepted()).isTrue();
		assertThat(client.send(call).message()).isEqualTo("请求参数无效:nonce重复");
		assertThat(jdbc.sql("select count(*) from team").query(Long.class).single()).as("the replay added nothing")
			.isEqualTo(before + 1);

		// another project's code under this key is refused; a key issued again ends the old secret
		OpenApiClient.Settlement elsewhere = client.poll(serial(client.call(NationalMethod.TEAM_ADD,
				newTeam.replace(appid, "220102000000000000"))));
		assertThat(elsewhere.result()).isEqualTo("[projectCode]与密钥所属项目不符");
		contractor.form("/projects/" + site.projectId() + "/national/key", Map.of());
		assertThat(client.call(NationalMethod.PROJECT_QUERY, "{\"projectCode\":\"" + appid + "\"}").code())
			.as("the old secret no longer signs for the project").isEqualTo(NationalAnswer.BAD_SIGNATURE);
	}

	private static String worker(String name, String idCipher, String cardCipher) {
		return "{\"workerName\":\"" + name + "\",\"isTeamLeader\":0,\"idCardType\":\"01\",\"idCardNumber\":\"" + idCipher
				+ "\",\"workType\":\"020\",\"workRole\":20,\"payRollBankCardNumber\":\"" + cardCipher
				+ "\",\"payRollTopBankCode\":\"102\",\"payRollBankName\":\"工商银行\"}";
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("page shows " + start).isGreaterThanOrEqualTo(0);
		from += start.length();
		return text.substring(from, text.indexOf(end, from));
	}

	@Test
	void anEnterpriseKeyRegistersTheEnterprisesProjectsAndReportsThem() {
		ApiClient province = as(province());
		long contractor = enterprise(province, "220102");
		String corp = jdbc.sql("select credit_code from enterprise where id = ?").param(contractor).query(String.class).single();
		ApiClient admin = as(account(Role.ENTERPRISE_ADMIN, null, contractor, null, false));
		ApiClient.Response issued = admin.form("/national/key", Map.of());
		assertThat(issued.status()).isEqualTo(200);
		assertThat(between(issued.body(), "id=\"national-appid\">", "<")).isEqualTo(corp);
		String secret = between(issued.body(), "id=\"national-appsecret\">", "<");
		assertThat(as(province()).form("/national/key", Map.of()).status()).as("an officer has no enterprise key").isEqualTo(403);
		OpenApiClient client = new OpenApiClient(URI.create(baseUrl() + "/open.api"), corp, secret, clock);

		String project = "{\"name\":\"劳务系统登记项目" + System.nanoTime() % 100000 + "\",\"areaCode\":\"220102\","
				+ "\"address\":\"人民大街1号\",\"category\":\"01\",\"propertyNum\":\"001\",\"contractorCorpCode\":\""
				+ corp + "\",\"startDate\":\"" + today().minusDays(2) + "\",\"lng\":\"125.32\",\"lat\":\"43.88\"}";
		OpenApiClient.Settlement added = client.poll(serial(client.call(NationalMethod.PROJECT_ADD, project)));
		assertThat(added.status()).as(added.result()).isEqualTo(AsyncStatus.SUCCEEDED);
		String code = added.result().replaceAll(".*\"projectCode\":\"(\\d+)\".*", "$1");
		assertThat(jdbc.sql("select contractor_id from project where code = ?").param(code).query(Long.class).single())
			.isEqualTo(contractor);
		OpenApiClient.Settlement again = client.poll(serial(client.call(NationalMethod.PROJECT_ADD, project)));
		assertThat(again.result()).as("一数一源").contains("\"projectCode\":\"" + code + "\"", "\"existing\":true");

		OpenApiClient.Settlement team = client.poll(serial(client.call(NationalMethod.TEAM_ADD, "{\"projectCode\":\"" + code
				+ "\",\"corpCode\":\"" + corp + "\",\"teamName\":\"总包直营班组\",\"entryTime\":\"" + today() + "\"}")));
		assertThat(team.status()).as(team.result()).isEqualTo(AsyncStatus.SUCCEEDED);
		assertThat(client.call(NationalMethod.TEAM_QUERY, "{\"projectCode\":\"" + code + "\"}").data()).contains("总包直营班组");

		Site other = site(province, "220102", today().minusDays(5));
		String otherCode = jdbc.sql("select code from project where id = ?").param(other.projectId()).query(String.class).single();
		OpenApiClient.Settlement foreign = client.poll(serial(client.call(NationalMethod.TEAM_ADD, "{\"projectCode\":\""
				+ otherCode + "\",\"corpCode\":\"" + corp + "\",\"teamName\":\"越权班组\",\"entryTime\":\"" + today() + "\"}")));
		assertThat(foreign.status()).as("another enterprise's project").isEqualTo(AsyncStatus.FAILED);
		assertThat(client.call(NationalMethod.PROJECT_QUERY, "{\"projectCode\":\"" + otherCode + "\"}").code())
			.isEqualTo(NationalAnswer.NO_PERMISSION);
		assertThat(client.poll(serial(client.call(NationalMethod.PROJECT_ADD, project.replace(corp, "91220101MA00000000"))))
			.result()).isEqualTo("[contractorCorpCode]与密钥所属企业不符");
	}
}
