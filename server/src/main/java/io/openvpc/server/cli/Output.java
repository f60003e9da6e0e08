package io.openvpc.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvpc.api.Json;
import java.util.List;
import picocli.CommandLine.Option;

/** Tables for people, JSON for scripts ({@code --json}). */
public final class Output {
  @Option(names = "--json", description = "Print JSON instead of a table.")
  public boolean json;

  public void print(List<String> header, List<List<String>> rows) {
    if (json) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      for (List<String> row : rows) {
        ObjectNode o = array.addObject();
        for (int i = 0; i < header.size(); i++) {
          o.put(header.get(i), row.get(i));
        }
      }
      System.out.println(array.toPrettyString());
      return;
    }
    System.out.print(table(header, rows));
  }

  /** A plain-text table with aligned columns. */
  public static String table(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    appendRow(sb, header, width);
    for (List<String> r : rows) {
      appendRow(sb, r, width);
    }
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      sb.append(c);
      if (i < cells.size() - 1) {
        sb.append(" ".repeat(width[i] - c.length() + 2));
      }
    }
    sb.append('\n');
  }
}
