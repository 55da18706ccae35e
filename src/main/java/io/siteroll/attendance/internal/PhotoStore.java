package io.siteroll.attendance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import io.siteroll.privacy.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gate photos on disk, encrypted with SM4-GCM (a face is personal data), one file per photo, written
 * and forced to disk before the pass that refers to it is committed.
 */
@Component
class PhotoStore {

	static final String PURPOSE = "pass.photo";

	private final Path root;

	private final PersonalDataCipher cipher;

	PhotoStore(AttendanceSettings settings, @Value("${siteroll.data-dir:./data}") String dataDir,
			PersonalDataCipher cipher) {
		this.root = settings.photoDir() != null ? settings.photoDir() : Path.of(dataDir, "photos");
		this.cipher = cipher;
	}

	/** Stores the photo and returns its storage key. */
	String put(byte[] jpeg) {
		String id = UUID.randomUUID().toString();
		String key = id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id + ".sm4";
		Path file = root.resolve(key);
		try {
			Files.createDirectories(file.getParent());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(cipher.encryptBytes(PURPOSE, jpeg));
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return key;
	}

	/** The encrypted file as stored (decrypt through the audited reveals). */
	byte[] raw(String key) {
		try {
			return Files.readAllBytes(root.resolve(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void delete(String key) {
		try {
			Files.deleteIfExists(root.resolve(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
