package io.openvpc.it;

import static io.openvpc.it.RawApi.code;
import static io.openvpc.it.RawApi.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol's edges through raw HTTP, where the SDKs cannot produce the case. */
class ProtocolEdgeTest {
  static LiveServer live;
  static RawApi api;

  @BeforeAll
  static void start() {
    live = LiveServer.start(Map.of("appid-max-vpcs", 50L));
    api = RawApi.of(live);
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @Test
  void bodyOver10MB_requestSizeLimitExceeded() {
    byte[] body = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(body, (byte) ' ');
    JsonNode r = api.post("DescribeVpcs", RawApi.VPC, body).response();
    assertThat(code(r)).isEqualTo("RequestSizeLimitExceeded");
    assertThat(message(r)).contains("10 MB");
  }

  @Test
  void bodyOf5MB_isServed() {
    String padding = "x".repeat(5 * 1024 * 1024);
    JsonNode r = api.post("DescribeVpcs", "{\"Padding\":\"" + padding + "\",\"Limit\":\"1\"}").response();
    assertThat(code(r)).isEmpty();
    assertThat(r.has("TotalCount")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"VpcName\":", "[1,2", "nul", "{\"a\" 1}", "\u0000\u0001"})
  void malformedJson_invalidParameter(String body) {
    JsonNode r = api.post("CreateVpc", body).response();
    assertThat(code(r)).isEqualTo("InvalidParameter");
    assertThat(message(r)).contains("not valid JSON");
  }

  @Test
  void bodyNotAnObject_invalidParameter() {
    assertThat(code(api.post("DescribeVpcs", "[1,2,3]").response())).isEqualTo("InvalidParameter");
    assertThat(code(api.post("DescribeVpcs", "\"text\"").response())).isEqualTo("InvalidParameter");
  }

  @Test
  void wrongJsonTypes_nameTheMember() {
    JsonNode r = api.post("DescribeVpcs", "{\"VpcIds\":\"vpc-12345678\"}").response();
    assertThat(code(r)).isEqualTo("InvalidParameter");
    assertThat(message(r)).contains("VpcIds").contains("array");

    r = api.post("DescribeVpcs", "{\"Filters\":[{\"Name\":\"vpc-name\",\"Values\":\"x\"}]}").response();
    assertThat(code(r)).isEqualTo("InvalidParameter");
    assertThat(message(r)).contains("Filters.0.Values");

    r = api.post("CreateVpc", "{\"VpcName\":{\"a\":1},\"CidrBlock\":\"10.0.0.0/16\"}").response();
    assertThat(code(r)).isEqualTo("InvalidParameter");
    assertThat(message(r)).contains("VpcName").contains("string");

    // DescribeVpcs types Limit as a string (the Java SDK sends "10"): a non-number is a bad value
    r = api.post("DescribeVpcs", "{\"Limit\":\"ten\"}").response();
    assertThat(code(r)).isEqualTo("InvalidParameterValue.Malformed");
    assertThat(message(r)).contains("Limit").contains("ten");

    r = api.post("DescribeVpcs", "{\"Limit\":[1]}").response();
    assertThat(code(r)).isEqualTo("InvalidParameter");
    assertThat(message(r)).contains("Limit");
  }

  @Test
  void missingRequiredMember_missingParameter() {
    JsonNode r = api.post("CreateVpc", "{\"VpcName\":\"x\"}").response();
    assertThat(code(r)).isEqualTo("MissingParameter");
    assertThat(message(r)).contains("CidrBlock");
  }

  @Test
  void offsetAndLimit_asStringOrInteger() {
    for (int i = 0; i < 3; i++) {
      api.post("CreateVpc", "{\"VpcName\":\"page" + i + "\",\"CidrBlock\":\"10." + i + ".0.0/16\"}").response();
    }
    JsonNode strings = api.post("DescribeVpcs", "{\"Offset\":\"1\",\"Limit\":\"2\"}").response();
    JsonNode numbers = api.post("DescribeVpcs", "{\"Offset\":1,\"Limit\":2}").response();
    assertThat(code(strings)).isEmpty();
    assertThat(strings.get("VpcSet")).hasSize(2);
    assertThat(numbers.get("VpcSet")).isEqualTo(strings.get("VpcSet"));
    assertThat(numbers.get("TotalCount")).isEqualTo(strings.get("TotalCount"));
  }

  @Test
  void traceId_isEchoed() {
    RawApi.Reply r = api.post("DescribeVpcs", "{}").header("X-TC-TraceId", "trace-0f3a").send();
    assertThat(r.header("X-TC-TraceId")).contains("trace-0f3a");
    RawApi.Reply failed = api.post("NoSuchAction", "{}").header("X-TC-TraceId", "trace-err").send();
    assertThat(failed.header("X-TC-TraceId")).contains("trace-err");
    // one too long to echo (it once overflowed the reply's headers into an empty 500) is not echoed
    RawApi.Reply huge = api.post("DescribeVpcs", "{}").header("X-TC-TraceId", "t".repeat(20_000)).send();
    assertThat(code(RawApi.envelope(huge))).isEmpty();
    assertThat(huge.header("X-TC-TraceId")).isEmpty();
  }

  @Test
  void language_zhCN_givesChineseMessages() {
    JsonNode en = api.post("CreateVpc", "{\"VpcName\":\"x\"}").response();
    JsonNode zh = api.post("CreateVpc", "{\"VpcName\":\"x\"}").header("X-TC-Language", "zh-CN").response();
    assertThat(code(zh)).isEqualTo(code(en)).isEqualTo("MissingParameter");
    assertThat(message(en)).doesNotContainPattern("\\p{IsHan}");
    assertThat(message(zh)).containsPattern("\\p{IsHan}").contains("CidrBlock");
    JsonNode zhAuth = api.post("DescribeVpcs", "{}").header("Authorization", "SKIP").header("X-TC-Language", "zh-CN")
        .response();
    assertThat(message(zhAuth)).containsPattern("\\p{IsHan}");
  }

  @Test
  void timestampOffByMoreThan300s_signatureExpire() {
    long now = System.currentTimeMillis() / 1000;
    // a few seconds beyond the limit: the server's clock may have ticked on since `now` was read
    for (long t : new long[] {now - 305, now + 305, now - 86_400}) {
      JsonNode r = api.post("DescribeVpcs", "{}").timestamp(t).response();
      assertThat(code(r)).as("timestamp %d", t).isEqualTo("AuthFailure.SignatureExpire");
    }
    assertThat(code(api.post("DescribeVpcs", "{}").timestamp(now - 250).response())).isEmpty();
  }

  @Test
  void authorizationSkip_refused() {
    JsonNode r = api.post("DescribeVpcs", "{}").header("Authorization", "SKIP").response();
    assertThat(code(r)).isEqualTo("AuthFailure.InvalidAuthorization");
    assertThat(message(r)).contains("SKIP");
  }

  @Test
  void unsigned_refused() {
    JsonNode r = api.post("DescribeVpcs", "{}").unsigned().response();
    assertThat(code(r)).isEqualTo("AuthFailure.InvalidAuthorization");
  }

  @Test
  void tamperedBody_signatureFailure() {
    RawApi.Call call = api.post("DescribeVpcs", "{}");
    call.send();
    String auth = call.headers.get("Authorization");
    JsonNode r = api.post("DescribeVpcs", "{ }").header("Authorization", auth).timestamp(call.timestamp).response();
    assertThat(code(r)).isEqualTo("AuthFailure.SignatureFailure");
  }

  @Test
  void knownButUnimplementedAction_unsupportedOperation() {
    JsonNode r = api.post("CreateVpnGateway", "{}").response();
    assertThat(code(r)).isEqualTo("UnsupportedOperation");
    assertThat(message(r)).contains("CreateVpnGateway").contains("does not implement");
  }

  @Test
  void unknownAction_invalidAction() {
    JsonNode r = api.post("CreateTeleporter", "{}").response();
    assertThat(code(r)).isEqualTo("InvalidAction");
    assertThat(message(r)).contains("CreateTeleporter");
  }

  @Test
  void unknownVersion_noSuchVersion() {
    JsonNode r = api.post("DescribeVpcs", "2099-01-01", "{}".getBytes(StandardCharsets.UTF_8)).response();
    assertThat(code(r)).isEqualTo("NoSuchVersion");
    assertThat(message(r)).contains("2099-01-01");
  }

  @Test
  void missingAction_missingParameter() {
    JsonNode r = api.post(null, RawApi.VPC, "{}".getBytes(StandardCharsets.UTF_8)).response();
    assertThat(code(r)).isEqualTo("MissingParameter");
  }

  @Test
  void get_withSignedQuery_isServed() {
    JsonNode r = api.get("DescribeVpcs", RawApi.VPC, "Limit=1&Offset=0").response();
    assertThat(code(r)).isEmpty();
    assertThat(r.has("TotalCount")).isTrue();
  }

  @Test
  void getQueryOver32KB_requestSizeLimitExceeded() {
    JsonNode r = api.get("DescribeVpcs", RawApi.VPC, "Limit=1&VpcName=" + "x".repeat(33 * 1024)).response();
    assertThat(code(r)).isEqualTo("RequestSizeLimitExceeded");
    assertThat(code(api.get("DescribeVpcs", RawApi.VPC, "Limit=1&Pad=" + "x".repeat(30 * 1024)).response())).isEmpty();
  }

  @Test
  void headersBeyondWhatHttpParses_stillGetAnEnvelope() throws Exception {
    RawApi.Reply r = api.get("DescribeVpcs", RawApi.VPC, "Pad=" + "x".repeat(70 * 1024)).send();
    assertThat(r.statusCode()).isEqualTo(414); // Jetty refuses the request line before any handler runs
    JsonNode response = io.openvpc.api.Json.MAPPER.readTree(r.body()).get("Response");
    assertThat(code(response)).isEqualTo("RequestSizeLimitExceeded");
    assertThat(response.path("RequestId").asText()).isNotEmpty();
  }

  @Test
  void otherHttpMethods_unsupportedProtocol() {
    for (String method : new String[] {"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"}) {
      RawApi.Call call = api.new Call(method, "DescribeVpcs", RawApi.VPC, "", "{}".getBytes(StandardCharsets.UTF_8));
      assertThat(code(call.response())).as(method).isEqualTo("UnsupportedProtocol");
    }
  }

  @Test
  void signedHeadersOfOneNameRepeated_invalidAuthorization() {
    // the audit's header: a valid SecretId, a wrong signature and 60 KB of host;host;...
    String auth = "TC3-HMAC-SHA256 Credential=" + live.secretId + "/" + io.openvpc.server.auth.Tc3.date(
        System.currentTimeMillis() / 1000) + "/127/tc3_request, SignedHeaders=" + "host;".repeat(12_000) + "host, Signature="
        + "0".repeat(64);
    JsonNode r = api.post("DescribeVpcs", "{}").header("Authorization", auth).response();
    assertThat(code(r)).isEqualTo("AuthFailure.InvalidAuthorization");
    assertThat(message(r)).contains("longer than 2048");
  }

  @Test
  void deeplyNestedBody_messageWithoutJava() {
    JsonNode r = api.post("CreateVpc", "{\"VpcName\":" + "[".repeat(3000)).response();
    assertThat(code(r)).isEqualTo("InvalidParameter");
    assertThat(message(r)).contains("deeper than 1000").doesNotContain("StreamReadConstraints").doesNotContain("getMax");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6e756c5c7530303030", "5c7564383030", "c080", "c181", "eda080", "5c7530303037"})
  void nameThatIsNotText_invalidParameterValue_neverStored(String hexOfName) {
    // JSON escapes (\u0000, \ud800, \u0007) and raw bytes that are not UTF-8 (overlong NUL and A, an encoded surrogate)
    byte[] name = java.util.HexFormat.of().parseHex(hexOfName);
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes("{\"VpcName\":\"bad".getBytes(StandardCharsets.UTF_8));
    body.writeBytes(name);
    body.writeBytes("\",\"CidrBlock\":\"10.99.0.0/16\"}".getBytes(StandardCharsets.UTF_8));
    JsonNode r = api.post("CreateVpc", RawApi.VPC, body.toByteArray()).response();
    assertThat(code(r)).isEqualTo("InvalidParameterValue");
    assertThat(message(r)).contains("`VpcName`");
    JsonNode listed = api.post("DescribeVpcs", "{\"Limit\":\"100\"}").response();
    for (JsonNode vpc : listed.path("VpcSet")) {
      assertThat(vpc.path("VpcName").asText()).doesNotStartWith("bad");
    }
  }

  @Test
  void getQueryWithOverlongUtf8_invalidParameterValue() {
    JsonNode r = api.get("CreateVpc", RawApi.VPC, "VpcName=bad%C0%80&CidrBlock=10.98.0.0%2F16").response();
    assertThat(code(r)).isEqualTo("InvalidParameterValue");
    assertThat(message(r)).contains("`VpcName`");
  }

  @Test
  void pathThatServesNothing_envelopeNotAPageOfJava() throws Exception {
    java.net.http.HttpResponse<String> missing = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + api.host() + "/nothing/here"))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    JsonNode response = io.openvpc.api.Json.MAPPER.readTree(missing.body()).get("Response");
    assertThat(code(response)).isEqualTo("InvalidRequest");
    assertThat(response.path("RequestId").asText()).isNotEmpty();
  }

  @Test
  void chunkedBodyWithoutContentLength_isServed() throws Exception {
    byte[] body = ("{\"Limit\":\"1\",\"Padding\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    long now = System.currentTimeMillis() / 1000;
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + api.host() + "/"))
        .header("Content-Type", "application/json").header("X-TC-Action", "DescribeVpcs")
        .header("X-TC-Version", RawApi.VPC).header("X-TC-Region", LiveServer.REGION)
        .header("X-TC-Timestamp", String.valueOf(now))
        .header("Authorization", io.openvpc.server.auth.Tc3.authorization(live.secretId, live.secretKey, "127", now,
            "POST", "", "application/json", api.host(), body))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
        .build();
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    JsonNode response = io.openvpc.api.Json.MAPPER.readTree(r.body()).get("Response");
    assertThat(code(response)).as(r.body()).isEmpty();
    assertThat(response.has("TotalCount")).isTrue();
  }
}
