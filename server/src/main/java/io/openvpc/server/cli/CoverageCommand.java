package io.openvpc.server.cli;

import io.openvpc.api.Api;
import io.openvpc.api.Coverage;
import io.openvpc.control.ControlPlane;
import io.openvpc.control.Quotas;
import io.openvpc.control.Regions;
import io.openvpc.store.jdbc.Database;
import io.openvpc.store.jdbc.JdbcStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openvpc coverage}: the API coverage report (docs/api-coverage.md) from the action registry. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = "Print (or write) the API coverage report: implemented actions per product.")
public final class CoverageCommand implements Callable<Integer> {
  @Option(names = "--output", description = "Write the report to this file instead of printing it.")
  Path output;

  /** The report as the server wired today would serve it (over a throw-away in-memory store). */
  public static String report() {
    String url = "jdbc:h2:mem:coverage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (JdbcStore store = new JdbcStore(Database.open(url, null, null))) {
      ControlPlane control = new ControlPlane(store, Regions.bundled(), new Quotas(Map.of()), Clock.systemUTC());
      return Coverage.markdown(Api.dispatcher(control).actions());
    }
  }

  @Override
  public Integer call() throws Exception {
    String report = report();
    if (output == null) {
      System.out.print(report);
    } else {
      Files.writeString(output, report, StandardCharsets.UTF_8);
      System.out.println("wrote " + output);
    }
    return 0;
  }
}
