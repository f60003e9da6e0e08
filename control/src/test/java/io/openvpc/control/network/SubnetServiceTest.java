package io.openvpc.control.network;

import static io.openvpc.control.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.control.subnet.SubnetService;
import io.openvpc.model.Subnet;
import io.openvpc.model.Vpc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubnetServiceTest {
  final Network n = new Network();

  @Test
  void create_overlappingBlock_subnetConflictNamingTheOther() {
    Vpc v = n.vpc("10.0.0.0/16");
    Subnet a = n.subnet(v, "10.0.1.0/24");
    assertRejected(() -> n.subnet(v, "10.0.1.64/26"), "InvalidParameterValue.SubnetConflict", a.id());
    assertRejected(() -> n.subnet(v, "10.0.0.0/16"), "InvalidParameterValue.SubnetConflict", a.id());
  }

  @Test
  void create_outsideEveryBlockOrBadMask_subnetRange() {
    Vpc v = n.vpc("10.0.0.0/16");
    assertRejected(() -> n.subnet(v, "10.1.0.0/24"), "InvalidParameterValue.SubnetRange", "10.0.0.0/16");
    assertRejected(() -> n.subnet(v, "10.0.0.0/29"), "InvalidParameterValue.SubnetRange", "/28");
    assertRejected(() -> n.subnet(v, "10.0.0.0/15"), "InvalidParameterValue.SubnetRange", "/16");
  }

  @Test
  void create_insideSecondaryBlock_allowed() {
    Vpc v = n.vpc("10.0.0.0/16");
    n.blocks.addSecondary(n.scope, v.id(), List.of("172.16.0.0/16"));
    assertThat(n.subnet(v, "172.16.3.0/24").cidrBlock().toString()).isEqualTo("172.16.3.0/24");
  }

  @Test
  void create_reservesNetworkGatewayAndBroadcast() {
    Subnet s = n.subnet(n.vpc("10.0.0.0/16"), "10.0.1.0/28");
    assertThat(s.totalIpAddressCount()).isEqualTo(16);
    assertThat(s.usableIpAddressCount()).isEqualTo(13);
    assertThat(s.routeTableId()).startsWith("rtb-");
  }

  @Test
  void createAll_oneConflict_nothingCreated() {
    Vpc v = n.vpc("10.0.0.0/16");
    assertRejected(() -> n.subnets.createAll(n.scope, v.id(), List.of(
        new SubnetService.SubnetSpec("a", "10.0.1.0/24", Network.ZONE, null),
        new SubnetService.SubnetSpec("b", "10.0.1.0/25", Network.ZONE, null)), null, "Subnets."),
        "InvalidParameterValue.SubnetConflict", "Subnets.1.CidrBlock");
    assertThat(n.subnets.describe(n.scope, null, null, null, null).totalCount()).isZero();
  }

  @Test
  void create_quota_limitExceeded() {
    Network small = new Network(Map.of("vpc-max-subnets", 1L));
    Vpc v = small.vpc("10.0.0.0/16");
    small.subnet(v, "10.0.1.0/24");
    assertRejected(() -> small.subnet(v, "10.0.2.0/24"), "LimitExceeded", "vpc-max-subnets");
  }

  @Test
  void availableCount_followsEnisAndHaVips() {
    Subnet s = n.subnet(n.vpc("10.0.0.0/16"), "10.0.1.0/24");
    n.instance(s, "S5.SMALL2", null);
    n.havips.create(n.scope, new io.openvpc.control.havip.HaVipService.HaVipSpec(s.vpcId(), "h", s.id(), null, null,
        null, null, null), null);
    assertThat(n.subnets.describe(n.scope, List.of(s.id()), null, null, null).items().get(0).availableIpAddressCount())
        .isEqualTo(253 - 2);
  }

  @Test
  void delete_inUse_resourceInUseNamingTheUsers() {
    Subnet s = n.subnet(n.vpc("10.0.0.0/16"), "10.0.1.0/24");
    var i = n.instance(s, "S5.SMALL2", null);
    assertRejected(() -> n.subnets.delete(n.scope, s.id()), "ResourceInUse", i.id());
    n.instances.terminate(n.scope, List.of(i.id()));
    n.subnets.delete(n.scope, s.id());
  }

  @Test
  void secondaryBlock_removal_refusedWhileSubnetsInside() {
    Vpc v = n.vpc("10.0.0.0/16");
    n.blocks.addSecondary(n.scope, v.id(), List.of("172.16.0.0/16"));
    Subnet s = n.subnet(v, "172.16.3.0/24");
    assertRejected(() -> n.blocks.removeSecondary(n.scope, v.id(), List.of("172.16.0.0/16")), "ResourceInUse", s.id());
    assertRejected(() -> n.blocks.addSecondary(n.scope, v.id(), List.of("10.0.128.0/17")),
        "InvalidParameterValue.CidrConflict", "10.0.0.0/16");
  }

  @Test
  void ipv6_vpcBlockIsUniqueLocalSlash56_subnetGetsSlash64Inside() {
    Vpc v = n.vpc("10.0.0.0/16");
    Subnet s = n.subnet(v, "10.0.1.0/24");
    Vpc withV6 = n.blocks.assignIpv6(n.scope, v.id(), null);
    assertThat(withV6.ipv6CidrBlock().prefixLength()).isEqualTo(56);
    assertThat(io.openvpc.control.vpc.VpcBlockService.IPV6_POOL.contains(withV6.ipv6CidrBlock())).isTrue();
    Subnet v6 = n.subnets.assignIpv6(n.scope, v.id(), List.of(Map.entry(s.id(), ""))).get(0);
    assertThat(withV6.ipv6CidrBlock().contains(v6.ipv6CidrBlock())).isTrue();
    assertThat(v6.ipv6CidrBlock().prefixLength()).isEqualTo(64);
  }
}
