package postern.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import postern.PosternProperties;

import org.springframework.stereotype.Component;

/**
 * Seals secrets stored in the database (the reports mailbox's password) with AES-256-GCM
 * under a key kept in the data folder ({@code reports.key}, readable by Postern alone),
 * so a copy of the database alone does not give them away.
 */
@Component
class SecretBox {

	private static final String KEY_FILE = "reports.key";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final Path keyFile;

	SecretBox(PosternProperties properties) {
		this.keyFile = properties.dataDir().resolve(KEY_FILE);
	}

	/**
	 * Seal a secret.
	 * @param secret the secret
	 * @return nonce and ciphertext, base64
	 */
	String seal(String secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a secret", ex);
		}
	}

	/**
	 * Open a sealed secret.
	 * @param sealed what {@link #seal} gave
	 * @return the secret
	 * @throws IllegalStateException when it was sealed under another key or altered
	 */
	String open(String sealed) {
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce);
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The stored secret cannot be opened with " + this.keyFile, ex);
		}
	}

	private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
		return cipher;
	}

	private synchronized byte[] key() {
		try {
			if (!Files.exists(this.keyFile)) {
				create();
			}
			byte[] key = Files.readAllBytes(this.keyFile);
			if (key.length != KEY_BYTES) {
				throw new IllegalStateException(this.keyFile + " is not a " + KEY_BYTES + "-byte key");
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void create() throws IOException {
		byte[] key = new byte[KEY_BYTES];
		this.random.nextBytes(key);
		Files.createDirectories(this.keyFile.getParent());
		try {
			Files.createFile(this.keyFile,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (FileAlreadyExistsException ex) {
			return;
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(this.keyFile);
		}
		Files.write(this.keyFile, key);
	}

}
