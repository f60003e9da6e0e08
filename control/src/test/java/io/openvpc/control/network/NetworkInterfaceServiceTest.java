package io.openvpc.control.network;

import static io.openvpc.control.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.eni.NetworkInterfaceService.AddressSpec;
import io.openvpc.model.Instance;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Subnet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkInterfaceServiceTest {
  final Network n = new Network();
  final Subnet s = n.subnet(n.vpc("10.0.0.0/16"), "10.0.1.0/24");

  NetworkInterface eni(List<AddressSpec> addresses, Long secondary) {
    return n.enis.create(n.scope, new NetworkInterfaceService.EniSpec(s.vpcId(), s.id(), "e", null, secondary, null,
        addresses, null));
  }

  @Test
  void create_lowestFreeSkipsNetworkAndGateway() {
    NetworkInterface e = eni(null, 1L);
    assertThat(e.privateIps()).extracting(ip -> ip.address().toString()).containsExactly("10.0.1.2", "10.0.1.3");
    assertThat(e.privateIps().get(0).primary()).isTrue();
  }

  @Test
  void create_reservedOrTakenAddress_refused() {
    assertRejected(() -> eni(List.of(new AddressSpec("10.0.1.1", true, null)), null), "InvalidParameterValue.Reserved",
        "gateway");
    assertRejected(() -> eni(List.of(new AddressSpec("10.0.1.255", true, null)), null),
        "InvalidParameterValue.Reserved", "broadcast");
    NetworkInterface e = eni(List.of(new AddressSpec("10.0.1.9", true, null)), null);
    assertRejected(() -> eni(List.of(new AddressSpec("10.0.1.9", true, null)), null), "ResourceInUse.Address", e.id());
  }

  @Test
  void delete_releasesAddressesForTheNext() {
    NetworkInterface e = eni(List.of(new AddressSpec("10.0.1.9", true, null)), null);
    n.enis.delete(n.scope, e.id(), null);
    assertThat(eni(List.of(new AddressSpec("10.0.1.9", true, null)), null).primaryIp().toString()).isEqualTo("10.0.1.9");
  }

  @Test
  void unassign_primary_refused() {
    NetworkInterface e = eni(null, 1L);
    assertRejected(() -> n.addresses.unassign(n.scope, e.id(), List.of("10.0.1.2"), null), "UnsupportedOperation.PrimaryIp",
        "10.0.1.2");
    n.addresses.unassign(n.scope, e.id(), List.of("10.0.1.3"), null);
    assertThat(n.enis.describe(n.scope, List.of(e.id()), null, null, null).items().get(0).privateIps())
        .extracting(PrivateIp::address).extracting(Object::toString).containsExactly("10.0.1.2");
  }

  @Test
  void attach_instanceTypeLimitsEnisAndAddresses() {
    Instance small = n.instance(s, "S5.SMALL2", null);
    NetworkInterface one = eni(null, null);
    NetworkInterface two = eni(null, null);
    n.enis.attach(n.scope, one.id(), small.id(), null);
    assertRejected(() -> n.enis.attach(n.scope, two.id(), small.id(), null), "LimitExceeded", "allows 2");
    // A 1-core type holds 6 addresses per ENI: 1 primary + 5 more.
    n.addresses.assign(n.scope, one.id(), null, 5L, null);
    assertRejected(() -> n.addresses.assign(n.scope, one.id(), null, 1L, null), "LimitExceeded", "6");
  }

  @Test
  void attach_stateMustBeRunningOrStopped_andPrimaryNeverDetaches() {
    Instance i = n.instance(s, "S5.LARGE8", null);
    NetworkInterface primary = NetworkInterfaceService.primaryOf(n.ledger.read(n.scope), i.id());
    assertRejected(() -> n.enis.detach(n.scope, primary.id(), i.id(), null), "UnsupportedOperation.InvalidState",
        "primary");
    assertRejected(() -> n.enis.delete(n.scope, primary.id(), null), "UnsupportedOperation.InvalidState", "primary");
  }

  @Test
  void migrateAddress_ownershipMovesWithTheClaim() {
    NetworkInterface a = eni(null, 1L);
    NetworkInterface b = eni(null, null);
    n.addresses.migrateAddress(n.scope, a.id(), b.id(), "10.0.1.3", null);
    n.enis.delete(n.scope, a.id(), null);
    // b still holds .3: it must not be handed out again.
    assertRejected(() -> eni(List.of(new AddressSpec("10.0.1.3", true, null)), null), "ResourceInUse.Address", b.id());
  }
}
