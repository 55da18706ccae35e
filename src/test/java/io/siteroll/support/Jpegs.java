package io.siteroll.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/** Synthetic JPEG snapshots: a seed gives a distinct scene; the same seed gives the same picture. */
public final class Jpegs {

	private Jpegs() {
	}

	public static byte[] scene(long seed) {
		return scene(seed, 0);
	}

	/** The scene of {@code seed}, brightened by {@code brighten} (a re-shot or re-encoded copy). */
	public static byte[] scene(long seed, int brighten) {
		Random random = new Random(seed);
		BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(clamp(random.nextInt(256) + brighten), clamp(random.nextInt(256) + brighten),
				clamp(random.nextInt(256) + brighten)));
		g.fillRect(0, 0, 160, 120);
		for (int i = 0; i < 12; i++) {
			g.setColor(new Color(clamp(random.nextInt(256) + brighten), clamp(random.nextInt(256) + brighten),
					clamp(random.nextInt(256) + brighten)));
			g.fillOval(random.nextInt(140), random.nextInt(100), 20 + random.nextInt(60), 20 + random.nextInt(60));
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}
}
