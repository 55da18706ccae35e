package io.siteroll.privacy.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SM4 data key and the HMAC-SM3 index key. Production sets {@code siteroll.privacy.data-key} and
 * {@code siteroll.privacy.index-key} (hex, from a secret store). Without them the platform creates a
 * key file under the data directory on first start and reuses it, so a demo installation keeps
 * decrypting its own data across restarts.
 */
@Component
class PersonalDataKeys {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

	private final byte[] dataKey;

	private final byte[] indexKey;

	PersonalDataKeys(@Value("${siteroll.privacy.data-key:}") String dataKeyHex,
			@Value("${siteroll.privacy.index-key:}") String indexKeyHex,
			@Value("${siteroll.data-dir:./data}") Path dataDir) {
		if (!dataKeyHex.isBlank() && !indexKeyHex.isBlank()) {
			this.dataKey = parse(dataKeyHex, 16, "siteroll.privacy.data-key");
			this.indexKey = parse(indexKeyHex, 32, "siteroll.privacy.index-key");
			return;
		}
		Properties keys = loadOrCreate(dataDir.resolve("keys").resolve("personal-data.properties"));
		this.dataKey = parse(keys.getProperty("data-key"), 16, "data-key");
		this.indexKey = parse(keys.getProperty("index-key"), 32, "index-key");
	}

	byte[] dataKey() {
		return dataKey.clone();
	}

	byte[] indexKey() {
		return indexKey.clone();
	}

	private static Properties loadOrCreate(Path file) {
		try {
			Properties keys = new Properties();
			if (Files.exists(file)) {
				try (Reader in = Files.newBufferedReader(file)) {
					keys.load(in);
				}
				return keys;
			}
			SecureRandom random = new SecureRandom();
			byte[] data = new byte[16];
			byte[] index = new byte[32];
			random.nextBytes(data);
			random.nextBytes(index);
			keys.setProperty("data-key", HexFormat.of().formatHex(data));
			keys.setProperty("index-key", HexFormat.of().formatHex(index));
			Files.createDirectories(file.getParent());
			try (Writer out = Files.newBufferedWriter(file)) {
				keys.store(out, "SiteRoll personal-data keys. Keep secret; losing them loses the data.");
			}
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system
			}
			log.warn("No siteroll.privacy keys configured: created a local key file at {} (demo use only)", file);
			return keys;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the personal-data key file " + file, e);
		}
	}

	private static byte[] parse(String hex, int length, String name) {
		byte[] key;
		try {
			key = HexFormat.of().parseHex(hex.strip());
		}
		catch (RuntimeException e) {
			throw new IllegalStateException(name + " must be hexadecimal");
		}
		if (key.length != length) {
			throw new IllegalStateException(name + " must be " + length + " bytes (" + 2 * length + " hex digits)");
		}
		return key;
	}
}
