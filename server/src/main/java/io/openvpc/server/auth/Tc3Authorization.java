package io.openvpc.server.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A TC3 {@code Authorization} header, parsed within fixed bounds before anything is looked up or
 * hashed: the header, the SecretId, the service and each signed header name have a maximum length,
 * SignedHeaders names at most {@value #MAX_SIGNED_HEADERS} distinct headers, and the signature is 64
 * hex digits. Checking a signature then costs a bounded amount of work, whatever a caller sends
 * without knowing the key (a {@code host;host;...} list once made it quadratic).
 */
record Tc3Authorization(String secretId, String date, String service, List<String> signedHeaders,
    String signedHeadersText, String signature) {
  /** Far more than the SDKs send (about 200 characters with a long service name). */
  static final int MAX_LENGTH = 2048;
  /** The SDKs sign two headers; Tencent's documentation shows three. */
  static final int MAX_SIGNED_HEADERS = 16;
  static final int MAX_HEADER_NAME = 64;
  static final int MAX_SECRET_ID = 128;
  /** The service is the text before the endpoint's first dot: a host name and port at most. */
  static final int MAX_SERVICE = 256;
  /** Credential is SecretId/Date/Service/tc3_request; a service with slashes may add a few parts. */
  static final int MAX_CREDENTIAL_PARTS = 8;

  static Tc3Authorization parse(String authorization) {
    if (authorization.length() > MAX_LENGTH) {
      throw AuthFailure.invalidAuthorization("the header is longer than " + MAX_LENGTH + " characters.",
          "长度超过 " + MAX_LENGTH + " 个字符。");
    }
    if (!authorization.startsWith(Tc3.ALGORITHM + " ")) {
      throw authorization.equals("SKIP")
          ? AuthFailure.invalidAuthorization("unsigned requests (Authorization: SKIP) are not accepted.",
              "不接受未签名的请求（Authorization: SKIP）。")
          : AuthFailure.invalidAuthorization("only TC3-HMAC-SHA256 is supported in the Authorization header.",
              "仅支持 TC3-HMAC-SHA256 签名方法。");
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String p : authorization.substring(Tc3.ALGORITHM.length() + 1).split(",")) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = p.substring(0, eq).trim();
      String value = p.substring(eq + 1).trim();
      switch (name) {
        case "Credential" -> credential = once(name, credential, value);
        case "SignedHeaders" -> signedHeaders = once(name, signedHeaders, value);
        case "Signature" -> signature = once(name, signature, value);
        default -> { } // room for what a later version of the scheme adds
      }
    }
    if (credential == null || signedHeaders == null || signature == null) {
      throw AuthFailure.invalidAuthorization("Credential, SignedHeaders and Signature are all required.",
          "Credential、SignedHeaders 和 Signature 均为必填。");
    }
    String[] c = credential.split("/", MAX_CREDENTIAL_PARTS + 1);
    if (c.length < 4 || c.length > MAX_CREDENTIAL_PARTS || !c[c.length - 1].equals("tc3_request")) {
      throw AuthFailure.invalidAuthorization("Credential must be SecretId/Date/Service/tc3_request.",
          "Credential 的格式应为 SecretId/Date/Service/tc3_request。");
    }
    String secretId = c[0];
    if (secretId.isEmpty() || secretId.length() > MAX_SECRET_ID) {
      throw AuthFailure.invalidAuthorization("the SecretId in Credential must have 1 to " + MAX_SECRET_ID
          + " characters.", "Credential 中的 SecretId 长度应为 1 到 " + MAX_SECRET_ID + " 个字符。");
    }
    String service = String.join("/", java.util.Arrays.copyOfRange(c, 2, c.length - 1));
    if (service.isEmpty() || service.length() > MAX_SERVICE) {
      throw AuthFailure.invalidAuthorization("the service in Credential must have 1 to " + MAX_SERVICE
          + " characters.", "Credential 中的服务名长度应为 1 到 " + MAX_SERVICE + " 个字符。");
    }
    if (!signature.matches("[0-9a-fA-F]{64}")) {
      throw AuthFailure.invalidAuthorization("Signature must be 64 hexadecimal digits.",
          "Signature 应为 64 位十六进制数。");
    }
    return new Tc3Authorization(secretId, c[1], service, headerNames(signedHeaders), signedHeaders, signature);
  }

  /** The signed header names, lower-cased: distinct, at most {@value #MAX_SIGNED_HEADERS}, each a header name. */
  private static List<String> headerNames(String text) {
    String[] names = text.split(";", MAX_SIGNED_HEADERS + 1);
    if (names.length > MAX_SIGNED_HEADERS) {
      throw AuthFailure.invalidAuthorization("SignedHeaders names more than " + MAX_SIGNED_HEADERS + " headers.",
          "SignedHeaders 最多列出 " + MAX_SIGNED_HEADERS + " 个请求头。");
    }
    List<String> out = new ArrayList<>(names.length);
    Set<String> seen = new HashSet<>();
    for (String raw : names) {
      String n = raw.trim().toLowerCase(Locale.ROOT);
      if (n.isEmpty() || n.length() > MAX_HEADER_NAME || !n.matches("[a-z0-9!#$%&'*+.^_`|~-]+")) {
        throw AuthFailure.invalidAuthorization("SignedHeaders must be header names separated by `;`, such as "
            + "content-type;host.", "SignedHeaders 应为以 `;` 分隔的请求头名称，例如 content-type;host。");
      }
      if (!seen.add(n)) {
        throw AuthFailure.invalidAuthorization("SignedHeaders names `" + n + "` more than once.",
            "SignedHeaders 重复列出了 `" + n + "`。");
      }
      out.add(n);
    }
    return out;
  }

  private static String once(String name, String earlier, String value) {
    if (earlier != null) {
      throw AuthFailure.invalidAuthorization(name + " is given more than once.", name + " 重复出现。");
    }
    return value;
  }
}
