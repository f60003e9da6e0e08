package io.openvpc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvpc.api.types.ApiSchema;
import io.openvpc.model.Rejection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every string member of every action must be text: the check at the edge, and the bytes it sees. */
class TextParamsTest {
  private final Params params = new Params(ApiSchema.get());

  /** A CreateVpc body whose VpcName is the given raw bytes, as a hostile client may send them. */
  private static byte[] createVpc(byte[] name) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("{\"VpcName\":\"".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(name);
    b.writeBytes("\",\"CidrBlock\":\"10.0.0.0/16\"}".getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  private JsonNode check(String action, byte[] body) {
    return params.check("vpc", action + "Request", Json.parseParams(body));
  }

  private static void assertRefusedNaming(Runnable call, String member) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejection.class, e -> {
      assertThat(e.code()).isEqualTo("InvalidParameterValue");
      assertThat(e.getMessage()).contains("`" + member + "`");
      assertThat(e.messageZh()).contains("`" + member + "`").containsPattern("\\p{IsHan}");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a\\u0000b", // NUL, escaped in JSON
      "\\ud800x", // a high surrogate alone
      "x\\udc00", // a low surrogate alone
      "\\u0007bell", // a control character
      "del\\u007f",
      "\\uffff",
  })
  void escapedInvalidText_invalidParameterValueNamingTheMember(String escaped) {
    byte[] body = createVpc(escaped.getBytes(StandardCharsets.UTF_8));
    assertRefusedNaming(() -> check("CreateVpc", body), "VpcName");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "C080", // overlong NUL
      "C181", // overlong 'A', which lenient decoders turn into a plain A
      "E080AF", // overlong '/'
      "F08080AF", // overlong, four bytes
      "EDA080", // a surrogate encoded as UTF-8 (CESU)
      "F4908080", // beyond U+10FFFF
      "FF", // never in UTF-8
      "E4B8", // a sequence cut short
      "80", // a continuation byte without a lead
  })
  void rawBytesThatAreNotUtf8_invalidParameterValueNamingTheMember(String hex) {
    byte[] body = createVpc(java.util.HexFormat.of().parseHex(hex.toLowerCase()));
    assertRefusedNaming(() -> check("CreateVpc", body), "VpcName");
  }

  @Test
  void nestedAndListedStrings_namedByTheirPath() {
    byte[] body = "{\"Filters\":[{\"Name\":\"vpc-name\",\"Values\":[\"ok\",\"a\\u0000\"]}]}".getBytes(StandardCharsets.UTF_8);
    assertRefusedNaming(() -> check("DescribeVpcs", body), "Filters.0.Values.1");
    byte[] tag = "{\"VpcName\":\"v\",\"CidrBlock\":\"10.0.0.0/16\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"\\ud83d\"}]}"
        .getBytes(StandardCharsets.UTF_8);
    assertRefusedNaming(() -> check("CreateVpc", tag), "Tags.0.Value");
  }

  @Test
  void actionsOfOpenVpcsOwn_checkedToo() {
    byte[] body = "{\"Source\":{\"IpAddress\":\"10.0.0.1\\u0000\"}}".getBytes(StandardCharsets.UTF_8);
    assertRefusedNaming(() -> params.check("vpc", "NoSuchSchemaObject", Json.parseParams(body)), "Source.IpAddress");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "with\ttab", "two\nlines\r\n", "中文名称", "emoji \ud83d\ude00", "accent \u00e9", ""})
  void realText_accepted(String text) {
    byte[] body = createVpc(Json.MAPPER.valueToTree(text).toString().replaceAll("^\"|\"$", "").getBytes(StandardCharsets.UTF_8));
    assertThat(check("CreateVpc", body).get("VpcName").textValue()).isEqualTo(text);
  }

  @Test
  void utf8_strictWhereJavaAndJacksonForgive() {
    assertThat(Utf8.isValid("中文 \ud83d\ude00 é".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0x80})).isFalse();
    assertThat(Utf8.decodeMarking(new byte[] {'a', (byte) 0xC1, (byte) 0x81, 'b'})).isEqualTo("a\udcc1\udc81b");
    assertThat(Utf8.decodeMarking("中文".getBytes(StandardCharsets.UTF_8))).isEqualTo("中文");
  }

  @Test
  void jsonBeyondTheParsersLimits_messageForTheCallerNotTheParser() {
    byte[] deep = ("{\"VpcName\":" + "[".repeat(5000)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Json.parseParams(deep)).isInstanceOfSatisfying(Rejection.class, e -> {
      assertThat(e.code()).isEqualTo("InvalidParameter");
      assertThat(e.getMessage()).contains("deeper than 1000").doesNotContain("StreamReadConstraints")
          .doesNotContain("getMax");
    });
    byte[] longNumber = ("{\"Limit\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Json.parseParams(longNumber)).isInstanceOfSatisfying(Rejection.class, e ->
        assertThat(e.getMessage()).contains("number longer than").doesNotContain("StreamReadConstraints"));
    assertThatThrownBy(() -> Json.parseParams("{\"a\" 1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage())
            .isEqualTo("The request body is not valid JSON (line 1, column 6)."));
  }
}
