package io.siteroll.device.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every gate protocol's filter does before its own checks: it knows the gates' credentials, records that a
 * gate was heard, refuses a declared body over the protocol's limit before reading it (413), and reads the body
 * at most up to that limit. Each protocol says how it authenticates ({@link #authenticate}) and how it answers a
 * refusal ({@link #refuse}).
 */
abstract class GateRequestFilter extends OncePerRequestFilter {

	protected final DeviceCredentials credentials;

	protected final DeviceContact contact;

	protected final int maxBodyBytes;

	GateRequestFilter(DeviceCredentials credentials, DeviceContact contact, int maxBodyBytes) {
		this.credentials = credentials;
		this.contact = contact;
		this.maxBodyBytes = maxBodyBytes;
	}

	@Override
	protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBodyBytes) {
			refuse(request, response, 413, "device.body-too-large", null);
			return;
		}
		authenticate(request, response, chain);
	}

	/** The protocol's own checks; on success it passes the request (with its body read) down the chain. */
	protected abstract void authenticate(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException;

	/** Answers a refused request in the protocol's way; nothing has been changed or received. */
	protected abstract void refuse(HttpServletRequest request, HttpServletResponse response, int status, String rule,
			String serial) throws IOException;

	/** The body, at most up to the limit; {@code null} when it is longer. */
	protected byte[] boundedBody(HttpServletRequest request) throws IOException {
		return SignedRequests.readBounded(request.getInputStream(), maxBodyBytes);
	}
}
