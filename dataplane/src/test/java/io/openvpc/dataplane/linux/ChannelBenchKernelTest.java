package io.openvpc.dataplane.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvpc.dataplane.host.NftTable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * Not a test but the measurement that chose the driver's channels (docs/benchmarks.md, "Data plane"):
 * a small nft transaction by a process per change, by a long-lived {@code nft -i}, and by libnftables
 * in-process; reading a namespace back by {@code ip -j} processes and by netlink in-process; creating a
 * namespace by {@code ip netns add} and in-process. Prints median and spread; asserts nothing about
 * time. Runs only when asked:
 * {@code mvn -B -o -q -pl dataplane -am verify -Dtest=ChannelBenchKernelTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dovpc.channel.bench=100} (the number of repetitions).
 */
class ChannelBenchKernelTest {
  @Test
  void measure() throws Exception {
    int n = Integer.getInteger("ovpc.channel.bench", 0);
    assumeTrue(n > 0, "a measurement, run with -Dovpc.channel.bench=<repetitions>");
    KernelTests.assumeKernel();
    LinuxHost host = new LinuxHost(KernelTests.owner("channel"));
    String ns = "ovpc-cb-" + io.openvpc.dataplane.Fixtures.suffix();
    host.createNamespace(ns, List.of());
    try {
      Nft.apply(ns, "table inet ovpc {\n  set s {\n    type ipv4_addr; flags interval;\n  }\n  chain c {\n  }\n}\n");
      System.out.printf("load average: %s%n", new String(java.nio.file.Files.readAllBytes(
          java.nio.file.Path.of("/proc/loadavg")), StandardCharsets.UTF_8).strip());
      time("nft: process per change, ip netns exec NS nft -f - (3 statements)", n, i ->
          Command.run(List.of("ip", "netns", "exec", ns, "nft", "-f", "-"), script(i)).orThrow());
      time("nft: libnftables in-process, setns thread (3 statements)", n, i -> Nft.apply(ns, script(i)));
      interactive(ns, n);
      stdinKeptOpen(ns);
      time("read back: 3 ip -j processes (as before)", n, i -> {
        Command.run(List.of("ip", "-n", ns, "-j", "-batch", "-"), "link show\naddress show\n").orThrow();
        Command.run(List.of("ip", "-n", ns, "-4", "-j", "-batch", "-"), "route show table all proto 77\nrule show\n")
            .orThrow();
        Command.run(List.of("ip", "-n", ns, "-6", "-j", "-batch", "-"), "route show table all proto 77\nrule show\n")
            .orThrow();
      });
      io.openvpc.dataplane.host.Netns like = io.openvpc.dataplane.host.Netns.empty(ns,
          io.openvpc.dataplane.host.Netns.Role.INSTANCE);
      time("read back: netlink dumps in-process (links, addresses, routes, rules)", n, i -> host.read(ns, like));
      time("read back: nft -j list table, process", n, i ->
          Command.run("ip", "netns", "exec", ns, "nft", "-j", "list", "table", "inet", "ovpc").orThrow());
      time("read back: list table via libnftables (JSON)", n, i -> Nft.listJson(ns));
      String json = Nft.listJson(ns);
      time("read back: fingerprint of that listing (" + json.length() / 1024 + " KB)", n,
          i -> NftListing.parse(json).fingerprint());
      List<String> made = new ArrayList<>();
      time("create: ip netns add + ip netns exec sysctl, lo up (as before)", n, i -> {
        String name = "ovpc-cp-" + i + io.openvpc.dataplane.Fixtures.suffix().substring(0, 4);
        Command.run("ip", "netns", "add", name).orThrow();
        made.add(name);
        Command.run(List.of("ip", "netns", "exec", name, "sh", "-c",
            "sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 && ip link set lo up"), null).orThrow();
      });
      for (String m : made) {
        Command.run("ip", "netns", "del", m);
      }
      List<String> ours = new ArrayList<>();
      time("create: in-process (unshare, bind mount, sysctls, lo up, mark)", n, i -> {
        String name = "ovpc-ci-" + i + io.openvpc.dataplane.Fixtures.suffix().substring(0, 4);
        host.createNamespace(name, List.of("net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"));
        ours.add(name);
      });
      host.deleteNamespaces(ours);
    } finally {
      host.deleteNamespaces(host.ownedNamespaces());
    }
  }

  private static String script(int i) {
    return "flush set " + NftTable.TABLE + " s\nadd element " + NftTable.TABLE + " s { 10." + (i % 250)
        + ".0.0/16 }\nadd rule " + NftTable.TABLE + " c ip saddr @s return\n";
  }

  /** A long-lived {@code nft -i}: one line is one transaction; a listing after it tells when it is done. */
  private static void interactive(String ns, int n) throws Exception {
    Process p = new ProcessBuilder("ip", "netns", "exec", ns, "nft", "-i").redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    OutputStream in = p.getOutputStream();
    try {
      time("nft: long-lived nft -i, fed line by line (3 statements, not one transaction)", n, i -> {
        try {
          in.write((script(i) + "list set " + NftTable.TABLE + " s\n").getBytes(StandardCharsets.UTF_8));
          in.flush();
          // The listing ends with the table's closing brace at the start of a line.
          for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("}")) {
              break;
            }
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } finally {
      p.destroy();
    }
  }

  /** Whether {@code nft -f /dev/stdin} applies a statement before its input ends (it does not). */
  private static void stdinKeptOpen(String ns) throws Exception {
    Nft.apply(ns, "flush set " + NftTable.TABLE + " s\n");
    Process p = new ProcessBuilder("ip", "netns", "exec", ns, "nft", "-f", "/dev/stdin").redirectErrorStream(true)
        .start();
    p.getOutputStream().write(("add element " + NftTable.TABLE + " s { 10.99.0.0/16 }\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
    Thread.sleep(500);
    boolean before = Nft.listJson(ns).contains("10.99.0.0");
    p.getOutputStream().close();
    p.waitFor();
    boolean after = Nft.listJson(ns).contains("10.99.0.0");
    System.out.printf("nft -f /dev/stdin kept open: applied before its input ends: %s, after: %s%n", before, after);
  }

  private static void time(String what, int n, IntConsumer work) {
    work.accept(0);
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      work.accept(i + 1);
      t[i] = System.nanoTime() - t0;
    }
    Arrays.sort(t);
    System.out.printf("%-95s n=%d median %7.2f ms  p10 %7.2f  p90 %7.2f  max %7.2f%n", what, n, t[n / 2] / 1e6,
        t[n / 10] / 1e6, t[n * 9 / 10] / 1e6, t[n - 1] / 1e6);
  }
}
