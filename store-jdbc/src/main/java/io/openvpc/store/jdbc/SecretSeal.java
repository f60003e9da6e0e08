package io.openvpc.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals API secret keys for storage: AES-256-GCM under a key kept outside the database (a file of its
 * own, 0600), bound to the key's SecretId so that a sealed value cannot be moved to another row. TC3
 * needs the plain secret to verify a signature, so a hash would not do; sealing means a copy of the
 * database (a dump, a backup, a replica, a stolen file) reveals no secret without the key file too.
 *
 * <p>A sealed value reads {@code v1:<key id>:<base64 of nonce and ciphertext>}; the key id (the first
 * four bytes of the key's SHA-256) says which key sealed it, so that a server given the wrong key file
 * says so instead of failing every signature.
 */
public final class SecretSeal {
  /** The file name of the key in the data directory, unless the operator puts it elsewhere. */
  public static final String DEFAULT_FILE = "secrets.key";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SecretSeal EPHEMERAL = new SecretSeal(random(), "this process");

  private final SecretKeySpec key;
  private final String id;
  private final String origin;

  private SecretSeal(byte[] key, String origin) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a secrets key has " + KEY_BYTES + " bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    this.id = HexFormat.of().formatHex(sha256(key), 0, 4);
    this.origin = origin;
  }

  /**
   * The key in {@code file} (base64 of 32 bytes), created 0600 with a random key if the file does not
   * exist yet. Two processes that start at once on a new data directory end up with the same key.
   */
  public static SecretSeal fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
          PrivateFiles.directory(dir); // a directory of its own, 0700; an existing one is the operator's
        }
        PrivateFiles.writeNew(file, (Base64.getEncoder().encodeToString(random()) + "\n")
            .getBytes(StandardCharsets.US_ASCII));
      }
      if (PrivateFiles.openToOthers(file)) {
        PrivateFiles.chmod(file, PrivateFiles.OWNER_FILE);
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      byte[] key;
      try {
        key = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("the secrets key file " + file + " is not base64", e);
      }
      if (key.length != KEY_BYTES) {
        throw new IllegalStateException("the secrets key file " + file + " holds " + key.length + " bytes, not "
            + KEY_BYTES);
      }
      return new SecretSeal(key, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secrets key file " + file, e);
    }
  }

  /**
   * A key that lives as long as this JVM, for stores without a data directory (in-memory databases of
   * tools and tests); secrets it sealed cannot be read by any other process.
   */
  public static SecretSeal ephemeral() {
    return EPHEMERAL;
  }

  /** The key's id, as sealed values carry it. */
  public String id() {
    return id;
  }

  /** Seals the secret of {@code secretId}. */
  public String seal(String secretId, String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, secretId, nonce, secret.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[NONCE_BYTES + sealed.length];
    System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
    System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
    return "v1:" + id + ":" + Base64.getEncoder().encodeToString(out);
  }

  /** The secret of {@code secretId} from its sealed value; fails if another key sealed it or it was altered. */
  public String open(String secretId, String sealed) {
    String[] parts = sealed.split(":", 3);
    if (parts.length != 3 || !parts[0].equals("v1")) {
      throw new IllegalStateException("the stored secret of " + secretId + " is not in a sealed form this version reads");
    }
    if (!parts[1].equals(id)) {
      throw new IllegalStateException("the secret of " + secretId + " was sealed with the secrets key " + parts[1]
          + ", but this process has the key " + id + " (" + origin + "); give every server and command on this "
          + "database the same secrets key file");
    }
    byte[] in;
    try {
      in = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the stored secret of " + secretId + " is damaged (not base64)", e);
    }
    if (in.length <= NONCE_BYTES) {
      throw new IllegalStateException("the stored secret of " + secretId + " is damaged (too short)");
    }
    byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
    byte[] plain = crypt(Cipher.DECRYPT_MODE, secretId, nonce, java.util.Arrays.copyOfRange(in, NONCE_BYTES, in.length));
    return new String(plain, StandardCharsets.UTF_8);
  }

  /** Whether this key sealed the value (by its key id). */
  public boolean sealedByThisKey(String sealed) {
    return sealed.startsWith("v1:" + id + ":");
  }

  private byte[] crypt(int mode, String secretId, byte[] nonce, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(secretId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalStateException("the stored secret of " + secretId + " does not open with the secrets key "
          + id + ": it was altered or belongs to another row", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
    }
  }

  private static byte[] random() {
    byte[] k = new byte[KEY_BYTES];
    RANDOM.nextBytes(k);
    return k;
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
