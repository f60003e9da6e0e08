package io.openvpc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The indexes and orders a {@link Topology} keeps agree with a scan of its resources, after any
 * sequence of writes on a random region, and with a snapshot built from scratch of the same resources.
 */
class TopologyIndexPropertyTest {
  private static final Scope SCOPE = new Scope(1, "ap-guangzhou");
  private static final List<Class<? extends Resource>> KINDS = List.of(Instance.class, NetworkInterface.class,
      Subnet.class, HaVip.class, SecurityGroup.class, SnapshotPolicy.class, SnapshotFile.class);

  @Property(tries = 60)
  void indexesAndOrdersEqualScans(@ForAll long seed) {
    Random rnd = new Random(seed);
    Topology t = Topology.empty(SCOPE);
    Map<String, Resource> model = new HashMap<>();
    int steps = 20 + rnd.nextInt(200);
    for (int s = 0; s < steps; s++) {
      List<Resource> puts = new ArrayList<>();
      List<ResourceKey> deletes = new ArrayList<>();
      int edits = 1 + rnd.nextInt(4);
      for (int e = 0; e < edits; e++) {
        if (!model.isEmpty() && rnd.nextInt(4) == 0) {
          List<String> ids = new ArrayList<>(new TreeMap<>(model).keySet());
          Resource gone = model.remove(ids.get(rnd.nextInt(ids.size())));
          deletes.add(ResourceKey.of(gone));
          puts.removeIf(p -> p.id().equals(gone.id()));
        } else {
          Resource drawn = random(rnd);
          // as the rule editor does: untouched rules stay the same objects
          Resource r = drawn instanceof SecurityGroup && model.get(drawn.id()) instanceof SecurityGroup was
              && rnd.nextBoolean() ? edited(rnd, was) : drawn;
          model.put(r.id(), r);
          deletes.removeIf(d -> d.id().equals(r.id()));
          puts.removeIf(p -> p.id().equals(r.id()));
          puts.add(r);
        }
      }
      t = t.apply(s + 1, puts, deletes);
      if (rnd.nextInt(10) == 0 || s == steps - 1) {
        check(t, model);
        check(Topology.of(SCOPE, s + 1, model.values()), model);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void check(Topology t, Map<String, Resource> model) {
    for (Class<? extends Resource> kind : KINDS) {
      List<Resource> scanned = model.values().stream().filter(r -> r.getClass() == kind).toList();
      assertThat(t.count(kind)).isEqualTo(scanned.size());
      assertThat(t.all(kind)).containsExactlyInAnyOrderElementsOf((Collection) scanned);
      for (Index<?> raw : Indexes.of(kind)) {
        Index<Resource> index = (Index<Resource>) raw;
        Map<String, List<Resource>> byKey = new TreeMap<>();
        for (Resource r : scanned) {
          for (String k : index.keys(r)) {
            byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
          }
        }
        for (var e : byKey.entrySet()) {
          List<Resource> expected = e.getValue().stream().sorted(Comparator.comparing(Resource::id)).toList();
          assertThat(t.by(index, e.getKey())).as("%s %s", index, e.getKey()).containsExactlyElementsOf(expected);
          assertThat(t.countBy(index, e.getKey())).isEqualTo(expected.size());
        }
        for (String absent : List.of("vpc-none", "sg-none", "")) {
          assertThat(t.by(index, absent)).isEmpty();
        }
      }
      for (Order<?> raw : Indexes.ordersOf(kind)) {
        Order<Resource> order = (Order<Resource>) raw;
        List<Resource> sorted = new ArrayList<>(scanned);
        sorted.sort((Comparator) order.comparator());
        assertThat(t.range(order, false, 0, Integer.MAX_VALUE)).containsExactlyElementsOf(sorted);
        List<Resource> backwards = new ArrayList<>(sorted);
        java.util.Collections.reverse(backwards);
        assertThat(t.range(order, true, 0, Integer.MAX_VALUE)).containsExactlyElementsOf(backwards);
        int n = sorted.size();
        assertThat(t.range(order, false, n / 2, n / 2 + 3)).containsExactlyElementsOf(sorted.subList(n / 2,
            Math.min(n, n / 2 + 3)));
        assertThat(t.range(order, false, n + 5, n + 10)).isEmpty();
      }
    }
  }

  private static final String[] VPCS = {"vpc-a", "vpc-b", "vpc-c"};
  private static final String[] SUBNETS = {"subnet-a", "subnet-b", "subnet-c", "subnet-d"};
  private static final String[] GROUPS = {"sg-a", "sg-b", "sg-c", "sg-d", "sg-e"};

  private static String pick(Random rnd, String[] from) {
    return from[rnd.nextInt(from.length)];
  }

  private static Instant time(Random rnd) {
    return Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(5));
  }

  /** A resource of a random kind, often replacing an existing ID with other keys. */
  static Resource random(Random rnd) {
    String n = Integer.toString(rnd.nextInt(12));
    switch (rnd.nextInt(7)) {
      case 0:
        return new Instance("ins-" + n, "i", "zone", "S5", "img", pick(rnd, VPCS), pick(rnd, SUBNETS),
            InstanceState.RUNNING, List.of(), time(rnd));
      case 1:
        return new NetworkInterface("eni-" + n, pick(rnd, VPCS), pick(rnd, SUBNETS), "e", "",
            rnd.nextBoolean() ? "" : "ins-" + rnd.nextInt(4), rnd.nextBoolean(), "mac", List.of(), List.of(),
            groups(rnd), "AVAILABLE", List.of(), time(rnd));
      case 2:
        return new Subnet("subnet-" + n, pick(rnd, VPCS), "s", null, null, "zone", "rtb-" + rnd.nextInt(3),
            rnd.nextBoolean() ? "" : "acl-" + rnd.nextInt(3), false, false, List.of(), time(rnd));
      case 3:
        return new HaVip("havip-" + n, pick(rnd, VPCS), pick(rnd, SUBNETS), "h", null,
            rnd.nextBoolean() ? "" : "eni-" + rnd.nextInt(4), "", "", false, List.of(), List.of(), time(rnd), null);
      case 4:
        List<SecurityGroupPolicy> in = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          in.add(rule(rnd.nextBoolean() ? pick(rnd, GROUPS) : ""));
        }
        return new SecurityGroup("sg-" + (char) ('a' + rnd.nextInt(5)), "g", "", "" + rnd.nextInt(2), false, 1, in,
            rnd.nextBoolean() ? List.of() : List.of(rule(pick(rnd, GROUPS))), List.of(), time(rnd), time(rnd));
      case 5:
        return new SnapshotPolicy("sspolicy-" + n, "p", "operate", 7, false, "", "", List.of(), true, groups(rnd),
            List.of(), time(rnd));
      default:
        return new SnapshotFile("ssfile-" + n, "sspolicy-" + rnd.nextInt(4), pick(rnd, GROUPS), time(rnd), "", 1,
            List.of(), List.of());
    }
  }

  private static List<String> groups(Random rnd) {
    List<String> out = new ArrayList<>();
    for (String g : GROUPS) {
      if (rnd.nextInt(3) == 0) {
        out.add(g);
      }
    }
    return out;
  }

  /** {@code g} with one rule inserted, deleted or replaced in a direction, every other rule the same object. */
  private static SecurityGroup edited(Random rnd, SecurityGroup g) {
    boolean ingress = rnd.nextBoolean();
    List<SecurityGroupPolicy> rules = new ArrayList<>(ingress ? g.ingress() : g.egress());
    SecurityGroupPolicy fresh = rule(rnd.nextBoolean() ? pick(rnd, GROUPS) : "");
    int op = rules.isEmpty() ? 0 : rnd.nextInt(3);
    if (op == 0) {
      rules.add(rnd.nextInt(rules.size() + 1), fresh);
    } else if (op == 1) {
      rules.remove(rnd.nextInt(rules.size()));
    } else {
      rules.set(rnd.nextInt(rules.size()), fresh);
    }
    return new SecurityGroup(g.id(), g.name(), g.description(), g.projectId(), g.isDefault(), g.version() + 1,
        ingress ? rules : g.ingress(), ingress ? g.egress() : rules, g.tags(), g.createdTime(), g.updateTime());
  }

  static SecurityGroupPolicy rule(String peerGroup) {
    return new SecurityGroupPolicy("TCP", "22", "", "", peerGroup.isEmpty() ? "10.0.0.0/8" : "", "", peerGroup, "",
        "", "ACCEPT", "", Instant.EPOCH);
  }
}
