package io.openvpc.control.network;

import static io.openvpc.control.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.control.Filter;
import io.openvpc.control.acl.NetworkAclService;
import io.openvpc.model.Instance;
import io.openvpc.model.Subnet;
import io.openvpc.model.Vpc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Describe actions of the VPC family select through one Listing: one code for one mistake. */
class DescribeSelectionTest {
  final Network n = new Network();
  static final List<Filter> BY_NAME = List.of(new Filter("vpc-name", List.of("v")));

  @Test
  void idsAndFilters_coexistOnEveryFamily() {
    Vpc v = n.vpc("10.0.0.0/16");
    Subnet s = n.subnet(v, "10.0.1.0/24");
    List<Filter> any = List.of(new Filter("vpc-id", List.of(v.id())));
    assertRejected(() -> n.vpcs.describe(n.scope, List.of(v.id()), BY_NAME, null, null), "InvalidParameter.Coexist",
        "`VpcIds` and `Filters`");
    assertRejected(() -> n.subnets.describe(n.scope, List.of(s.id()), any, null, null), "InvalidParameter.Coexist",
        "`SubnetIds` and `Filters`");
    assertRejected(() -> n.blocks.describeSecondary(n.scope, List.of(v.id()), any, null, null),
        "InvalidParameter.Coexist", "`VpcIds` and `Filters`");
    assertRejected(() -> n.routes.describe(n.scope, List.of(s.routeTableId()), any, null, null),
        "InvalidParameter.Coexist", "`RouteTableIds` and `Filters`");
    NetworkAclService acls = new NetworkAclService(n.ledger, n.quotas, n.clock);
    String acl = acls.create(n.scope, v.id(), "a", null, null).id();
    assertRejected(() -> acls.describe(n.scope, List.of(acl), any, null, null), "InvalidParameter.Coexist",
        "`NetworkAclIds` and `Filters`");
    Instance i = n.instance(s, "S5.SMALL2", null);
    assertRejected(() -> n.instances.describe(n.scope, List.of(i.id()), any, null, null), "InvalidParameter.Coexist",
        "`InstanceIds` and `Filters`");
  }

  @Test
  void describeVpcs_unknownFilter_namesTheFilterAndTheSupportedOnes() {
    assertRejected(() -> n.vpcs.describe(n.scope, null, List.of(new Filter("colour", List.of("red"))), null, null),
        "InvalidParameter.FilterInvalidKey", "`colour` in `Filters.0.Name` is not supported; supported filters: ");
  }

  @Test
  void describeSecondary_byVpcIds_listsTheirBlocksInBlockOrder_unknownVpcNone() {
    Vpc a = n.vpc("10.0.0.0/16");
    Vpc b = n.vpc("10.1.0.0/16");
    n.blocks.addSecondary(n.scope, a.id(), List.of("172.20.0.0/16", "172.16.0.0/16"));
    n.blocks.addSecondary(n.scope, b.id(), List.of("192.168.0.0/24"));
    assertThat(n.blocks.describeSecondary(n.scope, List.of(a.id()), null, null, null).items())
        .extracting(x -> x.block().toString()).containsExactly("172.16.0.0/16", "172.20.0.0/16");
    assertThat(n.blocks.describeSecondary(n.scope, List.of("vpc-00000000"), null, null, null).totalCount()).isZero();
    assertThat(n.blocks.describeSecondary(n.scope, null, List.of(new Filter("cidr-block", List.of("192.168.0.0/24"))),
        null, null).items()).extracting(x -> x.vpc().id()).containsExactly(b.id());
  }

  @Test
  void describeInstances_byIds_eachOnceInTheOrderGiven_unknownSkipped() {
    Subnet s = n.subnet(n.vpc("10.0.0.0/16"), "10.0.1.0/24");
    Instance first = n.instance(s, "S5.SMALL2", null);
    Instance second = n.instance(s, "S5.SMALL2", null);
    assertThat(n.instances.describe(n.scope, List.of(second.id(), "ins-00000000", first.id(), second.id()), null, null,
        null).items()).extracting(v -> v.instance().id()).containsExactly(second.id(), first.id());
  }
}
