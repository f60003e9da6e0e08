package io.openvpc.server.cli;

import io.openvpc.store.jdbc.Redaction;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code openvpc} command. */
@Command(name = "openvpc", mixinStandardHelpOptions = true, version = "OpenVPC 0.1.0",
    description = "A self-hosted cloud network platform behind the Tencent Cloud API 3.0.",
    subcommands = {ServerCommand.class, AccountCommand.class, CoverageCommand.class, TraceCommand.class,
        PortsCommand.class, ReachCommand.class, ExecCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      // An operator error (a bad URL, an unreachable database, a full disk) deserves one line saying
      // what went wrong, not a stack trace; OPENVPC_DEBUG=1 shows the trace.
      StringBuilder why = new StringBuilder();
      for (Throwable t = e; t != null && why.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
        if (t.getMessage() != null && why.indexOf(t.getMessage()) < 0) {
          why.append(why.length() == 0 ? "" : ": ").append(t.getMessage());
        }
      }
      // a driver's message may quote the database URL, password and all
      cmd.getErr().println("openvpc " + cmd.getCommandName() + ": "
          + Redaction.credentials(why.length() == 0 ? e.toString() : why.toString()));
      if (System.getenv("OPENVPC_DEBUG") != null) {
        e.printStackTrace(cmd.getErr());
      }
      return 1;
    });
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
