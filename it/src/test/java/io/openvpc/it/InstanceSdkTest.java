package io.openvpc.it;

import static io.openvpc.it.SdkFixture.ZONE;
import static io.openvpc.it.SdkFixture.assertError;
import static io.openvpc.it.SdkFixture.cvmFilter;
import static io.openvpc.it.SdkFixture.runRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeImagesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstanceTypeConfigsRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesStatusRequest;
import com.tencentcloudapi.cvm.v20170312.models.Filter;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest;
import com.tencentcloudapi.cvm.v20170312.models.RebootInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StartInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.DeleteSubnetRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkInterfacesRequest;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** cvm instances (networking part) through the official Java SDK. */
class InstanceSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start();
  static final VpcClient vpc = sdk.vpc;
  static final CvmClient cvm = sdk.cvm;

  @Test
  void runInstances_primaryEniAddressesAndFilters() throws Exception {
    SdkFixture.Network net = sdk.network("10.40.0.0/16", "10.40.1.0/24");
    RunInstancesRequest r = runRequest(net.vpcId(), net.subnetId(), 2, "web");
    r.getVirtualPrivateCloud().setPrivateIpAddresses(new String[] {"10.40.1.50"});
    TagSpecification ts = new TagSpecification();
    ts.setResourceType("instance");
    Tag tag = new Tag();
    tag.setKey("team");
    tag.setValue("net");
    ts.setTags(new Tag[] {tag});
    r.setTagSpecification(new TagSpecification[] {ts});
    String[] ids = cvm.RunInstances(r).getInstanceIdSet();
    assertThat(ids).hasSize(2).allMatch(id -> id.matches("ins-[a-z0-9]{8}"));

    Instance first = sdk.describeInstance(ids[0]);
    assertThat(first.getInstanceState()).isEqualTo("RUNNING");
    assertThat(first.getInstanceName()).isEqualTo("web-1");
    assertThat(first.getPrivateIpAddresses()).containsExactly("10.40.1.50");
    assertThat(first.getCPU()).isEqualTo(2L);
    assertThat(first.getMemory()).isEqualTo(4L);
    assertThat(first.getVirtualPrivateCloud().getSubnetId()).isEqualTo(net.subnetId());
    assertThat(first.getTags()[0].getValue()).isEqualTo("net");
    // The second takes the lowest free address after the reserved .0 and .1.
    assertThat(sdk.describeInstance(ids[1]).getPrivateIpAddresses()).containsExactly("10.40.1.2");

    DescribeInstancesRequest byIp = new DescribeInstancesRequest();
    byIp.setFilters(new Filter[] {cvmFilter("private-ip-address", "10.40.1.50"), cvmFilter("vpc-id", net.vpcId())});
    assertThat(cvm.DescribeInstances(byIp).getInstanceSet()).extracting(Instance::getInstanceId).containsExactly(ids[0]);
    DescribeInstancesRequest byTag = new DescribeInstancesRequest();
    byTag.setFilters(new Filter[] {cvmFilter("tag:team", "net"), cvmFilter("instance-state", "RUNNING"),
        cvmFilter("zone", ZONE), cvmFilter("subnet-id", net.subnetId())});
    assertThat(cvm.DescribeInstances(byTag).getTotalCount()).isEqualTo(2L);

    DescribeNetworkInterfacesRequest enis = new DescribeNetworkInterfacesRequest();
    com.tencentcloudapi.vpc.v20170312.models.Filter att = new com.tencentcloudapi.vpc.v20170312.models.Filter();
    att.setName("attachment.instance-id");
    att.setValues(new String[] {ids[0]});
    enis.setFilters(new com.tencentcloudapi.vpc.v20170312.models.Filter[] {att});
    var primary = vpc.DescribeNetworkInterfaces(enis).getNetworkInterfaceSet()[0];
    assertThat(primary.getPrimary()).isTrue();
    assertThat(primary.getEniType()).isEqualTo(1L);
    assertThat(primary.getPrivateIpAddressSet()[0].getPrivateIpAddress()).isEqualTo("10.40.1.50");
    assertThat(sdk.describeSubnet(net.subnetId()).getAvailableIpAddressCount()).isEqualTo(251L);

    DeleteSubnetRequest ds = new DeleteSubnetRequest();
    ds.setSubnetId(net.subnetId());
    assertError(() -> vpc.DeleteSubnet(ds), "ResourceInUse", ids[0]);

    TerminateInstancesRequest t = new TerminateInstancesRequest();
    t.setInstanceIds(ids);
    cvm.TerminateInstances(t);
    assertThat(sdk.describeSubnet(net.subnetId()).getAvailableIpAddressCount()).isEqualTo(253L);
    vpc.DeleteSubnet(ds);
  }

  @Test
  void lifecycle_startStopReboot_followsTencentStates() throws Exception {
    SdkFixture.Network net = sdk.network("10.41.0.0/16", "10.41.1.0/24");
    String id = sdk.instance(net, "app");
    String[] ids = {id};
    StartInstancesRequest start = new StartInstancesRequest();
    start.setInstanceIds(ids);
    assertError(() -> cvm.StartInstances(start), "UnsupportedOperation.InstanceStateRunning", id);
    StopInstancesRequest stop = new StopInstancesRequest();
    stop.setInstanceIds(ids);
    cvm.StopInstances(stop);
    DescribeInstancesStatusRequest st = new DescribeInstancesStatusRequest();
    st.setInstanceIds(ids);
    assertThat(cvm.DescribeInstancesStatus(st).getInstanceStatusSet()[0].getInstanceState()).isEqualTo("STOPPED");
    RebootInstancesRequest reboot = new RebootInstancesRequest();
    reboot.setInstanceIds(ids);
    assertError(() -> cvm.RebootInstances(reboot), "UnsupportedOperation.InstanceStateStopped", id);
    assertError(() -> cvm.StopInstances(stop), "UnsupportedOperation.InstanceStateStopped", "InstanceIds.0");
    cvm.StartInstances(start);
    cvm.RebootInstances(reboot);
    assertThat(sdk.describeInstance(id).getInstanceState()).isEqualTo("RUNNING");

    ModifyInstancesAttributeRequest m = new ModifyInstancesAttributeRequest();
    m.setInstanceIds(ids);
    m.setInstanceName("renamed");
    cvm.ModifyInstancesAttribute(m);
    assertThat(sdk.describeInstance(id).getInstanceName()).isEqualTo("renamed");

    TerminateInstancesRequest t = new TerminateInstancesRequest();
    t.setInstanceIds(ids);
    cvm.TerminateInstances(t);
    assertError(() -> cvm.TerminateInstances(t), "InvalidInstanceId.NotFound", id);
    DescribeInstancesRequest gone = new DescribeInstancesRequest();
    gone.setInstanceIds(ids);
    assertThat(cvm.DescribeInstances(gone).getTotalCount()).isZero();
  }

  @Test
  void securityGroups_validatedAndHeldByThePrimaryEni() throws Exception {
    SdkFixture.Network net = sdk.network("10.42.0.0/16", "10.42.1.0/24");
    Scope scope = sdk.scope();
    String sg = "sg-it" + Long.toString(System.nanoTime() % 1_000_000, 36).concat("000000").substring(0, 6);
    sdk.live.server().control().ledger().write(scope, c -> c.put(new SecurityGroup(sg, "web", "", "0", false, 1,
        List.of(), List.of(), List.of(), Instant.now(), Instant.now())));
    RunInstancesRequest r = runRequest(net.vpcId(), net.subnetId(), 1, "sg");
    r.setSecurityGroupIds(new String[] {"sg-00000000"});
    assertError(() -> cvm.RunInstances(r), "InvalidSecurityGroupId.NotFound", "sg-00000000");
    r.setSecurityGroupIds(new String[] {sg});
    String id = cvm.RunInstances(r).getInstanceIdSet()[0];
    assertThat(sdk.describeInstance(id).getSecurityGroupIds()).containsExactly(sg);
    DescribeInstancesRequest bySg = new DescribeInstancesRequest();
    bySg.setFilters(new Filter[] {cvmFilter("security-group-id", sg)});
    assertThat(cvm.DescribeInstances(bySg).getInstanceSet()).extracting(Instance::getInstanceId).containsExactly(id);
    ModifyInstancesAttributeRequest m = new ModifyInstancesAttributeRequest();
    m.setInstanceIds(new String[] {id});
    m.setSecurityGroups(new String[] {});
    cvm.ModifyInstancesAttribute(m);
    assertThat(sdk.describeInstance(id).getSecurityGroupIds()).isEmpty();
  }

  @Test
  void runInstances_withoutSecurityGroupIds_bindsTheProjectsDefaultGroup_createdOnFirstUse() throws Exception {
    // a server of its own, so that no other test has made the default group yet
    try (SdkFixture own = SdkFixture.start()) {
      SdkFixture.Network net = own.network("10.44.0.0/16", "10.44.1.0/24");
      com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupsRequest all =
          new com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupsRequest();
      assertThat(own.vpc.DescribeSecurityGroups(all).getTotalCount()).isZero();
      String first = own.instance(net, "a");
      var groups = own.vpc.DescribeSecurityGroups(all).getSecurityGroupSet();
      assertThat(groups).hasSize(1);
      assertThat(groups[0].getIsDefault()).isTrue();
      assertThat(groups[0].getSecurityGroupName()).isEqualTo("default");
      assertThat(own.describeInstance(first).getSecurityGroupIds()).containsExactly(groups[0].getSecurityGroupId());
      // the next instance gets the same group, and so does CreateDefaultSecurityGroup
      assertThat(own.describeInstance(own.instance(net, "b")).getSecurityGroupIds())
          .containsExactly(groups[0].getSecurityGroupId());
      assertThat(own.vpc.CreateDefaultSecurityGroup(new com.tencentcloudapi.vpc.v20170312.models.CreateDefaultSecurityGroupRequest())
          .getSecurityGroup().getSecurityGroupId()).isEqualTo(groups[0].getSecurityGroupId());
      assertThat(own.vpc.DescribeSecurityGroups(all).getTotalCount()).isEqualTo(1L);
    }
  }

  @Test
  void runInstances_withoutVirtualPrivateCloud_usesTheDefaultVpcAndSubnet() throws Exception {
    // VirtualPrivateCloud is optional in Tencent's description: the default VPC and its default subnet in
    // the zone are used, and made on first use
    try (SdkFixture own = SdkFixture.start()) {
      RunInstancesRequest r = runRequest(null, null, 1, "plain");
      r.setVirtualPrivateCloud(null);
      String first = own.cvm.RunInstances(r).getInstanceIdSet()[0];
      Instance i = own.describeInstance(first);
      com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest dv = new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest();
      var vpcs = own.vpc.DescribeVpcs(dv).getVpcSet();
      assertThat(vpcs).hasSize(1);
      assertThat(vpcs[0].getIsDefault()).isTrue();
      assertThat(vpcs[0].getCidrBlock()).isEqualTo("172.16.0.0/16");
      assertThat(i.getVirtualPrivateCloud().getVpcId()).isEqualTo(vpcs[0].getVpcId());
      var subnet = own.describeSubnet(i.getVirtualPrivateCloud().getSubnetId());
      assertThat(subnet.getIsDefault()).isTrue();
      assertThat(subnet.getZone()).isEqualTo(ZONE);
      assertThat(subnet.getCidrBlock()).isEqualTo("172.16.0.0/20");
      // the same VPC and subnet next time; another zone gets the next /20
      assertThat(own.describeInstance(own.cvm.RunInstances(r).getInstanceIdSet()[0]).getVirtualPrivateCloud().getSubnetId())
          .isEqualTo(subnet.getSubnetId());
      r.getPlacement().setZone("ap-guangzhou-4");
      String other = own.describeInstance(own.cvm.RunInstances(r).getInstanceIdSet()[0]).getVirtualPrivateCloud().getSubnetId();
      assertThat(own.describeSubnet(other).getCidrBlock()).isEqualTo("172.16.16.0/20");
      assertThat(own.vpc.DescribeVpcs(dv).getTotalCount()).isEqualTo(1L);
      // naming only one of the two is still refused
      RunInstancesRequest half = runRequest(vpcs[0].getVpcId(), null, 1, "half");
      assertError(() -> own.cvm.RunInstances(half), "MissingParameter", "VirtualPrivateCloud.SubnetId");
    }
  }

  @Test
  void runInstances_errorsNameTheParameter() throws Exception {
    SdkFixture.Network net = sdk.network("10.43.0.0/16", "10.43.1.0/24");
    String otherSubnet = vpc.CreateSubnet(SdkFixture.subnetRequest(net.vpcId(), "z4", "10.43.2.0/24", "ap-guangzhou-4"))
        .getSubnet().getSubnetId();
    RunInstancesRequest wrongZone = runRequest(net.vpcId(), otherSubnet, 1, "x");
    assertError(() -> cvm.RunInstances(wrongZone), "InvalidParameterValue.SubnetIdZoneIdNotMatch", "ap-guangzhou-4");
    RunInstancesRequest badType = runRequest(net.vpcId(), net.subnetId(), 1, "x");
    badType.setInstanceType("Z9.HUGE");
    assertError(() -> cvm.RunInstances(badType), "InvalidParameterValue.InstanceTypeNotFound", "InstanceType");
    RunInstancesRequest badImage = runRequest(net.vpcId(), net.subnetId(), 1, "x");
    badImage.setImageId("img-00000000");
    assertError(() -> cvm.RunInstances(badImage), "InvalidImageId.NotFound", "ImageId");
    RunInstancesRequest outside = runRequest(net.vpcId(), net.subnetId(), 1, "x");
    outside.getVirtualPrivateCloud().setPrivateIpAddresses(new String[] {"10.43.9.9"});
    assertError(() -> cvm.RunInstances(outside), "VpcAddrNotInSubNet", "10.43.9.9");
    RunInstancesRequest gateway = runRequest(net.vpcId(), net.subnetId(), 1, "x");
    gateway.getVirtualPrivateCloud().setPrivateIpAddresses(new String[] {"10.43.1.1"});
    assertError(() -> cvm.RunInstances(gateway), "VpcAddrNotInSubNet", "reserved");
    RunInstancesRequest noVpc = runRequest("vpc-00000000", net.subnetId(), 1, "x");
    assertError(() -> cvm.RunInstances(noVpc), "InvalidParameterValue.VpcIdNotExist", "vpc-00000000");
    RunInstancesRequest dry = runRequest(net.vpcId(), net.subnetId(), 1, "x");
    dry.setDryRun(true);
    assertError(() -> cvm.RunInstances(dry), "DryRunOperation", "Nothing was created");
    assertThat(sdk.describeSubnet(net.subnetId()).getAvailableIpAddressCount()).isEqualTo(253L);
    RunInstancesRequest taken = runRequest(net.vpcId(), net.subnetId(), 1, "x");
    taken.getVirtualPrivateCloud().setPrivateIpAddresses(new String[] {"10.43.1.9"});
    cvm.RunInstances(taken);
    assertError(() -> cvm.RunInstances(taken), "VpcIpIsUsed", "10.43.1.9");
  }

  @Test
  void catalogue_typesAndImages() throws Exception {
    DescribeInstanceTypeConfigsRequest r = new DescribeInstanceTypeConfigsRequest();
    r.setFilters(new Filter[] {cvmFilter("zone", ZONE), cvmFilter("instance-family", "S5")});
    var set = cvm.DescribeInstanceTypeConfigs(r).getInstanceTypeConfigSet();
    assertThat(set).extracting(c -> c.getInstanceType()).contains("S5.SMALL2", "S5.MEDIUM4", "S5.LARGE8");
    assertThat(cvm.DescribeImages(new DescribeImagesRequest()).getImageSet()).extracting(i -> i.getImageId())
        .contains("img-487zeit5");
  }
}
