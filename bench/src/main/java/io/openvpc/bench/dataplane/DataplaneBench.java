package io.openvpc.bench.dataplane;

import io.openvpc.dataplane.LinuxDataplane;
import io.openvpc.dataplane.linux.Command;
import io.openvpc.dataplane.linux.LinuxHost;
import io.openvpc.dataplane.linux.Reconciler;
import io.openvpc.dataplane.render.Names;
import io.openvpc.model.Cidr;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Resource;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.TopologyChange;
import io.openvpc.engine.Engine;
import io.openvpc.engine.Products;
import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.dataplane.render.ScopeRender;
import io.openvpc.model.Vpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -cp ... io.openvpc.bench.dataplane.DataplaneBench realize 1000} realises 1,000 instances
 * in one VPC and measures how long a security-group change takes to be in force (commit to
 * reconciled, then checked with a real TCP probe); {@code ... iperf 10000} measures iperf3 TCP
 * throughput between two instances with no rules and with 10,000 security-group entries; {@code ...
 * restart 1000} realises 1,000 instances, drops the agent (what it realised stays, as when a server
 * stops) and times a new agent on the same owner until its first pass has converged, then the same after
 * a security-group change made while no agent ran. Everything created is removed at the end, by exact
 * name.
 */
public final class DataplaneBench {
  private static final Scope SCOPE = new Scope(1999999999L, "ap-guangzhou");
  private static final Instant T0 = Instant.EPOCH;

  private final List<Resource> all = new ArrayList<>();
  private final Vpc vpc;
  private final List<Subnet> subnets = new ArrayList<>();
  private final List<Instance> instances = new ArrayList<>();
  private final List<NetworkInterface> enis = new ArrayList<>();
  private long revision = 1;
  private int counter;

  private DataplaneBench() {
    vpc = new Vpc("vpc-bench" + suffix(3), "bench", Cidr.parse("10.99.0.0/16"), List.of(), null, false, false, false,
        List.of(), "", List.of(), T0);
    all.add(vpc);
    all.add(new RouteTable("rtb-bench" + suffix(3), vpc.id(), "main", true, List.of(), 1, List.of(), T0));
  }

  private String suffix(int n) {
    String s = Long.toString(System.nanoTime() + counter++, 36);
    return s.substring(s.length() - n);
  }

  public static void main(String[] args) throws Exception {
    LinuxHost.unavailableReason().ifPresent(why -> {
      System.err.println("cannot run: " + why);
      System.exit(1);
    });
    String mode = args.length > 0 ? args[0] : "realize";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    DataplaneBench b = new DataplaneBench();
    switch (mode) {
      case "realize" -> b.realize(n);
      case "restart" -> b.restart(n);
      default -> b.iperf(n);
    }
  }

  private Subnet subnet(int index) {
    while (subnets.size() <= index) {
      int k = subnets.size() + 1;
      Subnet s = new Subnet("subnet-b" + suffix(7), vpc.id(), "s" + k, Cidr.parse("10.99." + k + ".0/24"), null,
          "ap-guangzhou-3", "rtb-x", "", false, false, List.of(), T0);
      subnets.add(s);
      all.add(s);
    }
    return subnets.get(index);
  }

  private Instance instance(int i, List<String> groups) {
    Subnet s = subnet(i / 200);
    String ip = "10.99." + (i / 200 + 1) + "." + (10 + i % 200);
    Instance ins = new Instance("ins-b" + suffix(7), "i" + i, "ap-guangzhou-3", "S5.SMALL2", "img-1", vpc.id(), s.id(),
        InstanceState.RUNNING, List.of(), T0);
    NetworkInterface eni = new NetworkInterface("eni-b" + suffix(7), vpc.id(), s.id(), "e", "", ins.id(), true,
        "20:90:6f:00:00:00", List.of(new PrivateIp(IpAddr.parse(ip), true, "")), List.of(), groups, "AVAILABLE",
        List.of(), T0);
    instances.add(ins);
    enis.add(eni);
    all.add(ins);
    all.add(eni);
    return ins;
  }

  private static SecurityGroupPolicy tcp(String action, String port, String cidr) {
    return new SecurityGroupPolicy("TCP", port, "", "", cidr, "", "", "", "", action, "", T0);
  }

  private static SecurityGroupPolicy any(String action) {
    return new SecurityGroupPolicy("ALL", "ALL", "", "", "0.0.0.0/0", "", "", "", "", action, "", T0);
  }

  private Topology topology() {
    return Topology.of(SCOPE, revision++, all);
  }

  /** The snapshot last given to the engine, and the engine the agent listens to. */
  private Topology current;
  private final Engine engine = new Engine();

  /** Commits a change as the API would: the engine applies it incrementally and tells the agent. */
  private long commit(LinuxDataplane dp, Resource put) {
    put(put);
    Topology after = current.apply(current.revision() + 1, List.of(put), List.of());
    engine.changed(new TopologyChange(SCOPE, current, after, List.of(put), List.of()));
    current = after;
    return dp.latestTicket();
  }

  private void put(Resource r) {
    all.removeIf(x -> x.id().equals(r.id()));
    all.add(r);
  }

  /** A group admitting TCP 22 and 80 from the VPC, and n instances bound to it. */
  private SecurityGroup webServers(int n) {
    SecurityGroup sg = new SecurityGroup("sg-bench" + suffix(4), "web", "", "0", false, 1,
        List.of(tcp("ACCEPT", "22", "10.99.0.0/16"), tcp("ACCEPT", "80", "10.99.0.0/16")), List.of(any("ACCEPT")),
        List.of(), T0, T0);
    all.add(sg);
    for (int i = 0; i < n; i++) {
      instance(i, List.of(sg.id()));
    }
    return sg;
  }

  /** Realise n instances, then time security-group changes until they are in force. */
  private void realize(int n) throws Exception {
    SecurityGroup sg = webServers(n);
    LinuxHost host = new LinuxHost("bench-" + suffix(6));
    LinuxDataplane dp = new LinuxDataplane(host, engine).start();
    Process server = null;
    try {
      long t0 = System.nanoTime();
      current = topology();
      long ticket = dp.update(current);
      if (!dp.awaitApplied(ticket, 30, TimeUnit.MINUTES)) {
        throw new IllegalStateException("not realised in 30 minutes");
      }
      long realize = System.nanoTime() - t0;
      System.out.printf("realise %d instances: %.1f s (%d namespaces)%n", n, realize / 1e9, host.ownedNamespaces().size());

      String a = instances.get(0).id();
      String bIp = enis.get(n - 1).primaryIp().toString();
      server = new ProcessBuilder("ip", "netns", "exec", Names.instanceNamespace(instances.get(n - 1).id()), "nc", "-k",
          "-l", "-p", "80").redirectErrorStream(true).start();
      Thread.sleep(200);
      Probes.check(Probes.tcpOpenSoon(a, bIp, 80), "port 80 open before the change");
      int changes = Integer.getInteger("changes", 100);
      double[] ms = new double[changes];
      for (int k = 0; k < ms.length; k++) {
        boolean close = k % 2 == 0;
        SecurityGroup changed = new SecurityGroup(sg.id(), sg.name(), "", "0", false, sg.version() + k + 1,
            close ? List.of(tcp("ACCEPT", "22", "10.99.0.0/16"), tcp("DROP", "80", "10.99.0.0/16"))
                : sg.ingress(), sg.egress(), List.of(), T0, T0);
        long c0 = System.nanoTime();
        long tk = commit(dp, changed);
        dp.awaitApplied(tk, 1, TimeUnit.MINUTES);
        ms[k] = (System.nanoTime() - c0) / 1e6;
        if (k % 10 < 2) {
          Probes.check(Probes.tcpOpen(a, bIp, 80) != close,
              "port 80 " + (close ? "closed" : "open") + " after change " + k);
        }
      }
      Arrays.sort(ms);
      System.out.printf("security-group change, commit to rule in force, at %d instances (%d changes): "
          + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", n, ms.length, ms[ms.length / 2],
          ms[(int) (ms.length * 0.9)], ms[Math.min(ms.length - 1, (int) (ms.length * 0.99))], ms[ms.length - 1]);
      long nothing0 = System.nanoTime();
      current = Topology.of(SCOPE, current.revision() + 1, all);
      long tk = dp.update(current);
      dp.awaitApplied(tk, 1, TimeUnit.MINUTES);
      System.out.printf("whole pass (compile, render, compare) with nothing to change: %.0f ms%n",
          (System.nanoTime() - nothing0) / 1e6);
    } finally {
      if (server != null) {
        server.destroy();
      }
      long d0 = System.nanoTime();
      dp.teardown();
      System.out.printf("teardown: %.1f s%n", (System.nanoTime() - d0) / 1e9);
    }
  }

  /** Realise n instances, drop the agent, and time new agents on the same owner until they have converged. */
  private void restart(int n) throws Exception {
    SecurityGroup sg = webServers(n);
    String owner = "bench-" + suffix(6);
    LinuxDataplane first = new LinuxDataplane(new LinuxHost(owner), new io.openvpc.engine.Engine());
    long t0 = System.nanoTime();
    first.update(topology());
    first.start();
    if (!first.awaitApplied(first.latestTicket(), 30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("not realised in 30 minutes");
    }
    System.out.printf("realise %d instances: %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    first.close();
    LinuxDataplane last = null;
    try {
      last = restarted(owner, "same desired state");
      last.close();
      // While no agent runs, the group changes: the router must be read back and repaired, the rest trusted.
      put(new SecurityGroup(sg.id(), sg.name(), "", "0", false, 2,
          List.of(tcp("ACCEPT", "22", "10.99.0.0/16"), tcp("DROP", "80", "10.99.0.0/16")), sg.egress(), List.of(),
          T0, T0));
      last = restarted(owner, "a security group changed while down");
      String a = instances.get(0).id();
      String bIp = enis.get(n - 1).primaryIp().toString();
      Process server = new ProcessBuilder("ip", "netns", "exec", Names.instanceNamespace(instances.get(n - 1).id()),
          "nc", "-k", "-l", "-p", "80").redirectErrorStream(true).start();
      Thread.sleep(200);
      try {
        Probes.check(!Probes.tcpOpen(a, bIp, 80), "port 80 closed after the restart");
      } finally {
        server.destroy();
      }
    } finally {
      if (last == null) {
        last = new LinuxDataplane(new LinuxHost(owner), new io.openvpc.engine.Engine());
      }
      long d0 = System.nanoTime();
      last.teardown();
      System.out.printf("teardown: %.1f s%n", (System.nanoTime() - d0) / 1e9);
    }
  }

  /** A new agent on {@code owner}, timed from its creation until its first pass is over. */
  private LinuxDataplane restarted(String owner, String what) throws InterruptedException {
    long t0 = System.nanoTime();
    LinuxDataplane dp = new LinuxDataplane(new LinuxHost(owner), new io.openvpc.engine.Engine());
    Reconciler.Outcome[] first = new Reconciler.Outcome[1];
    dp.observe(o -> {
      if (first[0] == null) {
        first[0] = o;
      }
    });
    long ticket = dp.update(topology());
    dp.start();
    if (!dp.awaitApplied(ticket, 10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("restarted agent did not converge in 10 minutes");
    }
    Reconciler.Outcome o = first[0];
    System.out.printf("restart (%s): first pass converged in %.1f s (created %d, changed %d, deleted %d, failed %s)%n",
        what, (System.nanoTime() - t0) / 1e9, o.created().size(), o.changed().size(), o.deleted().size(), o.failed());
    return dp;
  }

  /** iperf3 between two instances, ingress of the server with no rules but ACCEPT ALL, then 10,000 entries. */
  private void iperf(int entries) throws Exception {
    SecurityGroup sg = new SecurityGroup("sg-bench" + suffix(4), "iperf", "", "0", false, 1, List.of(any("ACCEPT")),
        List.of(any("ACCEPT")), List.of(), T0, T0);
    all.add(sg);
    instance(0, List.of(sg.id()));
    instance(1, List.of(sg.id()));
    LinuxHost host = new LinuxHost("bench-" + suffix(6));
    Reconciler reconciler = new Reconciler(host);
    String server = Names.instanceNamespace(instances.get(1).id());
    String client = Names.instanceNamespace(instances.get(0).id());
    String target = enis.get(1).primaryIp().toString();
    Process iperfServer = null;
    try {
      reconciler.reconcile(whole());
      iperfServer = new ProcessBuilder("ip", "netns", "exec", server, "iperf3", "-s").redirectErrorStream(true).start();
      Thread.sleep(500);
      // The server's ingress: 10,000 distinct entries (TCP from other addresses, to other ports) ahead of the accept.
      List<SecurityGroupPolicy> rules = new ArrayList<>();
      for (int i = 0; i < entries; i++) {
        rules.add(tcp(i % 2 == 0 ? "DROP" : "ACCEPT", Integer.toString(1000 + i % 20000),
            "172." + (16 + i / 65536 % 16) + "." + (i / 256 % 256) + "." + (i % 256) + "/32"));
      }
      rules.sort((x, y) -> x.action().compareTo(y.action()));
      rules.add(any("ACCEPT"));
      SecurityGroup plain = sg;
      SecurityGroup big = new SecurityGroup(sg.id(), sg.name(), "", "0", false, 2, rules, sg.egress(), List.of(), T0, T0);
      // Alternate the two rulesets, five rounds, so that load from other work on the machine hits both alike.
      double[] none = new double[5];
      double[] with = new double[5];
      for (int round = 0; round < none.length; round++) {
        put(plain);
        reconciler.reconcile(whole());
        none[round] = throughput(client, target);
        put(big);
        long r0 = System.nanoTime();
        Reconciler.Outcome o = reconciler.reconcile(whole());
        System.out.printf("render and apply %d entries: %.0f ms (%s)%n", entries, (System.nanoTime() - r0) / 1e6,
            o.failed().isEmpty() ? "ok" : "FAILED " + o.failed());
        with[round] = throughput(client, target);
        System.out.printf("round %d: no rules %.2f Gbit/s, %d entries %.2f Gbit/s%n", round + 1, none[round], entries,
            with[round]);
      }
      Arrays.sort(none);
      Arrays.sort(with);
      System.out.printf("iperf3 TCP (median of 5): no rules %.2f Gbit/s; with %d security-group entries %.2f Gbit/s"
          + " (%.0f%%)%n", none[2], entries, with[2], 100 * with[2] / none[2]);
    } finally {
      if (iperfServer != null) {
        iperfServer.destroy();
      }
      reconciler.reconcile(io.openvpc.dataplane.host.HostState.EMPTY);
    }
  }

  /** The host state of the current resources, compiled and rendered whole. */
  private io.openvpc.dataplane.host.HostState whole() {
    return ScopeRender.whole(CompiledGraph.compile(topology(), Products.compilers()));
  }

  private static double throughput(String clientNs, String target) {
    String out = Command.run("ip", "netns", "exec", clientNs, "iperf3", "-c", target, "-t", "5", "-f", "g").stdout();
    String line = out.lines().filter(l -> l.contains("receiver")).findFirst().orElseThrow(
        () -> new IllegalStateException("iperf3 failed: " + out));
    String[] f = line.trim().split("\\s+");
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("Gbits/sec")) {
        return Double.parseDouble(f[i - 1]);
      }
    }
    throw new IllegalStateException("no rate in " + line);
  }
}
