package io.openvpc.control.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.control.Ledger;
import io.openvpc.control.store.InMemoryStore;
import io.openvpc.control.Quotas;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Rule order, insertion at PolicyIndex, replacement and deletion (by index and by content) held
 * against a plain list of ports: after every call the group's ingress rules are exactly the oracle's
 * list, Version counts the successful calls, and a refused call changes nothing.
 */
class PolicyEditingPropertiesTest {
  private static final Scope SCOPE = new Scope(1, "ap-guangzhou");

  private record Fixture(SecurityGroupService groups, SecurityGroupPolicyService policies) {}

  private static Fixture fixture() {
    Ledger ledger = new Ledger(new InMemoryStore());
    Quotas quotas = new Quotas(Map.of("security-group-max-policies", 40L));
    Clock clock = Clock.systemUTC();
    SnapshotService snapshots = new SnapshotService(ledger, clock);
    SecurityGroupPolicyService policies = new SecurityGroupPolicyService(ledger, quotas, clock, snapshots);
    return new Fixture(new SecurityGroupService(ledger, quotas, clock, policies), policies);
  }

  static PolicyInput rule(int port, Long index) {
    return new PolicyInput(index, "tcp", Integer.toString(port), null, null, "10.0.0.0/8", null, null, null, null,
        "accept", null);
  }

  static PolicyInput indexOnly(long index) {
    return new PolicyInput(index, null, null, null, null, null, null, null, null, null, null, null);
  }

  static PolicyInput.Set ingress(List<PolicyInput> rules) {
    return new PolicyInput.Set(null, rules, null);
  }

  @Property(tries = 60)
  void editsMatchAListOracle(@ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 5) Integer> ops,
      @ForAll long seed) {
    Fixture f = fixture();
    String sg = f.groups().create(SCOPE, new SecurityGroupService.GroupSpec("p", "d", null, null, null)).id();
    Random random = new Random(seed);
    List<Integer> oracle = new ArrayList<>();
    long version = 1;
    for (int op : ops) {
      List<Integer> before = List.copyOf(oracle);
      boolean ok = apply(f.policies(), sg, op, random, oracle);
      if (ok) {
        version++;
      } else {
        assertThat(oracle).isEqualTo(before);
      }
      SecurityGroup g = f.policies().describe(SCOPE, sg, null).group();
      assertThat(ports(g.ingress())).isEqualTo(oracle);
      assertThat(g.version()).isEqualTo(version);
    }
  }

  /**
   * A call refused after its rules were checked (here by the quota) leaves duplicate detection as it
   * was: the same rules can be added later, and a rule is still found a duplicate of its twin.
   */
  @net.jqwik.api.Example
  void refusedInsert_leavesDuplicateDetectionUntouched() {
    Fixture f = fixture();
    String sg = f.groups().create(SCOPE, new SecurityGroupService.GroupSpec("p", "d", null, null, null)).id();
    List<Integer> ports = new ArrayList<>();
    for (int p = 1; p <= 38; p++) {
      f.policies().create(SCOPE, sg, ingress(List.of(rule(p, null))));
      ports.add(p);
    }
    refused(() -> f.policies().create(SCOPE, sg, ingress(List.of(rule(100, 0L), rule(101, 0L), rule(102, 0L)))),
        "LimitExceeded.SecurityGroupPolicySet");
    f.policies().create(SCOPE, sg, ingress(List.of(rule(100, 0L), rule(101, 0L))));
    ports.addAll(0, List.of(100, 101));
    refused(() -> f.policies().create(SCOPE, sg, ingress(List.of(rule(102, null)))), "LimitExceeded.SecurityGroupPolicySet");
    f.policies().delete(SCOPE, sg, ingress(List.of(indexOnly(39))));
    ports.remove(39);
    refused(() -> f.policies().create(SCOPE, sg, ingress(List.of(rule(101, null)))), "UnsupportedOperation.DuplicatePolicy");
    refused(() -> f.policies().create(SCOPE, sg, ingress(List.of(rule(200, null), rule(200, 5L)))),
        "InvalidParameterValue");
    refused(() -> f.policies().create(SCOPE, sg, ingress(List.of(rule(200, 5L), rule(200, 5L)))),
        "UnsupportedOperation.DuplicatePolicy");
    f.policies().create(SCOPE, sg, ingress(List.of(rule(200, null))));
    ports.add(200);
    assertThat(ports(f.policies().describe(SCOPE, sg, null).group().ingress())).isEqualTo(ports);
  }

  /** Applies one random call to the service and the oracle; returns whether the service accepted it. */
  private static boolean apply(SecurityGroupPolicyService s, String sg, int op, Random random, List<Integer> oracle) {
    switch (op) {
      case 0 -> { // insert one or more new rules at an index, or append
        List<Integer> fresh = fresh(random, oracle, 1 + random.nextInt(3));
        Long index = random.nextBoolean() ? null : (long) random.nextInt(oracle.size() + 1);
        s.create(SCOPE, sg, ingress(fresh.stream().map(p -> rule(p, index)).toList()));
        oracle.addAll(index == null ? oracle.size() : index.intValue(), fresh);
        return true;
      }
      case 1 -> { // delete by distinct indexes
        if (oracle.isEmpty()) {
          return refused(() -> s.delete(SCOPE, sg, ingress(List.of(indexOnly(0)))), "InvalidParameterValue.Range");
        }
        List<Integer> idx = distinct(random, oracle.size(), 1 + random.nextInt(Math.min(3, oracle.size())));
        s.delete(SCOPE, sg, ingress(idx.stream().map(i -> indexOnly(i)).toList()));
        List<Integer> doomed = idx.stream().map(oracle::get).toList();
        oracle.removeAll(doomed);
        return true;
      }
      case 2 -> { // delete by content
        if (oracle.isEmpty()) {
          return refused(() -> s.delete(SCOPE, sg, ingress(List.of(rule(7, null)))), "ResourceNotFound");
        }
        int port = oracle.get(random.nextInt(oracle.size()));
        s.delete(SCOPE, sg, ingress(List.of(rule(port, null))));
        oracle.remove(Integer.valueOf(port));
        return true;
      }
      case 3 -> { // replace one rule in place
        if (oracle.isEmpty()) {
          return refused(() -> s.replaceOne(SCOPE, sg, ingress(List.of(rule(9, 0L))), null), "InvalidParameterValue.Range");
        }
        int at = random.nextInt(oracle.size());
        int port = fresh(random, oracle, 1).get(0);
        s.replaceOne(SCOPE, sg, ingress(List.of(rule(port, (long) at))), null);
        oracle.set(at, port);
        return true;
      }
      case 4 -> { // a duplicate is refused and changes nothing
        if (oracle.isEmpty()) {
          return refused(() -> s.create(SCOPE, sg, ingress(List.of(rule(5, 3L)))), "InvalidParameterValue.Range");
        }
        int port = oracle.get(random.nextInt(oracle.size()));
        return refused(() -> s.create(SCOPE, sg, ingress(List.of(rule(port, null)))), "UnsupportedOperation.DuplicatePolicy");
      }
      default -> { // the whole set in a new order
        List<Integer> next = new ArrayList<>(oracle);
        java.util.Collections.shuffle(next, random);
        if (!next.isEmpty() && random.nextBoolean()) {
          next.remove(0);
        }
        s.modify(SCOPE, sg, ingress(next.stream().map(p -> rule(p, null)).toList()), true);
        oracle.clear();
        oracle.addAll(next);
        return true;
      }
    }
  }

  private static boolean refused(Runnable call, String code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo(code));
    return false;
  }

  private static List<Integer> fresh(Random random, List<Integer> taken, int n) {
    List<Integer> out = new ArrayList<>();
    while (out.size() < n) {
      int p = 1 + random.nextInt(500);
      if (!taken.contains(p) && !out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Integer> distinct(Random random, int bound, int n) {
    List<Integer> out = new ArrayList<>();
    while (out.size() < n) {
      int i = random.nextInt(bound);
      if (!out.contains(i)) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<Integer> ports(List<SecurityGroupPolicy> rules) {
    return rules.stream().map(p -> Integer.parseInt(p.port())).toList();
  }
}
