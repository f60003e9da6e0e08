package io.openvpc.bench.engine;

import io.openvpc.engine.graph.ForwardingModel;
import io.openvpc.model.Topology;
import java.lang.management.ManagementFactory;

/**
 * Retained heap of a compiled model and of its topology, per region size: used heap after a full GC
 * before and after. Usage: {@code EngineHeap 1000 10000 50000} (run with -Xmx2g to check the bound).
 */
public final class EngineHeap {
  private EngineHeap() {}

  public static void main(String[] args) {
    for (String a : args) {
      int n = Integer.parseInt(a);
      long base = used();
      SyntheticRegion region = new SyntheticRegion(n);
      Topology t = region.topology();
      long withTopology = used();
      long start = System.nanoTime();
      ForwardingModel m = ForwardingModel.compile(t);
      long compileMs = (System.nanoTime() - start) / 1_000_000;
      long withModel = used();
      System.out.printf("instances=%d topology=%d MiB model=%d MiB total=%d MiB first-compile=%d ms peak-used=%d MiB (%d interfaces)%n",
          n, (withTopology - base) >> 20, (withModel - withTopology) >> 20, (withModel - base) >> 20, compileMs,
          peak() >> 20, m.interfaces().size());
      region = null;
      t = null;
      m = null;
    }
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
