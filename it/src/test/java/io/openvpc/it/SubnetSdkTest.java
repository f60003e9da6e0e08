package io.openvpc.it;

import static io.openvpc.it.SdkFixture.ZONE;
import static io.openvpc.it.SdkFixture.assertError;
import static io.openvpc.it.SdkFixture.subnetRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AssignIpv6CidrBlockRequest;
import com.tencentcloudapi.vpc.v20170312.models.AssignIpv6SubnetCidrBlockRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateAssistantCidrRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSubnetsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteAssistantCidrRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteSubnetRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeAssistantCidrRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSubnetsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.Ipv6SubnetCidrBlock;
import com.tencentcloudapi.vpc.v20170312.models.ModifyAssistantCidrRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifySubnetAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.Subnet;
import com.tencentcloudapi.vpc.v20170312.models.SubnetInput;
import com.tencentcloudapi.vpc.v20170312.models.UnassignIpv6CidrBlockRequest;
import com.tencentcloudapi.vpc.v20170312.models.UnassignIpv6SubnetCidrBlockRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subnets, secondary VPC blocks and IPv6 blocks through the official Java SDK. */
class SubnetSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start();
  static final VpcClient vpc = sdk.vpc;

  @Test
  void createDescribeModifyDelete() throws Exception {
    String vpcId = sdk.vpc("10.30.0.0/16");
    Subnet created = vpc.CreateSubnet(subnetRequest(vpcId, "web", "10.30.1.0/24", ZONE)).getSubnet();
    assertThat(created.getSubnetId()).matches("subnet-[a-z0-9]{8}");
    // Tencent counts every address of the block in the total; only the available count leaves out
    // the three reserved ones (network, gateway, broadcast)
    assertThat(created.getTotalIpAddressCount()).isEqualTo(256L);
    assertThat(created.getAvailableIpAddressCount()).isEqualTo(253L);
    assertThat(created.getRouteTableId()).startsWith("rtb-");
    assertThat(created.getZone()).isEqualTo(ZONE);

    DescribeSubnetsRequest byVpc = new DescribeSubnetsRequest();
    Filter f = new Filter();
    f.setName("vpc-id");
    f.setValues(new String[] {vpcId});
    Filter z = new Filter();
    z.setName("zone");
    z.setValues(new String[] {ZONE});
    byVpc.setFilters(new Filter[] {f, z});
    assertThat(vpc.DescribeSubnets(byVpc).getSubnetSet()).extracting(Subnet::getSubnetId).containsExactly(created.getSubnetId());

    ModifySubnetAttributeRequest m = new ModifySubnetAttributeRequest();
    m.setSubnetId(created.getSubnetId());
    m.setSubnetName("web2");
    m.setEnableBroadcast("true");
    vpc.ModifySubnetAttribute(m);
    Subnet after = sdk.describeSubnet(created.getSubnetId());
    assertThat(after.getSubnetName()).isEqualTo("web2");
    assertThat(after.getEnableBroadcast()).isTrue();

    DeleteVpcRequest dv = new DeleteVpcRequest();
    dv.setVpcId(vpcId);
    assertError(() -> vpc.DeleteVpc(dv), "ResourceInUse", created.getSubnetId());

    DeleteSubnetRequest ds = new DeleteSubnetRequest();
    ds.setSubnetId(created.getSubnetId());
    vpc.DeleteSubnet(ds);
    assertError(() -> sdk.describeSubnet(created.getSubnetId()), "ResourceNotFound", created.getSubnetId());
    vpc.DeleteVpc(dv);
  }

  @Test
  void createSubnet_cidrRules_namedErrors() throws Exception {
    String vpcId = sdk.vpc("10.31.0.0/16");
    vpc.CreateSubnet(subnetRequest(vpcId, "a", "10.31.0.0/24", ZONE));
    assertError(() -> vpc.CreateSubnet(subnetRequest(vpcId, "b", "10.31.0.128/25", ZONE)),
        "InvalidParameterValue.SubnetConflict", "CidrBlock");
    assertError(() -> vpc.CreateSubnet(subnetRequest(vpcId, "b", "10.32.0.0/24", ZONE)),
        "InvalidParameterValue.SubnetRange", "10.31.0.0/16");
    assertError(() -> vpc.CreateSubnet(subnetRequest(vpcId, "b", "10.31.1.0/29", ZONE)),
        "InvalidParameterValue.SubnetRange", "/28");
    assertError(() -> vpc.CreateSubnet(subnetRequest(vpcId, "b", "10.31.1.1/24", ZONE)),
        "InvalidParameterValue.Malformed", "CidrBlock");
    assertError(() -> vpc.CreateSubnet(subnetRequest(vpcId, "b", "10.31.1.0/24", "ap-shanghai-2")),
        "InvalidParameterValue", "Zone");
    assertError(() -> vpc.CreateSubnet(subnetRequest("vpc-00000000", "b", "10.31.1.0/24", ZONE)),
        "ResourceNotFound", "vpc-00000000");
    assertError(() -> vpc.CreateSubnet(subnetRequest(vpcId, null, "10.31.1.0/24", ZONE)), "MissingParameter", "SubnetName");
    // A subnet may equal the whole VPC block only when nothing else is in it.
    String other = sdk.vpc("192.168.0.0/24");
    Subnet whole = vpc.CreateSubnet(subnetRequest(other, "all", "192.168.0.0/24", ZONE)).getSubnet();
    assertThat(whole.getTotalIpAddressCount()).isEqualTo(256L);
    assertThat(whole.getAvailableIpAddressCount()).isEqualTo(253L);
  }

  @Test
  void createSubnets_allOrNothing() throws Exception {
    String vpcId = sdk.vpc("10.33.0.0/16");
    CreateSubnetsRequest r = new CreateSubnetsRequest();
    r.setVpcId(vpcId);
    r.setSubnets(new SubnetInput[] {input("a", "10.33.1.0/24"), input("b", "10.33.1.128/25")});
    assertError(() -> vpc.CreateSubnets(r), "InvalidParameterValue.SubnetConflict", "Subnets.1.CidrBlock");
    DescribeSubnetsRequest d = new DescribeSubnetsRequest();
    Filter f = new Filter();
    f.setName("vpc-id");
    f.setValues(new String[] {vpcId});
    d.setFilters(new Filter[] {f});
    assertThat(vpc.DescribeSubnets(d).getTotalCount()).isZero();
    r.setSubnets(new SubnetInput[] {input("a", "10.33.1.0/24"), input("b", "10.33.2.0/24")});
    assertThat(vpc.CreateSubnets(r).getSubnetSet()).extracting(Subnet::getCidrBlock)
        .containsExactly("10.33.1.0/24", "10.33.2.0/24");
    assertThat(vpc.DescribeSubnets(d).getTotalCount()).isEqualTo(2L);
  }

  static SubnetInput input(String name, String cidr) {
    SubnetInput i = new SubnetInput();
    i.setSubnetName(name);
    i.setCidrBlock(cidr);
    i.setZone(ZONE);
    return i;
  }

  @Test
  void secondaryCidr_subnetsInside_andRemovalGuarded() throws Exception {
    String vpcId = sdk.vpc("10.34.0.0/16");
    CreateAssistantCidrRequest add = new CreateAssistantCidrRequest();
    add.setVpcId(vpcId);
    add.setCidrBlocks(new String[] {"172.20.0.0/16"});
    assertThat(vpc.CreateAssistantCidr(add).getAssistantCidrSet()[0].getCidrBlock()).isEqualTo("172.20.0.0/16");
    add.setCidrBlocks(new String[] {"10.34.128.0/17"});
    assertError(() -> vpc.CreateAssistantCidr(add), "InvalidParameterValue", "10.34.0.0/16");

    String s = sdk.subnet(vpcId, "second", "172.20.5.0/24", ZONE);
    DescribeAssistantCidrRequest d = new DescribeAssistantCidrRequest();
    d.setVpcIds(new String[] {vpcId});
    assertThat(vpc.DescribeAssistantCidr(d).getAssistantCidrSet()).extracting(a -> a.getCidrBlock())
        .containsExactly("172.20.0.0/16");
    DescribeVpcsRequest dv = new DescribeVpcsRequest();
    dv.setVpcIds(new String[] {vpcId});
    assertThat(vpc.DescribeVpcs(dv).getVpcSet()[0].getAssistantCidrSet()[0].getCidrBlock()).isEqualTo("172.20.0.0/16");

    DeleteAssistantCidrRequest del = new DeleteAssistantCidrRequest();
    del.setVpcId(vpcId);
    del.setCidrBlocks(new String[] {"172.20.0.0/16"});
    assertError(() -> vpc.DeleteAssistantCidr(del), "ResourceInUse", s);
    DeleteSubnetRequest ds = new DeleteSubnetRequest();
    ds.setSubnetId(s);
    vpc.DeleteSubnet(ds);
    ModifyAssistantCidrRequest mod = new ModifyAssistantCidrRequest();
    mod.setVpcId(vpcId);
    mod.setOldCidrBlocks(new String[] {"172.20.0.0/16"});
    mod.setNewCidrBlocks(new String[] {"192.168.8.0/24"});
    assertThat(vpc.ModifyAssistantCidr(mod).getAssistantCidrSet()).extracting(a -> a.getCidrBlock())
        .containsExactly("192.168.8.0/24");
    del.setCidrBlocks(new String[] {"192.168.8.0/24"});
    vpc.DeleteAssistantCidr(del);
    assertThat(vpc.DescribeAssistantCidr(d).getTotalCount()).isZero();
  }

  @Test
  void ipv6_vpcBlockAndSubnetSlash64() throws Exception {
    String vpcId = sdk.vpc("10.35.0.0/16");
    String s = sdk.subnet(vpcId, "v6", "10.35.1.0/24", ZONE);
    AssignIpv6SubnetCidrBlockRequest sub = new AssignIpv6SubnetCidrBlockRequest();
    sub.setVpcId(vpcId);
    Ipv6SubnetCidrBlock b = new Ipv6SubnetCidrBlock();
    b.setSubnetId(s);
    sub.setIpv6SubnetCidrBlocks(new Ipv6SubnetCidrBlock[] {b});
    assertError(() -> vpc.AssignIpv6SubnetCidrBlock(sub), "UnsupportedOperation.IPV6CidrNotDeployed", vpcId);

    AssignIpv6CidrBlockRequest a = new AssignIpv6CidrBlockRequest();
    a.setVpcId(vpcId);
    String block = vpc.AssignIpv6CidrBlock(a).getIpv6CidrBlock();
    assertThat(block).startsWith("fd").endsWith("/56");
    assertError(() -> vpc.AssignIpv6CidrBlock(a), "LimitExceeded", block);

    String slash64 = vpc.AssignIpv6SubnetCidrBlock(sub).getIpv6SubnetCidrBlockSet()[0].getIpv6CidrBlock();
    assertThat(slash64).endsWith("/64");
    assertThat(sdk.describeSubnet(s).getIpv6CidrBlock()).isEqualTo(slash64);

    UnassignIpv6CidrBlockRequest un = new UnassignIpv6CidrBlockRequest();
    un.setVpcId(vpcId);
    assertError(() -> vpc.UnassignIpv6CidrBlock(un), "ResourceInUse", s);
    UnassignIpv6SubnetCidrBlockRequest unSub = new UnassignIpv6SubnetCidrBlockRequest();
    unSub.setVpcId(vpcId);
    unSub.setIpv6SubnetCidrBlocks(new Ipv6SubnetCidrBlock[] {b});
    vpc.UnassignIpv6SubnetCidrBlock(unSub);
    assertThat(sdk.describeSubnet(s).getIpv6CidrBlock()).isEmpty();
    vpc.UnassignIpv6CidrBlock(un);
  }
}
