package io.siteroll.support;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Uface UStar cloud calling back for one terminal (docs/devices.md §4.3): one POST per message
 * {@code {msgId, type, content}} with {@code content} a JSON string; type 1 is a recognition record
 * ({@code recordId}, {@code empNo}, {@code recMode}, {@code deviceKey}, {@code recTime} local without a
 * zone, {@code aliveBody}, {@code identifyType}, the snapshot as {@code imgBase64}). Expects
 * {@code {"success":true}}, else retries.
 */
public final class UfaceCloud extends PushGate {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	public UfaceCloud(String base, String serial, String key) {
		super(base, serial, key);
	}

	@Override
	protected String vendor() {
		return "uface";
	}

	@Override
	public PushGate with(String serialNumber, String gateKey) {
		return new UfaceCloud(base, serialNumber, gateKey);
	}

	@Override
	public List<Reply> send(List<Punch> punches, boolean backlog) {
		return each(punches, p -> recognition(p, 1));
	}

	@Override
	public List<Reply> sendWithOneMalformed(List<Punch> punches) {
		List<Reply> replies = new ArrayList<>(send(punches.subList(0, punches.size() / 2), false));
		replies.add(message("bad-" + punches.get(0).seq(), 1, "{\"recordId\":\"x\",\"empNo\":\"1\",\"recTime\":\"yesterday\"}"));
		replies.addAll(send(punches.subList(punches.size() / 2, punches.size()), false));
		return replies;
	}

	@Override
	public boolean acknowledged(Reply reply) {
		return reply.status() == 200 && reply.body().replace(" ", "").contains("\"success\":true");
	}

	/** One recognition record; {@code aliveBody} 1 live, 2 not live (a spoofing attempt), 3 not checked. */
	public Reply recognition(Punch p, int aliveBody) {
		String local = TIME.format(p.at().withOffsetSameInstant(ZoneOffset.ofHours(8)));
		String content = "{\"recordId\":\"r-" + p.seq() + "\",\"empNo\":" + quote(p.person()) + ",\"orgId\":\"team-1\","
				+ "\"deviceKey\":" + quote(serial) + ",\"deviceName\":\"东门\",\"recTime\":\"" + local + "\",\"recMode\":1,"
				+ "\"aliveBody\":" + aliveBody + ",\"identifyType\":1,\"permissionTimeType\":1,\"passTimeType\":1"
				+ (p.photo() == null ? "" : ",\"imgBase64\":\"" + Base64.getEncoder().encodeToString(p.photo()) + "\"") + "}";
		return message("m-" + p.seq(), 1, content);
	}

	public Reply message(String msgId, int type, String content) {
		String json = "{\"msgId\":" + quote(msgId) + ",\"type\":" + type + ",\"content\":" + quote(content) + "}";
		return post(url(), "application/json", json.getBytes(StandardCharsets.UTF_8));
	}
}
