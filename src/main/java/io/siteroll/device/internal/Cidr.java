package io.siteroll.device.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A source network a ZKTeco device may connect from: {@code 10.8.0.0/16}, {@code 2001:db8::/32}, or
 * one address ({@code 203.0.113.7}, meaning /32 or /128). Only literal addresses are read, never
 * host names (no DNS look-up).
 */
record Cidr(byte[] network, int prefix) {

	/** Parses and normalises (host bits cleared); throws {@link IllegalArgumentException} if malformed. */
	static Cidr parse(String text) {
		if (text == null || text.isBlank() || text.length() > 64) {
			throw new IllegalArgumentException(text);
		}
		String s = text.strip();
		int slash = s.indexOf('/');
		String address = slash < 0 ? s : s.substring(0, slash);
		if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
			throw new IllegalArgumentException(text);
		}
		byte[] bytes = literal(address);
		if (bytes == null) {
			throw new IllegalArgumentException(text);
		}
		int prefix = bytes.length * 8;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(s.substring(slash + 1));
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException(text);
			}
			if (prefix < 0 || prefix > bytes.length * 8) {
				throw new IllegalArgumentException(text);
			}
		}
		return new Cidr(mask(bytes, prefix), prefix);
	}

	/** True when the literal address lies in this network (IPv4 never matches an IPv6 network). */
	boolean contains(String remoteAddress) {
		byte[] address = remoteAddress == null ? null : literal(remoteAddress.strip());
		if (address != null && address.length == 16 && network.length == 4 && isMappedIpv4(address)) {
			address = Arrays.copyOfRange(address, 12, 16);
		}
		return address != null && address.length == network.length
				&& Arrays.equals(mask(address, prefix), network);
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(network) * 31 + prefix;
	}

	private static boolean isMappedIpv4(byte[] a) {
		for (int i = 0; i < 10; i++) {
			if (a[i] != 0) {
				return false;
			}
		}
		return (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF;
	}

	private static byte[] literal(String address) {
		if (address.isEmpty() || !address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.%A-Za-z0-9]*")) {
			return null;
		}
		if (address.indexOf(':') < 0) {
			String[] parts = address.split("\\.", -1);
			if (parts.length != 4) {
				return null;
			}
			byte[] b = new byte[4];
			for (int i = 0; i < 4; i++) {
				if (parts[i].isEmpty() || parts[i].length() > 3) {
					return null;
				}
				int v = Integer.parseInt(parts[i]);
				if (v > 255) {
					return null;
				}
				b[i] = (byte) v;
			}
			return b;
		}
		try {
			// a literal containing ':' is parsed without any name look-up
			return InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]").getAddress();
		}
		catch (UnknownHostException e) {
			return null;
		}
	}

	private static byte[] mask(byte[] address, int prefix) {
		byte[] out = address.clone();
		for (int i = 0; i < out.length; i++) {
			int bits = Math.max(0, Math.min(8, prefix - i * 8));
			out[i] = (byte) (out[i] & (0xFF << (8 - bits)));
		}
		return out;
	}
}
