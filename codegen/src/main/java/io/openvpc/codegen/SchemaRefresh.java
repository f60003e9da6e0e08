package io.openvpc.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives the compact schema (names, types, required flags; no prose) from Tencent's machine-readable
 * API descriptions. Usage: {@code SchemaRefresh <spec dir> <schema dir>}; it reads
 * {@code <spec dir>/zh/<product>.api.json} (the complete edition) for every product OpenVPC serves.
 *
 * <p>Output format, one file per product: {@code {"service","version","actions":{Name:[input,output,"async"?]},
 * "objects":{Name:[[member, type, flag...], ...]}}} where type is {@code string|int|bool|float},
 * an object name, or either of those followed by {@code []} for a list, and the flags are
 * {@code "required"} (a request must carry it), {@code "out"} (a response always carries it: the spec's
 * {@code output_required}) and {@code "null"} (a response may carry it as {@code null}: the spec's
 * {@code value_allowed_null} in either edition, since the English one marks more members, or a
 * description that says when the member is null, as Instance.ExpiredTime's does for pay-as-you-go).
 */
public final class SchemaRefresh {
  static final List<String> PRODUCTS = List.of("vpc", "cvm", "clb", "dc");

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SchemaRefresh <spec dir, e.g. ../shared/spec/tencent> <schema dir>");
      System.exit(2);
    }
    Path spec = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    ObjectMapper json = new ObjectMapper();
    for (String product : PRODUCTS) {
      Path source = spec.resolve("zh").resolve(product + ".api.json");
      JsonNode api = json.readTree(source.toFile());
      Path english = spec.resolve(product + ".api.json");
      JsonNode intl = Files.exists(english) ? json.readTree(english.toFile()) : json.createObjectNode();
      Files.writeString(out.resolve(product + ".json"), compact(product, api, intl), StandardCharsets.UTF_8);
      System.out.println("wrote " + out.resolve(product + ".json") + " from " + source);
    }
  }

  static String compact(String product, JsonNode api) {
    return compact(product, api, new ObjectMapper().createObjectNode());
  }

  /** {@code intl}: the English edition, whose nullable marks are added to the Chinese edition's. */
  static String compact(String product, JsonNode api, JsonNode intl) {
    ObjectMapper json = new ObjectMapper();
    StringBuilder sb = new StringBuilder();
    String version = api.path("metadata").path("apiVersion").asText();
    sb.append("{\"service\":").append(quote(json, product))
        .append(",\"version\":").append(quote(json, version)).append(",\n\"actions\":{\n");
    Map<String, JsonNode> actions = sorted(api.path("actions"));
    int i = 0;
    for (Map.Entry<String, JsonNode> a : actions.entrySet()) {
      sb.append(quote(json, a.getKey())).append(":[")
          .append(quote(json, a.getValue().path("input").asText())).append(',')
          .append(quote(json, a.getValue().path("output").asText()));
      if (async(a.getKey(), a.getValue(), intl.path("actions").path(a.getKey()))) {
        sb.append(",\"async\"");
      }
      sb.append(']')
          .append(++i < actions.size() ? ",\n" : "\n");
    }
    sb.append("},\n\"objects\":{\n");
    Map<String, JsonNode> objects = sorted(api.path("objects"));
    i = 0;
    for (Map.Entry<String, JsonNode> o : objects.entrySet()) {
      sb.append(quote(json, o.getKey())).append(":[");
      int j = 0;
      for (JsonNode m : o.getValue().path("members")) {
        if (j++ > 0) sb.append(',');
        sb.append('[').append(quote(json, m.path("name").asText())).append(',')
            .append(quote(json, typeOf(m)));
        if (m.path("required").asBoolean(false)) sb.append(",\"required\"");
        if (m.path("output_required").asBoolean(false)) sb.append(",\"out\"");
        if (m.path("value_allowed_null").asBoolean(false)
            || nullableIn(intl, o.getKey(), m.path("name").asText())
            || m.path("document").asText().toLowerCase(java.util.Locale.ROOT).contains("null")) {
          sb.append(",\"null\"");
        }
        sb.append(']');
      }
      sb.append(']').append(++i < objects.size() ? ",\n" : "\n");
    }
    sb.append("}}\n");
    return sb.toString();
  }

  /**
   * Whether Tencent runs the action asynchronously, its result to be polled with DescribeVpcTaskResult:
   * its description in either edition says so by naming that action.
   */
  static boolean async(String name, JsonNode action, JsonNode intl) {
    return !name.equals("DescribeVpcTaskResult") && (action.path("document").asText().contains("DescribeVpcTaskResult")
        || intl.path("document").asText().contains("DescribeVpcTaskResult"));
  }

  private static boolean nullableIn(JsonNode api, String object, String member) {
    for (JsonNode m : api.path("objects").path(object).path("members")) {
      if (m.path("name").asText().equals(member)) {
        return m.path("value_allowed_null").asBoolean(false);
      }
    }
    return false;
  }

  static String typeOf(JsonNode member) {
    String type = member.path("type").asText();
    String element = member.path("member").asText();
    return switch (type) {
      case "list" -> scalar(element) + "[]";
      case "object" -> element;
      default -> scalar(type.equals("string") ? element : type);
    };
  }

  static String scalar(String t) {
    return switch (t) {
      case "string", "date", "datetime", "datetime_iso", "binary" -> "string";
      case "int", "int64", "uint64", "integer", "long" -> "int";
      case "bool", "boolean" -> "bool";
      case "float", "double" -> "float";
      default -> t;
    };
  }

  private static Map<String, JsonNode> sorted(JsonNode node) {
    Map<String, JsonNode> m = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  private static String quote(ObjectMapper json, String s) {
    try {
      return json.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
