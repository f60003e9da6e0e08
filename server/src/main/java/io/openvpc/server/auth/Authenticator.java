package io.openvpc.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvpc.api.Json;
import io.openvpc.api.Params;
import io.openvpc.api.Utf8;
import io.openvpc.control.Accounts;
import io.openvpc.control.ApiKey;
import io.openvpc.model.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies Tencent's signatures as the official SDKs produce them against a custom endpoint: TC3 with
 * the service taken from the credential scope (which is {@code localhost:4650} or {@code 127} there,
 * never {@code vpc}), the host tried with and without its port (Java signs it with the port, Node
 * without), the raw body bytes and the raw query string; and the legacy HmacSHA1/HmacSHA256
 * signature over the sorted, decoded parameters.
 */
public final class Authenticator {
  /** How far a request's timestamp may be from the server's clock. */
  public static final long MAX_SKEW_SECONDS = 300;
  private static final Set<String> LEGACY_COMMON = Set.of("Action", "Version", "Region", "Timestamp", "Nonce",
      "SecretId", "SignatureMethod", "Signature", "RequestClient", "Token", "Language");

  private final Accounts accounts;
  private final Clock clock;

  public Authenticator(Accounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  public Authenticated authenticate(Incoming in) {
    String authorization = in.header("Authorization");
    if (authorization != null && !authorization.isBlank()) {
      return tc3(in, authorization.trim());
    }
    Map<String, String> form = legacyParams(in);
    if (form.containsKey("Signature")) {
      return legacy(in, form);
    }
    throw AuthFailure.invalidAuthorization("the request carries neither an Authorization header nor a Signature "
        + "parameter.", "请求既没有 Authorization 请求头，也没有 Signature 参数。");
  }

  private Authenticated tc3(Incoming in, String authorization) {
    // Everything a caller controls is bounded before any work (Tc3Authorization), and the body is read
    // only for a known SecretId with a fresh timestamp.
    Tc3Authorization auth = Tc3Authorization.parse(authorization);
    long timestamp = timestamp(in.header("X-TC-Timestamp"));
    ApiKey key = accounts.key(auth.secretId()).orElseThrow(() -> AuthFailure.secretIdNotFound(auth.secretId()));
    if (!auth.date().equals(Tc3.date(timestamp))) {
      throw AuthFailure.signatureFailure("the credential date " + shown(auth.date())
          + " is not the UTC date of X-TC-Timestamp.", "Credential 中的日期不是 X-TC-Timestamp 的 UTC 日期。");
    }
    String payloadHash = "UNSIGNED-PAYLOAD".equalsIgnoreCase(in.header("X-TC-Content-SHA256"))
        ? Tc3.sha256Hex("UNSIGNED-PAYLOAD") : Tc3.sha256Hex(in.body());
    String query = in.method().equals("GET") ? in.query() : "";
    boolean match = false;
    for (String headers : canonicalHeaderCandidates(in::header, auth.signedHeaders())) {
      String canonical = Tc3.canonicalRequest(in.method(), query, headers, auth.signedHeadersText(), payloadHash);
      if (Tc3.same(auth.signature(), Tc3.signature(key.secretKey(), auth.date(), auth.service(), timestamp, canonical))) {
        match = true;
        break;
      }
    }
    if (!match) {
      throw AuthFailure.signatureFailure("check the SecretKey, and that nothing between client and server changed "
          + "the Host header, the body or the query string.", "请检查 SecretKey，以及客户端与服务器之间是否改动了 Host 请求头、"
          + "请求体或查询字符串。");
    }
    JsonNode params = in.method().equals("GET") ? Params.unflatten(decode(in.query())) : Json.parseParams(in.body());
    return new Authenticated(key.appId(), auth.secretId(), in.header("X-TC-Action"), in.header("X-TC-Version"),
        in.header("X-TC-Region"), in.header("X-TC-Language"), params);
  }

  private void checkSkew(long timestamp) {
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - timestamp) > MAX_SKEW_SECONDS) {
      throw AuthFailure.expired(timestamp, now);
    }
  }

  private long timestamp(String value) {
    if (value == null || value.isBlank()) {
      throw new Rejection("MissingParameter", "The request is missing the X-TC-Timestamp header.",
          "缺少 X-TC-Timestamp 请求头。");
    }
    long t;
    try {
      t = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw Rejection.invalid("X-TC-Timestamp", "must be Unix seconds, got `" + shown(value) + "`.");
    }
    checkSkew(t);
    return t;
  }

  /** How many canonical header blocks a signature is checked against, at most. */
  static final int MAX_CANDIDATES = 16;

  /**
   * The canonical header blocks to try: each signed header's value as received and lower-cased, the
   * host also without its port; at most {@value #MAX_CANDIDATES} blocks, each built once, so the work
   * is at most that many times the signed headers' length (which Jetty bounds).
   */
  static List<String> canonicalHeaderCandidates(java.util.function.Function<String, String> header, List<String> names) {
    List<List<String>> variants = new ArrayList<>(names.size());
    for (String n : names) {
      String raw = header.apply(n);
      String value = raw == null ? "" : raw.trim();
      List<String> values = new ArrayList<>(3);
      values.add(value);
      if (n.equals("host") && value.contains(":") && !value.endsWith("]")) {
        values.add(value.substring(0, value.lastIndexOf(':')));
      }
      String lower = value.toLowerCase(java.util.Locale.ROOT);
      if (!lower.equals(value)) {
        values.add(lower);
      }
      variants.add(values);
    }
    // an odometer over the variants, the last header turning fastest, stopped at MAX_CANDIDATES
    List<String> blocks = new ArrayList<>();
    int[] pick = new int[names.size()];
    while (blocks.size() < MAX_CANDIDATES) {
      StringBuilder block = new StringBuilder();
      for (int i = 0; i < names.size(); i++) {
        block.append(names.get(i)).append(':').append(variants.get(i).get(pick[i])).append('\n');
      }
      blocks.add(block.toString());
      int i = names.size() - 1;
      while (i >= 0 && ++pick[i] == variants.get(i).size()) {
        pick[i--] = 0;
      }
      if (i < 0) {
        break;
      }
    }
    return blocks;
  }

  /**
   * The parameters of a request signed the legacy way: the form body of a POST, else the query.
   * Tencent takes legacy-signed POST bodies up to {@value #MAX_LEGACY_BODY} bytes (TC3 up to 10 MB), which
   * also bounds the work before the signature is known to match: four HMACs over the sorted parameters.
   */
  private static Map<String, String> legacyParams(Incoming in) {
    String contentType = in.header("Content-Type");
    if (in.method().equals("POST") && contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      if (declaredLength(in) > MAX_LEGACY_BODY || in.body().length > MAX_LEGACY_BODY) {
        throw new Rejection("RequestSizeLimitExceeded", "A request signed with HmacSHA1 or HmacSHA256 may carry at most "
            + "1 MB; sign with TC3-HMAC-SHA256 to send up to 10 MB.",
            "使用 HmacSHA1 或 HmacSHA256 签名的请求包不得超过 1 MB；使用 TC3-HMAC-SHA256 签名可支持 10 MB。");
      }
      return decode(Utf8.decodeMarking(in.body()));
    }
    return decode(in.query());
  }

  /** Tencent's limit for the body of a POST signed with HmacSHA1 or HmacSHA256. */
  static final int MAX_LEGACY_BODY = 1024 * 1024;

  private static long declaredLength(Incoming in) {
    try {
      String length = in.header("Content-Length");
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Authenticated legacy(Incoming in, Map<String, String> params) {
    String secretId = params.get("SecretId");
    if (secretId == null || secretId.isEmpty()) {
      throw Rejection.missing("SecretId");
    }
    long timestamp = timestamp(params.get("Timestamp"));
    ApiKey key = accounts.key(secretId).orElseThrow(() -> AuthFailure.secretIdNotFound(secretId));
    String method = params.getOrDefault("SignatureMethod", "HmacSHA1");
    if (!method.equals("HmacSHA1") && !method.equals("HmacSHA256")) {
      throw Rejection.value("InvalidParameterValue", "SignatureMethod", "must be HmacSHA1 or HmacSHA256.");
    }
    String host = in.header("Host") == null ? "" : in.header("Host");
    List<String> hosts = new ArrayList<>(List.of(host));
    if (host.contains(":")) {
      hosts.add(host.substring(0, host.lastIndexOf(':')));
    }
    boolean match = false;
    for (boolean dotted : new boolean[] {false, true}) {
      TreeMap<String, String> sorted = new TreeMap<>();
      params.forEach((k, v) -> {
        if (!k.equals("Signature")) {
          sorted.put(dotted ? k.replace('_', '.') : k, v);
        }
      });
      StringBuilder sb = new StringBuilder();
      sorted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
      for (String h : hosts) {
        String plain = in.method() + h + "/?" + sb;
        byte[] mac = Tc3.hmac(method, key.secretKey().getBytes(StandardCharsets.UTF_8),
            plain.getBytes(StandardCharsets.UTF_8));
        if (Tc3.same(params.get("Signature"), Base64.getEncoder().encodeToString(mac))) {
          match = true;
        }
      }
    }
    if (!match) {
      throw AuthFailure.signatureFailure("the legacy signature over the sorted parameters does not match.",
          "按参数排序计算的签名不一致。");
    }
    Map<String, String> business = new TreeMap<>();
    params.forEach((k, v) -> {
      if (!LEGACY_COMMON.contains(k)) {
        business.put(k, v);
      }
    });
    return new Authenticated(key.appId(), secretId, params.get("Action"), params.get("Version"), params.get("Region"),
        params.get("Language"), Params.unflatten(business));
  }

  /**
   * Decodes a query or form string into its parameters, keeping the last value of a repeated key. The
   * escaped bytes are strict UTF-8 or become marks ({@link Utf8#decodeMarking}) that the parameter check
   * refuses by name; URLDecoder would have turned them into U+FFFD and let them through.
   */
  static Map<String, String> decode(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = unescape(eq < 0 ? pair : pair.substring(0, eq), pair);
      String v = eq < 0 ? "" : unescape(pair.substring(eq + 1), pair);
      out.put(k, v);
    }
    return out;
  }

  /** Form decoding ({@code +} is a space, {@code %XX} a byte); a character beyond ASCII stands for its UTF-8 bytes. */
  private static String unescape(String s, String pair) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    byte[] bytes = new byte[s.length() * 4];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+') {
        bytes[n++] = ' ';
      } else if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (lo < 0) {
          throw Rejection.invalid("query", "`" + shown(pair) + "` is not correctly URL-encoded.");
        }
        bytes[n++] = (byte) (hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          utf8 = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        System.arraycopy(utf8, 0, bytes, n, utf8.length);
        n += utf8.length;
      }
    }
    return Utf8.decodeMarking(bytes, 0, n);
  }

  /** A value as an error message may quote it: at most 64 characters. */
  static String shown(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
  }
}
