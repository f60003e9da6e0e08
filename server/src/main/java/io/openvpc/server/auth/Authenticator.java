package io.openvpc.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.openvpc.api.Json;
import io.openvpc.api.Params;
import io.openvpc.control.Accounts;
import io.openvpc.control.ApiKey;
import io.openvpc.model.Rejection;
import java.net.URLDecoder;
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
    throw AuthFailure.invalidAuthorization("the request carries neither an Authorization header nor a Signature parameter.");
  }

  private Authenticated tc3(Incoming in, String authorization) {
    if (!authorization.startsWith(Tc3.ALGORITHM + " ")) {
      throw AuthFailure.invalidAuthorization(authorization.equals("SKIP")
          ? "unsigned requests (Authorization: SKIP) are not accepted."
          : "only TC3-HMAC-SHA256 is supported in the Authorization header.");
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String p : authorization.substring(Tc3.ALGORITHM.length() + 1).split(",")) {
      int eq = p.indexOf('=');
      if (eq > 0) {
        parts.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
      }
    }
    String credential = parts.get("Credential");
    String signedHeaders = parts.get("SignedHeaders");
    String signature = parts.get("Signature");
    if (credential == null || signedHeaders == null || signature == null) {
      throw AuthFailure.invalidAuthorization("Credential, SignedHeaders and Signature are all required.");
    }
    String[] c = credential.split("/");
    if (c.length < 4 || !c[c.length - 1].equals("tc3_request")) {
      throw AuthFailure.invalidAuthorization("Credential must be SecretId/Date/Service/tc3_request.");
    }
    String secretId = c[0];
    String date = c[1];
    String service = String.join("/", java.util.Arrays.copyOfRange(c, 2, c.length - 1));
    long timestamp = timestamp(in.header("X-TC-Timestamp"));
    ApiKey key = accounts.key(secretId).orElseThrow(() -> AuthFailure.secretIdNotFound(secretId));
    if (!date.equals(Tc3.date(timestamp))) {
      throw AuthFailure.signatureFailure("the credential date " + date + " is not the UTC date of X-TC-Timestamp.");
    }
    String payloadHash = "UNSIGNED-PAYLOAD".equalsIgnoreCase(in.header("X-TC-Content-SHA256"))
        ? Tc3.sha256Hex("UNSIGNED-PAYLOAD") : Tc3.sha256Hex(in.body());
    String query = in.method().equals("GET") ? in.query() : "";
    boolean match = false;
    for (String headers : canonicalHeaderCandidates(in, signedHeaders)) {
      String canonical = Tc3.canonicalRequest(in.method(), query, headers, signedHeaders, payloadHash);
      if (Tc3.same(signature, Tc3.signature(key.secretKey(), date, service, timestamp, canonical))) {
        match = true;
        break;
      }
    }
    if (!match) {
      throw AuthFailure.signatureFailure("check the SecretKey, and that nothing between client and server changed "
          + "the Host header, the body or the query string.");
    }
    JsonNode params = in.method().equals("GET") ? Params.unflatten(decode(in.query())) : json(in.body());
    return new Authenticated(key.appId(), secretId, in.header("X-TC-Action"), in.header("X-TC-Version"),
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
      throw Rejection.invalid("X-TC-Timestamp", "must be Unix seconds, got `" + value + "`.");
    }
    checkSkew(t);
    return t;
  }

  /** The canonical header blocks to try: values as received and lower-cased, host with and without port. */
  private static List<String> canonicalHeaderCandidates(Incoming in, String signedHeaders) {
    List<String> blocks = new ArrayList<>();
    blocks.add("");
    for (String name : signedHeaders.split(";")) {
      String n = name.trim().toLowerCase();
      String raw = in.header(n);
      String value = raw == null ? "" : raw.trim();
      List<String> values = new ArrayList<>();
      values.add(value);
      if (n.equals("host") && value.contains(":") && !value.endsWith("]")) {
        values.add(value.substring(0, value.lastIndexOf(':')));
      }
      if (!value.equals(value.toLowerCase())) {
        values.add(value.toLowerCase());
      }
      List<String> next = new ArrayList<>();
      for (String b : blocks) {
        for (String v : values) {
          next.add(b + n + ":" + v + "\n");
        }
      }
      blocks = next.size() > 16 ? next.subList(0, 16) : next;
    }
    return blocks;
  }

  private static JsonNode json(byte[] body) {
    if (body.length == 0) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new Rejection("InvalidParameter", "The request body is not valid JSON: " + e.getOriginalMessage(),
          "请求体不是合法的 JSON。");
    } catch (java.io.IOException e) {
      throw new Rejection("InvalidParameter", "The request body cannot be read.", "无法读取请求体。");
    }
  }

  private static Map<String, String> legacyParams(Incoming in) {
    String contentType = in.header("Content-Type");
    if (in.method().equals("POST") && contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      return decode(new String(in.body(), StandardCharsets.UTF_8));
    }
    return decode(in.query());
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
      throw AuthFailure.signatureFailure("the legacy signature over the sorted parameters does not match.");
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

  /** Decodes a query or form string into its parameters, keeping the last value of a repeated key. */
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
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.put(k, v);
      } catch (IllegalArgumentException e) {
        throw Rejection.invalid("query", "`" + pair + "` is not correctly URL-encoded.");
      }
    }
    return out;
  }
}
