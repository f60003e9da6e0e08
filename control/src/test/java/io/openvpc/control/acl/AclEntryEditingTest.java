package io.openvpc.control.acl;

import static io.openvpc.control.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.control.Ledger;
import io.openvpc.control.Quotas;
import io.openvpc.control.store.InMemoryStore;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.Direction;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.NetworkAclEntry;
import io.openvpc.model.NetworkAclQuintupleEntry;
import io.openvpc.model.Scope;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ACL entry editing: each action names entries against the ACL as it was, and a refused call changes nothing. */
class AclEntryEditingTest {
  private static final Scope SCOPE = new Scope(3, "ap-guangzhou");
  private final Ledger ledger = new Ledger(new InMemoryStore());
  private final Clock clock = Clock.systemUTC();
  private final Quotas quotas = new Quotas(Map.of("network-acl-max-inbound-policies", 3L));
  private final NetworkAclService acls = new NetworkAclService(ledger, quotas, clock);
  private final String vpc = new VpcService(ledger, quotas, clock).create(SCOPE,
      new VpcService.VpcSpec("v", "10.0.0.0/16", null, null, null, null, null)).id();

  static AclInputs.Entry entry(String port, String id) {
    return new AclInputs.Entry("TCP", port, "10.1.0.0/16", null, "ACCEPT", null, id, null);
  }

  static AclInputs.EntrySet ingress(AclInputs.Entry... entries) {
    return new AclInputs.EntrySet(List.of(entries), null);
  }

  static AclInputs.Quintuple quintuple(String id, String port, Long priority) {
    return new AclInputs.Quintuple(id, "TCP", "10.1.0.0/16", null, null, null, null, port, "ACCEPT", null, priority);
  }

  static AclInputs.QuintupleSet inbound(AclInputs.Quintuple... entries) {
    return new AclInputs.QuintupleSet(List.of(entries), null);
  }

  private NetworkAcl acl(String id) {
    return ledger.read(SCOPE).find(NetworkAcl.class, id).orElseThrow();
  }


  @Test
  void incrementalModify_replacesNamedEntriesInPlace_andAppendsTheOthers() {
    String id = acls.create(SCOPE, vpc, "a", null, null).id();
    acls.createEntries(SCOPE, id, ingress(entry("22", null), entry("80", null)));
    List<NetworkAclEntry> before = acl(id).ingress();
    acls.modifyEntries(SCOPE, id, ingress(entry("443", before.get(0).entryId()), entry("8080", null)), null, true);
    List<NetworkAclEntry> after = acl(id).ingress();
    assertThat(after).extracting(NetworkAclEntry::port).containsExactly("443", "80", "8080");
    assertThat(after.get(0).entryId()).isEqualTo(before.get(0).entryId());
    assertThat(after.get(1)).isSameAs(before.get(1));
  }

  @Test
  void deleteEntries_sameIdTwice_notFound_andTheQuotaHoldsForEveryEdit() {
    String id = acls.create(SCOPE, vpc, "a", null, null).id();
    acls.createEntries(SCOPE, id, ingress(entry("22", null), entry("80", null)));
    String first = acl(id).ingress().get(0).entryId();
    assertRejected(() -> acls.deleteEntries(SCOPE, id, ingress(entry(null, first), entry(null, first))), "ResourceNotFound",
        "NetworkAclEntrySet.Ingress.1.NetworkAclIpv4EntryId");
    assertRejected(() -> acls.createEntries(SCOPE, id, ingress(entry("1", null), entry("2", null))), "LimitExceeded",
        "network-acl-max-inbound-policies");
    assertThat(acl(id).ingress()).hasSize(2);
    acls.deleteEntries(SCOPE, id, ingress(entry(null, first)));
    assertThat(acl(id).ingress()).extracting(NetworkAclEntry::port).containsExactly("80");
  }

  @Test
  void quintuples_createdInPriorityOrder_modifiedByIdKeepingTheirPriority_deletedOnce() {
    String id = acls.create(SCOPE, vpc, "q", "QUINTUPLE", null).id();
    acls.createQuintuples(SCOPE, id, inbound(quintuple(null, "22", 5L), quintuple(null, "80", 2L)));
    List<NetworkAclQuintupleEntry> made = acl(id).quintupleEntries();
    assertThat(made).extracting(NetworkAclQuintupleEntry::priority).containsExactly(2L, 5L);
    String e80 = made.get(0).entryId();
    acls.modifyQuintuples(SCOPE, id, inbound(quintuple(e80, "8080", null)));
    assertThat(acl(id).quintupleEntries()).extracting(NetworkAclQuintupleEntry::destinationPort, NetworkAclQuintupleEntry::priority)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("8080", 2L), org.assertj.core.groups.Tuple.tuple("22", 5L));
    assertRejected(() -> acls.deleteQuintuples(SCOPE, id, inbound(quintuple(e80, null, null), quintuple(e80, null, null))),
        "ResourceNotFound", "NetworkAclQuintupleSet.Ingress.1.NetworkAclQuintupleEntryId");
    assertRejected(() -> acls.createEntries(SCOPE, id, ingress(entry("1", null))), "UnsupportedOperation", "TRIPLE");
    acls.deleteQuintuples(SCOPE, id, inbound(quintuple(e80, null, null)));
    assertThat(acl(id).quintupleEntries()).singleElement().satisfies(e -> assertThat(e.direction()).isEqualTo(Direction.INGRESS));
  }
}
