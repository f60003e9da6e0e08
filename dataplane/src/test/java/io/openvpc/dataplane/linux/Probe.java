package io.openvpc.dataplane.linux;

import io.openvpc.dataplane.render.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real packets between instance namespaces: listeners and one-shot probes with nc and ping. */
public final class Probe implements AutoCloseable {
  private final List<Process> servers = new ArrayList<>();

  /** Starts a TCP (or UDP) listener in an instance that keeps accepting; UDP data goes to its output. */
  public Process listen(String instanceId, String protocol, int port) {
    List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", Names.instanceNamespace(instanceId), "nc"));
    if (protocol.equals("udp")) {
      argv.add("-u");
    }
    argv.addAll(List.of("-k", "-l", "-p", Integer.toString(port)));
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      servers.add(p);
      sleep(150);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a TCP connection from {@code from} to {@code address:port} is accepted within a second. */
  public static boolean tcp(String fromInstance, String address, int port) {
    return Command.run("ip", "netns", "exec", Names.instanceNamespace(fromInstance), "nc", "-z", "-w", "1", address,
        Integer.toString(port)).ok();
  }

  /** Whether one ping (ICMP or ICMPv6 echo) gets its reply within a second. */
  public static boolean ping(String fromInstance, String address) {
    return Command.run("ip", "netns", "exec", Names.instanceNamespace(fromInstance), "ping",
        address.contains(":") ? "-6" : "-4", "-c", "1", "-W", "1", address).ok();
  }

  /** Sends one UDP datagram carrying {@code token}; the caller checks the listener received it. */
  public static void udp(String fromInstance, String address, int port, String token) {
    Command.run(List.of("ip", "netns", "exec", Names.instanceNamespace(fromInstance), "nc", "-u", "-w", "1", address,
        Integer.toString(port)), token + "\n");
  }

  /** Whether a UDP listener printed {@code token} (within half a second). */
  public static boolean received(Process listener, String token) {
    try {
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
      StringBuilder seen = new StringBuilder();
      while (System.nanoTime() < until) {
        int n = listener.getInputStream().available();
        if (n > 0) {
          seen.append(new String(listener.getInputStream().readNBytes(n), StandardCharsets.UTF_8));
          if (seen.toString().contains(token)) {
            return true;
          }
        }
        sleep(20);
      }
      return seen.toString().contains(token);
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    for (Process p : servers) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
  }
}
