package io.openvpc.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvpc.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openvpc reach <dst> [--port]}: AnalyzeReachability as a table. */
@Command(name = "reach", mixinStandardHelpOptions = true,
    description = "List every source that can reach an instance or ENI (or, with --from, everything it reaches).")
public final class ReachCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The instance (ins-...) or ENI (eni-...).")
  String subject;

  @Option(names = "--port", description = "Destination port or range: 5432, 8000-8100.")
  String port;

  @Option(names = "--protocol", description = "TCP, UDP, ICMP, ICMPv6, GRE or ALL.")
  String protocol;

  @Option(names = "--from", description = "Treat the subject as the source: list what it reaches.")
  boolean from;

  @Mixin
  Output output;

  @Mixin
  ClientOptions client;

  @Override
  public Integer call() {
    try {
      ObjectNode req = Json.MAPPER.createObjectNode();
      req.putObject(from ? "Source" : "Destination")
          .put(subject.startsWith("eni-") ? "NetworkInterfaceId" : "InstanceId", subject);
      if (port != null) {
        req.put("PortRange", port);
      }
      if (protocol != null) {
        req.put("Protocol", protocol);
      }
      JsonNode r = client.call("AnalyzeReachability", req);
      if (output.json) {
        System.out.println(r.toPrettyString());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode s : r.path(from ? "DestinationSet" : "SourceSet")) {
        List<String> rules = new ArrayList<>();
        s.path("Rules").forEach(x -> rules.add(rule(x)));
        String who = s.has("CidrBlock") ? s.path("CidrBlock").asText() + " (" + s.path("NetworkInterfaceId").asText() + ")"
            : s.path("InstanceId").asText(s.path("NetworkInterfaceId").asText());
        rows.add(List.of(who, s.path("Protocol").asText(), s.path("PortRange").asText("-"), String.join("; ", rules)));
      }
      output.print(List.of(from ? "DESTINATION" : "SOURCE", "PROTOCOL", "PORTS", "RULES"), rows);
      return 0;
    } catch (ClientOptions.CallFailed e) {
      System.err.println("openvpc reach: " + e.getMessage());
      return 2;
    }
  }

  static String rule(JsonNode r) {
    long index = r.path("Index").asLong();
    return r.path("ResourceId").asText() + " " + r.path("Direction").asText().toLowerCase()
        + (index < 0 ? " default" : " #" + index) + ": " + r.path("Text").asText();
  }
}
