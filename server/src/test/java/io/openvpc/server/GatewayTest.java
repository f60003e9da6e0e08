package io.openvpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.openvpc.api.Json;
import io.openvpc.control.Account;
import io.openvpc.control.Accounts;
import io.openvpc.control.ApiKey;
import io.openvpc.control.store.AccountStore;
import io.openvpc.server.auth.Authenticator;
import io.openvpc.server.auth.Tc3;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class GatewayTest {
  @Test
  void requestId_isARandomVersion4Uuid() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = Gateway.requestId();
      UUID u = UUID.fromString(id);
      assertThat(u.version()).isEqualTo(4);
      assertThat(u.variant()).isEqualTo(2);
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      seen.add(id);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void millis_twoDecimals() {
    assertThat(Gateway.millis(0)).isEqualTo("0.00");
    assertThat(Gateway.millis(1_234_567)).isEqualTo("1.23");
    assertThat(Gateway.millis(50_000)).isEqualTo("0.05");
    assertThat(Gateway.millis(12_000_000_000L)).isEqualTo("12000.00");
  }

  /** A key store that runs out of memory, as a request did under 32 parallel 10 MB bodies. */
  static final class OutOfMemory implements AccountStore {
    @Override public void create(Account account, ApiKey firstKey) { }
    @Override public void addKey(ApiKey key) { }
    @Override public Optional<ApiKey> findKey(String secretId) {
      throw new OutOfMemoryError("Java heap space");
    }
    @Override public Optional<Account> find(long appId) { return Optional.empty(); }
    @Override public List<Account> list() { return List.of(); }
    @Override public List<ApiKey> keys(long appId) { return List.of(); }
  }

  @Test
  void errorWhileHandling_envelopeWithInternalError_notAnEmpty500() throws Exception {
    Gateway gateway = new Gateway(new Authenticator(new Accounts(new OutOfMemory(), Clock.systemUTC()),
        Clock.systemUTC()), null, new InflightBytes(Gateway.MAX_BODY));
    Javalin http = Javalin.create(cfg -> cfg.showJavalinBanner = false).post("/", gateway::handle).start("127.0.0.1", 0);
    try {
      long now = System.currentTimeMillis() / 1000;
      byte[] body = "{}".getBytes();
      String host = "127.0.0.1:" + http.port();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + "/"))
          .header("Content-Type", "application/json")
          .header("X-TC-Action", "DescribeVpcs").header("X-TC-Version", "2017-03-12")
          .header("X-TC-Timestamp", String.valueOf(now)).header("X-TC-Language", "zh-CN")
          .header("Authorization", Tc3.authorization("AKIDx", "k", "127", now, "POST", "", "application/json", host, body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode response = Json.MAPPER.readTree(r.body()).get("Response");
      assertThat(response.path("Error").path("Code").asText()).isEqualTo("InternalError");
      assertThat(response.path("Error").path("Message").asText()).containsPattern("\\p{IsHan}")
          .contains(response.path("RequestId").asText()).doesNotContain("Java heap").doesNotContain("OutOfMemory");
    } finally {
      http.stop();
    }
  }

  @Test
  void bodyThatTimedOut_saysSoWithoutJava() {
    var e = RequestBody.incomplete(new java.io.IOException(new TimeoutException("Idle timeout expired: 30000/30000 ms")));
    assertThat(e.code()).isEqualTo("InvalidRequest");
    assertThat(e.getMessage()).contains("timed out").doesNotContain("java").doesNotContain("Idle timeout expired");
    assertThat(e.messageZh()).containsPattern("\\p{IsHan}");
  }

  @Test
  void inflightBytes_admitsWithinTheBudget_smallBodiesAlways() {
    InflightBytes budget = new InflightBytes(20 * 1024 * 1024);
    long a = budget.take(9 * 1024 * 1024);
    long b = budget.take(9 * 1024 * 1024);
    assertThat(a).isPositive();
    assertThat(b).isPositive();
    assertThat(budget.take(9 * 1024 * 1024)).as("a third large body").isEqualTo(-1);
    assertThat(budget.take(InflightBytes.ALWAYS_ADMITTED)).as("a small one still").isZero();
    budget.give(a);
    assertThat(budget.take(9 * 1024 * 1024)).isPositive();
  }

  @Test
  void fallbackEnvelope_isJsonInTheCallersLanguage() throws Exception {
    JsonNode en = Json.MAPPER.readTree(Gateway.fallbackEnvelope("id-1", null)).get("Response");
    JsonNode zh = Json.MAPPER.readTree(Gateway.fallbackEnvelope("id-1", "zh-CN")).get("Response");
    assertThat(en.path("Error").path("Code").asText()).isEqualTo("InternalError");
    assertThat(zh.path("Error").path("Message").asText()).containsPattern("\\p{IsHan}");
    assertThat(en.path("RequestId").asText()).isEqualTo("id-1");
  }
}
