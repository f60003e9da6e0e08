package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvpc.api.Actions;
import io.openvpc.api.types.ActionSpec;
import io.openvpc.api.types.ApiSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed, mistyped, oversized and unsigned requests across every action the server
 * implements (read from its live registry, so actions added later are covered without a change here),
 * with values generated from each action's schema. Every reply must be HTTP 200 with Tencent's
 * envelope, never an internal error or a trace of Java, and the server must still be healthy at the
 * end. Seeded: {@code -Dopenvpc.fuzz.seed=N} replays a run, {@code -Dopenvpc.fuzz.requests=N} sizes it.
 */
class FuzzTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> LEAKS = List.of("Exception", "at io.", "\tat ", "java.lang", "NullPointer",
      "com.fasterxml", "org.h2", "org.postgresql", "SQLState", "StreamReadConstraints", "getMax", "java.util",
      "java.io", "jakarta.", "org.eclipse", "Idle timeout", "<html");

  private static final String[] OTHER_METHODS = {"PUT", "DELETE", "OPTIONS", "HEAD", "TRACE", "PATCH"};

  static LiveServer live;
  static RawApi api;
  final ApiSchema schema = ApiSchema.get();

  @BeforeAll
  static void start() {
    live = LiveServer.start(Map.of("appid-max-vpcs", 30L));
    api = RawApi.of(live);
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @Test
  void everyImplementedAction_survivesGarbage() throws Exception {
    long seed = Long.getLong("openvpc.fuzz.seed", 20_260_402L);
    int budget = Integer.getInteger("openvpc.fuzz.requests", 3000);
    System.out.println("FuzzTest seed " + seed + " (replay with -Dopenvpc.fuzz.seed=" + seed + ")");
    Random random = new Random(seed);
    List<Actions.Entry<?, ?>> entries = live.server().dispatcher().actions().all();
    entries.sort(Comparator.comparing(e -> e.spec().key()));
    assertThat(entries).isNotEmpty();
    // the budget is shared out, so the run stays near a minute however many actions are registered
    int perAction = Math.max(8, budget / entries.size());
    int oversized = 0;
    Map<String, Long> slowest = new java.util.HashMap<>();
    int sent = 0;
    for (Actions.Entry<?, ?> entry : entries) {
      ActionSpec<?, ?> spec = entry.spec();
      for (int i = 0; i < perAction; i++) {
        int kind = random.nextInt(100);
        String what;
        RawApi.Call call;
        if (kind < 35) {
          JsonNode body = object(random, spec.service(), spec.inputObject(), 0);
          what = "mistyped " + body;
          call = api.post(spec.action(), spec.version(), bytes(body));
        } else if (kind < 45) {
          String text = object(random, spec.service(), spec.inputObject(), 0).toString();
          String cut = text.substring(0, random.nextInt(Math.max(1, text.length())));
          what = "truncated " + cut;
          call = api.post(spec.action(), spec.version(), cut.getBytes(StandardCharsets.UTF_8));
        } else if (kind < 55) {
          byte[] noise = new byte[random.nextInt(2048)];
          random.nextBytes(noise);
          what = "random bytes";
          call = api.post(spec.action(), spec.version(), noise);
        } else if (kind < 70) {
          String query = weirdQuery(random, spec);
          what = "GET ?" + query;
          call = api.get(spec.action(), spec.version(), query);
        } else if (kind < 82) {
          call = api.post(spec.action(), spec.version(), bytes(object(random, spec.service(), spec.inputObject(), 0)));
          what = weirdHeaders(random, call);
        } else if (kind < 92) {
          call = api.post(spec.action(), spec.version(), bytes(object(random, spec.service(), spec.inputObject(), 0)));
          what = badAuthorization(random, call);
        } else if (kind < 97 || oversized >= 3) {
          String deep = "[".repeat(2000 + random.nextInt(20000));
          what = "deeply nested " + deep.length();
          call = api.post(spec.action(), spec.version(), ("{\"" + firstMember(spec) + "\":" + deep).getBytes(StandardCharsets.UTF_8));
        } else {
          oversized++;
          what = "oversized";
          byte[] big = new byte[10 * 1024 * 1024 + 1 + random.nextInt(1000)];
          java.util.Arrays.fill(big, (byte) '1');
          call = api.post(spec.action(), spec.version(), big);
        }
        long t0 = System.nanoTime();
        RawApi.Reply reply = call.send();
        slowest.merge(spec.action() + " " + what.split(" ")[0], System.nanoTime() - t0, Long::sum);
        check(spec.action(), what, reply);
        sent++;
      }
      String method = OTHER_METHODS[random.nextInt(OTHER_METHODS.length)];
      RawApi.Reply r = api.new Call(method, spec.action(), spec.version(), "", new byte[0]).send();
      assertThat(r.statusCode()).as(method).isLessThan(500);
      assertThat(r.body()).as(method).doesNotContain("Exception").doesNotContain("\tat ");
      sent++;
    }
    System.out.println("FuzzTest sent " + sent + " requests over " + entries.size() + " actions; most time in: "
        + slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
            .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms").toList());
    assertThat(sent).isGreaterThanOrEqualTo(perAction * entries.size());
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://" + api.host() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("ok");
  }

  private static void check(String action, String what, RawApi.Reply r) {
    String shown = what.length() > 300 ? what.substring(0, 300) + "..." : what;
    String body = r.body();
    assertThat(r.statusCode()).as("%s %s: %s", action, shown, body).isEqualTo(200);
    JsonNode response;
    try {
      response = RawApi.envelope(r);
    } catch (AssertionError e) {
      throw new AssertionError(action + " " + shown + ": " + e.getMessage());
    }
    assertThat(RawApi.code(response)).as("%s %s: %s", action, shown, body).isNotEqualTo("InternalError");
    for (String leak : LEAKS) {
      assertThat(body).as("%s %s", action, shown).doesNotContain(leak);
    }
  }

  private static byte[] bytes(JsonNode n) {
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String firstMember(ActionSpec<?, ?> spec) {
    return schema.members(spec.service(), spec.inputObject()).keySet().stream().findFirst().orElse("X");
  }

  /** An object of the schema's members, each one plausible, mistyped or absurd. */
  private ObjectNode object(Random random, String service, String type, int depth) {
    ObjectNode o = NODES.objectNode();
    for (ApiSchema.Member m : schema.members(service, type).values()) {
      if (random.nextInt(4) == 0) {
        continue;
      }
      JsonNode v;
      if (m.list() && random.nextInt(5) > 0) {
        ArrayNode a = NODES.arrayNode();
        int n = random.nextInt(10) == 0 ? 200 + random.nextInt(300) : random.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(value(random, service, m.type(), depth));
        }
        v = a;
      } else {
        v = value(random, service, m.type(), depth);
      }
      o.set(m.name(), v);
    }
    if (random.nextInt(5) == 0) {
      o.set("Unknown" + random.nextInt(100), garbage(random, depth));
    }
    return o;
  }

  private JsonNode value(Random random, String service, String type, int depth) {
    int roll = random.nextInt(10);
    if (roll < 4) {
      return plausible(random, service, type, depth);
    }
    if (roll < 7) {
      return garbage(random, depth);
    }
    List<Supplier<JsonNode>> absurd = List.of(
        () -> NODES.textNode("9".repeat(30)),
        () -> NODES.numberNode(Long.MAX_VALUE),
        () -> NODES.numberNode(Long.MIN_VALUE),
        () -> NODES.numberNode(-1),
        () -> NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(40))),
        () -> NODES.numberNode(new java.math.BigDecimal("1e400")),
        () -> NODES.numberNode(new java.math.BigDecimal("-2.5")),
        () -> NODES.numberNode(Double.MAX_VALUE),
        () -> NODES.textNode("NaN"),
        () -> NODES.textNode("-0"),
        () -> NODES.textNode(" 12 "),
        () -> NODES.textNode("x".repeat(100_000 + random.nextInt(200_000))),
        () -> NODES.textNode(randomText(random, 1 + random.nextInt(500))),
        () -> NODES.textNode("\u0000\uFFFF\uD83D\uDE00"),
        () -> NODES.textNode("10.0.0.0/" + random.nextInt(200)),
        () -> NODES.textNode("vpc-" + randomText(random, random.nextInt(12))),
        () -> NODES.textNode("tag:" + randomText(random, 5)));
    return absurd.get(random.nextInt(absurd.size())).get();
  }

  private JsonNode plausible(Random random, String service, String type, int depth) {
    switch (type) {
      case "string": {
        String[] pool = {"10.0.0.0/16", "192.168.0.0/24", "vpc-abcdefgh", "", "name", "TRUE", "false",
            "ap-guangzhou", "vpc-name", "tag-key", "tag:env", "appid-max-vpcs", "1"};
        return NODES.textNode(pool[random.nextInt(pool.length)]);
      }
      case "int":
        return random.nextBoolean() ? NODES.numberNode(random.nextInt(200) - 5)
            : NODES.textNode(String.valueOf(random.nextInt(200)));
      case "float":
        return NODES.numberNode(random.nextDouble() * 100);
      case "bool":
        return random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.textNode("TRUE");
      default:
        return depth > 3 ? NODES.objectNode() : object(random, service, type, depth + 1);
    }
  }

  private static JsonNode garbage(Random random, int depth) {
    switch (random.nextInt(depth > 4 ? 6 : 8)) {
      case 0: return NODES.nullNode();
      case 1: return NODES.booleanNode(random.nextBoolean());
      case 2: return NODES.numberNode(random.nextLong());
      case 3: return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(300)));
      case 4: return NODES.textNode(randomText(random, random.nextInt(40)));
      case 5: return NODES.arrayNode();
      case 6: {
        ArrayNode a = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          a.add(garbage(random, depth + 1));
        }
        return a;
      }
      default: {
        ObjectNode o = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          o.set(randomText(random, 1 + random.nextInt(8)), garbage(random, depth + 1));
        }
        return o;
      }
    }
  }

  /** Random text from letters, digits, punctuation, controls and non-ASCII, never spelling a leak word. */
  private static String randomText(Random random, int n) {
    String alphabet = "abcdefxyz019 -_./:%&=?\"\\'\t\n\u00e9\u4e2d\u0001[]{}";
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private String weirdQuery(Random random, ActionSpec<?, ?> spec) {
    List<String> names = new ArrayList<>(schema.members(spec.service(), spec.inputObject()).keySet());
    names.add("Filters");
    List<String> parts = new ArrayList<>();
    for (int i = random.nextInt(6); i >= 0; i--) {
      String name = names.get(random.nextInt(names.size()));
      String[] shapes = {
          name + "=" + enc(randomText(random, random.nextInt(20))),
          name + ".0=" + enc("a"),
          name + ".0.Name=vpc-name&" + name + ".0.Values.0=x",
          name + "." + random.nextInt(1_000_000_000) + "=1",
          name + ".999999=1",
          name + ".0=1&" + name + ".0.Name=2",
          name + "..=1",
          name + ".=1",
          "." + name + "=1",
          name + "=%zz",
          name + "=%",
          name + "=%E4%B8",
          "=" + enc(name),
          name,
          "&&&",
          name + ".-1=3",
          name + "." + "9".repeat(30) + "=1",
          name + ".a.b.c.d.e.f=1",
          "x".repeat(5000) + "=1",
      };
      parts.add(shapes[random.nextInt(shapes.length)]);
    }
    return String.join("&", parts);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String weirdHeaders(Random random, RawApi.Call call) {
    String[][] options = {
        {"X-TC-Timestamp", "abc"}, {"X-TC-Timestamp", "99999999999999999999"}, {"X-TC-Timestamp", "-5"},
        {"X-TC-Timestamp", ""}, {"X-TC-Region", ""}, {"X-TC-Region", "x".repeat(3000)}, {"X-TC-Region", "ap-guangzhou\t"},
        {"X-TC-Language", "xx-YY"}, {"X-TC-Language", "zh-CN"}, {"X-TC-Version", ""}, {"X-TC-Version", "2017-03-12x"},
        {"X-TC-Action", ""}, {"X-TC-Action", "x".repeat(3000)}, {"Content-Type", "text/plain"},
        {"Content-Type", "application/x-www-form-urlencoded"}, {"X-TC-Content-SHA256", "UNSIGNED-PAYLOAD"},
        {"X-TC-Token", "garbage"}, {"X-TC-TraceId", "t".repeat(2000)},
    };
    String[] o = options[random.nextInt(options.length)];
    call.header(o[0], o[1]);
    return "header " + o[0] + "=" + (o[1].length() > 50 ? o[1].substring(0, 50) + "..." : o[1]);
  }

  private static String badAuthorization(Random random, RawApi.Call call) {
    String[] options = {
        null, "SKIP", "", "TC3-HMAC-SHA256", "TC3-HMAC-SHA256 ", "TC3-HMAC-SHA256 Credential=",
        "TC3-HMAC-SHA256 Credential=a/b/c/tc3_request, SignedHeaders=, Signature=",
        "TC3-HMAC-SHA256 Credential=" + live.secretId + "/2026-01-01/127/tc3_request, SignedHeaders=content-type;host, Signature=00",
        "TC3-HMAC-SHA256 Credential=" + live.secretId + "//127/tc3_request, SignedHeaders=" + "x;".repeat(500) + ", Signature=00",
        "TC3-HMAC-SHA256 Credential=" + live.secretId + "/x/y/z/tc3_request, SignedHeaders=host;host;host;host;host;host, Signature=zz",
        "TC3-HMAC-SHA256 Credential=/" + "/".repeat(100) + "tc3_request, SignedHeaders=host, Signature=",
        "HMAC-SHA1 whatever", "TC3-HMAC-SHA256 ,,,,=,=,", "TC3-HMAC-SHA256 Credential=\u00e9/\u4e2d/x/tc3_request,SignedHeaders=host,Signature=1",
    };
    String auth = options[random.nextInt(options.length)];
    if (auth == null) {
      call.unsigned();
      return "unsigned";
    }
    call.header("Authorization", auth);
    return "Authorization: " + auth;
  }
}
