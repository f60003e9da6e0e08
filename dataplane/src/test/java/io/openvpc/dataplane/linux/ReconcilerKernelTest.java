package io.openvpc.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.Fixtures;
import io.openvpc.dataplane.host.HostState;
import io.openvpc.dataplane.render.ScopeRender;
import io.openvpc.engine.Products;
import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.dataplane.render.Names;
import io.openvpc.model.Cidr;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.Subnet;
import io.openvpc.model.Vpc;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real namespaces, real packets: the reconciler against the kernel. Needs root; skips otherwise. */
class ReconcilerKernelTest {
  private final String owner = KernelTests.owner("reconciler");
  private LinuxHost host;
  private Reconciler reconciler;

  @BeforeEach
  void setUp() {
    KernelTests.assumeKernel();
    host = new LinuxHost(owner);
    reconciler = new Reconciler(host);
  }

  @AfterEach
  void cleanUp() {
    if (host != null) {
      reconciler.reconcile(HostState.EMPTY);
      assertThat(host.ownedNamespaces()).isEmpty();
    }
  }

  /** Binds to the ENI a group that admits TCP {@code port} from {@code peer} and sends anything. */
  private static void allowTcp(Fixtures f, io.openvpc.model.NetworkInterface eni, int port, String peer) {
    f.bind(eni, f.securityGroup(List.of(Fixtures.rule("ACCEPT", "TCP", Integer.toString(port), peer)),
        List.of(Fixtures.rule("ACCEPT", "ALL", "ALL", "0.0.0.0/0"))).id());
  }

  /** The group bound to the ENI now admits TCP 9000 from its subnet and DNS from anywhere. */
  private static void allowTcpAndDns(Fixtures f, io.openvpc.model.NetworkInterface eni) {
    io.openvpc.model.SecurityGroup g = (io.openvpc.model.SecurityGroup) f.topology()
        .find(io.openvpc.model.SecurityGroup.class, eni.securityGroupIds().isEmpty()
            ? f.topology().find(io.openvpc.model.NetworkInterface.class, eni.id()).orElseThrow().securityGroupIds().get(0)
            : eni.securityGroupIds().get(0)).orElseThrow();
    f.put(new io.openvpc.model.SecurityGroup(g.id(), g.name(), g.description(), g.projectId(), g.isDefault(),
        g.version() + 1, List.of(Fixtures.rule("ACCEPT", "TCP", "9000", "10.21.1.0/24"),
            Fixtures.rule("ACCEPT", "UDP", "53", "0.0.0.0/0")), g.egress(), g.tags(), g.createdTime(), g.updateTime()));
  }

  /** The host state the engine compiles and the renderers render from the fixtures. */
  private static HostState desired(Fixtures f) {
    return ScopeRender.whole(CompiledGraph.compile(f.topology(), Products.compilers()));
  }

  @Test
  void reconcile_sameSubnetAndAcrossSubnets_packetsFlowAndFiltersHold() {
    Fixtures f = new Fixtures();
    Vpc vpc = f.vpc("10.20.0.0/16", "fd00:20::/56");
    Subnet s1 = f.subnet(vpc, "10.20.1.0/24", "fd00:20:0:1::/64");
    Subnet s2 = f.subnet(vpc, "10.20.2.0/24", "fd00:20:0:2::/64");
    Instance a = f.instance(s1, "10.20.1.5", "fd00:20:0:1::5");
    Instance b = f.instance(s1, "10.20.1.6", "fd00:20:0:1::6");
    Instance c = f.instance(s2, "10.20.2.7", null);
    HostState desired = desired(f);

    Reconciler.Outcome first = reconciler.reconcile(desired);
    assertThat(first.failed()).isEmpty();
    assertThat(first.created()).contains(Names.instanceNamespace(a.id()), Names.routerNamespace(vpc.id()));

    try (Probe probe = new Probe()) {
      assertThat(Probe.ping(a.id(), "10.20.1.6")).as("same subnet, IPv4").isTrue();
      assertThat(Probe.ping(a.id(), "fd00:20:0:1::6")).as("same subnet, IPv6").isTrue();
      assertThat(Probe.ping(a.id(), "10.20.2.7")).as("across subnets").isTrue();
      assertThat(Probe.ping(a.id(), "10.20.1.1")).as("the subnet gateway").isTrue();
      assertThat(Probe.ping(a.id(), "10.20.1.99")).as("no such address in the VPC").isFalse();
      probe.listen(b.id(), "tcp", 22);
      probe.listen(b.id(), "tcp", 80);
      Process udp = probe.listen(b.id(), "udp", 5353);
      assertThat(Probe.tcp(a.id(), "10.20.1.6", 80)).isTrue();
      Probe.udp(c.id(), "10.20.1.6", 5353, "hello-udp");
      assertThat(Probe.received(udp, "hello-udp")).as("UDP across subnets").isTrue();

      // b now accepts only TCP 22 from a's subnet: same-subnet traffic is filtered too.
      allowTcp(f, f.primaryEni(b), 22, "10.20.1.0/24");
      Reconciler.Outcome change = reconciler.reconcile(desired(f));
      assertThat(change.changed()).containsExactly(Names.routerNamespace(vpc.id()));
      assertThat(Probe.tcp(a.id(), "10.20.1.6", 22)).as("allowed by rule #0").isTrue();
      assertThat(Probe.tcp(a.id(), "10.20.1.6", 80)).as("no rule matches: default drop").isFalse();
      assertThat(Probe.tcp(c.id(), "10.20.1.6", 22)).as("other subnet not in the rule").isFalse();
      assertThat(Probe.ping(a.id(), "10.20.1.6")).as("ICMP not allowed").isFalse();
      assertThat(Probe.ping(b.id(), "10.20.1.5")).as("b's egress allows all, replies come back").isTrue();
    }

    // Applying the same state twice changes nothing, and a restarted agent reads back the same state.
    HostState again = desired(f);
    assertThat(reconciler.reconcile(again).changedNothing()).isTrue();
    assertThat(reconciler.drift(again)).as("the host read back equals the desired state").isEmpty();
    Reconciler restarted = new Reconciler(host);
    assertThat(restarted.reconcile(again).changedNothing()).as("restart converges with no change").isTrue();

    // Stopping an instance removes its namespace.
    f.put(new Instance(c.id(), c.name(), c.zone(), c.instanceType(), c.imageId(), c.vpcId(), c.subnetId(),
        InstanceState.STOPPED, List.of(), c.createdTime()));
    Reconciler.Outcome stop = restarted.reconcile(desired(f));
    assertThat(stop.deleted()).containsExactly(Names.instanceNamespace(c.id()));
    assertThat(host.namespaces()).doesNotContain(Names.instanceNamespace(c.id()));
    reconciler = restarted;
  }

  @Test
  void verifySome_justApplied_findsNoDriftUntilSomethingChanges() {
    Fixtures f = new Fixtures();
    Vpc vpc = f.vpc("10.26.0.0/16", null);
    Subnet s1 = f.subnet(vpc, "10.26.1.0/24", null);
    Instance a = f.instance(s1, "10.26.1.5", null);
    Instance b = f.instance(s1, "10.26.1.6", null);
    allowTcp(f, f.primaryEni(b), 22, "10.26.0.0/16");
    assertThat(reconciler.reconcile(desired(f)).failed()).isEmpty();
    String router = Names.routerNamespace(vpc.id());

    // The router's table is not fingerprinted until the agent is idle: that is no drift.
    assertThat(reconciler.verifySome(100)).as("a table just applied, not yet recorded").isFalse();
    assertThat(reconciler.verifySome(100)).isFalse();

    // Damage outside the table is still found before the state is recorded,
    Command.run("ip", "-n", Names.instanceNamespace(a.id()), "addr", "del", "10.26.1.5/24", "dev", "ovpc-eth0")
        .orThrow();
    assertThat(reconciler.verifySome(100)).isTrue();
    assertThat(reconciler.reconcile(desired(f)).changed()).contains(Names.instanceNamespace(a.id()));
    // and once recorded, damage to the table is found too.
    reconciler.recordPending(() -> false);
    assertThat(reconciler.verifySome(100)).isFalse();
    Command.run("ip", "netns", "exec", router, "nft", "delete", "rule", "inet", "ovpc", "stage-sg-in", "handle",
        forwardRuleHandle(router)).orThrow();
    assertThat(reconciler.verifySome(100)).isTrue();
    assertThat(reconciler.reconcile(desired(f)).changed()).containsExactly(router);
    assertThat(reconciler.drift(desired(f))).isEmpty();
  }

  @Test
  void reconcile_halfMadeHost_restartedReconcilerRepairsIt() throws Exception {
    Fixtures f = new Fixtures();
    Vpc vpc = f.vpc("10.25.0.0/16", "fd00:25::/56");
    Subnet s1 = f.subnet(vpc, "10.25.1.0/24", "fd00:25:0:1::/64");
    Subnet s2 = f.subnet(vpc, "10.25.2.0/24", null);
    Instance a = f.instance(s1, "10.25.1.5", "fd00:25:0:1::5");
    Instance b = f.instance(s1, "10.25.1.6", "fd00:25:0:1::6");
    Instance c = f.instance(s2, "10.25.2.7", null);
    Instance d = f.instance(s2, "10.25.2.8", null);
    allowTcp(f, f.primaryEni(d), 22, "10.25.0.0/16");
    HostState desired = desired(f);
    assertThat(reconciler.reconcile(desired).failed()).isEmpty();
    reconciler.recordPending(() -> false); // as the agent does once idle: every mark claims its digest
    String router = Names.routerNamespace(vpc.id());
    String nsA = Names.instanceNamespace(a.id());
    String nsB = Names.instanceNamespace(b.id());
    String nsC = Names.instanceNamespace(c.id());

    // What a pass cut short leaves (marks that claim nothing, as the driver leaves them before a change):
    // b without its veth (both ends gone), c without its mark at all.
    Command.run("ip", "-n", nsB, "link", "del", "ovpc-eth0").orThrow();
    host.forgetApplied(nsB);
    host.forgetApplied(router);
    java.nio.file.Files.delete(java.nio.file.Path.of("/run/openvpc/netns", nsC));
    // Damage behind the back of namespaces whose marks still claim their digest: found by verification.
    Command.run("ip", "-n", nsA, "addr", "del", "10.25.1.5/24", "dev", "ovpc-eth0").orThrow();
    Command.run("ip", "netns", "exec", nsA, "sysctl", "-qw", "net.ipv4.ip_forward=0").orThrow();
    java.nio.file.Files.delete(java.nio.file.Path.of("/etc/netns", nsA, "resolv.conf"));
    Command.run("ip", "netns", "exec", router, "nft", "delete", "rule", "inet", "ovpc", "stage-sg-in", "handle",
        forwardRuleHandle(router)).orThrow();
    assertThat(Probe.ping(c.id(), "10.25.1.6")).isFalse();

    Reconciler restarted = new Reconciler(host);
    Reconciler.Outcome first = restarted.reconcile(desired);
    assertThat(first.failed()).as("the first pass repairs what is half made").isEmpty();
    assertThat(first.changed()).contains(router, nsB);
    assertThat(Probe.ping(c.id(), "10.25.1.6")).as("b's veth rebuilt from the router").isTrue();
    assertThat(LinuxHost.mark(nsC).orElseThrow().owner()).as("c adopted").isEqualTo(owner);

    // The rest is found by reading back those the restart trusted, and repaired on the next pass.
    assertThat(restarted.verifySome(100)).isTrue();
    assertThat(restarted.reconcile(desired).failed()).isEmpty();
    assertThat(restarted.drift(desired)).as("nothing left to repair").isEmpty();
    assertThat(Probe.ping(c.id(), "10.25.1.5")).isTrue();
    assertThat(Probe.ping(b.id(), "fd00:25:0:1::5")).isTrue();
    assertThat(Command.run("ip", "netns", "exec", nsA, "sysctl", "-n", "net.ipv4.ip_forward").stdout().strip())
        .isEqualTo("1");
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/etc/netns", nsA, "resolv.conf"))).isTrue();
    try (Probe probe = new Probe()) {
      probe.listen(d.id(), "tcp", 22);
      probe.listen(d.id(), "tcp", 80);
      assertThat(Probe.tcp(a.id(), "10.25.2.8", 22)).isTrue();
      assertThat(Probe.tcp(a.id(), "10.25.2.8", 80)).as("the table is whole again: port 80 stays denied").isFalse();
    }
    reconciler = restarted;
  }

  /** The handle of the ingress stage's rule that dispatches to the ENIs' security groups. */
  private static String forwardRuleHandle(String router) {
    for (String line : Command.run("ip", "netns", "exec", router, "nft", "-a", "list", "chain", "inet", "ovpc",
        "stage-sg-in").orThrow().stdout().split("\n")) {
      if (line.contains("vmap @sg-in")) {
        return line.substring(line.lastIndexOf("handle ") + 7).strip();
      }
    }
    throw new IllegalStateException("no dispatch rule in " + router);
  }

  @Test
  void reconcile_rulesetReplaced_establishedConnectionKeepsFlowing() throws Exception {
    Fixtures f = new Fixtures();
    Vpc vpc = f.vpc("10.21.0.0/16", null);
    Subnet s1 = f.subnet(vpc, "10.21.1.0/24", null);
    Instance a = f.instance(s1, "10.21.1.5", null);
    Instance b = f.instance(s1, "10.21.1.6", null);
    allowTcp(f, f.primaryEni(b), 9000, "10.21.1.0/24");
    assertThat(reconciler.reconcile(desired(f)).failed()).isEmpty();
    Process server = new ProcessBuilder("ip", "netns", "exec", Names.instanceNamespace(b.id()), "nc", "-l", "-p", "9000")
        .redirectErrorStream(true).start();
    Thread.sleep(200);
    Process client = new ProcessBuilder("ip", "netns", "exec", Names.instanceNamespace(a.id()), "nc", "-N", "10.21.1.6", "9000")
        .redirectErrorStream(true).start();
    try {
      client.getOutputStream().write("one\n".getBytes());
      client.getOutputStream().flush();
      // A new rule changes the group's chain in one transaction; the connection, still allowed, goes on.
      allowTcpAndDns(f, f.primaryEni(b));
      assertThat(reconciler.reconcile(desired(f)).changed())
          .containsExactly(Names.routerNamespace(vpc.id()));
      client.getOutputStream().write("two\n".getBytes());
      client.getOutputStream().flush();
      client.getOutputStream().close();
      assertThat(server.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(new String(server.getInputStream().readAllBytes())).isEqualTo("one\ntwo\n");
    } finally {
      client.destroy();
      server.destroy();
    }
  }

  @Test
  void reconcile_haVip_answersOnTheEniItIsBoundTo() {
    Fixtures f = new Fixtures();
    Vpc vpc = f.vpc("10.22.0.0/16", null);
    Subnet s1 = f.subnet(vpc, "10.22.1.0/24", null);
    Instance a = f.instance(s1, "10.22.1.5", null);
    Instance b = f.instance(s1, "10.22.1.6", null);
    Instance c = f.instance(s1, "10.22.1.7", null);
    var vip = f.havip(s1, "10.22.1.100", f.primaryEni(b));
    assertThat(reconciler.reconcile(desired(f)).failed())
        .isEmpty();
    assertThat(Probe.ping(a.id(), "10.22.1.100")).isTrue();
    assertThat(Command.run("ip", "-n", Names.instanceNamespace(b.id()), "-o", "addr").stdout()).contains("10.22.1.100/24");

    // The HAVIP floats to c: c answers on it, b no longer holds it.
    f.put(new io.openvpc.model.HaVip(vip.id(), vip.vpcId(), vip.subnetId(), vip.name(), vip.vip(),
        f.primaryEni(c).id(), c.id(), "", false, List.of(), List.of(), vip.createdTime(), vip.flushedTime()));
    assertThat(reconciler.reconcile(desired(f)).failed())
        .isEmpty();
    assertThat(Command.run("ip", "-n", Names.instanceNamespace(b.id()), "-o", "addr").stdout())
        .doesNotContain("10.22.1.100");
    assertThat(Command.run("ip", "-n", Names.instanceNamespace(c.id()), "-o", "addr").stdout()).contains("10.22.1.100/24");
    assertThat(Probe.ping(a.id(), "10.22.1.100")).isTrue();
  }

  @Test
  void reconcile_secondaryEni_answersThroughItself() {
    Fixtures f = new Fixtures();
    Vpc vpc = f.vpc("10.24.0.0/16", null);
    Subnet s1 = f.subnet(vpc, "10.24.1.0/24", null);
    Subnet s2 = f.subnet(vpc, "10.24.2.0/24", null);
    Instance a = f.instance(s1, "10.24.1.5", null);
    var second = f.eni(a, s2, false, "10.24.2.5", null);
    Instance c = f.instance(s2, "10.24.2.7", null);
    assertThat(reconciler.reconcile(desired(f)).failed()).isEmpty();
    assertThat(Command.run("ip", "-n", Names.instanceNamespace(a.id()), "-o", "addr", "show", "dev", "ovpc-eth1")
        .stdout()).contains("10.24.2.5/24");
    assertThat(Probe.ping(c.id(), "10.24.2.5")).as("through the secondary ENI " + second.id()).isTrue();
    assertThat(Probe.ping(c.id(), "10.24.1.5")).as("through the primary ENI").isTrue();
    // Each ENI answers from its own addresses through itself, so its own security groups see its traffic.
    assertThat(Command.run("ip", "-n", Names.instanceNamespace(a.id()), "route", "get", "10.24.2.7", "from", "10.24.2.5")
        .stdout()).contains("dev ovpc-eth1");
    assertThat(Command.run("ip", "-n", Names.instanceNamespace(a.id()), "route", "get", "10.24.2.7", "from", "10.24.1.5")
        .stdout()).contains("dev ovpc-eth0");
  }

  @Test
  void reconcile_overlappingVpcs_areIsolated() {
    Fixtures f = new Fixtures();
    Vpc v1 = f.vpc("10.30.0.0/16", null);
    Vpc v2 = f.vpc("10.30.0.0/16", null);
    Subnet s1 = f.subnet(v1, "10.30.1.0/24", null);
    Subnet s2 = f.subnet(v2, "10.30.1.0/24", null);
    Instance a1 = f.instance(s1, "10.30.1.5", null);
    Instance b1 = f.instance(s1, "10.30.1.6", null);
    Instance a2 = f.instance(s2, "10.30.1.5", null);
    assertThat(reconciler.reconcile(desired(f)).failed())
        .isEmpty();
    try (Probe probe = new Probe()) {
      probe.listen(b1.id(), "tcp", 7000);
      assertThat(Probe.tcp(a1.id(), "10.30.1.6", 7000)).isTrue();
      assertThat(Probe.tcp(a2.id(), "10.30.1.6", 7000)).as("the other VPC has no 10.30.1.6").isFalse();
    }
  }
}
