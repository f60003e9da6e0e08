package io.openvpc.it;

import static io.openvpc.it.SdkFixture.addresses;
import static io.openvpc.it.SdkFixture.assertError;
import static io.openvpc.it.SdkFixture.filter;
import static io.openvpc.it.SdkFixture.ip;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AssignIpv6AddressesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateAndAttachNetworkInterfaceRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateHaVipRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkInterfacesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeUsedIpAddressRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcIpv6AddressesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcPrivateIpAddressesRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.IpAddressStates;
import com.tencentcloudapi.vpc.v20170312.models.Ipv6Address;
import com.tencentcloudapi.vpc.v20170312.models.ModifyIpv6AddressesAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.NetworkInterface;
import com.tencentcloudapi.vpc.v20170312.models.PrivateIpAddressSpecification;
import com.tencentcloudapi.vpc.v20170312.models.VpcPrivateIpAddress;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The address and ENI actions inside a VPC through the official Java SDK: which addresses are used and
 * by what, IPv6 address descriptions, CreateAndAttachNetworkInterface and DescribeVpcInstances.
 */
class VpcAddressSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start();
  static final VpcClient vpc = sdk.vpc;
  static final CvmClient cvm = sdk.cvm;

  static NetworkInterface[] enisOfVpc(String vpcId) throws Exception {
    DescribeNetworkInterfacesRequest d = new DescribeNetworkInterfacesRequest();
    d.setFilters(new Filter[] {filter("vpc-id", vpcId)});
    return vpc.DescribeNetworkInterfaces(d).getNetworkInterfaceSet();
  }

  static String[] assignIpv6(String eniId, long count) throws Exception {
    AssignIpv6AddressesRequest a = new AssignIpv6AddressesRequest();
    a.setNetworkInterfaceId(eniId);
    a.setIpv6AddressCount(count);
    return java.util.Arrays.stream(vpc.AssignIpv6Addresses(a).getIpv6AddressSet()).map(Ipv6Address::getAddress)
        .toArray(String[]::new);
  }

  @Test
  void describeVpcPrivateIpAddresses_usedAddressesWithTheirUse() throws Exception {
    SdkFixture.Network net = sdk.network("10.81.0.0/16", "10.81.1.0/24");
    String ins = sdk.instance(net, "web");                      // 10.81.1.2 (its primary ENI)
    var c = SdkFixture.eniRequest(net.vpcId(), net.subnetId(), "spare");     // 10.81.1.3 (detached ENI)
    NetworkInterface spare = vpc.CreateNetworkInterface(c).getNetworkInterface();
    assertThat(addresses(spare)).containsExactly("10.81.1.3");
    CreateHaVipRequest h = new CreateHaVipRequest();
    h.setVpcId(net.vpcId());
    h.setSubnetId(net.subnetId());
    h.setHaVipName("vip");
    h.setVip("10.81.1.100");
    vpc.CreateHaVip(h);

    DescribeVpcPrivateIpAddressesRequest d = new DescribeVpcPrivateIpAddressesRequest();
    d.setVpcId(net.vpcId());
    d.setPrivateIpAddresses(new String[] {"10.81.1.100", "10.81.1.2", "10.81.1.3", "10.81.1.1", "10.81.1.50"});
    VpcPrivateIpAddress[] found = vpc.DescribeVpcPrivateIpAddresses(d).getVpcPrivateIpAddressSet();
    // The free 10.81.1.50 is left out; the gateway is reserved by the subnet.
    assertThat(found).extracting(VpcPrivateIpAddress::getPrivateIpAddress)
        .containsExactly("10.81.1.1", "10.81.1.2", "10.81.1.3", "10.81.1.100");
    assertThat(found).extracting(VpcPrivateIpAddress::getPrivateIpAddressType)
        .containsExactly("RESERVED", "CVM", "ENI", "HAVIP");
    assertThat(found).allSatisfy(a -> {
      assertThat(a.getCidrBlock()).isEqualTo("10.81.1.0/24");
      assertThat(a.getCreatedTime()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    });
    assertThat(ins).startsWith("ins-");

    d.setPrivateIpAddresses(new String[] {"10.81.1.2", "10.99.0.1"});
    assertError(() -> vpc.DescribeVpcPrivateIpAddresses(d), "InvalidParameterValue", "PrivateIpAddresses.1");
    d.setPrivateIpAddresses(new String[] {"10.81.1.300"});
    assertError(() -> vpc.DescribeVpcPrivateIpAddresses(d), "InvalidParameterValue.Malformed", "PrivateIpAddresses.0");
    d.setPrivateIpAddresses(new String[] {"fd00::1"});
    assertError(() -> vpc.DescribeVpcPrivateIpAddresses(d), "InvalidParameterValue.Malformed", "IPv4");
    d.setPrivateIpAddresses(IntStream.range(0, 101).mapToObj(i -> "10.81.2." + i).toArray(String[]::new));
    assertError(() -> vpc.DescribeVpcPrivateIpAddresses(d), "InvalidParameterValue.LimitExceeded", "at most 100");
    d.setPrivateIpAddresses(new String[0]);
    assertError(() -> vpc.DescribeVpcPrivateIpAddresses(d), "MissingParameter", "PrivateIpAddresses");
    d.setPrivateIpAddresses(new String[] {"10.81.1.2"});
    d.setVpcId("vpc-00000000");
    assertError(() -> vpc.DescribeVpcPrivateIpAddresses(d), "ResourceNotFound", "vpc-00000000");
    d.setVpcId("vpc-bad");
    assertError(() -> vpc.DescribeVpcPrivateIpAddresses(d), "InvalidParameterValue.Malformed", "VpcId");
    d.setVpcId(null);
    assertError(() -> vpc.DescribeVpcPrivateIpAddresses(d), "MissingParameter", "VpcId");
  }

  @Test
  void describeVpcIpv6Addresses_bySubnetAddressesAndPages() throws Exception {
    SdkFixture.Network net = sdk.network("10.82.0.0/16", "10.82.1.0/24");
    String other = vpc.CreateSubnet(SdkFixture.subnetRequest(net.vpcId(), "other", "10.82.2.0/24", SdkFixture.ZONE))
        .getSubnet().getSubnetId();
    DescribeVpcIpv6AddressesRequest d = new DescribeVpcIpv6AddressesRequest();
    d.setVpcId(net.vpcId());
    d.setIpv6Addresses(new String[] {"fd00::1"});
    assertError(() -> vpc.DescribeVpcIpv6Addresses(d), "InvalidParameterValue.Range", "no IPv6 block");
    d.setIpv6Addresses(null);
    assertThat(vpc.DescribeVpcIpv6Addresses(d).getTotalCount()).isZero();

    String slash64 = sdk.ipv6(net);
    String eni = vpc.CreateNetworkInterface(SdkFixture.eniRequest(net.vpcId(), net.subnetId(), "v6")).getNetworkInterface()
        .getNetworkInterfaceId();
    String[] v6 = assignIpv6(eni, 3);
    var page = vpc.DescribeVpcIpv6Addresses(d);
    assertThat(page.getTotalCount()).isEqualTo(3L);
    assertThat(page.getIpv6AddressSet()).extracting(a -> a.getIpv6Address()).containsExactly(v6);
    assertThat(page.getIpv6AddressSet()).allSatisfy(a -> {
      assertThat(a.getCidrBlock()).isEqualTo(slash64);
      assertThat(a.getIpv6AddressType()).isEqualTo("ENI");
    });
    d.setOffset(1L);
    d.setLimit(1L);
    page = vpc.DescribeVpcIpv6Addresses(d);
    assertThat(page.getTotalCount()).isEqualTo(3L);
    assertThat(page.getIpv6AddressSet()).extracting(a -> a.getIpv6Address()).containsExactly(v6[1]);
    d.setOffset(null);
    d.setLimit(101L);
    assertError(() -> vpc.DescribeVpcIpv6Addresses(d), "InvalidParameterValue.Range", "Limit");
    d.setLimit(null);

    String free = slash64.replace("::/64", "::ffff");
    d.setIpv6Addresses(new String[] {v6[2], free});
    assertThat(vpc.DescribeVpcIpv6Addresses(d).getIpv6AddressSet()).extracting(a -> a.getIpv6Address())
        .containsExactly(v6[2]);
    d.setSubnetId(other);
    assertError(() -> vpc.DescribeVpcIpv6Addresses(d), "InvalidParameterValue.Range", "subnet " + other);
    d.setIpv6Addresses(null);
    assertThat(vpc.DescribeVpcIpv6Addresses(d).getTotalCount()).isZero();
    d.setSubnetId(net.subnetId());
    assertThat(vpc.DescribeVpcIpv6Addresses(d).getTotalCount()).isEqualTo(3L);
    d.setIpv6Addresses(new String[] {"10.82.1.2"});
    assertError(() -> vpc.DescribeVpcIpv6Addresses(d), "InvalidParameterValue.Malformed", "IPv6");
    d.setIpv6Addresses(IntStream.range(0, 11).mapToObj(i -> slash64.replace("::/64", "::" + (i + 1)))
        .toArray(String[]::new));
    assertError(() -> vpc.DescribeVpcIpv6Addresses(d), "InvalidParameterValue.LimitExceeded", "at most 10");
    d.setIpv6Addresses(null);
    d.setSubnetId("subnet-00000000");
    assertError(() -> vpc.DescribeVpcIpv6Addresses(d), "ResourceNotFound", "subnet-00000000");
    SdkFixture.Network elsewhere = sdk.network("10.83.0.0/16", "10.83.1.0/24");
    d.setSubnetId(elsewhere.subnetId());
    assertError(() -> vpc.DescribeVpcIpv6Addresses(d), "InvalidParameterValue.Range", "SubnetId");
    d.setSubnetId(null);
    d.setVpcId("vpc-00000000");
    assertError(() -> vpc.DescribeVpcIpv6Addresses(d), "ResourceNotFound", "vpc-00000000");
  }

  @Test
  void describeUsedIpAddress_everyTakenAddressWithItsHolder() throws Exception {
    SdkFixture.Network net = sdk.network("10.84.0.0/16", "10.84.1.0/24");
    String second = vpc.CreateSubnet(SdkFixture.subnetRequest(net.vpcId(), "b", "10.84.2.0/28", SdkFixture.ZONE))
        .getSubnet().getSubnetId();
    var c = SdkFixture.eniRequest(net.vpcId(), net.subnetId(), "two");
    c.setSecondaryPrivateIpAddressCount(1L);
    String eni = vpc.CreateNetworkInterface(c).getNetworkInterface().getNetworkInterfaceId();   // .2, .3
    CreateHaVipRequest h = new CreateHaVipRequest();
    h.setVpcId(net.vpcId());
    h.setSubnetId(second);
    h.setHaVipName("vip");
    h.setVip("10.84.2.5");
    String havip = vpc.CreateHaVip(h).getHaVip().getHaVipId();

    DescribeUsedIpAddressRequest d = new DescribeUsedIpAddressRequest();
    d.setVpcId(net.vpcId());
    var all = vpc.DescribeUsedIpAddress(d);
    // Three reserved per subnet, the ENI's two addresses and the HAVIP's VIP.
    assertThat(all.getTotalCount()).isEqualTo(9L);
    assertThat(all.getIpAddressStates()).extracting(IpAddressStates::getIpAddress).containsExactly("10.84.1.0",
        "10.84.1.1", "10.84.1.2", "10.84.1.3", "10.84.1.255", "10.84.2.0", "10.84.2.1", "10.84.2.5", "10.84.2.15");
    assertThat(all.getIpAddressStates()[2].getResourceType()).isEqualTo("ENI");
    assertThat(all.getIpAddressStates()[2].getResourceId()).isEqualTo(eni);
    assertThat(all.getIpAddressStates()[2].getSubnetId()).isEqualTo(net.subnetId());
    assertThat(all.getIpAddressStates()[2].getVpcId()).isEqualTo(net.vpcId());
    assertThat(all.getIpAddressStates()[7].getResourceType()).isEqualTo("HAVIP");
    assertThat(all.getIpAddressStates()[7].getResourceId()).isEqualTo(havip);
    assertThat(all.getIpAddressStates()[0].getResourceType()).isEqualTo("RESERVED");
    assertThat(all.getIpAddressStates()[0].getResourceId()).isEqualTo(net.subnetId());

    d.setSubnetId(second);
    assertThat(vpc.DescribeUsedIpAddress(d).getTotalCount()).isEqualTo(4L);
    d.setIpAddresses(new String[] {"10.84.2.5", "10.84.2.6"});
    var some = vpc.DescribeUsedIpAddress(d);
    assertThat(some.getIpAddressStates()).extracting(IpAddressStates::getIpAddress).containsExactly("10.84.2.5");
    d.setIpAddresses(new String[] {"10.84.1.2"});
    assertError(() -> vpc.DescribeUsedIpAddress(d), "InvalidParameterValue.Range", "IpAddresses.0");
    d.setSubnetId(null);
    d.setIpAddresses(new String[] {"10.85.0.1"});
    assertError(() -> vpc.DescribeUsedIpAddress(d), "InvalidParameterValue.Range", "10.84.0.0/16");
    d.setIpAddresses(new String[] {"nope"});
    assertError(() -> vpc.DescribeUsedIpAddress(d), "InvalidParameterValue.Malformed", "IpAddresses.0");
    d.setIpAddresses(IntStream.range(0, 101).mapToObj(i -> "10.84.3." + i).toArray(String[]::new));
    assertError(() -> vpc.DescribeUsedIpAddress(d), "InvalidParameterValue.LimitExceeded", "IpAddresses");
    d.setIpAddresses(new String[] {"10.84.1.2"});
    d.setFilters(new Filter[] {filter("resource-id", eni)});
    assertError(() -> vpc.DescribeUsedIpAddress(d), "InvalidParameter.Coexist", "IpAddresses");
    d.setIpAddresses(null);
    assertThat(vpc.DescribeUsedIpAddress(d).getIpAddressStates()).extracting(IpAddressStates::getIpAddress)
        .containsExactly("10.84.1.2", "10.84.1.3");
    d.setFilters(new Filter[] {filter("ip-addresses", "10.84.2.5", "10.84.1.1")});
    assertThat(vpc.DescribeUsedIpAddress(d).getIpAddressStates()).extracting(IpAddressStates::getResourceType)
        .containsExactly("RESERVED", "HAVIP");
    d.setFilters(new Filter[] {filter("owner", "x")});
    assertError(() -> vpc.DescribeUsedIpAddress(d), "InvalidParameter.FilterInvalidKey", "owner");
    d.setFilters(null);
    d.setOffset(8L);
    d.setLimit(5L);
    var last = vpc.DescribeUsedIpAddress(d);
    assertThat(last.getTotalCount()).isEqualTo(9L);
    assertThat(last.getIpAddressStates()).extracting(IpAddressStates::getIpAddress).containsExactly("10.84.2.15");
    d.setLimit(200L);
    assertError(() -> vpc.DescribeUsedIpAddress(d), "InvalidParameterValue.Range", "Limit");
    d.setLimit(null);
    d.setSubnetId("subnet-0000000x");
    assertError(() -> vpc.DescribeUsedIpAddress(d), "ResourceNotFound", "SubnetId");
    d.setSubnetId(null);
    d.setVpcId("vpc-00000000");
    assertError(() -> vpc.DescribeUsedIpAddress(d), "ResourceNotFound", "vpc-00000000");
  }

  @Test
  void modifyIpv6AddressesAttribute_describesAddressesOfTheEni() throws Exception {
    SdkFixture.Network net = sdk.network("10.86.0.0/16", "10.86.1.0/24");
    sdk.ipv6(net);
    String eni = vpc.CreateNetworkInterface(SdkFixture.eniRequest(net.vpcId(), net.subnetId(), "v6")).getNetworkInterface()
        .getNetworkInterfaceId();
    String[] v6 = assignIpv6(eni, 2);
    ModifyIpv6AddressesAttributeRequest m = new ModifyIpv6AddressesAttributeRequest();
    m.setNetworkInterfaceId(eni);
    Ipv6Address a = new Ipv6Address();
    a.setAddress(v6[1]);
    a.setDescription("db replica");
    m.setIpv6Addresses(new Ipv6Address[] {a});
    vpc.ModifyIpv6AddressesAttribute(m);
    Ipv6Address[] now = sdk.describeEni(eni).getIpv6AddressSet();
    assertThat(now).extracting(Ipv6Address::getDescription).containsExactly("", "db replica");

    Ipv6Address foreign = new Ipv6Address();
    foreign.setAddress("fd00::1");
    m.setIpv6Addresses(new Ipv6Address[] {a, foreign});
    assertError(() -> vpc.ModifyIpv6AddressesAttribute(m), "InvalidParameterValue.AddressIpNotFound",
        "Ipv6Addresses.1.Address");
    assertThat(sdk.describeEni(eni).getIpv6AddressSet()[1].getDescription()).isEqualTo("db replica");
    Ipv6Address bad = new Ipv6Address();
    bad.setAddress("fd00::zz");
    m.setIpv6Addresses(new Ipv6Address[] {bad});
    assertError(() -> vpc.ModifyIpv6AddressesAttribute(m), "InvalidParameterValue.Malformed", "Ipv6Addresses.0.Address");
    Ipv6Address tooLong = new Ipv6Address();
    tooLong.setAddress(v6[0]);
    tooLong.setDescription("x".repeat(26));
    m.setIpv6Addresses(new Ipv6Address[] {tooLong});
    assertError(() -> vpc.ModifyIpv6AddressesAttribute(m), "InvalidParameterValue.TooLong", "Ipv6Addresses.0.Description");
    m.setIpv6Addresses(new Ipv6Address[0]);
    assertError(() -> vpc.ModifyIpv6AddressesAttribute(m), "MissingParameter", "Ipv6Addresses");
    m.setIpv6Addresses(new Ipv6Address[] {a});
    m.setNetworkInterfaceId("eni-00000000");
    assertError(() -> vpc.ModifyIpv6AddressesAttribute(m), "ResourceNotFound", "eni-00000000");
    m.setNetworkInterfaceId("eni-x");
    assertError(() -> vpc.ModifyIpv6AddressesAttribute(m), "InvalidParameterValue.Malformed", "NetworkInterfaceId");
  }

  static CreateAndAttachNetworkInterfaceRequest createAndAttach(String vpcId, String subnetId, String instanceId) {
    CreateAndAttachNetworkInterfaceRequest r = new CreateAndAttachNetworkInterfaceRequest();
    r.setVpcId(vpcId);
    r.setSubnetId(subnetId);
    r.setInstanceId(instanceId);
    r.setNetworkInterfaceName("data");
    return r;
  }

  @Test
  void createAndAttachNetworkInterface_oneTransaction() throws Exception {
    SdkFixture.Network net = sdk.network("10.87.0.0/16", "10.87.1.0/24");
    String ins = sdk.instance(net, "app");                     // S5.MEDIUM4: 2 ENIs, 10 addresses each
    CreateAndAttachNetworkInterfaceRequest r = createAndAttach(net.vpcId(), net.subnetId(), ins);
    PrivateIpAddressSpecification primary = ip("10.87.1.20");
    primary.setPrimary(true);
    r.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {primary});
    r.setSecondaryPrivateIpAddressCount(1L);
    r.setNetworkInterfaceDescription("data plane");
    var created = vpc.CreateAndAttachNetworkInterface(r);
    NetworkInterface e = created.getNetworkInterface();
    assertThat(e.getNetworkInterfaceId()).matches("eni-[a-z0-9]{8}");
    assertThat(e.getAttachment().getInstanceId()).isEqualTo(ins);
    assertThat(e.getPrimary()).isFalse();
    assertThat(addresses(e)).containsExactly("10.87.1.20", "10.87.1.3");
    assertThat(e.getNetworkInterfaceDescription()).isEqualTo("data plane");
    sdk.assertTaskSucceeded(created.getRequestId(), e.getNetworkInterfaceId());
    assertThat(sdk.describeEni(e.getNetworkInterfaceId()).getAttachment().getInstanceId())
        .isEqualTo(ins);

    // The instance type allows no third ENI: the attach is refused and nothing is left behind.
    CreateAndAttachNetworkInterfaceRequest more = createAndAttach(net.vpcId(), net.subnetId(), ins);
    more.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.87.1.30")});
    assertError(() -> vpc.CreateAndAttachNetworkInterface(more), "LimitExceeded", "InstanceId");
    assertThat(enisOfVpc(net.vpcId())).hasSize(2);
    DescribeUsedIpAddressRequest used = new DescribeUsedIpAddressRequest();
    used.setVpcId(net.vpcId());
    used.setIpAddresses(new String[] {"10.87.1.30"});
    assertThat(vpc.DescribeUsedIpAddress(used).getTotalCount()).isZero();

    // Another zone: refused as AttachNetworkInterface refuses it, nothing left behind either.
    String otherZone = vpc.CreateSubnet(SdkFixture.subnetRequest(net.vpcId(), "z4", "10.87.4.0/24", "ap-guangzhou-4"))
        .getSubnet().getSubnetId();
    String ins2 = sdk.instance(net, "app2");
    CreateAndAttachNetworkInterfaceRequest zone = createAndAttach(net.vpcId(), otherZone, ins2);
    assertError(() -> vpc.CreateAndAttachNetworkInterface(zone), "UnsupportedOperation", "InstanceId");
    SdkFixture.Network elsewhere = sdk.network("10.88.0.0/16", "10.88.1.0/24");
    CreateAndAttachNetworkInterfaceRequest mismatch = createAndAttach(elsewhere.vpcId(), elsewhere.subnetId(), ins2);
    assertError(() -> vpc.CreateAndAttachNetworkInterface(mismatch), "UnsupportedOperation",
        "InstanceId");
    assertThat(enisOfVpc(elsewhere.vpcId())).isEmpty();
    assertThat(enisOfVpc(net.vpcId())).hasSize(3);   // the two instances' primary ENIs and the attached one

    // Create's own checks, with its error codes.
    CreateAndAttachNetworkInterfaceRequest taken = createAndAttach(net.vpcId(), net.subnetId(), ins2);
    taken.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.87.1.20")});
    assertError(() -> vpc.CreateAndAttachNetworkInterface(taken), "ResourceInUse", "10.87.1.20");
    CreateAndAttachNetworkInterfaceRequest outside = createAndAttach(net.vpcId(), net.subnetId(), ins2);
    outside.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.87.9.9")});
    assertError(() -> vpc.CreateAndAttachNetworkInterface(outside), "InvalidParameterValue.Range", "10.87.1.0/24");
    CreateAndAttachNetworkInterfaceRequest unknown = createAndAttach(net.vpcId(), net.subnetId(), "ins-00000000");
    assertError(() -> vpc.CreateAndAttachNetworkInterface(unknown), "ResourceNotFound", "ins-00000000");
    CreateAndAttachNetworkInterfaceRequest malformed = createAndAttach(net.vpcId(), net.subnetId(), "ins-1");
    assertError(() -> vpc.CreateAndAttachNetworkInterface(malformed), "InvalidParameterValue.Malformed",
        "InstanceId");
    CreateAndAttachNetworkInterfaceRequest missing = createAndAttach(net.vpcId(), net.subnetId(), null);
    assertError(() -> vpc.CreateAndAttachNetworkInterface(missing), "MissingParameter", "InstanceId");
    CreateAndAttachNetworkInterfaceRequest noName = createAndAttach(net.vpcId(), net.subnetId(), ins2);
    noName.setNetworkInterfaceName(null);
    assertError(() -> vpc.CreateAndAttachNetworkInterface(noName), "MissingParameter", "NetworkInterfaceName");
    CreateAndAttachNetworkInterfaceRequest noSubnet = createAndAttach(net.vpcId(), "subnet-00000000", ins2);
    assertError(() -> vpc.CreateAndAttachNetworkInterface(noSubnet), "ResourceNotFound", "subnet-00000000");
    CreateAndAttachNetworkInterfaceRequest rdma = createAndAttach(net.vpcId(), net.subnetId(), ins2);
    rdma.setIsRdma(true);
    assertError(() -> vpc.CreateAndAttachNetworkInterface(rdma), "UnsupportedOperation", "IsRdma");
    CreateAndAttachNetworkInterfaceRequest extension = createAndAttach(net.vpcId(), net.subnetId(), ins2);
    extension.setAttachType(1L);
    assertError(() -> vpc.CreateAndAttachNetworkInterface(extension), "UnsupportedOperation", "AttachType");
    assertThat(enisOfVpc(net.vpcId())).hasSize(3);

    CreateAndAttachNetworkInterfaceRequest ok = createAndAttach(net.vpcId(), net.subnetId(), ins2);
    assertThat(vpc.CreateAndAttachNetworkInterface(ok).getNetworkInterface().getAttachment().getInstanceId())
        .isEqualTo(ins2);
    // The refused calls claimed no address in the database either: the address of the first one is free.
    var again = SdkFixture.eniRequest(net.vpcId(), net.subnetId(), "again");
    PrivateIpAddressSpecification thirty = ip("10.87.1.30");
    thirty.setPrimary(true);
    again.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {thirty});
    assertThat(addresses(vpc.CreateNetworkInterface(again).getNetworkInterface())).containsExactly("10.87.1.30");
  }

  @Test
  void describeVpcInstances_filtersAndEniCounts() throws Exception {
    SdkFixture.Network net = sdk.network("10.89.0.0/16", "10.89.1.0/24");
    String web = sdk.instance(net, "web-front");
    String db = sdk.instance(net, "db");
    SdkFixture.Network elsewhere = sdk.network("10.90.0.0/16", "10.90.1.0/24");
    sdk.instance(elsewhere, "web-other");
    vpc.CreateAndAttachNetworkInterface(createAndAttach(net.vpcId(), net.subnetId(), db));

    DescribeVpcInstancesRequest d = new DescribeVpcInstancesRequest();
    d.setFilters(new Filter[] {filter("vpc-id", net.vpcId())});
    var found = vpc.DescribeVpcInstances(d);
    assertThat(found.getTotalCount()).isEqualTo(2L);
    assertThat(found.getInstanceSet()).extracting(i -> i.getInstanceId()).containsExactlyInAnyOrder(db, web);
    var first = java.util.Arrays.stream(found.getInstanceSet()).filter(i -> i.getInstanceId().equals(db)).findFirst()
        .orElseThrow();
    assertThat(first.getVpcId()).isEqualTo(net.vpcId());
    assertThat(first.getSubnetId()).isEqualTo(net.subnetId());
    assertThat(first.getInstanceName()).isEqualTo("db");
    assertThat(first.getInstanceState()).isEqualTo("RUNNING");
    assertThat(first.getInstanceType()).isEqualTo("S5.MEDIUM4");
    assertThat(first.getCPU()).isEqualTo(2L);
    assertThat(first.getMemory()).isEqualTo(4L);
    assertThat(first.getEniLimit()).isEqualTo(2L);
    assertThat(first.getEniIpLimit()).isEqualTo(10L);
    assertThat(first.getInstanceEniCount()).isEqualTo(2L);
    assertThat(java.util.Arrays.stream(found.getInstanceSet()).filter(i -> i.getInstanceId().equals(web)))
        .singleElement().satisfies(i -> assertThat(i.getInstanceEniCount()).isEqualTo(1L));
    assertThat(first.getCreatedTime()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    d.setFilters(new Filter[] {filter("instance-name", "web")});
    assertThat(vpc.DescribeVpcInstances(d).getTotalCount()).isEqualTo(2L);
    d.setFilters(new Filter[] {filter("vpc-id", net.vpcId()), filter("instance-name", "web")});
    assertThat(vpc.DescribeVpcInstances(d).getInstanceSet()).extracting(i -> i.getInstanceId()).containsExactly(web);
    d.setFilters(new Filter[] {filter("instance-id", db)});
    assertThat(vpc.DescribeVpcInstances(d).getInstanceSet()).extracting(i -> i.getInstanceId()).containsExactly(db);
    d.setFilters(new Filter[] {filter("vpc-id", net.vpcId()), filter("instance-type", "S5.LARGE8")});
    assertThat(vpc.DescribeVpcInstances(d).getTotalCount()).isZero();
    d.setFilters(new Filter[] {filter("vpc-id", "vpc-00000000")});
    assertThat(vpc.DescribeVpcInstances(d).getTotalCount()).isZero();
    d.setFilters(new Filter[] {filter("vpc-id", net.vpcId())});
    d.setOffset(1L);
    d.setLimit(1L);
    var page = vpc.DescribeVpcInstances(d);
    assertThat(page.getTotalCount()).isEqualTo(2L);
    assertThat(page.getInstanceSet()).hasSize(1);
    d.setLimit(101L);
    assertError(() -> vpc.DescribeVpcInstances(d), "InvalidParameterValue.Range", "Limit");
    d.setLimit(null);
    d.setFilters(new Filter[] {filter("zone", SdkFixture.ZONE)});
    assertError(() -> vpc.DescribeVpcInstances(d), "InvalidParameter.FilterInvalidKey", "zone");
    d.setFilters(null);
    assertError(() -> vpc.DescribeVpcInstances(d), "MissingParameter", "Filters");
  }
}
