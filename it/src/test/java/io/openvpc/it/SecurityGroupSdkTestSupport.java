package io.openvpc.it;

import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifySecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicySet;
import java.util.Arrays;
import java.util.List;

/** Security group steps other SDK tests share. */
final class SecurityGroupSdkTestSupport {
  private SecurityGroupSdkTestSupport() {}

  static String group(VpcClient vpc, String name) throws Exception {
    CreateSecurityGroupRequest r = new CreateSecurityGroupRequest();
    r.setGroupName(name);
    r.setGroupDescription("it");
    return vpc.CreateSecurityGroup(r).getSecurityGroup().getSecurityGroupId();
  }

  static void add(VpcClient vpc, String sg, SecurityGroupPolicy... ingress) throws Exception {
    CreateSecurityGroupPoliciesRequest r = new CreateSecurityGroupPoliciesRequest();
    r.setSecurityGroupId(sg);
    SecurityGroupPolicySet s = new SecurityGroupPolicySet();
    s.setIngress(ingress);
    r.setSecurityGroupPolicySet(s);
    vpc.CreateSecurityGroupPolicies(r);
  }

  /** Removes every rule (ModifySecurityGroupPolicies with Version 0). */
  static void clear(VpcClient vpc, String sg) throws Exception {
    ModifySecurityGroupPoliciesRequest m = new ModifySecurityGroupPoliciesRequest();
    m.setSecurityGroupId(sg);
    SecurityGroupPolicySet s = new SecurityGroupPolicySet();
    s.setVersion("0");
    m.setSecurityGroupPolicySet(s);
    vpc.ModifySecurityGroupPolicies(m);
  }

  static SecurityGroupPolicySet policies(VpcClient vpc, String sg) throws Exception {
    DescribeSecurityGroupPoliciesRequest r = new DescribeSecurityGroupPoliciesRequest();
    r.setSecurityGroupId(sg);
    return vpc.DescribeSecurityGroupPolicies(r).getSecurityGroupPolicySet();
  }

  /** The ingress rules as {@code index:ACTION PROTOCOL PORT PEER}. */
  static List<String> ingressText(VpcClient vpc, String sg) throws Exception {
    return Arrays.stream(policies(vpc, sg).getIngress())
        .map(p -> p.getPolicyIndex() + ":" + p.getAction() + " " + p.getProtocol() + " " + p.getPort() + " "
            + p.getCidrBlock() + p.getIpv6CidrBlock() + p.getSecurityGroupId())
        .toList();
  }
}
