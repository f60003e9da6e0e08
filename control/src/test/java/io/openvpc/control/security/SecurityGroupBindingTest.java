package io.openvpc.control.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.control.Ledger;
import io.openvpc.control.store.InMemoryStore;
import io.openvpc.control.Quotas;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binding groups to instances (ordered, on the primary ENI's securityGroupIds), and what a binding
 * forbids: deleting the group. ENIs and instances are written straight into the ledger.
 */
class SecurityGroupBindingTest {
  private static final Scope SCOPE = new Scope(7, "ap-guangzhou");
  private Ledger ledger;
  private SecurityGroupService groups;

  @BeforeEach
  void setUp() {
    ledger = new Ledger(new InMemoryStore());
    Quotas quotas = new Quotas(Map.of("instance-max-security-groups", 3L));
    Clock clock = Clock.systemUTC();
    groups = new SecurityGroupService(ledger, quotas, clock,
        new SecurityGroupPolicyService(ledger, quotas, clock, new SnapshotService(ledger, clock)));
  }

  private String group(String name) {
    return groups.create(SCOPE, new SecurityGroupService.GroupSpec(name, "", null, null, null)).id();
  }

  private void eni(String id, String instanceId, boolean primary) {
    ledger.write(SCOPE, c -> c.put(new NetworkInterface(id, "vpc-aaaaaaaa", "subnet-aaaaaaaa", id, "", instanceId,
        primary, "20:90:6f:00:00:01", List.of(new PrivateIp(IpAddr.parse("10.0.0.5"), true, "")), List.of(), List.of(),
        "AVAILABLE", List.of(), Instant.now())));
  }

  private List<String> bound(String eni) {
    return ledger.read(SCOPE).find(NetworkInterface.class, eni).orElseThrow().securityGroupIds();
  }

  @Test
  void associate_appendsInOrder_keepsExistingPlaces_andRefusesQuota() {
    String a = group("a");
    String b = group("b");
    String c = group("c");
    instance("ins-00000001");
    eni("eni-00000001", "ins-00000001", true);
    groups.associateInstances(SCOPE, List.of("ins-00000001"), List.of(b, a));
    groups.associateInstances(SCOPE, List.of("ins-00000001"), List.of(c, b));
    assertThat(bound("eni-00000001")).containsExactly(b, a, c);
    assertThatThrownBy(() -> groups.associateInstances(SCOPE, List.of("ins-00000001"), List.of(group("d"))))
        .isInstanceOfSatisfying(Rejection.class, e -> {
          assertThat(e.code()).isEqualTo("LimitExceeded");
          assertThat(e.getMessage()).contains("instance-max-security-groups");
        });
    // cvm's AssociateSecurityGroups spells the code as cvm does (CvmErrorCode), not as the vpc family
    assertThatThrownBy(() -> groups.associateInstances(SCOPE, List.of("ins-00000001"), List.of("sg-zzzzzzzz")))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("InvalidSecurityGroupId.NotFound"));
    groups.disassociateInstances(SCOPE, List.of("ins-00000001"), List.of(a));
    assertThat(bound("eni-00000001")).containsExactly(b, c);
    assertThatThrownBy(() -> groups.disassociateInstances(SCOPE, List.of("ins-00000001"), List.of(a)))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("is not bound"));
  }

  private void instance(String id) {
    ledger.write(SCOPE, c -> c.put(new Instance(id, "vm", "ap-guangzhou-3", "S5.SMALL1", "img-00000001",
        "vpc-aaaaaaaa", "subnet-aaaaaaaa", InstanceState.RUNNING, List.of(), Instant.now())));
  }

  @Test
  void instanceBinding_goesToThePrimaryEni_andBlocksDeletion() {
    String a = group("a");
    instance("ins-00000001");
    eni("eni-00000001", "ins-00000001", true);
    eni("eni-00000002", "ins-00000001", false);
    groups.associateInstances(SCOPE, List.of("ins-00000001"), List.of(a));
    assertThat(bound("eni-00000001")).containsExactly(a);
    assertThat(bound("eni-00000002")).isEmpty();
    assertThat(groups.statistics(SCOPE, List.of(a)).get(0).cvm()).isEqualTo(1);
    assertThatThrownBy(() -> groups.delete(SCOPE, a)).isInstanceOfSatisfying(Rejection.class, e -> {
      assertThat(e.code()).isEqualTo("ResourceInUse");
      assertThat(e.getMessage()).contains("eni-00000001");
    });
    groups.disassociateInstances(SCOPE, List.of("ins-00000001"), List.of(a));
    groups.delete(SCOPE, a);
    assertThat(ledger.read(SCOPE).find(io.openvpc.model.SecurityGroup.class, a)).isEmpty();
    assertThatThrownBy(() -> groups.associateInstances(SCOPE, List.of("ins-00000009"), List.of(group("b"))))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("InvalidInstanceId.NotFound"));
  }
}
