package io.openvpc.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvpc.api.types.ApiSchema;
import io.openvpc.model.Rejection;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks an action's parameters against the schema before binding, the way Tencent does: a missing
 * required member is {@code MissingParameter}, a value of the wrong JSON type is
 * {@code InvalidParameter}, each naming the member by its path ({@code Filters.0.Values}). Numbers and
 * booleans sent as strings (and the reverse) are accepted and normalised, because the SDKs differ in
 * what they send. Members the schema does not know are dropped: newer SDKs send members older
 * servers do not know, and Tencent ignores them too. Every string, of every action, must be text:
 * one with a NUL or another control character (tab and line breaks aside), a lone surrogate, a
 * non-character or bytes that were not UTF-8 ({@link Utf8}) is {@code InvalidParameterValue}, so that
 * nothing stores or lists it back.
 */
public final class Params {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /**
   * Objects whose schema marks members required that Tencent's actions in fact leave out: a
   * {@code Route} names only its {@code RouteId} in DeleteRoutes, and an IPv6 route has no
   * {@code DestinationCidrBlock}. The handlers' services check these members per action.
   */
  private static final java.util.Set<String> REQUIRED_PER_ACTION = java.util.Set.of("vpc/Route");
  private final ApiSchema schema;

  public Params(ApiSchema schema) {
    this.schema = schema;
  }

  /** The normalised parameters, or a {@link Rejection} naming the first bad member. */
  public ObjectNode check(String service, String inputObject, JsonNode params) {
    if (params == null || params.isNull() || params.isMissingNode()) {
      params = NODES.objectNode();
    }
    if (!params.isObject()) {
      throw new Rejection("InvalidParameter", "The request body must be a JSON object.", "请求体必须是 JSON 对象。");
    }
    Map<String, ApiSchema.Member> members = schema.members(service, inputObject);
    if (members.isEmpty()) {
      checkTexts(params, ""); // an action of OpenVPC's own: its handler checks the rest
      return (ObjectNode) params.deepCopy();
    }
    return object(service, members, (ObjectNode) params, "", true);
  }

  private ObjectNode object(String service, Map<String, ApiSchema.Member> members, ObjectNode in, String prefix,
      boolean enforceRequired) {
    ObjectNode out = NODES.objectNode();
    for (ApiSchema.Member m : members.values()) {
      String path = prefix + m.name();
      JsonNode v = in.get(m.name());
      if (v == null || v.isNull()) {
        if (m.required() && enforceRequired) {
          throw Rejection.missing(path);
        }
        continue;
      }
      out.set(m.name(), m.list() ? list(service, m, v, path) : value(service, m.type(), v, path));
    }
    return out;
  }

  private JsonNode list(String service, ApiSchema.Member m, JsonNode v, String path) {
    if (!v.isArray()) {
      throw Rejection.invalid(path, "must be an array, got " + describe(v) + ".");
    }
    ArrayNode out = NODES.arrayNode();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (e == null || e.isNull()) {
        throw Rejection.invalid(path + "." + i, "must not be null.");
      }
      out.add(value(service, m.type(), e, path + "." + i));
    }
    return out;
  }

  private JsonNode value(String service, String type, JsonNode v, String path) {
    switch (type) {
      case "string":
        if (v.isTextual()) {
          checkText(path, v.textValue());
          return v;
        }
        if (v.isNumber() || v.isBoolean()) {
          return NODES.textNode(v.asText());
        }
        throw Rejection.invalid(path, "must be a string, got " + describe(v) + ".");
      case "int":
        if (v.isIntegralNumber() && v.canConvertToLong()) {
          return NODES.numberNode(v.longValue());
        }
        if (v.isFloatingPointNumber() && isWhole(v.doubleValue())) {
          return NODES.numberNode((long) v.doubleValue());
        }
        if (v.isTextual()) {
          try {
            return NODES.numberNode(Long.parseLong(v.asText().trim()));
          } catch (NumberFormatException e) {
            // fall through to the rejection
          }
        }
        throw Rejection.invalid(path, "must be an integer, got " + describe(v) + ".");
      case "float":
        if (v.isNumber() && Double.isFinite(v.doubleValue())) {
          return NODES.numberNode(v.doubleValue());
        }
        if (v.isTextual()) {
          try {
            double d = Double.parseDouble(v.asText().trim());
            if (Double.isFinite(d)) {
              return NODES.numberNode(d);
            }
          } catch (NumberFormatException e) {
            // fall through to the rejection
          }
        }
        throw Rejection.invalid(path, "must be a number, got " + describe(v) + ".");
      case "bool":
        if (v.isBoolean()) {
          return v;
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
          return NODES.booleanNode(v.asText().equalsIgnoreCase("true"));
        }
        throw Rejection.invalid(path, "must be a boolean, got " + describe(v) + ".");
      default:
        if (!v.isObject()) {
          throw Rejection.invalid(path, "must be an object (" + type + "), got " + describe(v) + ".");
        }
        return object(service, schema.members(service, type), (ObjectNode) v, path + ".",
            !REQUIRED_PER_ACTION.contains(service + "/" + type));
    }
  }

  /** Checks every string in a tree of parameters that no schema describes, naming each by its path. */
  private static void checkTexts(JsonNode n, String path) {
    if (n.isTextual()) {
      checkText(path, n.textValue());
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        checkTexts(n.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i);
      }
    } else if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        checkTexts(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
      }
    }
  }

  /**
   * Refuses a string that is not text: NUL and the other C0 controls but tab, LF and CR, DEL, a
   * surrogate without its pair (also what a byte that was not UTF-8 became), U+FFFE and U+FFFF.
   */
  static void checkText(String path, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String what = null;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a pair: one character outside the BMP
        continue;
      }
      if (Character.isSurrogate(c)) {
        what = "bytes that are not UTF-8 (a malformed or overlong sequence, or a lone surrogate)";
      } else if (c == 0) {
        what = "a NUL character (U+0000)";
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        what = String.format("the control character U+%04X", (int) c);
      } else if (c == 0xFFFE || c == 0xFFFF) {
        what = String.format("the non-character U+%04X", (int) c);
      }
      if (what != null) {
        int at = s.codePointCount(0, i) + 1;
        throw new Rejection("InvalidParameterValue", "Parameter `" + path + "` has an invalid value: it contains "
            + what + " at character " + at + "; text must be UTF-8 without control characters.",
            "参数 `" + path + "` 取值错误：第 " + at + " 个字符处含有" + (c == 0 ? " NUL 字符"
                : Character.isSurrogate(c) ? "非法的 UTF-8 字节（畸形或超长编码，或孤立代理项）" : "控制字符或非字符")
                + "，文本须为不含控制字符的 UTF-8。");
      }
    }
  }

  /** A finite floating-point value without fraction that fits a long ({@code 1E+400} is infinite: no). */
  private static boolean isWhole(double d) {
    return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e18;
  }

  private static String describe(JsonNode v) {
    String text = v.toString();
    if (text.length() > 40) {
      text = text.substring(0, 40) + "...";
    }
    String kind = v.isTextual() ? "a string" : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean"
        : v.isArray() ? "an array" : v.isObject() ? "an object" : "null";
    return kind + " " + text;
  }

  /** The largest array index a flattened parameter may use ({@code Filters.10000.Name}). */
  static final int MAX_INDEX = 10_000;

  /**
   * Rebuilds the JSON structure of flattened parameters ({@code Filters.0.Values.1=a}): numeric
   * segments are array indexes. A name with an empty segment, a non-numeric segment where an earlier
   * parameter made an array, an index over {@value #MAX_INDEX}, or a value where another parameter
   * needs an object or array is refused, naming the parameter.
   */
  public static ObjectNode unflatten(Map<String, String> flat) {
    ObjectNode root = NODES.objectNode();
    for (Map.Entry<String, String> e : flat.entrySet()) {
      String key = e.getKey();
      String[] path = key.split("\\.", -1);
      JsonNode node = root;
      for (int i = 0; i < path.length; i++) {
        String seg = path[i];
        if (seg.isEmpty()) {
          throw Rejection.invalid(key, "is not a parameter name (empty segment).");
        }
        boolean last = i == path.length - 1;
        JsonNode child;
        if (node instanceof ObjectNode o) {
          child = o.get(seg);
          if (last) {
            if (child != null) {
              throw conflict(key);
            }
            o.put(seg, e.getValue());
          } else if (child == null) {
            child = isIndex(path[i + 1]) ? o.putArray(seg) : o.putObject(seg);
          }
        } else {
          ArrayNode a = (ArrayNode) node;
          if (!isIndex(seg) || Integer.parseInt(seg) > MAX_INDEX) {
            throw Rejection.invalid(key, "`" + seg + "` is not an array index from 0 to " + MAX_INDEX + ".");
          }
          int index = Integer.parseInt(seg);
          while (a.size() <= index) {
            a.addNull();
          }
          child = a.get(index).isNull() ? null : a.get(index);
          if (last) {
            if (child != null) {
              throw conflict(key);
            }
            a.set(index, NODES.textNode(e.getValue()));
          } else if (child == null) {
            child = isIndex(path[i + 1]) ? NODES.arrayNode() : NODES.objectNode();
            a.set(index, child);
          }
        }
        if (!last) {
          if (!child.isContainerNode()) {
            throw conflict(key);
          }
          node = child;
        }
      }
    }
    return root;
  }

  private static Rejection conflict(String key) {
    return Rejection.invalid(key, "conflicts with another parameter of the same name.");
  }

  private static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 6) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static Iterator<String> names(JsonNode n) {
    return n.fieldNames();
  }
}
