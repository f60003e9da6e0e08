package io.openvpc.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvpc.api.types.ApiSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks an answer against Tencent's description of it, recursively: every member the spec marks
 * output-required is there ({@code null} only where the spec allows null), every member has the
 * spec's type, and no member is one the spec does not define. Tests hold every implemented action to
 * it ({@code ResponseShapeSdkTest}); nothing on the request path calls it.
 */
public final class ResponseShape {
  private final ApiSchema schema;

  public ResponseShape(ApiSchema schema) {
    this.schema = schema;
  }

  /**
   * The differences between {@code response} (the object inside {@code "Response"}) and the output
   * object of {@code service}'s {@code action}, one line each naming the member's path; empty when it fits.
   */
  public List<String> check(String service, String action, JsonNode response) {
    String[] io = schema.objectsOf(service, action);
    List<String> problems = new ArrayList<>();
    if (io == null) {
      problems.add(service + " has no action " + action);
      return problems;
    }
    object(service, io[1], response, action, problems);
    return problems;
  }

  private void object(String service, String object, JsonNode node, String path, List<String> problems) {
    Map<String, ApiSchema.Member> members = schema.members(service, object);
    if (!node.isObject()) {
      problems.add(path + ": expected an object " + object + ", got " + kind(node));
      return;
    }
    for (ApiSchema.Member m : members.values()) {
      JsonNode value = node.get(m.name());
      String at = path + "." + m.name();
      if (value == null) {
        if (m.output()) {
          problems.add(at + ": missing (" + object + " always has it" + (m.nullable() ? ", null allowed" : "") + ")");
        }
      } else if (value.isNull()) {
        if (!m.nullable()) {
          problems.add(at + ": null, which " + object + "." + m.name() + " may not be");
        }
      } else if (m.list()) {
        if (!value.isArray()) {
          problems.add(at + ": expected a list of " + m.type() + ", got " + kind(value));
        } else {
          for (int i = 0; i < value.size(); i++) {
            one(service, m, value.get(i), at + "[" + i + "]", problems);
          }
        }
      } else {
        one(service, m, value, at, problems);
      }
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!members.containsKey(name)) {
        problems.add(path + "." + name + ": not a member of " + object);
      }
    }
  }

  private void one(String service, ApiSchema.Member m, JsonNode value, String at, List<String> problems) {
    boolean fits = switch (m.type()) {
      case "string" -> value.isTextual();
      case "int" -> value.isIntegralNumber();
      case "bool" -> value.isBoolean();
      case "float" -> value.isNumber();
      default -> {
        object(service, m.type(), value, at, problems);
        yield true;
      }
    };
    if (!fits) {
      problems.add(at + ": expected " + m.type() + ", got " + kind(value) + " " + value);
    }
  }

  private static String kind(JsonNode n) {
    return n.isNull() ? "null" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
