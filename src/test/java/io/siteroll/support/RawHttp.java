package io.siteroll.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP written by hand, for what a well-behaved client cannot send: a declared body length that never
 * arrives (proves a request is answered before its body is read), or a chunked body of unknown length.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** Sends the request head declaring {@code contentLength} but no body; returns the status the server answers with. */
	public static int declaredOnly(int port, String method, String pathAndQuery, long contentLength) {
		return exchange(port, method + " " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
				+ "Content-Length: " + contentLength + "\r\n\r\n", null, 0);
	}

	/** Sends a chunked body of {@code bytes} bytes (no declared length); returns the status. */
	public static int chunked(int port, String method, String pathAndQuery, int bytes) {
		return exchange(port, method + " " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n", "1\t2026-01-01 00:00:00\t0\t15\t0\t0\t0\n", bytes);
	}

	private static int exchange(int port, String head, String filler, int bytes) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			if (filler != null) {
				Thread writer = new Thread(() -> writeChunks(out, filler, bytes));
				writer.setDaemon(true);
				writer.start();
			}
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			String status = in.readLine();
			if (status == null) {
				throw new IllegalStateException("connection closed without an answer");
			}
			return Integer.parseInt(status.split(" ")[1]);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void writeChunks(OutputStream out, String filler, int bytes) {
		byte[] line = filler.getBytes(StandardCharsets.US_ASCII);
		byte[] chunk = new byte[64 * 1024 - 64 * 1024 % line.length];
		for (int i = 0; i < chunk.length; i++) {
			chunk[i] = line[i % line.length];
		}
		try {
			for (int sent = 0; sent < bytes; sent += chunk.length) {
				out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(chunk);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
		catch (IOException e) {
			// the server stopped reading and closed the connection: expected once the limit is passed
		}
	}
}
