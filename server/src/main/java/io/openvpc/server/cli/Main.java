package io.openvpc.server.cli;

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
    return new CommandLine(new Main());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
