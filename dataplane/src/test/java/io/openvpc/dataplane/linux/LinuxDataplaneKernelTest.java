package io.openvpc.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.Fixtures;
import io.openvpc.dataplane.LinuxDataplane;
import io.openvpc.dataplane.render.Names;
import io.openvpc.model.Instance;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent: follows topologies through the engine, and repairs drift made behind its back. */
class LinuxDataplaneKernelTest {
  private LinuxHost host;
  private LinuxDataplane agent;

  @BeforeEach
  void setUp() {
    KernelTests.assumeKernel();
    host = new LinuxHost(KernelTests.owner("agent"));
    agent = new LinuxDataplane(host, new io.openvpc.engine.Engine()).start();
  }

  @AfterEach
  void tearDown() {
    if (agent != null) {
      agent.teardown();
      assertThat(host.ownedNamespaces()).isEmpty();
    }
  }

  @Test
  void update_followsSecurityGroupsAndRepairsDrift() throws Exception {
    Fixtures f = new Fixtures();
    Vpc vpc = f.vpc("10.23.0.0/16", null);
    Subnet s1 = f.subnet(vpc, "10.23.1.0/24", null);
    Instance a = f.instance(s1, "10.23.1.5", null);
    Instance b = f.instance(s1, "10.23.1.6", null);
    SecurityGroup sg = f.securityGroup(List.of(Fixtures.rule("ACCEPT", "ICMP", "ALL", "10.23.1.0/24")),
        List.of(Fixtures.rule("ACCEPT", "ALL", "ALL", "0.0.0.0/0")));
    f.bind(f.primaryEni(a), sg.id());
    f.bind(f.primaryEni(b), sg.id());
    Topology t = f.topology();
    assertThat(agent.awaitApplied(agent.update(t), 60, TimeUnit.SECONDS)).isTrue();
    assertThat(Probe.ping(a.id(), "10.23.1.6")).as("ICMP allowed by the group").isTrue();

    // Someone deletes b's address behind the agent's back: the idle read-back notices and repairs it.
    Command.run("ip", "-n", Names.instanceNamespace(b.id()), "addr", "del", "10.23.1.6/24", "dev", "ovpc-eth0")
        .orThrow();
    assertThat(Probe.ping(a.id(), "10.23.1.6")).isFalse();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    boolean repaired = false;
    while (!repaired && System.nanoTime() < deadline) {
      Thread.sleep(200);
      repaired = Command.run("ip", "-n", Names.instanceNamespace(b.id()), "-o", "addr").stdout().contains("10.23.1.6/24");
    }
    assertThat(repaired).as("the agent restored the address").isTrue();
    assertThat(Probe.ping(a.id(), "10.23.1.6")).isTrue();
  }
}
