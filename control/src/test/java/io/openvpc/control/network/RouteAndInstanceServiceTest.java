package io.openvpc.control.network;

import static io.openvpc.control.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.havip.HaVipService;
import io.openvpc.control.route.RouteSpec;
import io.openvpc.model.GatewayType;
import io.openvpc.model.HaVip;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Subnet;
import io.openvpc.model.Vpc;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteAndInstanceServiceTest {
  final Network n = new Network();
  final Vpc v = n.vpc("10.0.0.0/16");
  final Subnet s = n.subnet(v, "10.0.1.0/24");

  static RouteSpec route(String destination, String type, String gateway) {
    return new RouteSpec(destination, null, type, gateway, null, null, null);
  }

  @Test
  void routes_destinationInsideVpc_vpcCidrConflict_localRoutesNotStored() {
    RouteTable t = n.routes.create(n.scope, v.id(), "t", null);
    Instance i = n.instance(s, "S5.SMALL2", null);
    assertRejected(() -> n.routes.createRoutes(n.scope, t.id(), List.of(route("10.0.7.0/24", "CVM", i.id()))),
        "InvalidParameterValue.VpcCidrConflict", "Routes.0.DestinationCidrBlock");
    RouteTable after = n.routes.createRoutes(n.scope, t.id(), List.of(route("0.0.0.0/0", "CVM", i.id())));
    assertThat(after.routes()).extracting(r -> r.gatewayType()).containsExactly(GatewayType.CVM);
    assertThat(n.routes.view(n.scope, t.id()).localDestinations()).extracting(Object::toString).containsExactly("10.0.0.0/16");
  }

  @Test
  void routes_unbuiltProduct_unsupportedOperationNamingTheType() {
    RouteTable t = n.routes.create(n.scope, v.id(), "t", null);
    assertRejected(() -> n.routes.createRoutes(n.scope, t.id(), List.of(route("0.0.0.0/0", "NAT", "nat-12345678"))),
        "UnsupportedOperation", "NAT");
  }

  @Test
  void routes_oneRoutePerDestination_evenWithinOneCall() {
    RouteTable t = n.routes.create(n.scope, v.id(), "t", null);
    Instance i = n.instance(s, "S5.SMALL2", null);
    assertRejected(() -> n.routes.createRoutes(n.scope, t.id(), List.of(route("0.0.0.0/0", "CVM", i.id()),
        route("0.0.0.0/0", "CVM", i.id()))), "InvalidParameterValue.Duplicate", "Routes.1");
    assertThat(n.routes.view(n.scope, t.id()).table().routes()).isEmpty();
  }

  @Test
  void routes_normalCvm_mustBeAnInstanceAddressOfTheVpc() {
    RouteTable t = n.routes.create(n.scope, v.id(), "t", null);
    Instance i = n.instance(s, "S5.SMALL2", "10.0.1.20");
    n.routes.createRoutes(n.scope, t.id(), List.of(route("0.0.0.0/0", "NORMAL_CVM", "10.0.1.20")));
    assertRejected(() -> n.routes.createRoutes(n.scope, t.id(), List.of(route("1.1.1.1/32", "NORMAL_CVM", "10.0.1.21"))),
        "InvalidParameterValue.AddressIpNotInVpc", "10.0.1.21");
    assertRejected(() -> n.instances.terminate(n.scope, List.of(i.id())), "ResourceInUse", t.id());
  }

  @Test
  void instances_batchNamesAndStates() {
    List<Instance> batch = n.instances.run(n.scope, new io.openvpc.control.instance.InstanceService.RunSpec(Network.ZONE,
        null, "img-487zeit5", v.id(), s.id(), null, null, 3L, "web-{R:7}", null, false));
    assertThat(batch).extracting(Instance::name).containsExactly("web-7", "web-8", "web-9");
    assertThat(batch).extracting(Instance::state).containsOnly(InstanceState.RUNNING);
    assertThat(batch).extracting(Instance::instanceType).containsOnly("S5.SMALL2");
    n.instances.stop(n.scope, List.of(batch.get(0).id()));
    assertRejected(() -> n.instances.stop(n.scope, List.of(batch.get(0).id(), batch.get(1).id())),
        "UnsupportedOperation.InstanceStateStopped", batch.get(0).id());
    // The failed batch changed nothing: the second is still RUNNING.
    assertThat(n.instances.view(n.scope, batch.get(1).id()).instance().state()).isEqualTo(InstanceState.RUNNING);
  }

  @Test
  void instances_dryRun_createsNothing() {
    assertRejected(() -> n.instances.run(n.scope, new io.openvpc.control.instance.InstanceService.RunSpec(Network.ZONE,
        "S5.SMALL2", "img-487zeit5", v.id(), s.id(), null, null, 1L, "x", null, true)), "DryRunOperation", "Nothing");
    assertThat(n.ledger.read(n.scope).count(Instance.class)).isZero();
  }

  @Test
  void havip_checkAssociate_onlyAssociatedMayAnnounce_terminateUnbinds() {
    Instance a = n.instance(s, "S5.SMALL2", null);
    Instance b = n.instance(s, "S5.SMALL2", null);
    HaVip h = n.havips.create(n.scope, new HaVipService.HaVipSpec(v.id(), "h", s.id(), null, null, true,
        List.of(new HaVipService.Association(null, a.id(), "CVM")), null), null);
    NetworkInterfaceService.primaryOf(n.ledger.read(n.scope), a.id());
    n.havips.associate(n.scope, List.of(new HaVipService.Association(h.id(), a.id(), "CVM")), null);
    assertThat(n.ledger.read(n.scope).find(HaVip.class, h.id()).orElseThrow().instanceId()).isEqualTo(a.id());
    n.instances.terminate(n.scope, List.of(a.id()));
    HaVip after = n.ledger.read(n.scope).find(HaVip.class, h.id()).orElseThrow();
    assertThat(after.bound()).isFalse();
    assertThat(after.allowedInstanceIds()).containsExactly(a.id());
    // b is allowed once associated; association is the announcement.
    n.havips.associate(n.scope, List.of(new HaVipService.Association(h.id(), b.id(), "CVM")), null);
    assertThat(n.ledger.read(n.scope).find(HaVip.class, h.id()).orElseThrow().instanceId()).isEqualTo(b.id());
  }
}
