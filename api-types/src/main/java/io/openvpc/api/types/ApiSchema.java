package io.openvpc.api.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The compact schema at run time: for every object its members with their types and required flags.
 * The same files the build generates the types from, so validation and types cannot drift apart.
 */
public final class ApiSchema {
  /**
   * A member of an object: {@code type} is {@code string|int|bool|float} or an object name;
   * {@code required} in a request; {@code output} (Tencent's {@code output_required}) always present in
   * a response, as {@code null} when {@code nullable}.
   */
  public record Member(String name, String type, boolean list, boolean required, boolean output, boolean nullable) {
    public Member(String name, String type, boolean list, boolean required) {
      this(name, type, list, required, false, false);
    }

    public boolean scalar() {
      return type.equals("string") || type.equals("int") || type.equals("bool") || type.equals("float");
    }
  }

  public static final List<String> PRODUCTS = List.of("vpc", "cvm", "clb", "dc");
  /** OpenVPC's own actions (TracePacket, ...), on the same endpoint; their schema is written by hand. */
  public static final List<String> OWN = List.of("openvpc");
  private static final ApiSchema INSTANCE = load();

  private final Map<String, Map<String, Map<String, Member>>> objectsByService;
  private final Map<String, List<String>> actionsByService;
  private final Map<String, Map<String, String[]>> ioByService;
  private final Map<String, java.util.Set<String>> asyncByService;

  private ApiSchema(Map<String, Map<String, Map<String, Member>>> objects, Map<String, List<String>> actions,
      Map<String, Map<String, String[]>> io, Map<String, java.util.Set<String>> async) {
    this.objectsByService = objects;
    this.actionsByService = actions;
    this.ioByService = io;
    this.asyncByService = async;
  }

  public static ApiSchema get() {
    return INSTANCE;
  }

  /** The members of {@code object} in {@code service}, in schema order; empty if unknown. */
  public Map<String, Member> members(String service, String object) {
    return objectsByService.getOrDefault(service, Map.of()).getOrDefault(object, Map.of());
  }

  /** The input and output object of an action, or null if the product has no such action. */
  public String[] objectsOf(String service, String action) {
    return ioByService.getOrDefault(service, Map.of()).get(action);
  }

  /**
   * Whether Tencent documents the action as asynchronous, its outcome to be polled with
   * DescribeVpcTaskResult by the call's request ID (the compact schema's {@code "async"} mark).
   */
  public boolean async(String service, String action) {
    return asyncByService.getOrDefault(service, java.util.Set.of()).contains(action);
  }

  /** Every action name of a product, sorted. */
  public List<String> actions(String service) {
    return actionsByService.getOrDefault(service, List.of());
  }

  private static ApiSchema load() {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, Map<String, Member>>> objects = new HashMap<>();
    Map<String, List<String>> actions = new HashMap<>();
    Map<String, Map<String, String[]>> io = new HashMap<>();
    Map<String, java.util.Set<String>> async = new HashMap<>();
    for (String product : java.util.stream.Stream.concat(PRODUCTS.stream(), OWN.stream()).toList()) {
      try (InputStream in = ApiSchema.class.getResourceAsStream("schema/" + product + ".json")) {
        if (in == null) {
          throw new IllegalStateException("schema for " + product + " missing from the classpath");
        }
        JsonNode root = json.readTree(in);
        Map<String, Map<String, Member>> byName = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("objects").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> o = it.next();
          Map<String, Member> members = new java.util.LinkedHashMap<>();
          for (JsonNode m : o.getValue()) {
            String type = m.get(1).asText();
            boolean list = type.endsWith("[]");
            java.util.Set<String> flags = new java.util.HashSet<>();
            for (int i = 2; i < m.size(); i++) {
              flags.add(m.get(i).asText());
            }
            members.put(m.get(0).asText(), new Member(m.get(0).asText(),
                list ? type.substring(0, type.length() - 2) : type, list, flags.contains("required"),
                flags.contains("out"), flags.contains("null")));
          }
          byName.put(o.getKey(), Collections.unmodifiableMap(members));
        }
        objects.put(product, byName);
        List<String> names = new ArrayList<>();
        Map<String, String[]> pairs = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("actions").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> a = it.next();
          names.add(a.getKey());
          pairs.put(a.getKey(), new String[] {a.getValue().get(0).asText(), a.getValue().get(1).asText()});
          if (a.getValue().size() > 2 && a.getValue().get(2).asText().equals("async")) {
            async.computeIfAbsent(product, k -> new java.util.HashSet<>()).add(a.getKey());
          }
        }
        io.put(product, pairs);
        Collections.sort(names);
        actions.put(product, List.copyOf(names));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ApiSchema(objects, actions, io, async);
  }
}
