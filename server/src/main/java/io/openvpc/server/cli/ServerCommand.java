package io.openvpc.server.cli;

import io.openvpc.server.OpenVpcServer;
import io.openvpc.server.ServerConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openvpc server}: runs the API, the console and (optionally) the data plane until SIGTERM. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Run the OpenVPC server.")
public final class ServerCommand implements Callable<Integer> {
  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:OPENVPC_HOST:-127.0.0.1}")
  String host;

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:OPENVPC_PORT:-4650}")
  int port;

  @Mixin
  StoreOptions store;

  @Option(names = "--regions-file", description = "Regions and zones catalogue replacing the bundled one.",
      defaultValue = "${env:OPENVPC_REGIONS_FILE}")
  Path regionsFile;

  @Option(names = "--quota", description = "Override a quota, e.g. --quota appid-max-vpcs=50 (repeatable).")
  Map<String, Long> quotas = new LinkedHashMap<>();

  @Option(names = "--dataplane", description = "Data plane: none (default) or linux (needs root).",
      defaultValue = "${env:OPENVPC_DATAPLANE:-none}")
  String dataplane;

  @Override
  public Integer call() throws Exception {
    if (!dataplane.equals("none") && !dataplane.equals("linux")) {
      System.err.println("--dataplane must be none or linux, not " + dataplane);
      return 2;
    }
    if (dataplane.equals("linux")) {
      var why = io.openvpc.dataplane.linux.LinuxHost.unavailableReason();
      if (why.isPresent()) {
        System.err.println("openvpc: --dataplane linux cannot start: " + why.get());
        return 1;
      }
    }
    ServerConfig config = new ServerConfig(host, port, store.dataDir, store.databaseUrl, regionsFile, quotas,
        System.getenv("OPENVPC_SECRET_ID"), System.getenv("OPENVPC_SECRET_KEY"), dataplane.equals("linux"),
        store.secretsKeyFile);
    OpenVpcServer server = OpenVpcServer.start(config);
    CountDownLatch stop = new CountDownLatch(1);
    // SIGTERM and SIGINT end the wait below, so the server stops on this thread and the process exits
    // with 0 after every shutdown hook (H2's own included) has run; the hook covers other exits.
    for (String signal : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop.countDown());
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // no such signal on this platform: the shutdown hook stops the server
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "openvpc-shutdown"));
    stop.await();
    server.close();
    return 0;
  }
}
