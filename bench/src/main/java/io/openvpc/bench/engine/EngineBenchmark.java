package io.openvpc.bench.engine;

import io.openvpc.engine.Products;
import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.compile.Compilers;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.symbolic.ReachSet;
import io.openvpc.engine.symbolic.Reachability;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.Topology;
import io.openvpc.model.TopologyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine on a synthetic region ({@link SyntheticRegion}): full compile, one TracePacket (forward
 * and reply), AnalyzeReachability towards one instance, and one rule change applied incrementally.
 * Sample-time mode, so the report carries the median (p0.50). Kept short for two shared cores: one
 * fork, two warm-up and three measured iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EngineBenchmark {
  @Param({"1000", "10000", "50000"})
  public int instances;

  private SyntheticRegion region;
  private Topology topology;
  private final Compilers compilers = Products.compilers();
  private CompiledGraph model;
  private Tracer tracer;
  private final List<Node[]> pairs = new ArrayList<>();
  /** Rule changes as committed changes, each followed by the one that undoes it, from the same snapshot. */
  private final List<TopologyChange[]> changes = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    region = new SyntheticRegion(instances);
    topology = region.topology();
    model = CompiledGraph.compile(topology, compilers);
    tracer = new Tracer(model);
    Random r = new Random(7);
    for (int i = 0; i < 1024; i++) {
      // pairs inside one VPC, so that traces go the whole way
      int a = r.nextInt(region.eniIds.size());
      int b = (a + 1 + r.nextInt(Math.min(999, region.eniIds.size() - 1))) % region.eniIds.size();
      Node x = model.endpoint(region.eniIds.get(a)).orElseThrow();
      Node y = model.endpoint(region.eniIds.get(b)).orElseThrow();
      pairs.add(new Node[] {x, y});
    }
    for (int i = 0; i < 128; i++) {
      SecurityGroup g = region.groups.get(r.nextInt(region.groups.size()));
      SecurityGroup changed = region.withChangedRule(g, r.nextInt(60), region.rule(region.groups.size()));
      changes.add(new TopologyChange[] {change(changed), change(g)});
    }
  }

  /** One group changed in the synthetic snapshot; the engine checks only the revision it starts from. */
  private TopologyChange change(SecurityGroup g) {
    Topology after = topology.apply(topology.revision(), List.of(g), List.of());
    return new TopologyChange(topology.scope(), topology, after, List.of(g), List.of());
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public CompiledGraph compile() {
    return CompiledGraph.compile(topology, compilers);
  }

  @Benchmark
  public TraceResult tracePacket() {
    Node[] p = pairs.get(next++ & 1023);
    Packet packet = new Packet(Addr.of(p[0].addresses().get(0)), Addr.of(p[1].addresses().get(0)), 6, 49152,
        (next & 1) == 0 ? 22 : 1 + (next & 8191));
    return tracer.trace(p[0], packet);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ReachSet analyzeReachability() {
    Node[] p = pairs.get(next++ & 1023);
    ReachSet set = new Reachability(model).toDestination(p[1], Reachability.Filter.ALL);
    set.entries();
    return set;
  }

  /**
   * One rule of one group changes, and changes back: the incremental path (one call is two updates).
   * The snapshots are built in the set-up, so this measures the engine alone.
   */
  @Benchmark
  public CompiledGraph ruleChange() {
    TopologyChange[] c = changes.get(next++ & 127);
    model.apply(c[0]);
    model.apply(c[1]);
    return model;
  }
}
