package io.openvpc.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvpc.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openvpc ports <instance>}: CheckInstancePorts as a table. */
@Command(name = "ports", mixinStandardHelpOptions = true,
    description = "Check which ports of an instance are open to a source, and which rule decides.")
public final class PortsCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The instance (ins-...).")
  String instance;

  @Option(names = "--port", description = "A port to check: 22, 20-21, UDP:53, ICMP (repeatable; default 22, 3389, 80, 443, 20-21, ICMP).")
  List<String> ports = new ArrayList<>();

  @Option(names = "--from", description = "The source: a CIDR block or an instance (default: any address).")
  String from;

  @Mixin
  Output output;

  @Mixin
  ClientOptions client;

  @Override
  public Integer call() {
    try {
      ObjectNode req = Json.MAPPER.createObjectNode().put("InstanceId", instance);
      if (!ports.isEmpty()) {
        ArrayNode a = req.putArray("Ports");
        ports.forEach(a::add);
      }
      if (from != null) {
        req.putObject("Source").put(from.startsWith("ins-") ? "InstanceId" : "CidrBlock", from);
      }
      JsonNode r = client.call("CheckInstancePorts", req);
      if (output.json) {
        System.out.println(r.toPrettyString());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode p : r.path("PortSet")) {
        JsonNode rule = p.path("Rule");
        rows.add(List.of(p.path("Port").asText(), p.path("Protocol").asText(), p.path("Open").asBoolean() ? "open" : "closed",
            rule.isMissingNode() ? "" : ReachCommand.rule(rule)));
      }
      output.print(List.of("PORT", "PROTOCOL", "STATE", "DECIDED BY"), rows);
      return 0;
    } catch (ClientOptions.CallFailed e) {
      System.err.println("openvpc ports: " + e.getMessage());
      return 2;
    }
  }
}
