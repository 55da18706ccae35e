package io.siteroll.device.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every ZKTeco PUSH request ({@code /iclock/*}) before its body is read (deny by
 * default):
 * <ol>
 * <li>a declared body larger than the limit is refused (413);</li>
 * <li>the serial number ({@code SN}, read from the query string only) must belong to a registered
 * ZKTeco device that has a communication key or source networks configured; a device with neither
 * is refused until an officer or its enterprise configures one;</li>
 * <li>with source networks configured, the request must come from one of them;</li>
 * <li>with a key configured, the request carries it ({@code pushcommkey}, which opens a session bound
 * to the request's address) or comes from the address of the device's live session.</li>
 * </ol>
 * Then the body is read, at most up to the limit (413 beyond, also when no length was declared). A
 * refused request gets {@code 401}/{@code 403}/{@code 413} with a one-line text answer, has changed
 * nothing and received nothing. An accepted request counts as hearing from the device (unless it is
 * disabled) and reaches the handler with the authenticated device as a request attribute.
 */
class ZktecoRequests extends GateRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ZktecoRequests.class);

	/** The query parameter carrying the communication key (Attendance PUSH handshake). */
	static final String KEY_PARAMETER = "pushcommkey";

	private final ZktecoSessions sessions;

	ZktecoRequests(DeviceCredentials credentials, DeviceContact contact, ZktecoSessions sessions, int maxBodyBytes) {
		super(credentials, contact, maxBodyBytes);
		this.sessions = sessions;
	}

	@Override
	protected void authenticate(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String serial = queryParameter(request.getQueryString(), "SN");
		Optional<KnownDevice> found = credentials.find(serial == null ? null : serial.strip())
			.filter(d -> d.protocol().isZkteco());
		if (found.isEmpty()) {
			refuse(request, response, 401, "device.unknown", serial);
			return;
		}
		KnownDevice device = found.get();
		String remote = request.getRemoteAddr();
		GateAccess.Refusal refusal = GateAccess.sourceRefusal(device, remote, "device.zkteco-unconfigured");
		if (refusal != null) {
			refuse(request, response, refusal.status(), refusal.rule(), serial);
			return;
		}
		if (device.zkKeyHash() != null) {
			String key = queryParameter(request.getQueryString(), KEY_PARAMETER);
			if (key != null) {
				if (!GateAccess.keyMatches(device, key.strip())) {
					refuse(request, response, 401, "device.key-invalid", serial);
					return;
				}
				sessions.open(device.id(), remote);
			}
			else if (!sessions.live(device.id(), remote)) {
				refuse(request, response, 401, "device.key-missing", serial);
				return;
			}
		}
		byte[] body = boundedBody(request);
		if (body == null) {
			refuse(request, response, 413, "device.body-too-large", serial);
			return;
		}
		contact.heard(device);
		request.setAttribute(DeviceCredentials.REQUEST_ATTRIBUTE, device);
		chain.doFilter(new SignedRequests.CachedBody(request, body), response);
	}

	/**
	 * A parameter of the query string, read without touching the body (a form-encoded body would
	 * otherwise be parsed by {@code getParameter}). The first occurrence counts; names are matched
	 * exactly, as ZKTeco firmware sends them.
	 */
	static String queryParameter(String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String key = eq < 0 ? pair : pair.substring(0, eq);
			if (key.equals(name)) {
				try {
					return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException e) {
					return null;
				}
			}
		}
		return null;
	}

	@Override
	protected void refuse(HttpServletRequest request, HttpServletResponse response, int status, String rule,
			String serial) throws IOException {
		GateAccess.refuse(log, "ZKTeco", request, response, status, rule, serial);
	}
}
