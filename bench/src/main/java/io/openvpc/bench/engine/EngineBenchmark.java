package io.openvpc.bench.engine;

import io.openvpc.engine.graph.CompiledEni;
import io.openvpc.engine.graph.ForwardingModel;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.symbolic.ReachSet;
import io.openvpc.engine.symbolic.Reachability;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.Topology;
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
  private ForwardingModel model;
  private Tracer tracer;
  private final List<CompiledEni[]> pairs = new ArrayList<>();
  private final List<SecurityGroup[]> changes = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    region = new SyntheticRegion(instances);
    topology = region.topology();
    model = ForwardingModel.compile(topology);
    tracer = new Tracer(model);
    Random r = new Random(7);
    for (int i = 0; i < 1024; i++) {
      // pairs inside one VPC, so that traces go the whole way
      int a = r.nextInt(region.eniIds.size());
      int b = (a + 1 + r.nextInt(Math.min(999, region.eniIds.size() - 1))) % region.eniIds.size();
      CompiledEni x = model.eni(region.eniIds.get(a)).orElseThrow();
      CompiledEni y = model.eni(region.eniIds.get(b)).orElseThrow();
      pairs.add(new CompiledEni[] {x, y});
      SecurityGroup g = region.groups.get(r.nextInt(region.groups.size()));
      changes.add(new SecurityGroup[] {g, region.withChangedRule(g, r.nextInt(60), region.rule(region.groups.size()))});
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public ForwardingModel compile() {
    return ForwardingModel.compile(topology);
  }

  @Benchmark
  public TraceResult tracePacket() {
    CompiledEni[] p = pairs.get(next++ & 1023);
    Packet packet = new Packet(Addr.of(p[0].ipv4().get(0)), Addr.of(p[1].ipv4().get(0)), 6, 49152,
        (next & 1) == 0 ? 22 : 1 + (next & 8191));
    return tracer.trace(p[0], packet);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ReachSet analyzeReachability() {
    CompiledEni[] p = pairs.get(next++ & 1023);
    ReachSet set = new Reachability(model).toDestination(p[1], Reachability.Filter.ALL);
    set.entries();
    return set;
  }

  /** One rule of one group changes (and changes back on the next call): the incremental path. */
  @Benchmark
  public ForwardingModel ruleChange() {
    SecurityGroup[] c = changes.get(next++ & 1023);
    model.put((next & 1024) == 0 ? c[1] : c[0]);
    return model;
  }
}
