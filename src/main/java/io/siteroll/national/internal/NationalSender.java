package io.siteroll.national.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.siteroll.national.AsyncStatus;
import io.siteroll.national.FieldCipher;
import io.siteroll.national.NationalAnswer;
import io.siteroll.national.NationalMethod;
import io.siteroll.national.NationalReport;
import io.siteroll.national.NationalReport.State;
import io.siteroll.national.NationalReporting;
import io.siteroll.national.OpenApiClient;
import io.siteroll.national.simulator.NationalPlatformSimulator;
import io.siteroll.project.ProjectAccess;
import io.siteroll.platform.ReadOnlyWork;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works through the reports owed to the national platform (docs/national-platform.md), one round at a time:
 * <ol>
 * <li>a report left SENDING (the platform's answer was lost, or the process died mid-call) is not resent blindly: the
 * platform is asked whether it holds the record, and only if it does not is the report sent again — so no change
 * arrives twice;</li>
 * <li>SENT reports are polled by serial code until settled: accepted (a team's {@code teamSysNo} kept) or refused with
 * the platform's reason;</li>
 * <li>pending reports whose records' dependencies are accepted are sent in the upload order.</li>
 * </ol>
 * A platform that cannot be reached, or refuses for its own reasons (signature, rate, internal error), is retried with
 * a doubling delay; a refusal of the record waits for its correction, which puts it back in the queue.
 */
@Service
class NationalSender implements NationalReporting, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NationalSender.class);

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final NationalSettings settings;

	private final ReportQueue queue;

	private final NationalPayloads payloads;

	private final AttendanceWindows windows;

	private final ProjectAccess access;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final NationalPlatformSimulator simulator;

	private final OpenApiClient client;

	NationalSender(NationalSettings settings, ReportQueue queue, NationalPayloads payloads, AttendanceWindows windows,
			ProjectAccess access, Clock clock) {
		this.windows = windows;
		this.settings = settings;
		this.queue = queue;
		this.payloads = payloads;
		this.access = access;
		this.clock = clock;
		if (!settings.enabled()) {
			this.simulator = null;
			this.client = null;
			return;
		}
		String appid = settings.appid() != null ? settings.appid() : "220000000000000000";
		String secret = settings.appsecret() != null ? settings.appsecret() : UUID.randomUUID().toString().replace("-", "");
		URI endpoint = settings.endpoint();
		if (settings.simulator()) {
			try {
				this.simulator = new NationalPlatformSimulator(clock).register(appid, secret).start(0);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			endpoint = simulator.uri();
		}
		else {
			this.simulator = null;
		}
		if (endpoint == null) {
			throw new IllegalStateException("siteroll.national.endpoint is required when reporting is enabled");
		}
		new FieldCipher(secret);
		this.client = new OpenApiClient(endpoint, appid, secret, clock);
	}

	@Override
	public Connection connection() {
		return new Connection(settings.enabled(), client == null ? null
				: settings.simulator() ? "simulator " + simulator.uri() : String.valueOf(settings.endpoint()));
	}

	@Override
	@ReadOnlyWork
	public Tally tally(long projectId) {
		access.requireVisible(projectId);
		return queue.tally(projectId);
	}

	@Override
	@ReadOnlyWork
	public List<NationalReport> reports(long projectId, int limit) {
		access.requireVisible(projectId);
		return queue.ofProject(projectId, Math.max(1, Math.min(limit, 500)));
	}

	@Scheduled(fixedDelayString = "${siteroll.national.interval:PT10S}", initialDelayString = "${siteroll.national.interval:PT10S}")
	void scheduled() {
		if (client != null) {
			try {
				sendDue();
			}
			catch (RuntimeException e) {
				log.warn("national reporting round failed: {}", e.getMessage());
			}
		}
	}

	@Override
	public synchronized void sendDue() {
		if (client == null) {
			return;
		}
		Instant now = clock.instant();
		windows.close(now);
		for (NationalReport report : queue.due(State.SENDING, now, settings.batch())) {
			resolve(report, now);
		}
		for (NationalReport report : queue.due(State.SENT, now, settings.batch())) {
			settle(report, now);
		}
		for (NationalReport report : queue.sendable(now, settings.batch())) {
			send(report, now);
		}
	}

	private LocalDate today(Instant now) {
		return now.atZone(BEIJING).toLocalDate();
	}

	private void send(NationalReport report, Instant now) {
		NationalMethod method = report.subject().method(report.change());
		Optional<NationalPayloads.Payload> payload = payloads.of(report.subject(), report.subjectId(), report.change(),
				client.cipher(), today(now));
		if (payload.isEmpty()) {
			queue.refused(report.id(), nothingToSend(report), now);
			return;
		}
		queue.sending(report.id(), now);
		NationalAnswer answer;
		try {
			answer = client.call(method, payload.get().data());
		}
		catch (OpenApiClient.Unreachable e) {
			// whether the platform processed the call is unknown: the next round asks it before resending
			queue.later(report.id(), State.SENDING, now, e.getMessage());
			return;
		}
		if (answer.accepted()) {
			String serial = json.readTree(answer.data()).path("requestSerialCode").asString("");
			queue.sent(report.id(), serial, now);
		}
		else if (NationalAnswer.BAD_PARAMETERS.equals(answer.code())) {
			queue.refused(report.id(), answer.message(), now);
		}
		else {
			queue.later(report.id(), State.PENDING, now.plus(settings.backoff(report.attempts() + 1)),
					answer.code() + " " + answer.message());
		}
	}

	private void settle(NationalReport report, Instant now) {
		OpenApiClient.Settlement settlement;
		try {
			settlement = client.poll(report.serialCode());
		}
		catch (OpenApiClient.Unreachable e) {
			queue.later(report.id(), State.SENT, now.plus(settings.backoff(report.attempts())), e.getMessage());
			return;
		}
		if (settlement.status() == AsyncStatus.SUCCEEDED) {
			if (report.subject() == NationalReport.Subject.TEAM && report.change() == NationalReport.Change.ADD) {
				String teamSysNo = json.readTree(settlement.result()).path("teamSysNo").asString("");
				queue.reference(report.subject(), report.subjectId(), teamSysNo);
			}
			queue.accepted(report.id(), now);
		}
		else if (settlement.status() == AsyncStatus.FAILED) {
			queue.refused(report.id(), settlement.result(), now);
		}
		else {
			queue.later(report.id(), State.SENT, now.plus(settings.retryFirst()), null);
		}
	}

	/** A report whose call may or may not have reached the platform: ask before sending again. */
	private void resolve(NationalReport report, Instant now) {
		NationalMethod method = report.subject().method(report.change());
		if (report.change() == NationalReport.Change.UPDATE || method.query().isEmpty()) {
			queue.later(report.id(), State.PENDING, now, "resent: an update may be repeated");
			return;
		}
		Optional<NationalPayloads.Payload> payload = payloads.of(report.subject(), report.subjectId(), report.change(),
				client.cipher(), today(now));
		if (payload.isEmpty()) {
			queue.refused(report.id(), nothingToSend(report), now);
			return;
		}
		String project = json.readTree(payload.get().data()).path("projectCode").asString("");
		NationalAnswer answer;
		try {
			answer = client.call(method.query().get(), json.createObjectNode().put("projectCode", project).toString());
		}
		catch (OpenApiClient.Unreachable e) {
			queue.later(report.id(), State.SENDING, now.plus(settings.backoff(report.attempts())), e.getMessage());
			return;
		}
		if (!answer.accepted()) {
			queue.later(report.id(), State.SENDING, now.plus(settings.backoff(report.attempts())),
					answer.code() + " " + answer.message());
			return;
		}
		FieldCipher cipher = client.cipher();
		for (JsonNode row : json.readTree(answer.data()).path("rows")) {
			if (matches(report.subject(), row, payload.get(), cipher)) {
				if (report.subject() == NationalReport.Subject.TEAM) {
					queue.reference(report.subject(), report.subjectId(), row.path("teamSysNo").asString(""));
				}
				queue.accepted(report.id(), now);
				return;
			}
		}
		queue.later(report.id(), State.PENDING, now, "not held by the platform: sent again");
	}

	private static boolean matches(NationalReport.Subject subject, JsonNode row, NationalPayloads.Payload payload,
			FieldCipher cipher) {
		String value = row.path(payload.matchField()).asString("");
		if ("idCardNumber".equals(payload.matchField())) {
			try {
				value = cipher.decrypt(value);
			}
			catch (FieldCipher.UnreadableField e) {
				return false;
			}
		}
		if (subject == NationalReport.Subject.ENTRY_EXIT || subject == NationalReport.Subject.ATTENDANCE) {
			value = value + "|" + row.path("date").asString("");
		}
		return value.equals(payload.matchValue());
	}

	/** Why a report has nothing to send: its record is gone, or no worker of its passes is on the platform yet. */
	private static String nothingToSend(NationalReport report) {
		return report.subject() == NationalReport.Subject.ATTENDANCE ? "national.no-reported-workers" : "national.record-gone";
	}

	@Override
	public void destroy() {
		if (simulator != null) {
			simulator.close();
		}
	}

	/** The in-process simulator, when configured (tests and the demo look at what it received). */
	Optional<NationalPlatformSimulator> simulator() {
		return Optional.ofNullable(simulator);
	}
}
