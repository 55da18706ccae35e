package io.siteroll.device.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import io.siteroll.device.Device;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every vendor push request ({@code /gates/<vendor>/<serial>[/<gate key>]}: Hikvision
 * ISAPI, Dahua, Uface) before its body is read, deny by default, with the same credentials as ZKTeco
 * devices ({@link io.siteroll.device.ZktecoAccess}: the gate key kept as SHA-256, the source networks):
 * <ol>
 * <li>a declared body larger than the limit is refused (413);</li>
 * <li>the serial number in the path must belong to a registered device of that vendor's protocol with
 * a gate key or source networks configured;</li>
 * <li>with source networks configured, the request must come from one of them;</li>
 * <li>with a gate key configured, every request carries it: as the last path segment, or as the
 * password of HTTP Basic authentication (what Hikvision's listening host sends). There is no
 * session: vendor pushes repeat the key on every request.</li>
 * </ol>
 * Then the body is read, at most up to the limit, and inflated when it declares
 * {@code Content-Encoding: deflate} or {@code gzip} (again at most up to the limit). A refused request
 * gets a one-line text answer, has changed nothing and received nothing.
 */
class VendorGateRequests extends GateRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(VendorGateRequests.class);

	static final String PREFIX = "/gates/";

	VendorGateRequests(DeviceCredentials credentials, DeviceContact contact, int maxBodyBytes) {
		super(credentials, contact, maxBodyBytes);
	}

	/** The protocol a path's vendor segment stands for. */
	static Optional<Device.Protocol> protocol(String vendor) {
		return Optional.ofNullable(switch (vendor) {
			case "hikvision" -> Device.Protocol.HIKVISION_ISAPI;
			case "dahua" -> Device.Protocol.DAHUA;
			case "uface" -> Device.Protocol.UFACE;
			default -> null;
		});
	}

	@Override
	protected void authenticate(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String[] segments = path.startsWith(PREFIX) ? path.substring(PREFIX.length()).split("/", -1) : new String[0];
		if (segments.length < 2 || segments.length > 3) {
			refuse(request, response, 401, "device.unknown", null);
			return;
		}
		String serial = segments[1];
		Optional<Device.Protocol> protocol = protocol(segments[0]);
		Optional<KnownDevice> found = protocol.isEmpty() ? Optional.empty()
				: credentials.find(serial).filter(d -> d.protocol() == protocol.get());
		if (found.isEmpty()) {
			refuse(request, response, 401, "device.unknown", serial);
			return;
		}
		KnownDevice device = found.get();
		GateAccess.Refusal refusal = GateAccess.sourceRefusal(device, request.getRemoteAddr(), "device.gate-unconfigured");
		if (refusal != null) {
			refuse(request, response, refusal.status(), refusal.rule(), serial);
			return;
		}
		if (device.zkKeyHash() != null) {
			String key = segments.length == 3 ? segments[2] : basicPassword(request.getHeader("Authorization"));
			if (key == null || key.isEmpty()) {
				refuse(request, response, 401, "device.key-missing", serial);
				return;
			}
			if (!GateAccess.keyMatches(device, key)) {
				refuse(request, response, 401, "device.key-invalid", serial);
				return;
			}
		}
		byte[] body = boundedBody(request);
		if (body == null) {
			refuse(request, response, 413, "device.body-too-large", serial);
			return;
		}
		try {
			body = inflated(body, request.getHeader("Content-Encoding"), maxBodyBytes);
		}
		catch (IOException e) {
			refuse(request, response, 400, "device.body-encoding", serial);
			return;
		}
		if (body == null) {
			refuse(request, response, 413, "device.body-too-large", serial);
			return;
		}
		contact.heard(device);
		request.setAttribute(DeviceCredentials.REQUEST_ATTRIBUTE, device);
		request.setAttribute(DeviceCredentials.CONTENT_TYPE_ATTRIBUTE, request.getContentType());
		chain.doFilter(new OpaqueBody(request, body), response);
	}

	/** The body read once, shown as opaque bytes without content encoding (the adapter reads its parts). */
	static final class OpaqueBody extends SignedRequests.CachedBody {

		private static final String OCTETS = "application/octet-stream";

		OpaqueBody(HttpServletRequest request, byte[] body) {
			super(request, body);
		}

		@Override
		public String getContentType() {
			return OCTETS;
		}

		@Override
		public String getHeader(String name) {
			if ("Content-Type".equalsIgnoreCase(name)) {
				return OCTETS;
			}
			if ("Content-Encoding".equalsIgnoreCase(name)) {
				return null;
			}
			return super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if ("Content-Type".equalsIgnoreCase(name)) {
				return Collections.enumeration(List.of(OCTETS));
			}
			if ("Content-Encoding".equalsIgnoreCase(name)) {
				return Collections.emptyEnumeration();
			}
			return super.getHeaders(name);
		}
	}

	/**
	 * The body as sent before its content encoding: {@code deflate} (zlib-wrapped, or raw as some
	 * firmware sends it), {@code gzip}, or none. Null when it inflates beyond {@code limit}; throws when
	 * it is not what it declares.
	 */
	static byte[] inflated(byte[] body, String encoding, int limit) throws IOException {
		String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
		return switch (name) {
			case "", "identity" -> body;
			case "gzip", "x-gzip" -> bounded(new GZIPInputStream(new ByteArrayInputStream(body)), limit);
			case "deflate" -> {
				try {
					yield bounded(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)), limit);
				}
				catch (ZipException e) {
					yield bounded(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), limit);
				}
			}
			default -> throw new IOException("unsupported content encoding");
		};
	}

	private static byte[] bounded(InputStream in, int limit) throws IOException {
		try (in) {
			return SignedRequests.readBounded(in, limit);
		}
	}

	private static String basicPassword(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
			int colon = pair.indexOf(':');
			return colon < 0 ? null : pair.substring(colon + 1);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	@Override
	protected void refuse(HttpServletRequest request, HttpServletResponse response, int status, String rule,
			String serial)
			throws IOException {
		GateAccess.refuse(log, "Vendor gate", request, response, status, rule, serial);
	}
}
