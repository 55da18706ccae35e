package io.siteroll.device.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import io.siteroll.device.gateway.MultipartBody;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Vendor push bodies: limits before reading and after inflating, encodings, tolerant multipart. */
class VendorGateBodiesTest {

	@Test
	void aDeclaredBodyAboveTheLimitIsRefusedBeforeAnythingElse() throws Exception {
		VendorGateRequests filter = new VendorGateRequests(null, null, 10);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/gates/hikvision/SN1/key");
		request.setContent(new byte[11]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).isEqualTo("ERROR: device.body-too-large");
		assertThat(chain.getRequest()).as("the handler is never reached").isNull();
	}

	@Test
	void compressedBodiesAreInflatedWithinTheLimit() throws IOException {
		byte[] text = "{\"Events\":[]}".getBytes(StandardCharsets.UTF_8);
		assertThat(VendorGateRequests.inflated(deflate(text, false), "deflate", 1000)).isEqualTo(text);
		assertThat(VendorGateRequests.inflated(deflate(text, true), "deflate", 1000)).as("raw deflate").isEqualTo(text);
		assertThat(VendorGateRequests.inflated(gzip(text), "gzip", 1000)).isEqualTo(text);
		assertThat(VendorGateRequests.inflated(text, null, 1000)).isSameAs(text);
		assertThat(VendorGateRequests.inflated(deflate(new byte[1_000_000], false), "deflate", 64 * 1024))
			.as("a small body inflating beyond the limit").isNull();
		assertThatThrownBy(() -> VendorGateRequests.inflated(text, "br", 1000)).isInstanceOf(IOException.class);
	}

	@Test
	void multipartIsReadByContentWhateverTheLineEndsAndBoundary() {
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 };
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("preamble\n--MIME_boundary\nContent-Disposition: form-data; name=\"event_log\"\n\n{\"a\":1}\n"
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes("--MIME_boundary\nContent-Type: image/jpeg\n\n".getBytes(StandardCharsets.UTF_8));
		body.writeBytes(jpeg);
		body.writeBytes("\n--MIME_boundary--\n".getBytes(StandardCharsets.UTF_8));
		List<MultipartBody.Part> parts = MultipartBody.parse("multipart/form-data; boundary=\"MIME_boundary\"",
				body.toByteArray());
		assertThat(parts).hasSize(2);
		assertThat(parts.get(0).name()).isEqualTo("event_log");
		assertThat(parts.get(0).looksLikeJson()).isTrue();
		assertThat(parts.get(0).text()).isEqualTo("{\"a\":1}");
		assertThat(parts.get(1).isJpeg()).isTrue();
		assertThat(parts.get(1).content()).isEqualTo(jpeg);
	}

	private static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
			d.write(bytes);
		}
		return out.toByteArray();
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream g = new GZIPOutputStream(out)) {
			g.write(bytes);
		}
		return out.toByteArray();
	}
}
