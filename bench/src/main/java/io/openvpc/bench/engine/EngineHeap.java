package io.openvpc.bench.engine;

import io.openvpc.engine.Products;
import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.compile.Compilers;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.symbolic.Reachability;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.Topology;
import io.openvpc.model.TopologyChange;
import java.util.List;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

/**
 * Retained heap of a compiled model and of its topology per region size (used heap after a full GC
 * before and after), and the CPU time (not wall time) of each operation, which other processes on a
 * shared machine do not inflate: medians of a full compile, a trace, a reachability analysis and a
 * rule change. Usage: {@code EngineHeap 1000 10000 50000} (run with -Xmx2g to check the bound).
 */
public final class EngineHeap {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private EngineHeap() {}

  public static void main(String[] args) {
    for (String a : args) {
      int n = Integer.parseInt(a);
      long base = used();
      SyntheticRegion region = new SyntheticRegion(n);
      Topology t = region.topology();
      long withTopology = used();
      Compilers compilers = Products.compilers();
      CompiledGraph m = CompiledGraph.compile(t, compilers);
      long withModel = used();
      double[] compile = new double[3];
      for (int i = 0; i < compile.length; i++) {
        long c0 = CPU.getCurrentThreadCpuTime();
        CompiledGraph.compile(t, compilers);
        compile[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
      }
      Random r = new Random(3);
      Tracer tracer = new Tracer(m);
      double[] trace = new double[200];
      for (int i = 0; i < trace.length; i++) {
        long c0 = CPU.getCurrentThreadCpuTime();
        for (int k = 0; k < 100; k++) {
          Node x = m.endpoint(region.eniIds.get(r.nextInt(n))).orElseThrow();
          Node y = m.endpoint(region.eniIds.get(r.nextInt(n))).orElseThrow();
          tracer.trace(x, new Packet(Addr.of(x.addresses().get(0)), Addr.of(y.addresses().get(0)), 6, 49152,
              1 + r.nextInt(8192)));
        }
        trace[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e3 / 100;
      }
      double[] reach = new double[15];
      for (int i = 0; i < reach.length; i++) {
        Node d = m.endpoint(region.eniIds.get(r.nextInt(n))).orElseThrow();
        long c0 = CPU.getCurrentThreadCpuTime();
        new Reachability(m).toDestination(d, Reachability.Filter.ALL).entries();
        reach[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
      }
      double[] change = new double[200];
      for (int i = 0; i < change.length; i++) {
        SecurityGroup g = region.groups.get(r.nextInt(region.groups.size()));
        SecurityGroup changed = region.withChangedRule(g, r.nextInt(60), region.rule(region.groups.size()));
        // the snapshots are made before the clock starts: this measures the engine's update alone
        Topology there = t.apply(t.revision() + 1, List.of(changed), List.of());
        Topology back = there.apply(there.revision() + 1, List.of(g), List.of());
        long c0 = CPU.getCurrentThreadCpuTime();
        m.apply(new TopologyChange(t.scope(), t, there, List.of(changed), List.of()));
        m.apply(new TopologyChange(t.scope(), there, back, List.of(g), List.of()));
        change[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e3 / 2;
        t = back;
      }
      System.out.printf("instances=%d topology=%d MiB model=%d MiB total=%d MiB peak-used=%d MiB | CPU medians: "
              + "compile=%.0f ms trace=%.1f us reach=%.1f ms rule-change=%.1f us%n",
          n, (withTopology - base) >> 20, (withModel - withTopology) >> 20, (withModel - base) >> 20, peak() >> 20,
          median(compile), median(trace), median(reach), median(change));
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static long used() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static long peak() {
    long sum = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
