package io.openvpc.it;

import static io.openvpc.it.SdkFixture.addresses;
import static io.openvpc.it.SdkFixture.assertError;
import static io.openvpc.it.SdkFixture.eniRequest;
import static io.openvpc.it.SdkFixture.ip;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AssignIpv6AddressesRequest;
import com.tencentcloudapi.vpc.v20170312.models.AssignPrivateIpAddressesRequest;
import com.tencentcloudapi.vpc.v20170312.models.AssociateNetworkInterfaceSecurityGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.models.AttachNetworkInterfaceRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateNetworkInterfaceRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteNetworkInterfaceRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkInterfaceLimitRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkInterfacesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DetachNetworkInterfaceRequest;
import com.tencentcloudapi.vpc.v20170312.models.DisassociateNetworkInterfaceSecurityGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.Ipv6Address;
import com.tencentcloudapi.vpc.v20170312.models.MigrateNetworkInterfaceRequest;
import com.tencentcloudapi.vpc.v20170312.models.MigratePrivateIpAddressRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyNetworkInterfaceAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyPrivateIpAddressesAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.NetworkInterface;
import com.tencentcloudapi.vpc.v20170312.models.PrivateIpAddressSpecification;
import com.tencentcloudapi.vpc.v20170312.models.UnassignIpv6AddressesRequest;
import com.tencentcloudapi.vpc.v20170312.models.UnassignPrivateIpAddressesRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ENI actions through the official Java SDK. */
class NetworkInterfaceSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start();
  static final VpcClient vpc = sdk.vpc;
  static final CvmClient cvm = sdk.cvm;

  @Test
  void createAssignUnassign_addressesAreRequestedOrLowestFree() throws Exception {
    SdkFixture.Network net = sdk.network("10.50.0.0/16", "10.50.1.0/24");
    CreateNetworkInterfaceRequest c = eniRequest(net.vpcId(), net.subnetId(), "eni-a");
    PrivateIpAddressSpecification primary = ip("10.50.1.10");
    primary.setPrimary(true);
    c.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {primary});
    c.setSecondaryPrivateIpAddressCount(2L);
    var createdResponse = vpc.CreateNetworkInterface(c);
    NetworkInterface e = createdResponse.getNetworkInterface();
    assertThat(e.getNetworkInterfaceId()).matches("eni-[a-z0-9]{8}");
    // asynchronous at Tencent: the RequestId is a task that reports the new ENI
    sdk.assertTaskSucceeded(createdResponse.getRequestId(), e.getNetworkInterfaceId());
    // not attached: Tencent answers the Attachment member, as null
    assertThat(e.getAttachment()).isNull();
    assertThat(addresses(e)).containsExactly("10.50.1.10", "10.50.1.2", "10.50.1.3");
    assertThat(e.getPrivateIpAddressSet()[0].getPrimary()).isTrue();
    assertThat(e.getMacAddress()).startsWith("20:90:6F:");
    assertThat(e.getZone()).isEqualTo(SdkFixture.ZONE);

    AssignPrivateIpAddressesRequest a = new AssignPrivateIpAddressesRequest();
    a.setNetworkInterfaceId(e.getNetworkInterfaceId());
    a.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.50.1.10")});
    assertError(() -> vpc.AssignPrivateIpAddresses(a), "ResourceInUse", "10.50.1.10");
    a.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.50.1.255")});
    assertError(() -> vpc.AssignPrivateIpAddresses(a), "InvalidParameterValue.Reserved", "PrivateIpAddresses.0");
    a.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.50.2.7")});
    assertError(() -> vpc.AssignPrivateIpAddresses(a), "InvalidParameterValue.Range", "10.50.1.0/24");
    a.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.50.1.77")});
    var assigned = vpc.AssignPrivateIpAddresses(a);
    assertThat(assigned.getPrivateIpAddressSet()[0].getPrivateIpAddress()).isEqualTo("10.50.1.77");
    sdk.assertTaskSucceeded(assigned.getRequestId(), e.getNetworkInterfaceId());
    AssignPrivateIpAddressesRequest byCount = new AssignPrivateIpAddressesRequest();
    byCount.setNetworkInterfaceId(e.getNetworkInterfaceId());
    byCount.setSecondaryPrivateIpAddressCount(1L);
    assertThat(vpc.AssignPrivateIpAddresses(byCount).getPrivateIpAddressSet()[0].getPrivateIpAddress())
        .isEqualTo("10.50.1.4");

    UnassignPrivateIpAddressesRequest u = new UnassignPrivateIpAddressesRequest();
    u.setNetworkInterfaceId(e.getNetworkInterfaceId());
    u.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.50.1.10")});
    assertError(() -> vpc.UnassignPrivateIpAddresses(u), "UnsupportedOperation", "10.50.1.10");
    u.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.50.1.3")});
    vpc.UnassignPrivateIpAddresses(u);
    assertThat(addresses(sdk.describeEni(e.getNetworkInterfaceId()))).doesNotContain("10.50.1.3");
    // The freed address is the lowest free one again.
    assertThat(vpc.AssignPrivateIpAddresses(byCount).getPrivateIpAddressSet()[0].getPrivateIpAddress())
        .isEqualTo("10.50.1.3");

    ModifyPrivateIpAddressesAttributeRequest md = new ModifyPrivateIpAddressesAttributeRequest();
    md.setNetworkInterfaceId(e.getNetworkInterfaceId());
    PrivateIpAddressSpecification d = ip("10.50.1.77");
    d.setDescription("vip");
    md.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {d});
    vpc.ModifyPrivateIpAddressesAttribute(md);
    assertThat(sdk.describeEni(e.getNetworkInterfaceId()).getPrivateIpAddressSet()).filteredOn(x -> x.getDescription().equals("vip"))
        .extracting(PrivateIpAddressSpecification::getPrivateIpAddress).containsExactly("10.50.1.77");

    ModifyNetworkInterfaceAttributeRequest m = new ModifyNetworkInterfaceAttributeRequest();
    m.setNetworkInterfaceId(e.getNetworkInterfaceId());
    m.setNetworkInterfaceName("renamed");
    vpc.ModifyNetworkInterfaceAttribute(m);
    DescribeNetworkInterfacesRequest byName = new DescribeNetworkInterfacesRequest();
    Filter f = new Filter();
    f.setName("address-ip");
    f.setValues(new String[] {"10.50.1.77"});
    byName.setFilters(new Filter[] {f});
    assertThat(vpc.DescribeNetworkInterfaces(byName).getNetworkInterfaceSet()).extracting(NetworkInterface::getNetworkInterfaceName)
        .containsExactly("renamed");

    assertThat(sdk.describeSubnet(net.subnetId()).getAvailableIpAddressCount()).isEqualTo(253L - 5);
    DeleteNetworkInterfaceRequest del = new DeleteNetworkInterfaceRequest();
    del.setNetworkInterfaceId(e.getNetworkInterfaceId());
    String requestId = vpc.DeleteNetworkInterface(del).getRequestId();
    sdk.assertTaskSucceeded(requestId, e.getNetworkInterfaceId());
    assertThat(sdk.describeSubnet(net.subnetId()).getAvailableIpAddressCount()).isEqualTo(253L);
    assertError(() -> sdk.describeEni(e.getNetworkInterfaceId()), "ResourceNotFound", e.getNetworkInterfaceId());
  }

  @Test
  void attachDetachMigrate_followInstanceTypeLimitsAndZones() throws Exception {
    SdkFixture.Network net = sdk.network("10.51.0.0/16", "10.51.1.0/24");
    RunInstancesRequest run = SdkFixture.runRequest(net.vpcId(), net.subnetId(), 2, "host");
    run.setInstanceType("S5.SMALL2");
    String[] ins = cvm.RunInstances(run).getInstanceIdSet();
    String eni = vpc.CreateNetworkInterface(eniRequest(net.vpcId(), net.subnetId(), "extra")).getNetworkInterface().getNetworkInterfaceId();
    String eni2 = vpc.CreateNetworkInterface(eniRequest(net.vpcId(), net.subnetId(), "extra2")).getNetworkInterface().getNetworkInterfaceId();

    AttachNetworkInterfaceRequest at = new AttachNetworkInterfaceRequest();
    at.setNetworkInterfaceId(eni);
    at.setInstanceId(ins[0]);
    String attachRequest = vpc.AttachNetworkInterface(at).getRequestId();
    sdk.assertTaskSucceeded(attachRequest, eni);
    assertThat(sdk.describeEni(eni).getAttachment().getInstanceId()).isEqualTo(ins[0]);
    assertError(() -> vpc.AttachNetworkInterface(at), "UnsupportedOperation.AttachmentAlreadyExists", ins[0]);
    AttachNetworkInterfaceRequest over = new AttachNetworkInterfaceRequest();
    over.setNetworkInterfaceId(eni2);
    over.setInstanceId(ins[0]);
    assertError(() -> vpc.AttachNetworkInterface(over), "LimitExceeded", "S5.SMALL2");

    DescribeNetworkInterfaceLimitRequest lim = new DescribeNetworkInterfaceLimitRequest();
    lim.setInstanceId(ins[0]);
    assertThat(vpc.DescribeNetworkInterfaceLimit(lim).getEniPrivateIpAddressQuantity()).isEqualTo(6L);
    // as Tencent's examples count: the instance's type binds 2 ENIs, its primary one included (S5.SMALL2)
    assertThat(vpc.DescribeNetworkInterfaceLimit(lim).getEniQuantity()).isEqualTo(2L);
    // an ENI ID is accepted too: an ENI binds no ENIs, and holds what its instance's type allows
    lim.setInstanceId(eni);
    assertThat(vpc.DescribeNetworkInterfaceLimit(lim)).satisfies(l -> {
      assertThat(l.getEniQuantity()).isZero();
      assertThat(l.getEniPrivateIpAddressQuantity()).isEqualTo(6L);
    });
    // an unattached one, the account's eni-max-private-ips
    lim.setInstanceId(eni2);
    assertThat(vpc.DescribeNetworkInterfaceLimit(lim).getEniPrivateIpAddressQuantity()).isEqualTo(20L);
    lim.setInstanceId("eni-zzzzzzzz");
    assertError(() -> vpc.DescribeNetworkInterfaceLimit(lim), "ResourceNotFound", "eni-zzzzzzzz");
    lim.setInstanceId("vpc-12345678");
    assertError(() -> vpc.DescribeNetworkInterfaceLimit(lim), "InvalidParameterValue.Malformed", "InstanceId");
    lim.setInstanceId(ins[0]);

    String otherZone = vpc.CreateSubnet(SdkFixture.subnetRequest(net.vpcId(), "z4", "10.51.2.0/24", "ap-guangzhou-4"))
        .getSubnet().getSubnetId();
    String far = vpc.CreateNetworkInterface(eniRequest(net.vpcId(), otherZone, "far")).getNetworkInterface().getNetworkInterfaceId();
    AttachNetworkInterfaceRequest zone = new AttachNetworkInterfaceRequest();
    zone.setNetworkInterfaceId(far);
    zone.setInstanceId(ins[1]);
    assertError(() -> vpc.AttachNetworkInterface(zone), "UnsupportedOperation.ZoneMismatch", "ap-guangzhou-4");

    MigrateNetworkInterfaceRequest mig = new MigrateNetworkInterfaceRequest();
    mig.setNetworkInterfaceId(eni);
    mig.setSourceInstanceId(ins[0]);
    mig.setDestinationInstanceId(ins[1]);
    vpc.MigrateNetworkInterface(mig);
    assertThat(sdk.describeEni(eni).getAttachment().getInstanceId()).isEqualTo(ins[1]);

    // The primary ENI never detaches.
    String primary = sdk.describeInstance(ins[1]).getPrivateIpAddresses()[0];
    DescribeNetworkInterfacesRequest byIp = new DescribeNetworkInterfacesRequest();
    Filter f = new Filter();
    f.setName("address-ip");
    f.setValues(new String[] {primary});
    byIp.setFilters(new Filter[] {f});
    String primaryEni = vpc.DescribeNetworkInterfaces(byIp).getNetworkInterfaceSet()[0].getNetworkInterfaceId();
    DetachNetworkInterfaceRequest dp = new DetachNetworkInterfaceRequest();
    dp.setNetworkInterfaceId(primaryEni);
    dp.setInstanceId(ins[1]);
    assertError(() -> vpc.DetachNetworkInterface(dp), "UnsupportedOperation.InvalidState", "primary");

    // Addresses migrate between ENIs of one subnet.
    AssignPrivateIpAddressesRequest a = new AssignPrivateIpAddressesRequest();
    a.setNetworkInterfaceId(eni);
    a.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {ip("10.51.1.100")});
    vpc.AssignPrivateIpAddresses(a);
    MigratePrivateIpAddressRequest mp = new MigratePrivateIpAddressRequest();
    mp.setSourceNetworkInterfaceId(eni);
    mp.setDestinationNetworkInterfaceId(eni2);
    mp.setPrivateIpAddress("10.51.1.100");
    vpc.MigratePrivateIpAddress(mp);
    assertThat(addresses(sdk.describeEni(eni2))).contains("10.51.1.100");
    assertThat(addresses(sdk.describeEni(eni))).doesNotContain("10.51.1.100");
    mp.setDestinationNetworkInterfaceId(far);
    mp.setSourceNetworkInterfaceId(eni2);
    assertError(() -> vpc.MigratePrivateIpAddress(mp), "InvalidParameterValue.Range", "DestinationNetworkInterfaceId");

    DeleteNetworkInterfaceRequest del = new DeleteNetworkInterfaceRequest();
    del.setNetworkInterfaceId(eni);
    assertError(() -> vpc.DeleteNetworkInterface(del), "ResourceInUse", ins[1]);
    StopInstancesRequest stop = new StopInstancesRequest();
    stop.setInstanceIds(new String[] {ins[1]});
    cvm.StopInstances(stop);
    DetachNetworkInterfaceRequest d = new DetachNetworkInterfaceRequest();
    d.setNetworkInterfaceId(eni);
    d.setInstanceId(ins[1]);
    vpc.DetachNetworkInterface(d);
    assertThat(sdk.describeEni(eni).getAttachment()).isNull();
    assertError(() -> vpc.DetachNetworkInterface(d), "UnsupportedOperation", ins[1]);
    vpc.DeleteNetworkInterface(del);
  }

  @Test
  void ipv6AndSecurityGroups() throws Exception {
    SdkFixture.Network net = sdk.network("10.52.0.0/16", "10.52.1.0/24");
    String eni = vpc.CreateNetworkInterface(eniRequest(net.vpcId(), net.subnetId(), "v6")).getNetworkInterface().getNetworkInterfaceId();
    AssignIpv6AddressesRequest a = new AssignIpv6AddressesRequest();
    a.setNetworkInterfaceId(eni);
    a.setIpv6AddressCount(1L);
    assertError(() -> vpc.AssignIpv6Addresses(a), "UnsupportedOperation", net.subnetId());
    String slash64 = sdk.ipv6(net);
    String v6 = vpc.AssignIpv6Addresses(a).getIpv6AddressSet()[0].getAddress();
    assertThat(v6).startsWith(slash64.substring(0, slash64.indexOf("::")));
    assertThat(sdk.describeEni(eni).getIpv6AddressSet()[0].getAddress()).isEqualTo(v6);
    UnassignIpv6AddressesRequest u = new UnassignIpv6AddressesRequest();
    u.setNetworkInterfaceId(eni);
    Ipv6Address x = new Ipv6Address();
    x.setAddress(v6);
    u.setIpv6Addresses(new Ipv6Address[] {x});
    vpc.UnassignIpv6Addresses(u);
    assertThat(sdk.describeEni(eni).getIpv6AddressSet()).isEmpty();
    assertError(() -> vpc.UnassignIpv6Addresses(u), "InvalidParameterValue.AddressIpNotFound", v6);

    AssociateNetworkInterfaceSecurityGroupsRequest as = new AssociateNetworkInterfaceSecurityGroupsRequest();
    as.setNetworkInterfaceIds(new String[] {eni});
    as.setSecurityGroupIds(new String[] {"sg-00000000"});
    assertError(() -> vpc.AssociateNetworkInterfaceSecurityGroups(as), "ResourceNotFound", "sg-00000000");
    DisassociateNetworkInterfaceSecurityGroupsRequest ds = new DisassociateNetworkInterfaceSecurityGroupsRequest();
    ds.setNetworkInterfaceIds(new String[] {eni});
    ds.setSecurityGroupIds(new String[] {"sg-0000000"});
    assertError(() -> vpc.DisassociateNetworkInterfaceSecurityGroups(ds), "InvalidParameterValue.Malformed", "sg-0000000");
  }
}
