package io.openvpc.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.control.Account;
import io.openvpc.control.Accounts;
import io.openvpc.control.ApiKey;
import io.openvpc.control.store.AccountStore;
import io.openvpc.model.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a caller can make the server do before the signature is known to be good: refusals of hostile
 * Authorization headers come before any key lookup or body read, and what is accepted is bounded by
 * construction (at most {@link Authenticator#MAX_CANDIDATES} canonical requests, each built once).
 */
class AuthenticatorTest {
  static final String SECRET_ID = "AKIDtest0123456789";
  static final String SECRET_KEY = "secret-key-0123456789";
  static final long NOW = 1_770_000_000L;
  final Counting store = new Counting();
  final Authenticator authenticator = new Authenticator(new Accounts(store, Clock.systemUTC()),
      Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  final AtomicInteger bodyReads = new AtomicInteger();

  /** The account store, counting the key lookups that reached it. */
  static final class Counting implements AccountStore {
    final AtomicInteger lookups = new AtomicInteger();

    @Override public void create(Account account, ApiKey firstKey) { }
    @Override public void addKey(ApiKey key) { }
    @Override public Optional<ApiKey> findKey(String secretId) {
      lookups.incrementAndGet();
      return secretId.equals(SECRET_ID) ? Optional.of(new ApiKey(SECRET_ID, SECRET_KEY, 1, Instant.EPOCH)) : Optional.empty();
    }
    @Override public Optional<Account> find(long appId) { return Optional.empty(); }
    @Override public List<Account> list() { return List.of(); }
    @Override public List<ApiKey> keys(long appId) { return List.of(); }
  }

  Incoming request(Map<String, String> headers, byte[] body) {
    Map<String, String> lower = new HashMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return new Incoming("POST", name -> lower.get(name.toLowerCase(Locale.ROOT)), "", () -> {
      bodyReads.incrementAndGet();
      return body;
    });
  }

  Map<String, String> headers(String authorization) {
    Map<String, String> h = new HashMap<>();
    h.put("Host", "127.0.0.1:4650");
    h.put("Content-Type", "application/json");
    h.put("X-TC-Action", "DescribeVpcs");
    h.put("X-TC-Version", "2017-03-12");
    h.put("X-TC-Timestamp", String.valueOf(NOW));
    h.put("Authorization", authorization);
    return h;
  }

  static String authorization(String signedHeaders) {
    return "TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/" + Tc3.date(NOW) + "/127/tc3_request, SignedHeaders="
        + signedHeaders + ", Signature=" + "0".repeat(64);
  }

  void assertRefusedBeforeAnyWork(String authorization, String code, String messagePart) {
    assertThatThrownBy(() -> authenticator.authenticate(request(headers(authorization), "{}".getBytes())))
        .isInstanceOfSatisfying(Rejection.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(messagePart);
          assertThat(e.getMessage().length()).isLessThan(300);
        });
    assertThat(store.lookups).as("key lookups").hasValue(0);
    assertThat(bodyReads).as("body reads").hasValue(0);
  }

  @Test
  void signedHeadersOfOneNameRepeated_refusedBeforeLookupOrBody() {
    // the audit's 60 KB of host;host;... took 4.4 s of CPU with a wrong signature
    String hostile = ("host;".repeat(12_000) + "host");
    assertRefusedBeforeAnyWork(authorization(hostile), "AuthFailure.InvalidAuthorization", "longer than 2048");
  }

  @Test
  void signedHeadersRepeatingAName_refused() {
    assertRefusedBeforeAnyWork(authorization("content-type;host;host"), "AuthFailure.InvalidAuthorization",
        "`host` more than once");
    assertRefusedBeforeAnyWork(authorization("content-type;HOST;host"), "AuthFailure.InvalidAuthorization",
        "`host` more than once");
  }

  @Test
  void signedHeadersBeyondSixteen_refused() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      names.add("x-h" + i);
    }
    assertRefusedBeforeAnyWork(authorization(String.join(";", names)), "AuthFailure.InvalidAuthorization",
        "more than 16 headers");
  }

  @Test
  void signedHeadersNotHeaderNames_refused() {
    assertRefusedBeforeAnyWork(authorization("content-type;;host"), "AuthFailure.InvalidAuthorization", "header names");
    assertRefusedBeforeAnyWork(authorization("content type;host"), "AuthFailure.InvalidAuthorization", "header names");
    assertRefusedBeforeAnyWork(authorization("x".repeat(65)), "AuthFailure.InvalidAuthorization", "header names");
  }

  @Test
  void credentialScopeOfManyParts_refused() {
    assertRefusedBeforeAnyWork("TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/" + Tc3.date(NOW) + "/a/b/c/d/e/f/g/tc3_request, "
        + "SignedHeaders=host, Signature=" + "0".repeat(64), "AuthFailure.InvalidAuthorization", "Credential must be");
    assertRefusedBeforeAnyWork("TC3-HMAC-SHA256 Credential=" + "/".repeat(100) + "tc3_request, SignedHeaders=host, "
        + "Signature=" + "0".repeat(64), "AuthFailure.InvalidAuthorization", "Credential must be");
  }

  @Test
  void overlongSecretIdServiceOrSignature_refused() {
    assertRefusedBeforeAnyWork("TC3-HMAC-SHA256 Credential=" + "A".repeat(129) + "/" + Tc3.date(NOW)
        + "/127/tc3_request, SignedHeaders=host, Signature=" + "0".repeat(64), "AuthFailure.InvalidAuthorization", "SecretId");
    assertRefusedBeforeAnyWork("TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/" + Tc3.date(NOW) + "/" + "s".repeat(257)
        + "/tc3_request, SignedHeaders=host, Signature=" + "0".repeat(64), "AuthFailure.InvalidAuthorization", "service");
    assertRefusedBeforeAnyWork(authorization("host").replace("0".repeat(64), "zz"), "AuthFailure.InvalidAuthorization",
        "64 hexadecimal");
    assertRefusedBeforeAnyWork(authorization("host") + ", Signature=" + "1".repeat(64), "AuthFailure.InvalidAuthorization",
        "more than once");
  }

  @Test
  void unknownSecretId_bodyNeverRead() {
    String auth = authorization("content-type;host").replace(SECRET_ID, "AKIDnobody");
    assertThatThrownBy(() -> authenticator.authenticate(request(headers(auth), "{}".getBytes())))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("AuthFailure.SecretIdNotFound"));
    assertThat(bodyReads).hasValue(0);
  }

  @Test
  void largestAcceptedSignedHeaders_workBoundedByConstruction() {
    Map<String, String> h = new HashMap<>();
    List<String> names = new ArrayList<>();
    int valueLength = 4000;
    for (int i = 0; i < Tc3Authorization.MAX_SIGNED_HEADERS; i++) {
      String name = i == 0 ? "host" : "x-h" + i;
      names.add(name);
      h.put(name, "Mixed-Case-Value:" + "V".repeat(valueLength)); // every header has three variants to try
    }
    List<String> blocks = Authenticator.canonicalHeaderCandidates(h::get, names);
    assertThat(blocks).hasSizeLessThanOrEqualTo(Authenticator.MAX_CANDIDATES);
    long oneBlock = names.stream().mapToLong(n -> n.length() + 2 + h.get(n).length()).sum();
    assertThat(blocks).allSatisfy(b -> assertThat((long) b.length()).isLessThanOrEqualTo(oneBlock));
  }

  @Test
  void sdkSignature_accepted_andDocumentedThreeHeaderForm_too() {
    byte[] body = "{\"Limit\":1}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> h = headers(Tc3.authorization(SECRET_ID, SECRET_KEY, "127", NOW, "POST", "", "application/json",
        "127.0.0.1:4650", body));
    assertThat(authenticator.authenticate(request(h, body)).params().get("Limit").asInt()).isEqualTo(1);

    // Tencent's hand-written example signs content-type;host;x-tc-action with the action lower-cased
    String headers = "content-type:application/json\nhost:127.0.0.1:4650\nx-tc-action:describevpcs\n";
    String signed = "content-type;host;x-tc-action";
    String canonical = Tc3.canonicalRequest("POST", "", headers, signed, Tc3.sha256Hex(body));
    String sig = Tc3.signature(SECRET_KEY, Tc3.date(NOW), "127", NOW, canonical);
    Map<String, String> three = headers("TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/" + Tc3.date(NOW)
        + "/127/tc3_request, SignedHeaders=" + signed + ", Signature=" + sig);
    assertThat(authenticator.authenticate(request(three, body)).action()).isEqualTo("DescribeVpcs");
  }

  @Test
  void legacyFormBodyOverOneMegabyte_requestSizeLimitExceeded_beforeAnyLookup() {
    Map<String, String> h = new HashMap<>();
    h.put("Content-Type", "application/x-www-form-urlencoded");
    h.put("Content-Length", String.valueOf(1024 * 1024 + 1));
    assertThatThrownBy(() -> authenticator.authenticate(request(h, new byte[0])))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("RequestSizeLimitExceeded"));
    assertThat(store.lookups).hasValue(0);
    assertThat(bodyReads).hasValue(0);
  }
}
