package io.openvpc.it;

import static io.openvpc.it.VpcSdkTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeImagesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstanceTypeConfigsRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesStatusRequest;
import com.tencentcloudapi.cvm.v20170312.models.Filter;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest;
import com.tencentcloudapi.cvm.v20170312.models.Placement;
import com.tencentcloudapi.cvm.v20170312.models.RebootInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StartInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.VirtualPrivateCloud;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.DeleteSubnetRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkInterfacesRequest;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** cvm instances (networking part) through the official Java SDK. */
class InstanceSdkTest {
  static final String ZONE = SubnetSdkTest.ZONE;
  static LiveServer live;
  static VpcClient vpc;
  static CvmClient cvm;

  @BeforeAll
  static void start() {
    live = LiveServer.start();
    vpc = live.vpc();
    cvm = live.cvm();
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  /** A VPC with one /24 subnet in {@link #ZONE}: {vpcId, subnetId}. */
  static String[] network(VpcClient client, String vpcCidr, String subnetCidr) throws Exception {
    String vpcId = SubnetSdkTest.newVpc(client, vpcCidr);
    String subnetId = client.CreateSubnet(SubnetSdkTest.subnet(vpcId, "net", subnetCidr, ZONE)).getSubnet().getSubnetId();
    return new String[] {vpcId, subnetId};
  }

  static RunInstancesRequest run(String vpcId, String subnetId, long count, String name) {
    RunInstancesRequest r = new RunInstancesRequest();
    Placement p = new Placement();
    p.setZone(ZONE);
    r.setPlacement(p);
    r.setImageId("img-487zeit5");
    r.setInstanceType("S5.MEDIUM4");
    VirtualPrivateCloud v = new VirtualPrivateCloud();
    v.setVpcId(vpcId);
    v.setSubnetId(subnetId);
    r.setVirtualPrivateCloud(v);
    r.setInstanceCount(count);
    r.setInstanceName(name);
    return r;
  }

  static Instance describe(CvmClient client, String id) throws Exception {
    DescribeInstancesRequest d = new DescribeInstancesRequest();
    d.setInstanceIds(new String[] {id});
    return client.DescribeInstances(d).getInstanceSet()[0];
  }

  static Filter filter(String name, String... values) {
    Filter f = new Filter();
    f.setName(name);
    f.setValues(values);
    return f;
  }

  @Test
  void runInstances_primaryEniAddressesAndFilters() throws Exception {
    String[] net = network(vpc, "10.40.0.0/16", "10.40.1.0/24");
    RunInstancesRequest r = run(net[0], net[1], 2, "web");
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

    Instance first = describe(cvm, ids[0]);
    assertThat(first.getInstanceState()).isEqualTo("RUNNING");
    assertThat(first.getInstanceName()).isEqualTo("web-1");
    assertThat(first.getPrivateIpAddresses()).containsExactly("10.40.1.50");
    assertThat(first.getCPU()).isEqualTo(2L);
    assertThat(first.getMemory()).isEqualTo(4L);
    assertThat(first.getVirtualPrivateCloud().getSubnetId()).isEqualTo(net[1]);
    assertThat(first.getTags()[0].getValue()).isEqualTo("net");
    // The second takes the lowest free address after the reserved .0 and .1.
    assertThat(describe(cvm, ids[1]).getPrivateIpAddresses()).containsExactly("10.40.1.2");

    DescribeInstancesRequest byIp = new DescribeInstancesRequest();
    byIp.setFilters(new Filter[] {filter("private-ip-address", "10.40.1.50"), filter("vpc-id", net[0])});
    assertThat(cvm.DescribeInstances(byIp).getInstanceSet()).extracting(Instance::getInstanceId).containsExactly(ids[0]);
    DescribeInstancesRequest byTag = new DescribeInstancesRequest();
    byTag.setFilters(new Filter[] {filter("tag:team", "net"), filter("instance-state", "RUNNING"),
        filter("zone", ZONE), filter("subnet-id", net[1])});
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
    assertThat(SubnetSdkTest.describe(vpc, net[1]).getAvailableIpAddressCount()).isEqualTo(251L);

    DeleteSubnetRequest ds = new DeleteSubnetRequest();
    ds.setSubnetId(net[1]);
    assertError(() -> vpc.DeleteSubnet(ds), "ResourceInUse", ids[0]);

    TerminateInstancesRequest t = new TerminateInstancesRequest();
    t.setInstanceIds(ids);
    cvm.TerminateInstances(t);
    assertThat(SubnetSdkTest.describe(vpc, net[1]).getAvailableIpAddressCount()).isEqualTo(253L);
    vpc.DeleteSubnet(ds);
  }

  @Test
  void lifecycle_startStopReboot_followsTencentStates() throws Exception {
    String[] net = network(vpc, "10.41.0.0/16", "10.41.1.0/24");
    String id = cvm.RunInstances(run(net[0], net[1], 1, "app")).getInstanceIdSet()[0];
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
    assertThat(describe(cvm, id).getInstanceState()).isEqualTo("RUNNING");

    ModifyInstancesAttributeRequest m = new ModifyInstancesAttributeRequest();
    m.setInstanceIds(ids);
    m.setInstanceName("renamed");
    cvm.ModifyInstancesAttribute(m);
    assertThat(describe(cvm, id).getInstanceName()).isEqualTo("renamed");

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
    String[] net = network(vpc, "10.42.0.0/16", "10.42.1.0/24");
    Scope scope = new Scope(live.server().control().accounts().key(live.secretId).orElseThrow().appId(), LiveServer.REGION);
    String sg = "sg-it" + Long.toString(System.nanoTime() % 1_000_000, 36).concat("000000").substring(0, 6);
    live.server().control().ledger().write(scope, c -> c.put(new SecurityGroup(sg, "web", "", "0", false, 1,
        List.of(), List.of(), List.of(), Instant.now(), Instant.now())));
    RunInstancesRequest r = run(net[0], net[1], 1, "sg");
    r.setSecurityGroupIds(new String[] {"sg-00000000"});
    assertError(() -> cvm.RunInstances(r), "InvalidSecurityGroupId.NotFound", "sg-00000000");
    r.setSecurityGroupIds(new String[] {sg});
    String id = cvm.RunInstances(r).getInstanceIdSet()[0];
    assertThat(describe(cvm, id).getSecurityGroupIds()).containsExactly(sg);
    DescribeInstancesRequest bySg = new DescribeInstancesRequest();
    bySg.setFilters(new Filter[] {filter("security-group-id", sg)});
    assertThat(cvm.DescribeInstances(bySg).getInstanceSet()).extracting(Instance::getInstanceId).containsExactly(id);
    ModifyInstancesAttributeRequest m = new ModifyInstancesAttributeRequest();
    m.setInstanceIds(new String[] {id});
    m.setSecurityGroups(new String[] {});
    cvm.ModifyInstancesAttribute(m);
    assertThat(describe(cvm, id).getSecurityGroupIds()).isEmpty();
  }

  @Test
  void runInstances_errorsNameTheParameter() throws Exception {
    String[] net = network(vpc, "10.43.0.0/16", "10.43.1.0/24");
    String otherSubnet = vpc.CreateSubnet(SubnetSdkTest.subnet(net[0], "z4", "10.43.2.0/24", "ap-guangzhou-4"))
        .getSubnet().getSubnetId();
    RunInstancesRequest wrongZone = run(net[0], otherSubnet, 1, "x");
    assertError(() -> cvm.RunInstances(wrongZone), "InvalidParameterValue.SubnetIdZoneIdNotMatch", "ap-guangzhou-4");
    RunInstancesRequest badType = run(net[0], net[1], 1, "x");
    badType.setInstanceType("Z9.HUGE");
    assertError(() -> cvm.RunInstances(badType), "InvalidParameterValue.InstanceTypeNotFound", "InstanceType");
    RunInstancesRequest badImage = run(net[0], net[1], 1, "x");
    badImage.setImageId("img-00000000");
    assertError(() -> cvm.RunInstances(badImage), "InvalidImageId.NotFound", "ImageId");
    RunInstancesRequest outside = run(net[0], net[1], 1, "x");
    outside.getVirtualPrivateCloud().setPrivateIpAddresses(new String[] {"10.43.9.9"});
    assertError(() -> cvm.RunInstances(outside), "VpcAddrNotInSubNet", "10.43.9.9");
    RunInstancesRequest gateway = run(net[0], net[1], 1, "x");
    gateway.getVirtualPrivateCloud().setPrivateIpAddresses(new String[] {"10.43.1.1"});
    assertError(() -> cvm.RunInstances(gateway), "VpcAddrNotInSubNet", "reserved");
    RunInstancesRequest noVpc = run("vpc-00000000", net[1], 1, "x");
    assertError(() -> cvm.RunInstances(noVpc), "InvalidParameterValue.VpcIdNotExist", "vpc-00000000");
    RunInstancesRequest dry = run(net[0], net[1], 1, "x");
    dry.setDryRun(true);
    assertError(() -> cvm.RunInstances(dry), "DryRunOperation", "Nothing was created");
    assertThat(SubnetSdkTest.describe(vpc, net[1]).getAvailableIpAddressCount()).isEqualTo(253L);
    RunInstancesRequest taken = run(net[0], net[1], 1, "x");
    taken.getVirtualPrivateCloud().setPrivateIpAddresses(new String[] {"10.43.1.9"});
    cvm.RunInstances(taken);
    assertError(() -> cvm.RunInstances(taken), "VpcIpIsUsed", "10.43.1.9");
  }

  @Test
  void catalogue_typesAndImages() throws Exception {
    DescribeInstanceTypeConfigsRequest r = new DescribeInstanceTypeConfigsRequest();
    r.setFilters(new Filter[] {filter("zone", ZONE), filter("instance-family", "S5")});
    var set = cvm.DescribeInstanceTypeConfigs(r).getInstanceTypeConfigSet();
    assertThat(set).extracting(c -> c.getInstanceType()).contains("S5.SMALL2", "S5.MEDIUM4", "S5.LARGE8");
    assertThat(cvm.DescribeImages(new DescribeImagesRequest()).getImageSet()).extracting(i -> i.getImageId())
        .contains("img-487zeit5");
  }
}
