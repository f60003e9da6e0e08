package io.openvpc.bench.dataplane;

import io.openvpc.dataplane.linux.Command;
import io.openvpc.dataplane.render.Names;

/** The real-packet checks the benchmarks confirm each measured change with. */
final class Probes {
  private Probes() {}

  /** Whether a TCP connection from an instance to {@code ip:port} is accepted within a second. */
  static boolean tcpOpen(String fromInstance, String ip, int port) {
    return Command.run("ip", "netns", "exec", Names.instanceNamespace(fromInstance), "nc", "-z", "-w", "1", ip,
        Integer.toString(port)).ok();
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("check failed: " + what);
    }
  }
}
