package io.openvpc.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.LinuxDataplane;
import io.openvpc.dataplane.host.HostState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent killed in the middle of its work (SIGKILL, at a random moment) leaves the host half made; a
 * fresh agent on the same owner must converge in its first pass: no failure, nothing left to repair,
 * and packets that agree with the desired state (pings and an allowed port get through, a denied port
 * stays denied). The agent runs in a JVM of its own ({@link CrashAgent}), realising one variant of
 * {@link CrashTopology} after another. Several rounds; the seed is printed and {@code
 * -Dovpc.crash.seed} replays it, {@code -Dovpc.crash.rounds} sets the number of rounds (default 4).
 */
class CrashKernelTest {
  private String owner;
  private LinuxHost host;
  private final String tag = io.openvpc.dataplane.Fixtures.suffix().substring(0, 5);

  @BeforeEach
  void setUp() {
    KernelTests.assumeKernel();
    owner = KernelTests.owner("crash");
    host = new LinuxHost(owner);
  }

  @AfterEach
  void tearDown() {
    if (host != null) {
      new Reconciler(host).reconcile(HostState.EMPTY);
      assertThat(host.ownedNamespaces()).isEmpty();
    }
  }

  @Test
  void killedAgent_freshAgentConvergesInItsFirstPass() throws Exception {
    long seed = Long.getLong("ovpc.crash.seed", System.nanoTime());
    int rounds = Integer.getInteger("ovpc.crash.rounds", 4);
    System.err.println("crash: " + rounds + " rounds from seed " + seed + " (-Dovpc.crash.seed=" + seed + ")");
    Random r = new Random(seed);
    Path log = Path.of("target", "crash-agent-" + tag + ".log");
    for (int round = 0; round < rounds; round++) {
      long delay = 200 + r.nextInt(2500);
      int passes = runAndKill(r.nextLong(), delay, log);
      int variant = r.nextInt(CrashTopology.VARIANTS);
      System.err.println("crash round " + round + ": killed after " + delay + " ms and " + passes
          + " passes; converging to variant " + variant);
      converge(variant, "seed " + seed + " round " + round);
    }
  }

  /** Starts the agent in a JVM of its own, kills it {@code delay} ms after it started; returns its passes. */
  private int runAndKill(long agentSeed, long delay, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    Process agent = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashAgent.class.getName(), owner, tag, Long.toString(agentSeed)).redirectErrorStream(true).start();
    List<String> out = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          synchronized (out) {
            out.add(line);
            out.notifyAll();
          }
        }
      } catch (IOException ignored) {
        // killed
      }
    });
    reader.setDaemon(true);
    reader.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    synchronized (out) {
      while (!out.contains("started") && agent.isAlive() && System.nanoTime() < until) {
        out.wait(100);
      }
    }
    assertThat(agent.isAlive()).as("the agent runs: " + out).isTrue();
    Thread.sleep(delay);
    agent.destroyForcibly();
    assertThat(agent.waitFor(10, TimeUnit.SECONDS)).isTrue();
    reader.join(2000);
    synchronized (out) {
      Files.write(log, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return (int) out.stream().filter(l -> l.startsWith("pass ")).count();
    }
  }

  /** A fresh agent in this JVM on the same owner: its first pass must leave the host as desired. */
  private void converge(int variant, String what) throws Exception {
    LinuxDataplane agent = new LinuxDataplane(new LinuxHost(owner), new io.openvpc.engine.Engine());
    List<Reconciler.Outcome> outcomes = new ArrayList<>();
    agent.observe(o -> {
      synchronized (outcomes) {
        outcomes.add(o);
      }
    });
    try {
      long ticket = agent.update(CrashTopology.of(tag, variant));
      agent.start();
      assertThat(agent.awaitApplied(ticket, 2, TimeUnit.MINUTES)).as(what + ": converged in time").isTrue();
      synchronized (outcomes) {
        assertThat(outcomes).isNotEmpty();
        assertThat(outcomes.get(0).failed()).as(what + ": the first pass fails nowhere").isEmpty();
      }
      // Stopping the agent records what it applied (the marks a restart trusts); then nothing is left.
      agent.close();
      HostState desired = agent.desired();
      List<NetnsPlan> drift = new Reconciler(host).drift(desired);
      StringBuilder why = new StringBuilder();
      for (NetnsPlan p : drift) {
        NftListing now = LinuxHost.listing(p.namespace());
        why.append("\n").append(p.namespace()).append(": mark ").append(LinuxHost.mark(p.namespace()))
            .append(", kernel marker ").append(now.marker()).append(" fingerprint ").append(now.fingerprint())
            .append(", desired ").append(desired.namespace(p.namespace()).map(n -> n.nftables().digest()).orElse("-"));
      }
      assertThat(drift).as(what + ": nothing left to repair" + why).isEmpty();
      assertThat(host.ownedNamespaces()).containsExactlyInAnyOrderElementsOf(desired.namespaces().keySet());
      String a = CrashTopology.instanceId(tag, 0);
      String b = CrashTopology.instanceId(tag, 1);
      try (Probe probe = new Probe()) {
        probe.listen(b, "tcp", 22);
        probe.listen(b, "tcp", 9);
        probe.listen(b, "tcp", 80);
        assertThat(Probe.ping(a, CrashTopology.address(1))).as(what + ": ping across subnets").isTrue();
        assertThat(Probe.ping(a, "fd00:26:0:1::12")).as(what + ": ping over IPv6, same subnet").isTrue();
        assertThat(Probe.tcp(a, CrashTopology.address(1), 22)).as(what + ": port 22 allowed").isTrue();
        assertThat(Probe.tcp(a, CrashTopology.address(1), 9)).as(what + ": port 9 denied").isFalse();
        assertThat(Probe.tcp(a, CrashTopology.address(1), 80)).as(what + ": port 80 as the variant says")
            .isEqualTo(variant % 2 == 0);
      }
    } finally {
      agent.close();
    }
  }
}
