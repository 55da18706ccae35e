package io.siteroll.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import io.siteroll.privacy.PersonalDataCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/** Format: version byte 1 ‖ 12-byte nonce ‖ SM4-GCM ciphertext with 128-bit tag. */
@Component
class Sm4GcmCipher implements PersonalDataCipher {

	private static final byte VERSION = 1;

	private static final int NONCE = 12;

	private final SecureRandom random = new SecureRandom();

	private final byte[] dataKey;

	private final byte[] indexKey;

	Sm4GcmCipher(PersonalDataKeys keys) {
		this.dataKey = keys.dataKey();
		this.indexKey = keys.indexKey();
	}

	@Override
	public byte[] encrypt(String purpose, String clear) {
		return clear == null ? null : encryptBytes(purpose, clear.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public byte[] encryptBytes(String purpose, byte[] clear) {
		if (clear == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE];
		random.nextBytes(nonce);
		GCMModeCipher gcm = gcm(true, nonce, purpose);
		byte[] out = new byte[1 + NONCE + gcm.getOutputSize(clear.length)];
		out[0] = VERSION;
		System.arraycopy(nonce, 0, out, 1, NONCE);
		int n = gcm.processBytes(clear, 0, clear.length, out, 1 + NONCE);
		try {
			gcm.doFinal(out, 1 + NONCE + n);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("SM4-GCM encryption failed", e);
		}
		return out;
	}

	@Override
	public String decrypt(String purpose, byte[] cipher) {
		byte[] clear = decryptBytes(purpose, cipher);
		return clear == null ? null : new String(clear, StandardCharsets.UTF_8);
	}

	@Override
	public byte[] decryptBytes(String purpose, byte[] cipher) {
		if (cipher == null) {
			return null;
		}
		if (cipher.length < 1 + NONCE + 16 || cipher[0] != VERSION) {
			throw new IllegalArgumentException("Not a SiteRoll SM4-GCM ciphertext");
		}
		byte[] nonce = Arrays.copyOfRange(cipher, 1, 1 + NONCE);
		GCMModeCipher gcm = gcm(false, nonce, purpose);
		int length = cipher.length - 1 - NONCE;
		byte[] out = new byte[gcm.getOutputSize(length)];
		int n = gcm.processBytes(cipher, 1 + NONCE, length, out, 0);
		try {
			n += gcm.doFinal(out, n);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("Personal data failed authentication (wrong key or purpose, or altered)", e);
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}

	@Override
	public byte[] blindIndex(String purpose, String clear) {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(indexKey));
		byte[] p = (purpose + "\u0000" + clear).getBytes(StandardCharsets.UTF_8);
		mac.update(p, 0, p.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}

	private GCMModeCipher gcm(boolean encrypt, byte[] nonce, String purpose) {
		GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(encrypt, new AEADParameters(new KeyParameter(dataKey), 128, nonce,
				purpose.getBytes(StandardCharsets.UTF_8)));
		return gcm;
	}
}
