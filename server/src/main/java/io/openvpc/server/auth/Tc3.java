package io.openvpc.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TC3-HMAC-SHA256 as Tencent's SDKs compute it: canonical request over method, {@code /}, query,
 * the signed headers and the SHA-256 of the payload; a key derived from the secret, the date and the
 * credential scope's service. Used by the server to verify and by OpenVPC's own clients to sign.
 */
public final class Tc3 {
  public static final String ALGORITHM = "TC3-HMAC-SHA256";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private Tc3() {}

  /** The UTC date of a timestamp, as the credential scope carries it. */
  public static String date(long timestamp) {
    return DATE.format(Instant.ofEpochSecond(timestamp));
  }

  public static String canonicalRequest(String method, String query, String canonicalHeaders, String signedHeaders,
      String payloadHash) {
    return method + "\n/\n" + query + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
  }

  public static String signature(String secretKey, String date, String service, long timestamp, String canonicalRequest) {
    String scope = date + "/" + service + "/tc3_request";
    String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
    byte[] kDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] kService = hmac(kDate, service);
    byte[] kSigning = hmac(kService, "tc3_request");
    return HEX.formatHex(hmac(kSigning, stringToSign));
  }

  /** The Authorization header value for a request signed with {@code content-type;host}. */
  public static String authorization(String secretId, String secretKey, String service, long timestamp, String method,
      String query, String contentType, String host, byte[] payload) {
    String canonicalHeaders = "content-type:" + contentType + "\nhost:" + host + "\n";
    String canonical = canonicalRequest(method, query, canonicalHeaders, "content-type;host", sha256Hex(payload));
    String date = date(timestamp);
    return ALGORITHM + " Credential=" + secretId + "/" + date + "/" + service + "/tc3_request, "
        + "SignedHeaders=content-type;host, Signature=" + signature(secretKey, date, service, timestamp, canonical);
  }

  public static String sha256Hex(String s) {
    return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hmac(byte[] key, String message) {
    return hmac("HmacSHA256", key, message.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hmac(String algorithm, byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(message);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares two signatures in time independent of where they differ. */
  public static boolean same(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
