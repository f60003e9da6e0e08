package io.openvpc.it;

import static io.openvpc.it.SdkFixture.assertError;
import static io.openvpc.it.SdkFixture.cvmFilter;
import static io.openvpc.it.SdkFixture.filter;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeImagesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateHaVipRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeHaVipsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkInterfacesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeRouteTablesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest;
import com.tencentcloudapi.vpc.v20170312.models.HaVip;
import com.tencentcloudapi.vpc.v20170312.models.NetworkInterface;
import com.tencentcloudapi.vpc.v20170312.models.RouteTable;
import com.tencentcloudapi.vpc.v20170312.models.Vpc;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The filters Tencent documents for the implemented Describe actions, through the official Java SDK. */
class DocumentedFiltersSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start();
  static final VpcClient vpc = sdk.vpc;
  static final CvmClient cvm = sdk.cvm;
  static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  static String[] instances(com.tencentcloudapi.cvm.v20170312.models.Filter... filters) throws Exception {
    DescribeInstancesRequest d = new DescribeInstancesRequest();
    d.setFilters(filters);
    return java.util.Arrays.stream(cvm.DescribeInstances(d).getInstanceSet()).map(Instance::getInstanceId)
        .toArray(String[]::new);
  }

  @Test
  void describeInstances_uuidAndCreationTimes() throws Exception {
    SdkFixture.Network net = sdk.network("10.81.0.0/16", "10.81.1.0/24");
    String before = LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).format(BEIJING);
    String[] ids = sdk.instances(net, 2, "timed");
    String after = LocalDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(1).format(BEIJING);
    Instance first = sdk.describeInstance(ids[0]);
    assertThat(instances(cvmFilter("uuid", first.getUuid()))).containsExactly(ids[0]);
    assertThat(instances(cvmFilter("vpc-id", net.vpcId()), cvmFilter("creation-start-time", before),
        cvmFilter("creation-end-time", after))).containsExactlyInAnyOrder(ids);
    assertThat(instances(cvmFilter("vpc-id", net.vpcId()), cvmFilter("creation-start-time", after))).isEmpty();
    assertThat(instances(cvmFilter("vpc-id", net.vpcId()), cvmFilter("creation-end-time", before))).isEmpty();
    // no public addresses without EIPs: the documented filter is accepted and matches nothing
    assertThat(instances(cvmFilter("public-ip-address", "1.2.3.4"))).isEmpty();
    DescribeInstancesRequest bad = new DescribeInstancesRequest();
    bad.setFilters(new com.tencentcloudapi.cvm.v20170312.models.Filter[] {cvmFilter("creation-start-time", "2023-06-01")});
    assertError(() -> cvm.DescribeInstances(bad), "InvalidParameterValue.InvalidTimeFormat", "Filters.0.Values.0");
  }

  @Test
  void describeImages_tagFilters() throws Exception {
    DescribeImagesRequest d = new DescribeImagesRequest();
    d.setFilters(new com.tencentcloudapi.cvm.v20170312.models.Filter[] {cvmFilter("tag-key", "team")});
    assertThat(cvm.DescribeImages(d).getTotalCount()).isZero(); // public images carry no tags
    d.setFilters(new com.tencentcloudapi.cvm.v20170312.models.Filter[] {cvmFilter("tag:team", "net")});
    assertThat(cvm.DescribeImages(d).getTotalCount()).isZero();
    d.setFilters(new com.tencentcloudapi.cvm.v20170312.models.Filter[] {cvmFilter("image-type", "PUBLIC_IMAGE")});
    assertThat(cvm.DescribeImages(d).getTotalCount()).isPositive();
  }

  @Test
  void describeNetworkInterfaces_addressIpSuffix_orExactWithIpExactMatch() throws Exception {
    SdkFixture.Network net = sdk.network("10.82.0.0/16", "10.82.1.0/24");
    String a = vpc.CreateNetworkInterface(eni(net, "10.82.1.12")).getNetworkInterface().getNetworkInterfaceId();
    String b = vpc.CreateNetworkInterface(eni(net, "10.82.1.2")).getNetworkInterface().getNetworkInterfaceId();
    // one value: a suffix of an address ("1.2" ends 10.82.1.2 and 10.82.1.12 ... only when it matches the end)
    assertThat(enis(filter("vpc-id", net.vpcId()), filter("address-ip", "1.12"))).containsExactly(a);
    assertThat(enis(filter("vpc-id", net.vpcId()), filter("address-ip", "2"))).containsExactlyInAnyOrder(a, b);
    // ip-exact-match TRUE: the one value must be the whole address
    assertThat(enis(filter("vpc-id", net.vpcId()), filter("address-ip", "2"), filter("ip-exact-match", "TRUE"))).isEmpty();
    assertThat(enis(filter("vpc-id", net.vpcId()), filter("address-ip", "10.82.1.2"), filter("ip-exact-match", "TRUE")))
        .containsExactly(b);
    // several values match exactly
    assertThat(enis(filter("vpc-id", net.vpcId()), filter("address-ip", "10.82.1.12", "2"))).containsExactly(a);
    assertThat(enis(filter("vpc-id", net.vpcId()), filter("termination-protection", "false"))).hasSize(2);
    DescribeNetworkInterfacesRequest bad = new DescribeNetworkInterfacesRequest();
    bad.setFilters(new com.tencentcloudapi.vpc.v20170312.models.Filter[] {filter("address-ip", "2"),
        filter("ip-exact-match", "maybe")});
    assertError(() -> vpc.DescribeNetworkInterfaces(bad), "InvalidParameterValue", "Filters.1.Values");
  }

  static com.tencentcloudapi.vpc.v20170312.models.CreateNetworkInterfaceRequest eni(SdkFixture.Network net, String ip) {
    var r = SdkFixture.eniRequest(net.vpcId(), net.subnetId(), "f" + ip);
    var spec = SdkFixture.ip(ip);
    spec.setPrimary(true);
    r.setPrivateIpAddresses(new com.tencentcloudapi.vpc.v20170312.models.PrivateIpAddressSpecification[] {spec});
    return r;
  }

  static String[] enis(com.tencentcloudapi.vpc.v20170312.models.Filter... filters) throws Exception {
    DescribeNetworkInterfacesRequest d = new DescribeNetworkInterfacesRequest();
    d.setFilters(filters);
    return java.util.Arrays.stream(vpc.DescribeNetworkInterfaces(d).getNetworkInterfaceSet())
        .map(NetworkInterface::getNetworkInterfaceId).toArray(String[]::new);
  }

  @Test
  void describeHaVips_checkAssociate_describeRouteTables_localNextHop_describeVpcs_addressType() throws Exception {
    SdkFixture.Network net = sdk.network("10.83.0.0/16", "10.83.1.0/24");
    CreateHaVipRequest c = new CreateHaVipRequest();
    c.setVpcId(net.vpcId());
    c.setSubnetId(net.subnetId());
    c.setHaVipName("checked");
    c.setCheckAssociate(true);
    String checked = vpc.CreateHaVip(c).getHaVip().getHaVipId();
    c.setHaVipName("free");
    c.setCheckAssociate(false);
    String free = vpc.CreateHaVip(c).getHaVip().getHaVipId();
    DescribeHaVipsRequest h = new DescribeHaVipsRequest();
    h.setFilters(new com.tencentcloudapi.vpc.v20170312.models.Filter[] {filter("vpc-id", net.vpcId()),
        filter("check-associate", "TRUE")});
    assertThat(vpc.DescribeHaVips(h).getHaVipSet()).extracting(HaVip::getHaVipId).containsExactly(checked);
    h.setFilters(new com.tencentcloudapi.vpc.v20170312.models.Filter[] {filter("vpc-id", net.vpcId()),
        filter("check-associate", "FALSE"), filter("type", "NORMAL")});
    assertThat(vpc.DescribeHaVips(h).getHaVipSet()).extracting(HaVip::getHaVipId).containsExactly(free);

    DescribeRouteTablesRequest r = new DescribeRouteTablesRequest();
    r.setFilters(new com.tencentcloudapi.vpc.v20170312.models.Filter[] {filter("vpc-id", net.vpcId()),
        filter("next-hop-type", "LOCAL"), filter("visible", "TRUE")});
    assertThat(vpc.DescribeRouteTables(r).getRouteTableSet()).extracting(RouteTable::getVpcId).containsExactly(net.vpcId());

    sdk.ipv6(net);
    DescribeVpcsRequest v = new DescribeVpcsRequest();
    v.setFilters(new com.tencentcloudapi.vpc.v20170312.models.Filter[] {filter("address-type", "ULA")});
    assertThat(vpc.DescribeVpcs(v).getVpcSet()).extracting(Vpc::getVpcId).containsExactly(net.vpcId());
  }
}
