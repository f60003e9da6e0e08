package io.openvpc.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvpc.api.Json;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openvpc trace <src> <dst> tcp/22}: TracePacket, hop by hop. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Trace one packet and its reply through the model, with the rule that decided each step.")
public final class TraceCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "Source: ins-..., eni-..., or vpc-.../address.")
  String source;

  @Parameters(index = "1", description = "Destination: ins-..., eni-..., or vpc-.../address.")
  String destination;

  @Parameters(index = "2", description = "Protocol and port: tcp/22, udp/53, icmp, icmpv6.")
  String flow;

  @Option(names = "--sport", description = "Source port (default 49152).")
  Integer sourcePort;

  @Option(names = "--vpc", description = "VPC of bare addresses.")
  String vpc;

  @Option(names = "--json", description = "Print the API response as JSON.")
  boolean json;

  @Mixin
  ClientOptions client;

  @Override
  public Integer call() {
    try {
      ObjectNode req = Json.MAPPER.createObjectNode();
      req.set("Source", ClientOptions.endpoint(source, vpc));
      req.set("Destination", ClientOptions.endpoint(destination, vpc));
      String[] parts = flow.split("/", 2);
      req.put("Protocol", parts[0].toUpperCase(Locale.ROOT).replace("ICMPV6", "ICMPv6"));
      if (parts.length == 2) {
        req.put("DestinationPort", Long.parseLong(parts[1]));
      }
      if (sourcePort != null) {
        req.put("SourcePort", sourcePort);
      }
      JsonNode r = client.call("TracePacket", req);
      System.out.print(json ? r.toPrettyString() + "\n" : render(r));
      return r.path("Reachable").asBoolean() ? 0 : 1;
    } catch (ClientOptions.CallFailed | NumberFormatException e) {
      System.err.println("openvpc trace: " + e.getMessage());
      return 2;
    }
  }

  /** The ovn-trace-style summary: the verdict, then each direction hop by hop. */
  static String render(JsonNode r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.path("Flow").asText()).append(": ").append(r.path("Disposition").asText());
    if (r.has("ReturnPath")) {
      sb.append(", reply ").append(r.path("ReturnPath").path("Disposition").asText());
    }
    sb.append(r.path("Reachable").asBoolean() ? " (reachable)\n" : " (not reachable)\n");
    path(sb, "forward", r.path("Flow").asText(), r.path("Hops"));
    if (r.has("ReturnPath")) {
      path(sb, "reply", r.path("ReturnPath").path("Flow").asText(), r.path("ReturnPath").path("Hops"));
    }
    return sb.toString();
  }

  private static void path(StringBuilder sb, String title, String flow, JsonNode hops) {
    sb.append('\n').append(title).append(": ").append(flow).append('\n');
    String node = "";
    for (JsonNode h : hops) {
      if (!h.path("Node").asText().equals(node)) {
        node = h.path("Node").asText();
        sb.append("  ").append(node).append('\n');
      }
      sb.append(String.format("    %-24s %-20s %s%n", h.path("Step").asText(), h.path("Result").asText(),
          h.path("Detail").asText()));
    }
  }
}
