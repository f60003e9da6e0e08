package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.Placement;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.VirtualPrivateCloud;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AssignIpv6CidrBlockRequest;
import com.tencentcloudapi.vpc.v20170312.models.AssignIpv6SubnetCidrBlockRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateNetworkInterfaceRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSubnetRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkInterfacesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSubnetsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcTaskResultRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcTaskResultResponse;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.Ipv6SubnetCidrBlock;
import com.tencentcloudapi.vpc.v20170312.models.ModifySecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.NetworkInterface;
import com.tencentcloudapi.vpc.v20170312.models.PrivateIpAddressSpecification;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicySet;
import com.tencentcloudapi.vpc.v20170312.models.Subnet;
import io.openvpc.model.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the SDK tests share: an OpenVPC server of the test class's own ({@link LiveServer}), the official
 * SDK clients signed for its account, and the steps most tests begin with (a VPC, a subnet, a security
 * group and its rules, instances). A test class declares it once,
 *
 * <pre>
 * &#64;RegisterExtension static final SdkFixture sdk = SdkFixture.start();
 * static final VpcClient vpc = sdk.vpc;
 * </pre>
 *
 * and the server starts when the class is initialised and stops after the class's last test. The
 * request builders are static, for tests that talk to servers of their own.
 */
public final class SdkFixture implements AfterAllCallback, AutoCloseable {
  public static final String ZONE = "ap-guangzhou-3";
  public final LiveServer live;
  public final VpcClient vpc;
  public final CvmClient cvm;
  /** The vpc API's generic client, for OpenVPC's own actions (TracePacket, ...) that the SDK has no class for. */
  public final CommonClient common;

  private SdkFixture(LiveServer live) {
    this.live = live;
    vpc = live.vpc();
    cvm = live.cvm();
    common = new CommonClient("vpc", "2017-03-12", live.credential(), LiveServer.REGION,
        live.profile(live.endpoint(false), "POST", null));
  }

  public static SdkFixture start() {
    return new SdkFixture(LiveServer.start());
  }

  public static SdkFixture start(Map<String, Long> quotas) {
    return new SdkFixture(LiveServer.start(quotas));
  }

  /** A fixture whose server realises its instances as network namespaces (needs root; see DataplaneSdkTest). */
  public static SdkFixture startWithLinuxDataplane() {
    return new SdkFixture(LiveServer.startWithLinuxDataplane());
  }

  /** The account and region the clients act in, for tests that look at the server's state. */
  public Scope scope() {
    return new Scope(live.server().bootstrapKey().orElseThrow().appId(), LiveServer.REGION);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      ErrorContract.assertHeld(live);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    live.close();
  }

  // ---- a network

  /** A VPC and one subnet of it in {@link #ZONE}. */
  public record Network(String vpcId, String subnetId) {}

  /** A new VPC of {@code cidr}; its ID. */
  public String vpc(String cidr) throws Exception {
    return vpc.CreateVpc(vpcRequest("it", cidr)).getVpc().getVpcId();
  }

  /** A new subnet; its ID. */
  public String subnet(String vpcId, String name, String cidr, String zone) throws Exception {
    return vpc.CreateSubnet(subnetRequest(vpcId, name, cidr, zone)).getSubnet().getSubnetId();
  }

  public String subnet(String vpcId, String cidr, String zone) throws Exception {
    return subnet(vpcId, "net", cidr, zone);
  }

  public Network network(String vpcCidr, String subnetCidr) throws Exception {
    String vpcId = vpc(vpcCidr);
    return new Network(vpcId, subnet(vpcId, subnetCidr, ZONE));
  }

  /** Gives the network's VPC an IPv6 block and its subnet a /64 of it; the /64. */
  public String ipv6(Network net) throws Exception {
    AssignIpv6CidrBlockRequest block = new AssignIpv6CidrBlockRequest();
    block.setVpcId(net.vpcId());
    vpc.AssignIpv6CidrBlock(block);
    AssignIpv6SubnetCidrBlockRequest sub = new AssignIpv6SubnetCidrBlockRequest();
    sub.setVpcId(net.vpcId());
    Ipv6SubnetCidrBlock b = new Ipv6SubnetCidrBlock();
    b.setSubnetId(net.subnetId());
    sub.setIpv6SubnetCidrBlocks(new Ipv6SubnetCidrBlock[] {b});
    return vpc.AssignIpv6SubnetCidrBlock(sub).getIpv6SubnetCidrBlockSet()[0].getIpv6CidrBlock();
  }

  public Subnet describeSubnet(String subnetId) throws Exception {
    DescribeSubnetsRequest d = new DescribeSubnetsRequest();
    d.setSubnetIds(new String[] {subnetId});
    return vpc.DescribeSubnets(d).getSubnetSet()[0];
  }

  public static CreateVpcRequest vpcRequest(String name, String cidr) {
    CreateVpcRequest r = new CreateVpcRequest();
    r.setVpcName(name);
    r.setCidrBlock(cidr);
    return r;
  }

  public static CreateSubnetRequest subnetRequest(String vpcId, String name, String cidr, String zone) {
    CreateSubnetRequest r = new CreateSubnetRequest();
    r.setVpcId(vpcId);
    r.setSubnetName(name);
    r.setCidrBlock(cidr);
    r.setZone(zone);
    return r;
  }

  // ---- instances and ENIs

  /** {@code count} instances in a subnet (named {@code name}, or name-1, name-2, ... for several); their IDs. */
  public String[] instances(String vpcId, String subnetId, long count, String name) throws Exception {
    return cvm.RunInstances(runRequest(vpcId, subnetId, count, name)).getInstanceIdSet();
  }

  public String[] instances(Network net, long count, String name) throws Exception {
    return instances(net.vpcId(), net.subnetId(), count, name);
  }

  public String instance(String vpcId, String subnetId, String name) throws Exception {
    return instances(vpcId, subnetId, 1, name)[0];
  }

  public String instance(Network net, String name) throws Exception {
    return instance(net.vpcId(), net.subnetId(), name);
  }

  public Instance describeInstance(String instanceId) throws Exception {
    DescribeInstancesRequest d = new DescribeInstancesRequest();
    d.setInstanceIds(new String[] {instanceId});
    return cvm.DescribeInstances(d).getInstanceSet()[0];
  }

  /** RunInstances of {@code S5.MEDIUM4} instances in {@link #ZONE}. */
  public static RunInstancesRequest runRequest(String vpcId, String subnetId, long count, String name) {
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

  public NetworkInterface describeEni(String eniId) throws Exception {
    DescribeNetworkInterfacesRequest d = new DescribeNetworkInterfacesRequest();
    d.setNetworkInterfaceIds(new String[] {eniId});
    return vpc.DescribeNetworkInterfaces(d).getNetworkInterfaceSet()[0];
  }

  /** The ID of an instance's primary ENI. */
  public String primaryEniOf(String instanceId) throws Exception {
    DescribeNetworkInterfacesRequest d = new DescribeNetworkInterfacesRequest();
    d.setFilters(new Filter[] {filter("attachment.instance-id", instanceId), filter("is-primary", "TRUE")});
    return vpc.DescribeNetworkInterfaces(d).getNetworkInterfaceSet()[0].getNetworkInterfaceId();
  }

  public static CreateNetworkInterfaceRequest eniRequest(String vpcId, String subnetId, String name) {
    CreateNetworkInterfaceRequest r = new CreateNetworkInterfaceRequest();
    r.setVpcId(vpcId);
    r.setSubnetId(subnetId);
    r.setNetworkInterfaceName(name);
    return r;
  }

  public static PrivateIpAddressSpecification ip(String address) {
    PrivateIpAddressSpecification s = new PrivateIpAddressSpecification();
    s.setPrivateIpAddress(address);
    return s;
  }

  /** An ENI's private addresses, the primary first. */
  public static String[] addresses(NetworkInterface e) {
    return Arrays.stream(e.getPrivateIpAddressSet()).map(PrivateIpAddressSpecification::getPrivateIpAddress)
        .toArray(String[]::new);
  }

  // ---- security groups

  /** A new security group without rules, described as {@code it <name>}; its ID. */
  public String group(String name) throws Exception {
    CreateSecurityGroupRequest r = new CreateSecurityGroupRequest();
    r.setGroupName(name);
    r.setGroupDescription("it " + name);
    return vpc.CreateSecurityGroup(r).getSecurityGroup().getSecurityGroupId();
  }

  /** CreateSecurityGroupPolicies: {@code set}'s rules appended (or inserted at their PolicyIndex). */
  public void addRules(String sg, SecurityGroupPolicySet set) throws Exception {
    CreateSecurityGroupPoliciesRequest r = new CreateSecurityGroupPoliciesRequest();
    r.setSecurityGroupId(sg);
    r.setSecurityGroupPolicySet(set);
    vpc.CreateSecurityGroupPolicies(r);
  }

  public void addIngress(String sg, SecurityGroupPolicy... rules) throws Exception {
    addRules(sg, ingress(rules));
  }

  /** Removes every rule (ModifySecurityGroupPolicies with Version 0). */
  public void clearRules(String sg) throws Exception {
    ModifySecurityGroupPoliciesRequest m = new ModifySecurityGroupPoliciesRequest();
    m.setSecurityGroupId(sg);
    SecurityGroupPolicySet s = new SecurityGroupPolicySet();
    s.setVersion("0");
    m.setSecurityGroupPolicySet(s);
    vpc.ModifySecurityGroupPolicies(m);
  }

  public SecurityGroupPolicySet policies(String sg) throws Exception {
    return policies(vpc, sg);
  }

  /** A group's rules as {@code client} sees them (tests with several servers ask each). */
  public static SecurityGroupPolicySet policies(VpcClient client, String sg) throws Exception {
    DescribeSecurityGroupPoliciesRequest r = new DescribeSecurityGroupPoliciesRequest();
    r.setSecurityGroupId(sg);
    return client.DescribeSecurityGroupPolicies(r).getSecurityGroupPolicySet();
  }

  /** The ingress rules as {@code index:ACTION PROTOCOL PORT PEER}. */
  public List<String> ingressText(String sg) throws Exception {
    return Arrays.stream(policies(sg).getIngress())
        .map(p -> p.getPolicyIndex() + ":" + p.getAction() + " " + p.getProtocol() + " " + p.getPort() + " "
            + p.getCidrBlock() + p.getIpv6CidrBlock() + p.getSecurityGroupId())
        .toList();
  }

  public static SecurityGroupPolicy rule(String protocol, String port, String cidr, String action) {
    SecurityGroupPolicy p = new SecurityGroupPolicy();
    p.setProtocol(protocol);
    p.setPort(port);
    p.setCidrBlock(cidr);
    p.setAction(action);
    return p;
  }

  public static SecurityGroupPolicySet ingress(SecurityGroupPolicy... rules) {
    SecurityGroupPolicySet s = new SecurityGroupPolicySet();
    s.setIngress(rules);
    return s;
  }

  public static SecurityGroupPolicySet egress(SecurityGroupPolicy... rules) {
    SecurityGroupPolicySet s = new SecurityGroupPolicySet();
    s.setEgress(rules);
    return s;
  }

  // ---- filters, tasks and errors

  public static Filter filter(String name, String... values) {
    Filter f = new Filter();
    f.setName(name);
    f.setValues(values);
    return f;
  }

  public static com.tencentcloudapi.cvm.v20170312.models.Filter cvmFilter(String name, String... values) {
    var f = new com.tencentcloudapi.cvm.v20170312.models.Filter();
    f.setName(name);
    f.setValues(values);
    return f;
  }

  /** The task a call reported (its RequestId), which must have succeeded. */
  public DescribeVpcTaskResultResponse task(String requestId) throws Exception {
    DescribeVpcTaskResultRequest t = new DescribeVpcTaskResultRequest();
    t.setTaskId(requestId);
    DescribeVpcTaskResultResponse result = vpc.DescribeVpcTaskResult(t);
    assertThat(result.getStatus()).isEqualTo("SUCCESS");
    return result;
  }

  /** The task a call reported succeeded and names {@code resourceId}. */
  public void assertTaskSucceeded(String requestId, String resourceId) throws Exception {
    assertThat(task(requestId).getResult()).extracting(x -> x.getResourceId()).contains(resourceId);
  }

  /** The call fails with {@code code}, a message containing {@code messagePart}, and a RequestId. */
  public static void assertError(ThrowingCall call, String code, String messagePart) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(TencentCloudSDKException.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo(code);
      assertThat(e.getMessage()).contains(messagePart);
      assertThat(e.getRequestId()).isNotBlank();
    });
  }

  @FunctionalInterface
  public interface ThrowingCall {
    AbstractModel run() throws Exception;
  }
}
