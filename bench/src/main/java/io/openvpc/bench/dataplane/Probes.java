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

  /**
   * Whether the port opens within a few seconds: for the first probe, right after a listener was
   * started, which under load may take longer than the pause before it to listen.
   */
  static boolean tcpOpenSoon(String fromInstance, String ip, int port) throws InterruptedException {
    for (int i = 0; i < 10; i++) {
      if (tcpOpen(fromInstance, ip, port)) {
        return true;
      }
      Thread.sleep(300);
    }
    return false;
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("check failed: " + what);
    }
  }
}
