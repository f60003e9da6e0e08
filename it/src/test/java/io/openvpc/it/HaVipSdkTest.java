package io.openvpc.it;

import static io.openvpc.it.SdkFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AssignPrivateIpAddressesRequest;
import com.tencentcloudapi.vpc.v20170312.models.AssociateHaVipInstanceRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateHaVipRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteHaVipRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteSubnetRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeHaVipsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DisassociateHaVipInstanceRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.HaVip;
import com.tencentcloudapi.vpc.v20170312.models.HaVipAssociation;
import com.tencentcloudapi.vpc.v20170312.models.ModifyHaVipAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.PrivateIpAddressSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HAVIPs and the ENI that announces them, through the official Java SDK. */
class HaVipSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start();
  static final VpcClient vpc = sdk.vpc;
  static final CvmClient cvm = sdk.cvm;

  static HaVip describe(String id) throws Exception {
    DescribeHaVipsRequest d = new DescribeHaVipsRequest();
    d.setHaVipIds(new String[] {id});
    return vpc.DescribeHaVips(d).getHaVipSet()[0];
  }

  static HaVipAssociation association(String haVipId, String instanceId) {
    HaVipAssociation a = new HaVipAssociation();
    a.setHaVipId(haVipId);
    a.setInstanceId(instanceId);
    a.setInstanceType(instanceId.startsWith("eni-") ? "ENI" : "CVM");
    return a;
  }

  @Test
  void createAnnounceFailoverDelete() throws Exception {
    SdkFixture.Network net = sdk.network("10.70.0.0/16", "10.70.1.0/24");
    String[] ins = sdk.instances(net, 2, "keepalived");
    CreateHaVipRequest c = new CreateHaVipRequest();
    c.setVpcId(net.vpcId());
    c.setSubnetId(net.subnetId());
    c.setHaVipName("db-vip");
    c.setVip("10.70.1.100");
    c.setCheckAssociate(true);
    c.setHaVipAssociationSet(new HaVipAssociation[] {association(null, ins[0]), association(null, ins[1])});
    HaVip created = vpc.CreateHaVip(c).getHaVip();
    assertThat(created.getHaVipId()).matches("havip-[a-z0-9]{8}");
    assertThat(created.getVip()).isEqualTo("10.70.1.100");
    assertThat(created.getState()).isEqualTo("UNBIND");
    assertThat(created.getHaVipAssociationSet()).extracting(HaVipAssociation::getInstanceId).containsExactly(ins);
    assertError(() -> vpc.CreateHaVip(c), "ResourceInUse", "10.70.1.100");

    // The VIP is taken: no ENI may be given it.
    String primaryEni = sdk.primaryEniOf(ins[0]);
    AssignPrivateIpAddressesRequest steal = new AssignPrivateIpAddressesRequest();
    steal.setNetworkInterfaceId(primaryEni);
    PrivateIpAddressSpecification s = new PrivateIpAddressSpecification();
    s.setPrivateIpAddress("10.70.1.100");
    steal.setPrivateIpAddresses(new PrivateIpAddressSpecification[] {s});
    assertError(() -> vpc.AssignPrivateIpAddresses(steal), "ResourceInUse", created.getHaVipId());

    AssociateHaVipInstanceRequest announce = new AssociateHaVipInstanceRequest();
    announce.setHaVipAssociationSet(new HaVipAssociation[] {association(created.getHaVipId(), ins[0])});
    String task = vpc.AssociateHaVipInstance(announce).getRequestId();
    sdk.assertTaskSucceeded(task, created.getHaVipId());
    HaVip bound = describe(created.getHaVipId());
    assertThat(bound.getState()).isEqualTo("AVAILABLE");
    assertThat(bound.getInstanceId()).isEqualTo(ins[0]);
    assertThat(bound.getNetworkInterfaceId()).isEqualTo(primaryEni);

    // Failover: the backup announces; the VIP moves.
    announce.setHaVipAssociationSet(new HaVipAssociation[] {association(created.getHaVipId(), ins[1])});
    vpc.AssociateHaVipInstance(announce);
    assertThat(describe(created.getHaVipId()).getInstanceId()).isEqualTo(ins[1]);

    DescribeHaVipsRequest byVpc = new DescribeHaVipsRequest();
    Filter f = new Filter();
    f.setName("vpc-id");
    f.setValues(new String[] {net.vpcId()});
    Filter v = new Filter();
    v.setName("vip");
    v.setValues(new String[] {"10.70.1.100"});
    byVpc.setFilters(new Filter[] {f, v});
    assertThat(vpc.DescribeHaVips(byVpc).getTotalCount()).isEqualTo(1L);

    ModifyHaVipAttributeRequest m = new ModifyHaVipAttributeRequest();
    m.setHaVipId(created.getHaVipId());
    m.setHaVipName("renamed");
    vpc.ModifyHaVipAttribute(m);
    assertThat(describe(created.getHaVipId()).getHaVipName()).isEqualTo("renamed");

    DisassociateHaVipInstanceRequest un = new DisassociateHaVipInstanceRequest();
    un.setHaVipAssociationSet(new HaVipAssociation[] {association(created.getHaVipId(), ins[1])});
    vpc.DisassociateHaVipInstance(un);
    HaVip after = describe(created.getHaVipId());
    assertThat(after.getState()).isEqualTo("UNBIND");
    assertThat(after.getHaVipAssociationSet()).extracting(HaVipAssociation::getInstanceId).containsExactly(ins[0]);
    // CheckAssociate: only associated instances may announce.
    announce.setHaVipAssociationSet(new HaVipAssociation[] {association(created.getHaVipId(), "eni-00000000")});
    assertError(() -> vpc.AssociateHaVipInstance(announce), "ResourceNotFound", "eni-00000000");

    DeleteSubnetRequest ds = new DeleteSubnetRequest();
    ds.setSubnetId(net.subnetId());
    TerminateInstancesRequest t = new TerminateInstancesRequest();
    t.setInstanceIds(ins);
    cvm.TerminateInstances(t);
    assertError(() -> vpc.DeleteSubnet(ds), "ResourceInUse", created.getHaVipId());
    DeleteHaVipRequest d = new DeleteHaVipRequest();
    d.setHaVipId(created.getHaVipId());
    vpc.DeleteHaVip(d);
    assertError(() -> describe(created.getHaVipId()), "ResourceNotFound", created.getHaVipId());
    vpc.DeleteSubnet(ds);
  }

  @Test
  void createHaVip_lowestFreeAddressAndErrors() throws Exception {
    SdkFixture.Network net = sdk.network("10.71.0.0/16", "10.71.1.0/24");
    CreateHaVipRequest c = new CreateHaVipRequest();
    c.setVpcId(net.vpcId());
    c.setSubnetId(net.subnetId());
    c.setHaVipName("auto");
    assertThat(vpc.CreateHaVip(c).getHaVip().getVip()).isEqualTo("10.71.1.2");
    c.setVip("10.71.2.5");
    assertError(() -> vpc.CreateHaVip(c), "InvalidParameterValue.Range", "Vip");
    c.setVip(null);
    c.setSubnetId(null);
    assertError(() -> vpc.CreateHaVip(c), "MissingParameter", "SubnetId");
    // both are optional in Tencent's description: the message names the alternative
    assertError(() -> vpc.CreateHaVip(c), "MissingParameter", "NetworkInterfaceId");
  }
}
