package io.openvpc.server.cli;

import io.openvpc.dataplane.linux.LinuxHost;
import io.openvpc.dataplane.render.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code openvpc exec <instance> -- <command>}: runs a process inside a running instance's network
 * namespace (its ENIs, routes and resolver file), as {@code ip netns exec} does. Needs root and a
 * server running with {@code --dataplane linux} on this host.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
    description = "Run a command inside an instance's network namespace (needs --dataplane linux and root).")
public final class ExecCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "INSTANCE", description = "Instance ID, e.g. ins-2ln96dly.")
  String instanceId;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!instanceId.matches("ins-[a-z0-9]{8}")) {
      System.err.println("openvpc exec: " + instanceId + " is not an instance ID (ins- and 8 letters or digits)");
      return 2;
    }
    var why = LinuxHost.unavailableReason();
    if (why.isPresent()) {
      System.err.println("openvpc exec: " + why.get());
      return 1;
    }
    String ns = Names.instanceNamespace(instanceId);
    if (!new LinuxHost("exec").namespaces().contains(ns)) {
      System.err.println("openvpc exec: " + instanceId + " has no namespace on this host; it must be RUNNING and the "
          + "server started with --dataplane linux");
      return 1;
    }
    List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    argv.addAll(command);
    return new ProcessBuilder(argv).inheritIO().start().waitFor();
  }
}
