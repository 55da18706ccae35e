package io.siteroll.national.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.siteroll.national.AsyncStatus;
import io.siteroll.national.FieldCipher;
import io.siteroll.national.NationalAnswer;
import io.siteroll.national.NationalField;
import io.siteroll.national.NationalMethod;
import io.siteroll.national.OpenApiEnvelope;
import io.siteroll.personnel.IdNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the national platform's {@code open.api}, written from the protocol facts (docs/national-platform.md):
 * it checks the envelope (known appid, fresh timestamp, signature, unseen nonce), decrypts the encrypted fields with
 * the caller's secret, answers every write with a {@code requestSerialCode} and settles it only when polled through
 * {@code AsyncHandleResult.Query}, and holds what it accepted so that a test can ask whether each change arrived once
 * and in order. It can fail on demand: refuse the next write of a method with a given reason, or be down for a number
 * of calls.
 * <p>
 * A test fixture ({@link #start(int)} on a free port) and a runnable tool ({@link #main(String[])}).
 */
public final class NationalPlatformSimulator implements AutoCloseable {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, String> secrets = new HashMap<>();

	private final Set<String> nonces = new HashSet<>();

	private final Map<String, Job> jobs = new HashMap<>();

	private final Map<NationalMethod, Deque<String>> refusals = new EnumMap<>(NationalMethod.class);

	private final AtomicInteger serials = new AtomicInteger();

	private final AtomicInteger teamNumbers = new AtomicInteger(100000000);

	private final Clock clock;

	private HttpServer server;

	private int outage;

	private int pendingPolls = 1;

	// what was accepted, as the national platform would hold it
	private final Set<String> projects = new HashSet<>();

	private final Set<String> units = new HashSet<>();

	private final Map<String, String> teams = new HashMap<>();

	private final Set<String> workers = new HashSet<>();

	private final List<Received> received = new ArrayList<>();

	/** The records held, by the query that lists them and the project, as the caller sent them (in clear). */
	private final Map<NationalMethod, List<ObjectNode>> held = new EnumMap<>(NationalMethod.class);

	/** Calls to answer with a dropped connection after processing them (a lost answer). */
	private int lostAnswers;

	/** How long each answer waits after its call was processed (a slow platform). */
	private volatile Duration answerDelay = Duration.ZERO;

	/** One write the platform accepted: its method and the record's identity (e.g. project, ID number, time). */
	public record Received(NationalMethod method, String key) {
	}

	private record Job(NationalMethod method, AsyncStatus outcome, String result, int[] pollsLeft) {
	}

	public NationalPlatformSimulator(Clock clock) {
		this.clock = clock;
	}

	public NationalPlatformSimulator() {
		this(Clock.system(BEIJING));
	}

	/** Issues a credential: the appid and its 32-character appsecret. */
	public synchronized NationalPlatformSimulator register(String appid, String appsecret) {
		new FieldCipher(appsecret);
		secrets.put(appid, appsecret);
		return this;
	}

	/** Listens on loopback at the port (0: a free one). */
	public NationalPlatformSimulator start(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/open.api", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		return this;
	}

	/** Where the simulator listens. */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/open.api");
	}

	/** The next write of the method is accepted, then settles failed with this reason (the platform's wording). */
	public synchronized void refuseNext(NationalMethod method, String reason) {
		refusals.computeIfAbsent(method, m -> new ArrayDeque<>()).add(reason);
	}

	/** The next {@code calls} requests are answered {@code 503} without being read. */
	public synchronized void outage(int calls) {
		this.outage = calls;
	}

	/** The next {@code calls} requests are processed, then the connection is closed without an answer. */
	public synchronized void loseAnswers(int calls) {
		this.lostAnswers = calls;
	}

	/** Each answer waits this long after its call was processed, so that a client can die while it waits. */
	public void answerDelay(Duration delay) {
		this.answerDelay = delay;
	}

	/** How many polls of a write answer "pending" before it settles (default 1). */
	public synchronized void pendingPolls(int polls) {
		this.pendingPolls = polls;
	}

	/** Every write accepted (settled successfully), in the order it arrived. */
	public synchronized List<Received> received() {
		return List.copyOf(received);
	}

	/** The accepted writes of one method. */
	public synchronized List<Received> received(NationalMethod method) {
		return received.stream().filter(r -> r.method() == method).toList();
	}

	@Override
	public void close() {
		if (server != null) {
			server.stop(0);
			((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
		}
	}

	// ---- the protocol ---------------------------------------------------------------------------

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			synchronized (this) {
				if (outage > 0) {
					outage--;
					exchange.sendResponseHeaders(503, -1);
					return;
				}
			}
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			NationalAnswer answer = answer(OpenApiEnvelope.parse(body));
			if (!answerDelay.isZero()) {
				try {
					Thread.sleep(answerDelay.toMillis());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			synchronized (this) {
				if (lostAnswers > 0) {
					lostAnswers--;
					exchange.close();
					return;
				}
			}
			ObjectNode out = json.createObjectNode();
			out.put("code", answer.code());
			out.put("message", answer.message());
			out.set("data", answer.data() == null ? json.createObjectNode() : json.readTree(answer.data()));
			byte[] bytes = json.writeValueAsBytes(out);
			exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream os = exchange.getResponseBody()) {
				os.write(bytes);
			}
		}
	}

	/** The answer to one call, as the platform would give it. */
	public synchronized NationalAnswer answer(OpenApiEnvelope call) {
		Optional<NationalAnswer> incomplete = call.incomplete();
		if (incomplete.isPresent()) {
			return incomplete.get();
		}
		String secret = secrets.get(call.appid());
		if (secret == null) {
			return refused(NationalAnswer.BAD_PARAMETERS, "请求参数无效:appid无效");
		}
		LocalDateTime now = LocalDateTime.now(clock.withZone(BEIJING));
		Optional<NationalAnswer> untrusted = call.untrusted(secret, now);
		if (untrusted.isPresent()) {
			return untrusted.get();
		}
		if (!nonces.add(call.appid() + "\u0000" + call.nonce())) {
			return refused(NationalAnswer.BAD_PARAMETERS, "请求参数无效:nonce重复");
		}
		NationalMethod method = NationalMethod.ofWireName(call.method()).orElse(null);
		if (method == null) {
			return refused(NationalAnswer.NO_PERMISSION, "无API权限:" + call.method());
		}
		OpenApiEnvelope.Payload payload = call.payload(secret);
		if (!payload.readable()) {
			return payload.refusal();
		}
		ObjectNode data = payload.data();
		if (method == NationalMethod.ASYNC_RESULT_QUERY) {
			return poll(data.path("requestSerialCode").asString(""));
		}
		if (!method.asynchronous()) {
			return query(method, data, new FieldCipher(secret));
		}
		return submit(method, data, now);
	}

	private NationalAnswer refused(String code, String message) {
		return new NationalAnswer(code, message, null);
	}

	private NationalAnswer submit(NationalMethod method, ObjectNode data, LocalDateTime now) {
		Deque<String> refusal = refusals.get(method);
		String reason = refusal == null || refusal.isEmpty() ? judge(method, data, now.toLocalDate()) : refusal.poll();
		String result = "";
		if (reason == null) {
			result = accept(method, data);
		}
		String serial = method.serialCode(now, serials.incrementAndGet());
		jobs.put(serial, new Job(method, reason == null ? AsyncStatus.SUCCEEDED : AsyncStatus.FAILED,
				reason == null ? result : reason, new int[] { pendingPolls }));
		return new NationalAnswer(NationalAnswer.OK, "success", "{\"requestSerialCode\":\"" + serial + "\"}");
	}

	private NationalAnswer poll(String serial) {
		Job job = jobs.get(serial);
		if (job == null) {
			return refused(NationalAnswer.BAD_PARAMETERS, "请求参数无效:requestSerialCode无效");
		}
		ObjectNode data = json.createObjectNode();
		data.put("requestSerialCode", serial);
		if (job.pollsLeft()[0] > 0) {
			job.pollsLeft()[0]--;
			data.put("status", AsyncStatus.PENDING.code());
			data.put("result", "");
		}
		else {
			data.put("status", job.outcome().code());
			data.put("result", job.result());
			data.put("message", job.outcome() == AsyncStatus.SUCCEEDED ? "处理成功" : "处理失败");
		}
		return new NationalAnswer(NationalAnswer.OK, "success", data.toString());
	}

	/** The platform's refusal of a write in its own wording, or {@code null} when it is accepted. */
	private String judge(NationalMethod method, JsonNode data, LocalDate today) {
		String project = data.path("projectCode").asString("");
		switch (method) {
			case CORP_UPLOAD:
				return data.path("corpCode").asString("").isBlank() ? "[corpCode]不能为空" : null;
			case PROJECT_ADD, PROJECT_UPDATE:
				if (project.isBlank()) {
					return "[projectCode]不能为空";
				}
				return data.path("areaCode").asString("").matches("\\d{6}") ? null : "[areaCode]参数值不正确,请参见行政区划字典表";
			case SUBCONTRACTOR_ADD, SUBCONTRACTOR_UPDATE, TEAM_ADD, TEAM_UPDATE:
				if (!projects.contains(project)) {
					return "[projectCode]项目不存在";
				}
				if (method.stage() == NationalMethod.TEAM_ADD.stage()
						&& !units.contains(project + "/" + data.path("corpCode").asString(""))) {
					return "[corpCode]该企业未参建此项目";
				}
				return null;
			case WORKER_ADD, WORKER_UPDATE:
				if (!teams.containsKey(data.path("teamSysNo").asString(""))) {
					return "[teamSysNo]值超出范围或无效";
				}
				for (JsonNode worker : data.path("workerList")) {
					if (!validIdNumber(worker.path("idCardNumber").asString(""))) {
						return "[idCardNumber]格式不正确";
					}
					if (worker.path("headImage").asString("").isBlank()) {
						return "[headImage]不能为空";
					}
				}
				return null;
			case CONTRACT_ADD, ENTRY_EXIT_ADD:
				for (JsonNode row : rows(data)) {
					if (!workers.contains(project + "/" + row.path("idCardNumber").asString(""))) {
						return "[idCardNumber]该工人未在项目中登记";
					}
					String date = row.path("date").asString("");
					if (date.length() >= 10 && LocalDate.parse(date.substring(0, 10)).isAfter(today)) {
						return "[date]不能大于当天";
					}
				}
				return null;
			case ATTENDANCE_ADD:
				if (!teams.containsKey(data.path("teamSysNo").asString(""))) {
					return "[teamSysNo]值超出范围或无效";
				}
				for (JsonNode row : data.path("dataList")) {
					if (!workers.contains(project + "/" + row.path("idCardNumber").asString(""))) {
						return "[idCardNumber]该工人未在项目中登记";
					}
				}
				return null;
			case PAYROLL_ADD:
				for (JsonNode row : rows(data)) {
					if (!workers.contains(project + "/" + row.path("idCardNumber").asString(""))) {
						return "不允许上传该工人的工资发放信息";
					}
				}
				String month = data.path("payMonth").asString("");
				return month.matches("\\d{4}-\\d{2}") && YearMonth.parse(month).isAfter(YearMonth.from(today))
						? "[payMonth]不能大于今天" : null;
			default:
				return null;
		}
	}

	private static Iterable<JsonNode> rows(JsonNode data) {
		for (String list : List.of("dataList", "workerList", "detailList", "contractList")) {
			if (data.path(list).isArray()) {
				return data.path(list);
			}
		}
		return List.of(data);
	}

	/** Keeps what an accepted write says; returns the result the poll carries (a team's {@code teamSysNo}). */
	private String accept(NationalMethod method, JsonNode data) {
		String project = data.path("projectCode").asString("");
		String result = "";
		switch (method) {
			case PROJECT_ADD -> {
				projects.add(project);
				hold(method, project, data);
			}
			case SUBCONTRACTOR_ADD -> {
				units.add(project + "/" + data.path("corpCode").asString(""));
				hold(method, project, data);
			}
			case TEAM_ADD -> {
				String number = String.valueOf(teamNumbers.incrementAndGet());
				teams.put(number, project);
				hold(method, project, data, "teamSysNo", number);
				result = "{\"teamSysNo\":\"" + number + "\"}";
			}
			case WORKER_ADD -> data.path("workerList").forEach(w -> {
				workers.add(project + "/" + w.path("idCardNumber").asString(""));
				hold(method, project, w, "teamSysNo", data.path("teamSysNo").asString(""));
			});
			case CONTRACT_ADD, ENTRY_EXIT_ADD, ATTENDANCE_ADD -> rows(data).forEach(row -> hold(method, project, row));
			default -> {
			}
		}
		if (method == NationalMethod.ATTENDANCE_ADD || method == NationalMethod.WORKER_ADD
				|| method == NationalMethod.CONTRACT_ADD || method == NationalMethod.ENTRY_EXIT_ADD
				|| method == NationalMethod.PAYROLL_ADD) {
			for (JsonNode row : rows(data)) {
				received.add(new Received(method, key(project, row.path("idCardNumber").asString(""),
						row.path("date").asString(row.path("payMonth").asString("")))));
			}
		}
		else {
			received.add(new Received(method,
					key(project, data.path("corpCode").asString(""), data.path("teamName").asString(""))));
		}
		return result;
	}

	private static String key(String... parts) {
		return String.join("/", java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList());
	}

	private NationalAnswer query(NationalMethod method, JsonNode data, FieldCipher cipher) {
		String project = data.path("projectCode").asString("");
		ObjectNode out = json.createObjectNode();
		ArrayNode rows = out.putArray("rows");
		for (ObjectNode row : held.getOrDefault(method, List.of())) {
			if (row.path("projectCode").asString("").equals(project)) {
				ObjectNode copy = row.deepCopy();
				cipher.encryptFields(copy);
				rows.add(copy);
			}
		}
		out.put("totalCount", rows.size());
		return new NationalAnswer(NationalAnswer.OK, "success", out.toString());
	}

	private void hold(NationalMethod method, String project, JsonNode row, String... extra) {
		ObjectNode kept = row.isObject() ? ((ObjectNode) row).deepCopy() : json.createObjectNode();
		kept.put("projectCode", project);
		for (int i = 0; i + 1 < extra.length; i += 2) {
			kept.put(extra[i], extra[i + 1]);
		}
		method.query().ifPresent(q -> held.computeIfAbsent(q, k -> new ArrayList<>()).add(kept));
	}

	/** GB 11643: 17 digits and their check character (the registry's one definition of it). */
	static boolean validIdNumber(String number) {
		return number != null && number.matches("\\d{17}[0-9X]")
				&& IdNumber.checkCharacter(number.substring(0, 17)) == number.charAt(17);
	}

	// ---- the runnable tool ----------------------------------------------------------------------

	/**
	 * Runs the simulator: {@code [--port N] [appid:appsecret ...]}. Without credentials it issues one and prints it.
	 */
	public static void main(String[] args) throws IOException {
		int port = 9099;
		NationalPlatformSimulator simulator = new NationalPlatformSimulator();
		boolean registered = false;
		for (int i = 0; i < args.length; i++) {
			if ("--port".equals(args[i]) && i + 1 < args.length) {
				port = Integer.parseInt(args[++i]);
			}
			else if (args[i].contains(":")) {
				String[] credential = args[i].split(":", 2);
				simulator.register(credential[0], credential[1]);
				registered = true;
			}
		}
		if (!registered) {
			String secret = java.util.UUID.randomUUID().toString().replace("-", "");
			simulator.register("220000000000000000", secret);
			System.out.println("appid 220000000000000000, appsecret " + secret);
		}
		simulator.start(port);
		System.out.println("national platform simulator listening at " + simulator.uri());
	}
}
