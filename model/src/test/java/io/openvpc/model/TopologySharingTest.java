package io.openvpc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Topology#apply} shares everything but the paths to what changed with the snapshot before. */
class TopologySharingTest {
  private static final Scope SCOPE = new Scope(1, "ap-guangzhou");

  private static Subnet subnet(int i, String vpc) {
    return new Subnet("subnet-" + i, vpc, "s" + i, null, null, "zone", "rtb-" + vpc, "", false, false, List.of(),
        Instant.ofEpochSecond(1_700_000_000L + i));
  }

  private static Vpc vpc(String id) {
    return new Vpc(id, "v", null, List.of(), null, false, false, false, List.of(), "", List.of(), Instant.EPOCH);
  }

  @Test
  void aWriteLeavesOtherKindsAndOtherKeysTheSameObjects() {
    List<Resource> all = new ArrayList<>();
    all.add(vpc("vpc-a"));
    all.add(vpc("vpc-b"));
    for (int i = 0; i < 10_000; i++) {
      all.add(subnet(i, i % 2 == 0 ? "vpc-a" : "vpc-b"));
    }
    Topology before = Topology.of(SCOPE, 1, all);
    Topology after = before.apply(2, List.of(subnet(10_001, "vpc-a")), List.of());

    // another kind: the very same table
    assertThat(after.table(Vpc.class)).isSameAs(before.table(Vpc.class));
    // the kind written: a new table, but the index entry of a key the write did not touch is shared
    Topology.Table b = before.table(Subnet.class);
    Topology.Table a = after.table(Subnet.class);
    assertThat(a).isNotSameAs(b);
    int slot = Indexes.SUBNET_BY_VPC.slot;
    assertThat(a.indexes[slot].get("vpc-b")).isSameAs(b.indexes[slot].get("vpc-b"));
    assertThat(a.indexes[slot].get("vpc-a")).isNotSameAs(b.indexes[slot].get("vpc-a"));
    // the snapshot before is unchanged
    assertThat(before.count(Subnet.class)).isEqualTo(10_000);
    assertThat(after.count(Subnet.class)).isEqualTo(10_001);
    assertThat(before.countBy(Indexes.SUBNET_BY_VPC, "vpc-a")).isEqualTo(5_000);
    assertThat(after.countBy(Indexes.SUBNET_BY_VPC, "vpc-a")).isEqualTo(5_001);
    assertThat(after.range(Indexes.SUBNET_NEWEST, false, 0, 1)).extracting(Subnet::id).containsExactly("subnet-10001");
    assertThat(before.range(Indexes.SUBNET_NEWEST, false, 0, 1)).extracting(Subnet::id).containsExactly("subnet-9999");
  }

  @Test
  void aWriteAllocatesLittleWhateverTheRegionsSize() {
    // a write to a region of 100,000 resources allocates about what one to a region of 100 does (log n),
    // not a copy of the kind: measured as allocated bytes of this thread, when the JVM reports them
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    if (!(bean instanceof com.sun.management.ThreadMXBean threads) || !threads.isThreadAllocatedMemorySupported()) {
      return;
    }
    long small = allocatedPerWrite(threads, 100);
    long large = allocatedPerWrite(threads, 100_000);
    assertThat(large).as("bytes per write at 100,000 vs %d at 100", small).isLessThan(small * 4 + 20_000);
  }

  private static long allocatedPerWrite(com.sun.management.ThreadMXBean threads, int n) {
    List<Resource> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(subnet(i, "vpc-" + (i % 50)));
    }
    Topology t = Topology.of(SCOPE, 1, all);
    for (int i = 0; i < 200; i++) {  // warm up
      t.apply(2, List.of(subnet(n + i, "vpc-1")), List.of());
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    int writes = 200;
    for (int i = 0; i < writes; i++) {
      t = t.apply(3 + i, List.of(subnet(n + i, "vpc-" + (i % 50))), List.of());
    }
    return (threads.getThreadAllocatedBytes(id) - before) / writes;
  }
}
