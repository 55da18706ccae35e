package io.siteroll.support;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A Hikvision ISAPI face terminal (DS-K1T…) with SiteRoll as its HTTP listening host (docs/devices.md
 * §4.1): one {@code AccessControllerEvent} per POST, as JSON, or as multipart with the JSON part and a
 * {@code Picture} JPEG; {@code currentEvent=false} for offline backlog; heartbeats. The gate key is
 * sent in the URL path, or as the password of HTTP Basic authentication.
 */
public final class HikvisionTerminal extends PushGate {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final boolean basicAuth;

	public HikvisionTerminal(String base, String serial, String key) {
		this(base, serial, key, false);
	}

	private HikvisionTerminal(String base, String serial, String key, boolean basicAuth) {
		super(base, serial, key);
		this.basicAuth = basicAuth;
	}

	/** The terminal configured to send the key by HTTP Basic authentication (user admin) instead of the path. */
	public HikvisionTerminal withBasicAuth() {
		return new HikvisionTerminal(base, serial, key, true);
	}

	@Override
	protected String vendor() {
		return "hikvision";
	}

	@Override
	protected String url() {
		return basicAuth ? base + "/gates/hikvision/" + serial : super.url();
	}

	@Override
	public PushGate with(String serialNumber, String gateKey) {
		return new HikvisionTerminal(base, serialNumber, gateKey, basicAuth);
	}

	@Override
	public List<Reply> send(List<Punch> punches, boolean backlog) {
		return each(punches, p -> event(p, 75, !backlog));
	}

	@Override
	public List<Reply> sendWithOneMalformed(List<Punch> punches) {
		List<Reply> replies = new ArrayList<>(send(punches.subList(0, punches.size() / 2), false));
		replies.add(postJson(eventJson(punches.get(0), 75, true).replaceFirst("\"dateTime\":\"[^\"]*\",", "")));
		replies.addAll(send(punches.subList(punches.size() / 2, punches.size()), false));
		return replies;
	}

	@Override
	public boolean acknowledged(Reply reply) {
		return reply.status() == 200;
	}

	/** Posts one access-controller event with the given minor code (75 face passed, 104 liveness failed …). */
	public Reply event(Punch p, int minor, boolean current) {
		String json = eventJson(p, minor, current);
		if (p.photo() == null) {
			return postJson(json);
		}
		byte[] body = multipart("MIME_boundary", List.of(
				new Object[] { "AccessControllerEvent", "application/json", json.getBytes(StandardCharsets.UTF_8) },
				new Object[] { "Picture", "image/jpeg", p.photo() }));
		return post(url(), "multipart/form-data; boundary=MIME_boundary", body, authHeaders());
	}

	public Reply heartbeat(OffsetDateTime at) {
		return postJson("{\"ipAddress\":\"192.168.10.21\",\"macAddress\":\"44:19:b6:0a:11:22\",\"dateTime\":\"" + ISO.format(at)
				+ "\",\"activePostCount\":1,\"eventType\":\"heartBeat\",\"eventState\":\"active\"}");
	}

	private Reply postJson(String json) {
		return post(url(), "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8), authHeaders());
	}

	private String[] authHeaders() {
		if (!basicAuth || key == null) {
			return new String[0];
		}
		return new String[] { "Authorization",
				"Basic " + Base64.getEncoder().encodeToString(("admin:" + key).getBytes(StandardCharsets.UTF_8)) };
	}

	private String eventJson(Punch p, int minor, boolean current) {
		return "{\"ipAddress\":\"192.168.10.21\",\"portNo\":80,\"protocol\":\"HTTP\",\"macAddress\":\"44:19:b6:0a:11:22\","
				+ "\"channelID\":1,\"dateTime\":\"" + ISO.format(p.at()) + "\",\"activePostCount\":1,"
				+ "\"eventType\":\"AccessControllerEvent\",\"eventState\":\"active\","
				+ "\"eventDescription\":\"Access Controller Event\",\"AccessControllerEvent\":{"
				+ "\"deviceName\":\"East gate 1\",\"majorEventType\":5,\"subEventType\":" + minor + ","
				+ "\"name\":\"工人\",\"employeeNoString\":" + quote(p.person()) + ",\"cardReaderKind\":1,\"doorNo\":1,"
				+ "\"currentVerifyMode\":\"face\",\"attendanceStatus\":\"" + (p.in() ? "checkIn" : "checkOut") + "\","
				+ "\"serialNo\":" + p.seq() + ",\"frontSerialNo\":" + (p.seq() - 1) + ",\"currentEvent\":" + current + ","
				+ "\"picturesNumber\":" + (p.photo() == null ? 0 : 1) + "}}";
	}
}
