package io.siteroll.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.siteroll.national.simulator.NationalPlatformSimulator;

/**
 * The {@code open.api} envelope, signature and field cipher against the published vectors, and the simulator's
 * protocol checks (docs/national-platform.md). Plain JUnit: no application context.
 */
class OpenApiProtocolTest {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final String APPID = "220102202103010001";

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	private NationalPlatformSimulator simulator;

	private OpenApiClient client;

	@BeforeEach
	void start() throws Exception {
		simulator = new NationalPlatformSimulator(clock).register(APPID, SECRET).start(0);
		simulator.pendingPolls(1);
		client = new OpenApiClient(simulator.uri(), APPID, SECRET, clock);
	}

	@AfterEach
	void stop() {
		simulator.close();
	}

	@Test
	void theSignatureIsTheLowerCasedSortedStringsSha256() {
		OpenApiEnvelope call = OpenApiEnvelope.signed(APPID, SECRET, "WorkerAttendance.Add",
				"{\"projectCode\":\"220102202103010001\",\"teamSysNo\":\"100000001\",\"dataList\":[]}", "abc123",
				"20210301120000");
		assertThat(call.sign()).isEqualTo("e328456fc5b183e3316ad171b8d0cb0a552aee2da343e6aaabbd8e836521c954");
		assertThat(call.signedWith(SECRET)).isTrue();
		assertThat(call.signedWith("fedcba9876543210fedcba9876543210")).isFalse();
		OpenApiEnvelope tampered = new OpenApiEnvelope(call.appid(), call.data().replace("100000001", "100000002"),
				call.format(), call.method(), call.nonce(), call.timestamp(), call.version(), null, call.sign());
		assertThat(tampered.signedWith(SECRET)).isFalse();
	}

	@Test
	void identityAndBankNumbersTravelAesEncrypted() {
		FieldCipher cipher = new FieldCipher(SECRET);
		assertThat(cipher.encrypt("11010519491231002X")).isEqualTo("0whyJ0FnjXE8TQqC953G9I67RW3Um885mYa6LO5bMIo=");
		assertThat(cipher.decrypt("0whyJ0FnjXE8TQqC953G9I67RW3Um885mYa6LO5bMIo=")).isEqualTo("11010519491231002X");
		assertThatThrownBy(() -> new FieldCipher("fedcba9876543210fedcba9876543210")
			.decrypt("0whyJ0FnjXE8TQqC953G9I67RW3Um885mYa6LO5bMIo=")).isInstanceOf(FieldCipher.UnreadableField.class);
		assertThatThrownBy(() -> cipher.decrypt("not base64!")).isInstanceOf(FieldCipher.UnreadableField.class);
		assertThat(NationalField.isEncrypted("payRollBankCardNumber")).isTrue();
		assertThat(NationalField.isEncrypted("workerName")).isFalse();
	}

	@Test
	void theFormCarriesEveryFieldUnchanged() {
		OpenApiEnvelope call = client.envelope(NationalMethod.TEAM_ADD,
				"{\"teamName\":\"钢筋班组 & 木工\",\"remark\":\"a=b+c%\"}");
		OpenApiEnvelope read = OpenApiEnvelope.parse(call.form());
		assertThat(read).isEqualTo(call);
		assertThat(read.signedWith(SECRET)).isTrue();
		assertThat(read.timestamp()).isEqualTo("20261202100000");
	}

	@Test
	void writesAreSettledOnlyWhenPolledAndFollowTheUploadOrder() {
		// a team before its unit takes part in the project: accepted for processing, then failed
		String team = client.call(NationalMethod.PROJECT_ADD, "{\"projectCode\":\"P1\",\"areaCode\":\"220102\"}").data();
		assertThat(settle(serial(team)).status()).isEqualTo(AsyncStatus.SUCCEEDED);
		String early = serial(client.call(NationalMethod.TEAM_ADD,
				"{\"projectCode\":\"P1\",\"corpCode\":\"91220101MA0000000X\",\"teamName\":\"钢筋班\"}").data());
		assertThat(client.poll(early).status()).isEqualTo(AsyncStatus.PENDING);
		OpenApiClient.Settlement refused = client.poll(early);
		assertThat(refused.status()).isEqualTo(AsyncStatus.FAILED);
		assertThat(refused.result()).contains("[corpCode]");

		assertThat(settle(serial(client.call(NationalMethod.SUBCONTRACTOR_ADD,
				"{\"projectCode\":\"P1\",\"corpCode\":\"91220101MA0000000X\",\"corpType\":\"008\"}").data())).status())
			.isEqualTo(AsyncStatus.SUCCEEDED);
		OpenApiClient.Settlement teamAdded = settle(serial(client.call(NationalMethod.TEAM_ADD,
				"{\"projectCode\":\"P1\",\"corpCode\":\"91220101MA0000000X\",\"teamName\":\"钢筋班\"}").data()));
		assertThat(teamAdded.status()).isEqualTo(AsyncStatus.SUCCEEDED);
		String teamSysNo = teamAdded.result().replaceAll("\\D", "");
		assertThat(teamSysNo).isNotEmpty();

		String id = client.cipher().encrypt("11010519491231002X");
		OpenApiClient.Settlement noPhoto = settle(serial(client.call(NationalMethod.WORKER_ADD,
				"{\"projectCode\":\"P1\",\"teamSysNo\":\"" + teamSysNo + "\",\"workerList\":[{\"workerName\":\"张三\","
						+ "\"idCardType\":\"01\",\"idCardNumber\":\"" + id + "\"}]}").data()));
		assertThat(noPhoto.result()).isEqualTo("[headImage]不能为空");
		assertThat(settle(serial(client.call(NationalMethod.WORKER_ADD,
				"{\"projectCode\":\"P1\",\"teamSysNo\":\"" + teamSysNo + "\",\"workerList\":[{\"workerName\":\"张三\","
						+ "\"idCardType\":\"01\",\"idCardNumber\":\"" + id + "\",\"headImage\":\"data:image/jpeg;base64,AA\"}]}")
			.data())).status()).isEqualTo(AsyncStatus.SUCCEEDED);
		assertThat(settle(serial(client.call(NationalMethod.ATTENDANCE_ADD,
				"{\"projectCode\":\"P1\",\"teamSysNo\":\"" + teamSysNo + "\",\"dataList\":[{\"idCardType\":\"01\","
						+ "\"idCardNumber\":\"" + id + "\",\"date\":\"2026-12-02 07:58:12\",\"direction\":\"01\"}]}")
			.data())).status()).isEqualTo(AsyncStatus.SUCCEEDED);

		assertThat(simulator.received(NationalMethod.ATTENDANCE_ADD))
			.containsExactly(new NationalPlatformSimulator.Received(NationalMethod.ATTENDANCE_ADD,
					"P1/11010519491231002X/2026-12-02 07:58:12"));
	}

	@Test
	void badSignaturesStaleTimestampsReplayedNoncesAndUnknownAppsChangeNothing() {
		OpenApiEnvelope call = client.envelope(NationalMethod.PROJECT_ADD,
				"{\"projectCode\":\"P2\",\"areaCode\":\"220102\"}");
		OpenApiEnvelope forged = call.withSign(call.signature("fedcba9876543210fedcba9876543210"));
		assertThat(client.send(forged).code()).isEqualTo(NationalAnswer.BAD_SIGNATURE);

		OpenApiEnvelope stale = OpenApiEnvelope.signed(APPID, SECRET, NationalMethod.PROJECT_ADD, call.data(), "n-stale",
				LocalDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8)).minusMinutes(11));
		assertThat(client.send(stale).message()).isEqualTo("请求参数无效:timestamp已过期");

		OpenApiEnvelope stranger = OpenApiEnvelope.signed("999", SECRET, "Project.Add", call.data(), "n1", call.timestamp());
		assertThat(client.send(stranger).message()).isEqualTo("请求参数无效:appid无效");

		assertThat(client.send(call).accepted()).isTrue();
		NationalAnswer replay = client.send(call);
		assertThat(replay.accepted()).isFalse();
		assertThat(replay.message()).isEqualTo("请求参数无效:nonce重复");

		OpenApiEnvelope garbled = OpenApiEnvelope.signed(APPID, SECRET, "ProjectWorker.Add",
				"{\"projectCode\":\"P2\",\"workerList\":[{\"idCardNumber\":\"xx\"}]}", "n-garbled", call.timestamp());
		assertThat(client.send(garbled).message()).isEqualTo("请求参数无效:加密字段无法解密");
		assertThat(simulator.received())
			.containsExactly(new NationalPlatformSimulator.Received(NationalMethod.PROJECT_ADD, "P2"));
	}

	@Test
	void failsOnDemand() {
		simulator.refuseNext(NationalMethod.PROJECT_ADD, "Internal Error");
		String data = "{\"projectCode\":\"P3\",\"areaCode\":\"220102\"}";
		assertThat(settle(serial(client.call(NationalMethod.PROJECT_ADD, data).data())).result())
			.isEqualTo("Internal Error");
		assertThat(settle(serial(client.call(NationalMethod.PROJECT_ADD, data).data())).status())
			.isEqualTo(AsyncStatus.SUCCEEDED);

		simulator.outage(2);
		assertThatThrownBy(() -> client.call(NationalMethod.PROJECT_QUERY, data))
			.isInstanceOf(OpenApiClient.Unreachable.class);
		assertThatThrownBy(() -> client.call(NationalMethod.PROJECT_QUERY, data))
			.isInstanceOf(OpenApiClient.Unreachable.class);
		assertThat(client.call(NationalMethod.PROJECT_QUERY, data).data()).contains("\"totalCount\":1");
	}

	private static String serial(String data) {
		assertThat(data).contains("requestSerialCode");
		return data.replaceAll(".*\"requestSerialCode\":\"([^\"]+)\".*", "$1");
	}

	private OpenApiClient.Settlement settle(String serial) {
		for (int i = 0; i < 5; i++) {
			OpenApiClient.Settlement settlement = client.poll(serial);
			if (settlement.status().settled()) {
				return settlement;
			}
		}
		throw new AssertionError("not settled: " + serial);
	}
}
