package io.openvpc.it;

import static io.openvpc.it.SdkFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateHaVipRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateRouteTableRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateRoutesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteHaVipRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteRouteTableRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteRoutesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeRouteTablesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DisableRoutesRequest;
import com.tencentcloudapi.vpc.v20170312.models.EnableRoutesRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.ModifyRouteTableAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ReplaceRouteTableAssociationRequest;
import com.tencentcloudapi.vpc.v20170312.models.ReplaceRoutesRequest;
import com.tencentcloudapi.vpc.v20170312.models.ResetRoutesRequest;
import com.tencentcloudapi.vpc.v20170312.models.Route;
import com.tencentcloudapi.vpc.v20170312.models.RouteTable;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Route tables and routes through the official Java SDK. */
class RouteTableSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start(Map.of("route-table-max-policies", 5L));
  static final VpcClient vpc = sdk.vpc;
  static final CvmClient cvm = sdk.cvm;

  static Route route(String destination, String type, String gateway) {
    Route r = new Route();
    r.setDestinationCidrBlock(destination);
    r.setGatewayType(type);
    r.setGatewayId(gateway);
    return r;
  }

  static RouteTable table(String id) throws Exception {
    DescribeRouteTablesRequest d = new DescribeRouteTablesRequest();
    d.setRouteTableIds(new String[] {id});
    return vpc.DescribeRouteTables(d).getRouteTableSet()[0];
  }

  static String createTable(String vpcId, String name) throws Exception {
    CreateRouteTableRequest c = new CreateRouteTableRequest();
    c.setVpcId(vpcId);
    c.setRouteTableName(name);
    return vpc.CreateRouteTable(c).getRouteTable().getRouteTableId();
  }

  static CreateRoutesRequest createRoutes(String tableId, Route... routes) {
    CreateRoutesRequest c = new CreateRoutesRequest();
    c.setRouteTableId(tableId);
    c.setRoutes(routes);
    return c;
  }

  @Test
  void defaultTable_localRoutesAndAssociation() throws Exception {
    SdkFixture.Network net = sdk.network("10.60.0.0/16", "10.60.1.0/24");
    DescribeRouteTablesRequest d = new DescribeRouteTablesRequest();
    Filter f = new Filter();
    f.setName("vpc-id");
    f.setValues(new String[] {net.vpcId()});
    Filter main = new Filter();
    main.setName("association.main");
    main.setValues(new String[] {"TRUE"});
    d.setFilters(new Filter[] {f, main});
    RouteTable def = vpc.DescribeRouteTables(d).getRouteTableSet()[0];
    assertThat(def.getMain()).isTrue();
    assertThat(def.getRouteSet()).extracting(Route::getGatewayType, Route::getDestinationCidrBlock)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("LOCAL", "10.60.0.0/16"));
    // the local route is the system's: not USER (the one type a caller may edit) but NETD
    assertThat(def.getRouteSet()).extracting(Route::getRouteType, Route::getGatewayId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("NETD", "Local"));
    assertThat(def.getAssociationSet()).extracting(a -> a.getSubnetId()).containsExactly(net.subnetId());

    String custom = createTable(net.vpcId(), "custom");
    ReplaceRouteTableAssociationRequest assoc = new ReplaceRouteTableAssociationRequest();
    assoc.setSubnetId(net.subnetId());
    assoc.setRouteTableId(custom);
    vpc.ReplaceRouteTableAssociation(assoc);
    assertThat(sdk.describeSubnet(net.subnetId()).getRouteTableId()).isEqualTo(custom);
    assertThat(table(def.getRouteTableId()).getAssociationSet()).isEmpty();

    DeleteRouteTableRequest del = new DeleteRouteTableRequest();
    del.setRouteTableId(custom);
    assertError(() -> vpc.DeleteRouteTable(del), "ResourceInUse", net.subnetId());
    DeleteRouteTableRequest delMain = new DeleteRouteTableRequest();
    delMain.setRouteTableId(def.getRouteTableId());
    assertError(() -> vpc.DeleteRouteTable(delMain), "UnsupportedOperation.NotSupportDeleteDefaultRouteTable",
        def.getRouteTableId());
    assoc.setRouteTableId(def.getRouteTableId());
    vpc.ReplaceRouteTableAssociation(assoc);

    ModifyRouteTableAttributeRequest m = new ModifyRouteTableAttributeRequest();
    m.setRouteTableId(custom);
    m.setRouteTableName("renamed");
    vpc.ModifyRouteTableAttribute(m);
    assertThat(table(custom).getRouteTableName()).isEqualTo("renamed");
    vpc.DeleteRouteTable(del);
    assertError(() -> table(custom), "ResourceNotFound", custom);
    String otherVpc = sdk.vpc("10.61.0.0/16");
    String foreign = createTable(otherVpc, "foreign");
    assoc.setRouteTableId(foreign);
    assertError(() -> vpc.ReplaceRouteTableAssociation(assoc), "InvalidParameterValue.Range", otherVpc);
  }

  @Test
  void routes_nextHopsValidatedAsTencentDoes() throws Exception {
    SdkFixture.Network net = sdk.network("10.62.0.0/16", "10.62.1.0/24");
    String ins = sdk.instance(net, "gw");
    String insIp = sdk.describeInstance(ins).getPrivateIpAddresses()[0];
    CreateHaVipRequest hv = new CreateHaVipRequest();
    hv.setVpcId(net.vpcId());
    hv.setSubnetId(net.subnetId());
    hv.setHaVipName("vip");
    String havip = vpc.CreateHaVip(hv).getHaVip().getHaVipId();
    String t = createTable(net.vpcId(), "routes");

    RouteTable after = vpc.CreateRoutes(createRoutes(t, route("192.168.0.0/24", "NORMAL_CVM", insIp),
        route("172.16.0.0/16", "CVM", ins), route("0.0.0.0/0", "HAVIP", havip), route("8.8.8.8/32", "EIP", "0")))
        .getRouteTableSet()[0];
    Route[] user = Arrays.stream(after.getRouteSet()).filter(r -> !r.getGatewayType().equals("LOCAL")).toArray(Route[]::new);
    assertThat(user).hasSize(4);
    assertThat(user).allMatch(r -> r.getRouteItemId().matches("rti-[a-z0-9]{8}") && r.getRouteId() > 0 && r.getEnabled());

    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("10.62.5.0/24", "CVM", ins))),
        "InvalidParameterValue.VpcCidrConflict", "Routes.0.DestinationCidrBlock");
    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("192.168.0.0/24", "NORMAL_CVM", insIp))),
        "InvalidParameterValue.Duplicate", user[0].getRouteItemId());
    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("192.168.0.0/24", "CVM", ins))),
        "UnsupportedOperation.EcmpWithUserRoute", "192.168.0.0/24");
    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("192.168.1.0/24", "NORMAL_CVM", "10.62.1.200"))),
        "InvalidParameterValue", "10.62.1.200");
    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("192.168.1.0/24", "CVM", "ins-00000000"))),
        "ResourceNotFound", "Routes.0.GatewayId");
    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("192.168.1.0/24", "EIP", "eip-12345678"))),
        "InvalidParameterValue.Malformed", "Routes.0.GatewayId");
    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("192.168.1.0/24", "TELEPORT", "x"))),
        "InvalidParameterValue", "Routes.0.GatewayType");
    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("192.168.1.0/24", "HAVIP", "havip-00000000"))),
        "ResourceNotFound", "havip-00000000");
    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("192.168.1.0/24", "CVM", ins),
        route("192.168.2.0/24", "CVM", ins))), "LimitExceeded", "route-table-max-policies");

    // Next hops that are in use cannot go away.
    TerminateInstancesRequest term = new TerminateInstancesRequest();
    term.setInstanceIds(new String[] {ins});
    assertError(() -> cvm.TerminateInstances(term), "ResourceInUse", user[1].getRouteItemId());
    DeleteHaVipRequest dh = new DeleteHaVipRequest();
    dh.setHaVipId(havip);
    assertError(() -> vpc.DeleteHaVip(dh), "ResourceInUse", user[2].getRouteItemId());

    DisableRoutesRequest dis = new DisableRoutesRequest();
    dis.setRouteTableId(t);
    dis.setRouteItemIds(new String[] {user[0].getRouteItemId()});
    vpc.DisableRoutes(dis);
    assertThat(Arrays.stream(table(t).getRouteSet()).filter(r -> user[0].getRouteItemId().equals(r.getRouteItemId()))
        .findFirst().orElseThrow().getEnabled()).isFalse();
    EnableRoutesRequest en = new EnableRoutesRequest();
    en.setRouteTableId(t);
    en.setRouteIds(new Long[] {user[0].getRouteId()});
    vpc.EnableRoutes(en);
    en.setRouteIds(new Long[] {9999L});
    assertError(() -> vpc.EnableRoutes(en), "ResourceNotFound", "9999");

    ReplaceRoutesRequest rep = new ReplaceRoutesRequest();
    rep.setRouteTableId(t);
    Route changed = route("192.168.9.0/24", "CVM", ins);
    changed.setRouteId(user[0].getRouteId());
    rep.setRoutes(new Route[] {changed});
    var replaced = vpc.ReplaceRoutes(rep);
    assertThat(replaced.getOldRouteSet()[0].getDestinationCidrBlock()).isEqualTo("192.168.0.0/24");
    assertThat(replaced.getNewRouteSet()[0].getDestinationCidrBlock()).isEqualTo("192.168.9.0/24");
    assertThat(replaced.getNewRouteSet()[0].getRouteItemId()).isEqualTo(user[0].getRouteItemId());

    DeleteRoutesRequest dr = new DeleteRoutesRequest();
    dr.setRouteTableId(t);
    Route byId = new Route();
    byId.setRouteId(user[1].getRouteId());
    dr.setRoutes(new Route[] {byId});
    assertThat(vpc.DeleteRoutes(dr).getRouteSet()[0].getRouteItemId()).isEqualTo(user[1].getRouteItemId());
    assertError(() -> vpc.DeleteRoutes(dr), "ResourceNotFound", Long.toString(user[1].getRouteId()));

    ResetRoutesRequest reset = new ResetRoutesRequest();
    reset.setRouteTableId(t);
    reset.setRouteTableName("reset");
    reset.setRoutes(new Route[] {route("100.64.0.0/10", "CVM", ins)});
    vpc.ResetRoutes(reset);
    RouteTable now = table(t);
    assertThat(now.getRouteTableName()).isEqualTo("reset");
    assertThat(now.getRouteSet()).filteredOn(r -> !r.getGatewayType().equals("LOCAL"))
        .extracting(Route::getDestinationCidrBlock).containsExactly("100.64.0.0/10");
    vpc.DeleteHaVip(dh);
  }

  @Test
  void ipv6Routes_localIpv6RouteShown_destinationInsideVpcRefused() throws Exception {
    SdkFixture.Network net = sdk.network("10.64.0.0/16", "10.64.1.0/24");
    com.tencentcloudapi.vpc.v20170312.models.AssignIpv6CidrBlockRequest a =
        new com.tencentcloudapi.vpc.v20170312.models.AssignIpv6CidrBlockRequest();
    a.setVpcId(net.vpcId());
    String block = vpc.AssignIpv6CidrBlock(a).getIpv6CidrBlock();
    CreateHaVipRequest hv = new CreateHaVipRequest();
    hv.setVpcId(net.vpcId());
    hv.setSubnetId(net.subnetId());
    hv.setHaVipName("v6gw");
    String havip = vpc.CreateHaVip(hv).getHaVip().getHaVipId();
    String t = createTable(net.vpcId(), "v6");
    Route out = new Route();
    out.setDestinationIpv6CidrBlock("2001:db8::/32");
    out.setGatewayType("HAVIP");
    out.setGatewayId(havip);
    Route created = Arrays.stream(vpc.CreateRoutes(createRoutes(t, out)).getRouteTableSet()[0].getRouteSet())
        .filter(r -> "2001:db8::/32".equals(r.getDestinationIpv6CidrBlock())).findFirst().orElseThrow();
    assertThat(created.getRouteItemId()).startsWith("rti-");
    assertThat(table(t).getRouteSet()).filteredOn(r -> r.getGatewayType().equals("LOCAL"))
        .extracting(Route::getDestinationIpv6CidrBlock).contains(block);
    Route inside = new Route();
    inside.setDestinationIpv6CidrBlock(block.replace("/56", "/64"));
    inside.setGatewayType("HAVIP");
    inside.setGatewayId(havip);
    assertError(() -> vpc.CreateRoutes(createRoutes(t, inside)), "InvalidParameterValue.VpcCidrConflict",
        "Routes.0.DestinationIpv6CidrBlock");
  }

  @ParameterizedTest
  @ValueSource(strings = {"VPN", "DIRECTCONNECT", "PEERCONNECTION", "NAT", "USER_CCN", "LOCAL_GATEWAY", "INTRANAT",
      "GWLB_ENDPOINT"})
  void routes_productsNotBuiltYet_unsupportedOperationNamingTheType(String type) throws Exception {
    String vpcId = sdk.vpc("10.63.0.0/16");
    String t = createTable(vpcId, "later");
    assertError(() -> vpc.CreateRoutes(createRoutes(t, route("192.168.0.0/24", type, "x-12345678"))),
        "UnsupportedOperation", type);
  }
}
