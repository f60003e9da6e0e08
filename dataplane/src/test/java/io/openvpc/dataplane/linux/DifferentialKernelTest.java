package io.openvpc.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.host.HostState;
import io.openvpc.dataplane.render.ScopeRender;
import io.openvpc.dataplane.render.Names;
import io.openvpc.engine.Products;
import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.model.Instance;
import io.openvpc.model.IpAddr;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Topology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model and the packets agree: random VPCs (subnets, security groups, network ACLs, a route
 * table) are realised in real namespaces, and for every ordered pair of instances TCP, UDP and ICMP
 * probes over IPv4 and IPv6 are sent; each outcome must equal the engine's trace verdict for the same
 * packet (TracePacket's semantics: TCP and ICMP need the reply back, UDP only the datagram delivered).
 * The number of random cases is bounded ({@code -Dovpc.differential.cases}, default 4) to keep CI
 * short; seeds that once disagreed are kept in {@link #REGRESSIONS}.
 */
class DifferentialKernelTest {
  /** Seeds of past disagreements, each a regression test (see the commit that fixed it). */
  static final long[] REGRESSIONS = {};

  /** The engine's verdict for one probe: the packet and whether the probe should succeed. */
  private BiFunction<Node, Packet, Boolean> verdicts(CompiledGraph net) {
    Tracer tracer = new Tracer(net);
    return (src, p) -> {
      TraceResult t = tracer.trace(src, p);
      return p.protocol() == 17 ? t.forward().disposition().delivered() : t.reachable();
    };
  }

  private LinuxHost host;
  private final java.util.concurrent.atomic.AtomicInteger passed = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger blocked = new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void setUp() {
    KernelTests.assumeKernel();
    host = new LinuxHost(KernelTests.owner("diff"));
  }

  @Test
  void randomNetworks_probesAgreeWithTheEngine() throws Exception {
    int cases = Integer.getInteger("ovpc.differential.cases", 4);
    long base = Long.getLong("ovpc.differential.seed", System.nanoTime());
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      disagreements.addAll(run(new RandomNetwork(base + i)));
    }
    System.err.println("differential: " + cases + " networks from seed " + base + ", " + passed + " probes got through, "
        + blocked + " were stopped");
    assertThat(disagreements).as("probe outcomes that differ from the engine (base seed " + base + ")").isEmpty();
    assertThat(passed.get()).as("some probes get through (else the test proves nothing)").isPositive();
    assertThat(blocked.get()).as("some probes are stopped (else the test proves nothing)").isPositive();
  }

  @Test
  void regressions_probesAgreeWithTheEngine() throws Exception {
    for (long seed : REGRESSIONS) {
      assertThat(run(new RandomNetwork(seed))).as("seed " + seed).isEmpty();
    }
  }

  /** One case: realise, probe every pair, compare; always tears down. Returns the disagreements. */
  private List<String> run(RandomNetwork n) throws Exception {
    Topology t = n.topology();
    CompiledGraph net = CompiledGraph.compile(t, Products.compilers());
    Reconciler reconciler = new Reconciler(host);
    List<Process> servers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      assertThat(reconciler.reconcile(ScopeRender.whole(net)).failed()).isEmpty();
      Map<String, StringBuffer> udpSeen = new ConcurrentHashMap<>();
      for (Instance i : n.instances) {
        servers.add(startServer(i.id(), udpSeen.computeIfAbsent(i.id(), k -> new StringBuffer())));
      }
      BiFunction<Node, Packet, Boolean> engine = verdicts(net);
      List<Future<String>> results = new ArrayList<>();
      List<String> udpChecks = new ArrayList<>();
      int probe = 0;
      for (int a = 0; a < n.instances.size(); a++) {
        for (int b = 0; b < n.instances.size(); b++) {
          if (a == b) {
            continue;
          }
          NetworkInterface src = n.enis.get(a);
          NetworkInterface dst = n.enis.get(b);
          for (boolean v6 : new boolean[] {false, true}) {
            IpAddr from = v6 ? src.ipv6Addresses().get(0).address() : src.primaryIp();
            IpAddr to = v6 ? dst.ipv6Addresses().get(0).address() : dst.primaryIp();
            int sport = 40000 + probe++;
            int tcpPort = RandomNetwork.TCP_PORTS[n.r.nextInt(RandomNetwork.TCP_PORTS.length)];
            int udpPort = RandomNetwork.UDP_PORTS[n.r.nextInt(RandomNetwork.UDP_PORTS.length)];
            Node srcEni = net.endpoint(src.id()).orElseThrow();
            String srcIns = n.instances.get(a).id();
            String dstIns = n.instances.get(b).id();
            Packet tcp = new Packet(Addr.of(from), Addr.of(to), 6, sport, tcpPort);
            Packet udp = new Packet(Addr.of(from), Addr.of(to), 17, sport, udpPort);
            Packet icmp = new Packet(Addr.of(from), Addr.of(to), v6 ? 58 : 1, 0, 0);
            boolean tcpWant = engine.apply(srcEni, tcp);
            boolean udpWant = engine.apply(srcEni, udp);
            boolean icmpWant = engine.apply(srcEni, icmp);
            results.add(pool.submit(() -> compare(tcp, tcpWant, tcp(srcIns, to, sport, tcpPort))));
            results.add(pool.submit(() -> compare(icmp, icmpWant, Probe.ping(srcIns, to.toString()))));
            String token = "p" + sport;
            udpChecks.add(dstIns + " " + token + " " + udpWant + " " + udp);
            results.add(pool.submit(() -> {
              udp(srcIns, to, sport, udpPort, token);
              return "";
            }));
          }
        }
      }
      List<String> out = new ArrayList<>();
      for (Future<String> f : results) {
        String s = f.get(30, TimeUnit.SECONDS);
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
      Thread.sleep(300);
      for (String check : udpChecks) {
        String[] p = check.split(" ", 4);
        boolean got = udpSeen.get(p[0]).toString().contains("udp " + p[1] + "\n");
        if (got != Boolean.parseBoolean(p[2])) {
          out.add(p[3] + ": engine says " + (Boolean.parseBoolean(p[2]) ? "delivered" : "dropped") + ", packets "
              + (got ? "delivered" : "dropped"));
        }
      }
      for (String o : out) {
        System.err.println("DISAGREEMENT seed " + n.seed + ": " + o);
      }
      if (!out.isEmpty()) {
        System.err.println(ScopeRender.whole(net).namespace(Names.routerNamespace(n.vpc.id()))
            .orElseThrow().nftables().text());
      }
      return out.stream().map(o -> "seed " + n.seed + ": " + o).toList();
    } finally {
      pool.shutdownNow();
      for (Process p : servers) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      reconciler.reconcile(HostState.EMPTY);
    }
  }

  private String compare(Packet p, boolean want, boolean got) {
    (got ? passed : blocked).incrementAndGet();
    return want == got ? "" : p + ": engine says " + (want ? "reachable" : "unreachable") + ", packets "
        + (got ? "got through" : "did not");
  }

  private static boolean tcp(String from, IpAddr to, int sport, int dport) {
    return Command.run("ip", "netns", "exec", Names.instanceNamespace(from), "nc", "-z", "-w", "1", "-p",
        Integer.toString(sport), to.toString(), Integer.toString(dport)).ok();
  }

  private static void udp(String from, IpAddr to, int sport, int dport, String token) {
    Command.run(List.of("ip", "netns", "exec", Names.instanceNamespace(from), "nc", "-u", "-w", "1", "-p",
        Integer.toString(sport), to.toString(), Integer.toString(dport)), token + "\n");
  }

  private static Process startServer(String instanceId, StringBuffer udpSeen) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    Process p = new ProcessBuilder("ip", "netns", "exec", Names.instanceNamespace(instanceId), java, "-Xmx32m",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ProbeServer.class.getName(),
        "tcp:" + join(RandomNetwork.TCP_PORTS), "udp:" + join(RandomNetwork.UDP_PORTS)).redirectErrorStream(true).start();
    BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String first = in.readLine();
    if (!"ready".equals(first)) {
      throw new IllegalStateException("probe server in " + instanceId + " did not start: " + first);
    }
    Thread reader = new Thread(() -> {
      try {
        for (String line; (line = in.readLine()) != null; ) {
          udpSeen.append(line).append('\n');
        }
      } catch (IOException ignored) {
        // the server was stopped
      }
    });
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  private static String join(int[] ports) {
    return String.join(",", java.util.Arrays.stream(ports).mapToObj(Integer::toString).toList());
  }
}
