package io.siteroll.national.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.siteroll.enterprise.Enterprise;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.identity.Accounts;
import io.siteroll.national.AsyncStatus;
import io.siteroll.national.NationalAnswer;
import io.siteroll.national.NationalField;
import io.siteroll.national.NationalInbound;
import io.siteroll.national.NationalMethod;
import io.siteroll.national.OpenApiEnvelope;
import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.Person;
import io.siteroll.personnel.Persons;
import io.siteroll.personnel.Team;
import io.siteroll.personnel.Teams;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Projects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SiteRoll's own {@code open.api}: an enterprise labour system that speaks the national interface reports to SiteRoll
 * unchanged (docs/national-platform.md, "In"). Each call is checked like the national platform checks it (a known
 * key, a timestamp within 10 minutes of the platform's clock, the signature, a nonce not seen before: a call failing
 * any of these changes nothing), then carried out as the account that issued the key, through the registry's own
 * services and rules, all of a call or none of it. Writes are answered with a serial code whose outcome
 * {@code AsyncHandleResult.Query} gives, refusals worded the national way ({@code [field]reason}).
 */
@Service
class InboundGateway implements NationalInbound {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final InboundKeys keys;

	private final Accounts accounts;

	private final Projects projects;

	private final Enterprises enterprises;

	private final Teams teams;

	private final Engagements engagements;

	private final Persons persons;

	private final Messages messages;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	InboundGateway(InboundKeys keys, Accounts accounts, Projects projects, Enterprises enterprises, Teams teams,
			Engagements engagements, Persons persons, Messages messages, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock) {
		this.keys = keys;
		this.accounts = accounts;
		this.projects = projects;
		this.enterprises = enterprises;
		this.teams = teams;
		this.engagements = engagements;
		this.persons = persons;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	private static NationalAnswer refused(String code, String message) {
		return new NationalAnswer(code, message, null);
	}

	/** A refusal of the record, worded the national way. */
	private static final class Refusal extends RuntimeException {

		Refusal(String message) {
			super(message, null, false, false);
		}
	}

	@Override
	public IssuedKey issueKey(long projectId) {
		InboundKeys.Issued issued = keys.issue(projectId);
		return new IssuedKey(issued.appid(), issued.appsecret());
	}

	@Override
	public IssuedKey issueEnterpriseKey() {
		InboundKeys.Issued issued = keys.issueForEnterprise();
		return new IssuedKey(issued.appid(), issued.appsecret());
	}

	@Override
	public Optional<java.time.Instant> enterpriseKeyIssuedAt() {
		return keys.enterpriseKeyIssuedAt();
	}

	@Override
	public Optional<java.time.Instant> keyIssuedAt(long projectId) {
		return keys.issuedAt(projectId);
	}

	@Override
	public NationalAnswer answer(OpenApiEnvelope call) {
		Optional<NationalAnswer> incomplete = call.incomplete();
		if (incomplete.isPresent()) {
			return incomplete.get();
		}
		Optional<InboundKeys.Key> found = keys.active(call.appid());
		if (found.isEmpty()) {
			return refused(NationalAnswer.BAD_PARAMETERS, "请求参数无效:appid无效");
		}
		InboundKeys.Key key = found.get();
		Optional<NationalAnswer> untrusted = call.untrusted(key.secret(), LocalDateTime.now(clock.withZone(BEIJING)));
		if (untrusted.isPresent()) {
			return untrusted.get();
		}
		if (call.nonce().length() > 64 || jdbc.sql("""
				insert into national_inbound_nonce (appid, nonce) values (?, ?) on conflict do nothing""")
			.params(call.appid(), call.nonce())
			.update() == 0) {
			return refused(NationalAnswer.BAD_PARAMETERS, "请求参数无效:nonce重复");
		}
		Optional<NationalMethod> method = NationalMethod.ofWireName(call.method());
		if (method.isEmpty()) {
			return refused(NationalAnswer.NO_PERMISSION, "无API权限:" + call.method());
		}
		OpenApiEnvelope.Payload payload = call.payload(key.secret());
		if (!payload.readable()) {
			return payload.refusal();
		}
		ObjectNode data = payload.data();
		return switch (method.get()) {
			case ASYNC_RESULT_QUERY -> poll(key, data.path("requestSerialCode").asString(""));
			case PROJECT_QUERY, TEAM_QUERY -> accounts.actingAs(key.accountId(), () -> query(method.get(), key, data))
				.orElseGet(() -> refused(NationalAnswer.NO_PERMISSION, "无API权限:签发密钥的账户已停用"));
			case PROJECT_ADD, SUBCONTRACTOR_ADD, TEAM_ADD, WORKER_ADD, ENTRY_EXIT_ADD -> write(method.get(), key, data);
			case ATTENDANCE_ADD -> refused(NationalAnswer.NO_PERMISSION, "无API权限:考勤以本平台闸机采集的记录为准，不接受上报");
			default -> refused(NationalAnswer.NO_PERMISSION, "无API权限:" + call.method());
		};
	}

	private NationalAnswer write(NationalMethod method, InboundKeys.Key key, JsonNode data) {
		String outcome;
		AsyncStatus status;
		try {
			Optional<String> result = accounts.actingAs(key.accountId(),
					() -> transactions.execute(tx -> apply(method, key, data)));
			if (result.isEmpty()) {
				return refused(NationalAnswer.NO_PERMISSION, "无API权限:签发密钥的账户已停用");
			}
			outcome = result.get();
			status = AsyncStatus.SUCCEEDED;
		}
		catch (Refusal e) {
			outcome = e.getMessage();
			status = AsyncStatus.FAILED;
		}
		catch (RuleViolation e) {
			outcome = national(e.violations());
			status = AsyncStatus.FAILED;
		}
		catch (NotFound | Forbidden e) {
			outcome = "无权操作该记录";
			status = AsyncStatus.FAILED;
		}
		LocalDateTime now = LocalDateTime.now(clock.withZone(BEIJING));
		long sequence = jdbc.sql("select nextval('national_inbound_serial')").query(Long.class).single();
		String serial = method.serialCode(now, sequence);
		jdbc.sql("""
				insert into national_inbound_request (serial_code, key_id, method, received_at, status, result)
				values (?, ?, ?, now(), ?, ?)""")
			.params(serial, key.id(), method.wireName(), status.code(), outcome)
			.update();
		return new NationalAnswer(NationalAnswer.OK, "success",
				json.createObjectNode().put("requestSerialCode", serial).toString());
	}

	private NationalAnswer poll(InboundKeys.Key key, String serial) {
		return jdbc.sql("select status, result from national_inbound_request where serial_code = ? and key_id = ?")
			.params(serial, key.id())
			.query((rs, n) -> {
				ObjectNode data = json.createObjectNode();
				data.put("requestSerialCode", serial);
				data.put("status", rs.getInt(1));
				data.put("result", rs.getString(2));
				data.put("message", rs.getInt(1) == AsyncStatus.SUCCEEDED.code() ? "处理成功" : "处理失败");
				return new NationalAnswer(NationalAnswer.OK, "success", data.toString());
			})
			.optional()
			.orElseGet(() -> refused(NationalAnswer.BAD_PARAMETERS, "请求参数无效:requestSerialCode无效"));
	}

	/** Carries out a write as the key's account; the result the poll will carry. */
	private String apply(NationalMethod method, InboundKeys.Key key, JsonNode data) {
		String projectCode = data.path("projectCode").asString("");
		if (method == NationalMethod.PROJECT_ADD && key.enterpriseId() != null) {
			return registerProject(key, data);
		}
		long projectId = projectOf(key, projectCode);
		return switch (method) {
			// 一数一源: a project key is issued for a project registered already; the record is returned
			case PROJECT_ADD -> json.createObjectNode().put("projectCode", projects.require(projectId).code()).toString();
			case SUBCONTRACTOR_ADD -> unit(projectId, data);
			case TEAM_ADD -> team(projectId, data);
			case WORKER_ADD -> workers(projectId, data);
			case ENTRY_EXIT_ADD -> movements(projectId, data);
			default -> throw new Refusal("无API权限:" + method.wireName());
		};
	}

	/** The project a call is about: the key's own, or (an enterprise key) the one its code names. */
	private long projectOf(InboundKeys.Key key, String projectCode) {
		if (key.projectId() != null) {
			if (!projectCode.equals(key.appid())) {
				throw new Refusal("[projectCode]与密钥所属项目不符");
			}
			return key.projectId();
		}
		return jdbc.sql("select id from project where code = ?")
			.param(projectCode)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new Refusal("[projectCode]项目不存在"));
	}

	/**
	 * Project.Add under an enterprise key: the enterprise registers the project as its general contractor through the
	 * registry's rules (一数一源: a project it already has under the name and region is returned, not doubled). The
	 * national fields: {@code name}, {@code areaCode}, {@code address}, {@code category}, {@code propertyNum} (建设性质),
	 * {@code startDate}, {@code lng}/{@code lat}; the registry's own project code is the answer.
	 */
	private String registerProject(InboundKeys.Key key, JsonNode data) {
		String contractor = text(data, "contractorCorpCode");
		if (contractor != null && !contractor.equals(key.appid())) {
			throw new Refusal("[contractorCorpCode]与密钥所属企业不符");
		}
		Projects.Registered registered = projects.register(new Projects.Registration(text(data, "name"),
				text(data, "areaCode"), text(data, "address"), decimal(data, "lng"), decimal(data, "lat"),
				text(data, "category"), text(data, "propertyNum"), null, date(data, "startDate"),
				date(data, "completeDate")));
		return json.createObjectNode()
			.put("projectCode", registered.project().code())
			.put("existing", !registered.created())
			.toString();
	}

	private static java.math.BigDecimal decimal(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new java.math.BigDecimal(value);
		}
		catch (NumberFormatException e) {
			throw new Refusal("[" + field + "]格式不正确");
		}
	}

	private Enterprise enterprise(String creditCode) {
		return enterprises.findByCreditCode(creditCode)
			.orElseThrow(() -> new Refusal("[corpCode]企业未在本平台登记，请先登记企业"));
	}

	private String unit(long projectId, JsonNode data) {
		Enterprise enterprise = enterprise(data.path("corpCode").asString(""));
		String type = data.path("corpType").asString("");
		Optional<ParticipatingUnit> existing = projects.units(projectId)
			.stream()
			.filter(u -> u.enterpriseId() == enterprise.id() && u.unitType().code().equals(type))
			.findFirst();
		ParticipatingUnit unit = existing.orElseGet(() -> projects.addUnit(projectId,
				new Projects.UnitRegistration(enterprise.id(), type, date(data, "entryTime"))));
		return json.createObjectNode().put("unitId", unit.id()).put("existing", existing.isPresent()).toString();
	}

	private String team(long projectId, JsonNode data) {
		String creditCode = data.path("corpCode").asString("");
		ParticipatingUnit unit = projects.units(projectId)
			.stream()
			.filter(u -> u.creditCode().equals(creditCode) && u.exitDate() == null)
			.findFirst()
			.orElseThrow(() -> new Refusal("[corpCode]该企业未参建此项目"));
		String name = data.path("teamName").asString("");
		Team team = teams.teams(projectId)
			.stream()
			.filter(t -> t.name().equals(name))
			.findFirst()
			.orElseGet(() -> teams.create(projectId, new Teams.Registration(unit.id(), name, null, date(data, "entryTime"))));
		return json.createObjectNode().put("teamSysNo", String.valueOf(team.id())).toString();
	}

	private Team teamOf(long projectId, JsonNode data) {
		try {
			return teams.require(projectId, Long.parseLong(data.path("teamSysNo").asString("")));
		}
		catch (NumberFormatException | NotFound e) {
			throw new Refusal("[teamSysNo]值超出范围或无效");
		}
	}

	private String workers(long projectId, JsonNode data) {
		Team team = teamOf(projectId, data);
		JsonNode list = data.path("workerList");
		if (!list.isArray() || list.isEmpty()) {
			throw new Refusal("[workerList]不能为空");
		}
		ArrayNode engaged = json.createArrayNode();
		int i = 0;
		for (JsonNode worker : list) {
			// 进场: the day the labour system names, else the day SiteRoll is told (its own clock)
			LocalDate named = date(worker, "joinedTime");
			LocalDate entry = named != null ? named : LocalDate.now(clock.withZone(BEIJING));
			try {
				long id = engagements.engage(projectId, new Engagements.NewEngagement(
						new Persons.Registration(text(worker, "idCardType"), text(worker, "idCardNumber"),
								text(worker, "workerName"), text(worker, "nation"), text(worker, "address"),
								text(worker, "cellPhone")),
						team.id(), text(worker, "workType"), "1", entry, null, text(worker, "payRollBankCardNumber"),
						text(worker, "payRollTopBankCode"), text(worker, "payRollBankName"), entry, false)).id();
				engaged.add(id);
			}
			catch (RuleViolation e) {
				int row = i;
				throw new RuleViolation(e.violations().stream().map(v -> v.atField("workerList[" + row + "]." + v.field())).toList());
			}
			i++;
		}
		return json.createObjectNode().put("count", engaged.size()).toString();
	}

	private String movements(long projectId, JsonNode data) {
		int i = 0;
		for (JsonNode row : data.path("dataList")) {
			Optional<Person> person = persons.findByIdentity(text(row, "idCardType"), text(row, "idCardNumber"));
			Optional<Long> engagement = person.flatMap(p -> jdbc.sql("""
					select id from worker_engagement where project_id = ? and person_id = ? and exit_date is null""")
				.params(projectId, p.id())
				.query(Long.class)
				.optional());
			if (engagement.isEmpty()) {
				throw new Refusal("[dataList[" + i + "].idCardNumber]该工人未在项目中登记");
			}
			if ("0".equals(row.path("type").asString(""))) {
				engagements.exit(projectId, engagement.get(), date(row, "date"));
			}
			i++;
		}
		return json.createObjectNode().put("count", i).toString();
	}

	private NationalAnswer query(NationalMethod method, InboundKeys.Key key, JsonNode data) {
		ObjectNode out = json.createObjectNode();
		ArrayNode rows = out.putArray("rows");
		long projectId;
		try {
			projectId = projectOf(key, data.path("projectCode").asString(""));
		}
		catch (Refusal e) {
			return refused(NationalAnswer.BAD_PARAMETERS, "请求参数无效:" + e.getMessage());
		}
		io.siteroll.project.Project project;
		try {
			project = projects.require(projectId);
		}
		catch (NotFound | Forbidden e) {
			return refused(NationalAnswer.NO_PERMISSION, "无API权限:无权查看该项目");
		}
		if (method == NationalMethod.PROJECT_QUERY) {
			rows.addObject().put("projectCode", project.code()).put("name", project.name());
		}
		else {
			for (Team team : teams.teams(projectId)) {
				rows.addObject().put("teamSysNo", String.valueOf(team.id())).put("teamName", team.name());
			}
		}
		out.put("totalCount", rows.size());
		return new NationalAnswer(NationalAnswer.OK, "success", out.toString());
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asString();
	}

	/** A date field ({@code yyyy-MM-dd}, or a time whose first ten characters are one); absent: null. */
	private static LocalDate date(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
		}
		catch (DateTimeParseException e) {
			throw new Refusal("[" + field + "]日期格式不正确");
		}
	}

	/** Refusals the national way: {@code [field]reason}, joined by semicolons. */
	private String national(List<Violation> violations) {
		StringBuilder text = new StringBuilder();
		for (Violation v : violations) {
			if (!text.isEmpty()) {
				text.append(';');
			}
			text.append('[').append(v.field() == null ? "" : v.field()).append(']')
				.append(messages.describe(Locale.SIMPLIFIED_CHINESE, v));
		}
		return text.toString();
	}
}
