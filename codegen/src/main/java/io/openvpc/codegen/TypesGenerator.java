package io.openvpc.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Generates, from the compact schema, one Java class per API object (request, response and nested
 * shapes) and one {@code <Product>Actions} table of typed action descriptors per product.
 * Usage: {@code TypesGenerator <schema dir> <output source dir>}. Generated code is never committed.
 */
public final class TypesGenerator {
  private static final String BASE = "io.openvpc.api.types";
  private static final String ANN = "com.fasterxml.jackson.annotation.";
  /** OpenVPC's own actions, on the same endpoint and versions; their schema is written by hand. */
  static final List<String> OWN = List.of("openvpc");

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: TypesGenerator <schema dir> <output dir>");
      System.exit(2);
    }
    Path schemaDir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    ObjectMapper json = new ObjectMapper();
    int classes = 0;
    for (String product : java.util.stream.Stream.concat(SchemaRefresh.PRODUCTS.stream(), OWN.stream()).toList()) {
      JsonNode schema = json.readTree(schemaDir.resolve(product + ".json").toFile());
      String pkg = BASE + "." + product;
      Path dir = out.resolve(pkg.replace('.', '/'));
      Files.createDirectories(dir);
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("objects").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> o = it.next();
        write(dir.resolve(o.getKey() + ".java"), objectClass(pkg, o.getKey(), o.getValue()));
        classes++;
      }
      String actionsClass = capitalize(product) + "Actions";
      write(dir.resolve(actionsClass + ".java"), actionsClass(pkg, actionsClass, schema));
      classes++;
    }
    System.out.println("generated " + classes + " classes into " + out);
  }

  static String objectClass(String pkg, String name, JsonNode members) {
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(pkg).append(";\n\n")
        .append("/** Generated from the compact API schema; do not edit. */\n")
        .append('@').append(ANN).append("JsonAutoDetect(fieldVisibility = ").append(ANN)
        .append("JsonAutoDetect.Visibility.ANY, getterVisibility = ").append(ANN)
        .append("JsonAutoDetect.Visibility.NONE, isGetterVisibility = ").append(ANN)
        .append("JsonAutoDetect.Visibility.NONE, setterVisibility = ").append(ANN)
        .append("JsonAutoDetect.Visibility.NONE)\n")
        .append('@').append(ANN).append("JsonInclude(").append(ANN).append("JsonInclude.Include.NON_NULL)\n")
        .append('@').append(ANN).append("JsonIgnoreProperties(ignoreUnknown = true)\n")
        .append("public final class ").append(name).append(" {\n");
    for (JsonNode m : members) {
      String member = m.get(0).asText();
      String type = javaType(pkg, m.get(1).asText());
      String accessor = member.equals("Class") ? "Class_" : member;
      boolean out = false;
      boolean nullable = false;
      for (int i = 2; i < m.size(); i++) {
        out |= m.get(i).asText().equals("out");
        nullable |= m.get(i).asText().equals("null");
      }
      if (out && nullable) {
        // Tencent always answers this member, as null when it has no value
        sb.append("  @").append(ANN).append("JsonInclude(").append(ANN).append("JsonInclude.Include.ALWAYS)\n");
      }
      sb.append("  @").append(ANN).append("JsonProperty(\"").append(member).append("\")\n")
          .append("  private ").append(type).append(' ').append(member).append(";\n")
          .append("  public ").append(type).append(" get").append(accessor).append("() { return this.")
          .append(member).append("; }\n")
          .append("  public ").append(name).append(" set").append(accessor).append('(').append(type)
          .append(" value) { this.").append(member).append(" = value; return this; }\n");
    }
    sb.append("}\n");
    return sb.toString();
  }

  static String actionsClass(String pkg, String className, JsonNode schema) {
    String service = schema.path("service").asText();
    String version = schema.path("version").asText();
    StringBuilder sb = new StringBuilder();
    List<String> names = new ArrayList<>();
    sb.append("package ").append(pkg).append(";\n\n")
        .append("/** Typed descriptors of every ").append(service).append(' ').append(version)
        .append(" action. Generated from the compact API schema; do not edit. */\n")
        .append("public final class ").append(className).append(" {\n  private ").append(className)
        .append("() {}\n\n  public static final String SERVICE = \"").append(service)
        .append("\";\n  public static final String VERSION = \"").append(version).append("\";\n\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("actions").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> a = it.next();
      String in = pkg + "." + a.getValue().get(0).asText();
      String out = pkg + "." + a.getValue().get(1).asText();
      names.add(a.getKey());
      sb.append("  public static final ").append(BASE).append(".ActionSpec<").append(in).append(", ")
          .append(out).append("> ").append(a.getKey()).append(" =\n      new ").append(BASE)
          .append(".ActionSpec<>(SERVICE, VERSION, \"").append(a.getKey()).append("\", \"")
          .append(a.getValue().get(0).asText()).append("\", ").append(in).append(".class, ")
          .append(out).append(".class);\n");
    }
    sb.append("\n  public static final java.util.List<").append(BASE).append(".ActionSpec<?, ?>> ALL = java.util.List.of(\n      ")
        .append(String.join(",\n      ", names)).append(");\n}\n");
    return sb.toString();
  }

  static String javaType(String pkg, String t) {
    if (t.endsWith("[]")) {
      return "java.util.List<" + javaType(pkg, t.substring(0, t.length() - 2)) + ">";
    }
    return switch (t) {
      case "string" -> "java.lang.String";
      case "int" -> "java.lang.Long";
      case "bool" -> "java.lang.Boolean";
      case "float" -> "java.lang.Double";
      default -> pkg + "." + t;
    };
  }

  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static void write(Path file, String content) throws IOException {
    if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
      return; // keep timestamps so incremental builds stay incremental
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
