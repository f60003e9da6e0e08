package io.openvpc.control.security;

import static io.openvpc.control.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.control.Filter;
import io.openvpc.control.Ledger;
import io.openvpc.control.Quotas;
import io.openvpc.control.store.InMemoryStore;
import io.openvpc.model.Scope;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Describe actions of security groups, their rules and snapshot policies select as every other listing does. */
class SecurityListingTest {
  private static final Scope SCOPE = new Scope(7, "ap-guangzhou");
  private final Ledger ledger = new Ledger(new InMemoryStore());
  private final Clock clock = Clock.systemUTC();
  private final SnapshotService snapshots = new SnapshotService(ledger, clock);
  private final SecurityGroupPolicyService policies = new SecurityGroupPolicyService(ledger, Quotas.defaultQuotas(),
      clock, snapshots);
  private final SecurityGroupService groups = new SecurityGroupService(ledger, Quotas.defaultQuotas(), clock, policies);
  private final String sg = groups.create(SCOPE, new SecurityGroupService.GroupSpec("g", "", null, null, null)).id();

  private static List<Filter> filter(String name, String... values) {
    return List.of(new Filter(name, List.of(values)));
  }


  @Test
  void idsAndFilters_coexist() {
    assertRejected(() -> groups.describe(SCOPE, List.of(sg), filter("security-group-name", "g"), null, null, null, null),
        "InvalidParameter.Coexist", "`SecurityGroupIds` and `Filters`");
    String policy = snapshots.create(SCOPE, List.of(new SnapshotService.PolicySpec(null, "p", "operate", 7L, false,
        "ap-guangzhou", "b", null, null)), null).get(0).id();
    assertRejected(() -> snapshots.describe(SCOPE, List.of(policy), filter("snapshot-policy-name", "p"), null, null),
        "InvalidParameter.Coexist", "`SnapshotPolicyIds` and `Filters`");
    assertThat(snapshots.describe(SCOPE, List.of(policy), null, null, null).items()).singleElement()
        .satisfies(p -> assertThat(p.id()).isEqualTo(policy));
  }

  @Test
  void policyFilters_refuseAsEveryListingDoes() {
    assertRejected(() -> policies.describe(SCOPE, sg, filter("colour", "red")), "InvalidParameter.FilterInvalidKey",
        "Filter `colour` in `Filters.0.Name` is not supported; supported filters: security-group-id, ip, "
            + "address-module, service-module, protocol-type, port, poly, direction, description.");
    assertRejected(() -> policies.describe(SCOPE, sg, List.of(new Filter(null, List.of("x")))), "MissingParameter",
        "Filters.0.Name");
    assertRejected(() -> policies.describe(SCOPE, sg, filter("port", Collections.nCopies(101, "80").toArray(String[]::new))),
        "InvalidParameterValue.LimitExceeded", "Filters.0.Values");
  }

  @Test
  void policyFilters_keepEachRuleAtItsIndex() {
    policies.create(SCOPE, sg, PolicyEditingPropertiesTest.ingress(List.of(PolicyEditingPropertiesTest.rule(22, null),
        PolicyEditingPropertiesTest.rule(80, null), PolicyEditingPropertiesTest.rule(443, null))));
    PolicyFilters.Listing l = policies.describe(SCOPE, sg, List.of(new Filter("port", List.of("80", "443")),
        new Filter("direction", List.of("ingress"))));
    assertThat(l.ingress()).extracting(PolicyFilters.Indexed::index).containsExactly(1, 2);
    assertThat(l.egress()).isEmpty();
    assertThat(policies.describe(SCOPE, sg, filter("security-group-id", sg)).ingress()).hasSize(3);
  }
}
