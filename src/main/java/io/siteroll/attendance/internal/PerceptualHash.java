package io.siteroll.attendance.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * A 64-bit difference hash (dHash) of an image: shrink to 9×8 grey pixels and set one bit per pixel
 * that is brighter than its right neighbour. Re-encoding, scaling or slight brightness changes flip
 * few bits; a different scene flips about half.
 */
final class PerceptualHash {

	private PerceptualHash() {
	}

	/** The hash, or null when the bytes are not a readable image. */
	static Long of(byte[] image) {
		BufferedImage source;
		try {
			source = ImageIO.read(new ByteArrayInputStream(image));
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
		if (source == null) {
			return null;
		}
		BufferedImage small = new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = small.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(source, 0, 0, 9, 8, null);
		g.dispose();
		long hash = 0;
		for (int y = 0; y < 8; y++) {
			for (int x = 0; x < 8; x++) {
				int left = small.getRaster().getSample(x, y, 0);
				int right = small.getRaster().getSample(x + 1, y, 0);
				hash = (hash << 1) | (left > right ? 1 : 0);
			}
		}
		return hash;
	}

	static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	/** The four 16-bit bands: two hashes within 3 bits share at least one band (pigeonhole). */
	static int band(long hash, int index) {
		return (int) ((hash >>> (16 * index)) & 0xFFFF);
	}
}
