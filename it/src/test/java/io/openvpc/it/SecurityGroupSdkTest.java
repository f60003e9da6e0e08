package io.openvpc.it;

import static io.openvpc.it.SdkFixture.assertError;
import static io.openvpc.it.SdkFixture.egress;
import static io.openvpc.it.SdkFixture.ingress;
import static io.openvpc.it.SdkFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AddressTemplateSpecification;
import com.tencentcloudapi.vpc.v20170312.models.CloneSecurityGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateAddressTemplateRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateDefaultSecurityGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupWithPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateServiceTemplateRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteSecurityGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupAssociationStatisticsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupLimitsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupReferencesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.ModifySecurityGroupAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifySecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.ReplaceSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.ReplaceSecurityGroupPolicyRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicySet;
import com.tencentcloudapi.vpc.v20170312.models.ServiceTemplateSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Security groups and their rules through the official Java SDK, error paths included. */
class SecurityGroupSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start(Map.of("security-group-max-policies", 6L));
  static final VpcClient vpc = sdk.vpc;

  @Test
  void groupLifecycle_createDescribeModifyDelete() throws Exception {
    String sg = sdk.group("web");
    assertThat(sg).matches("sg-[a-z0-9]{8}");
    DescribeSecurityGroupsRequest d = new DescribeSecurityGroupsRequest();
    d.setSecurityGroupIds(new String[] {sg});
    var got = vpc.DescribeSecurityGroups(d).getSecurityGroupSet()[0];
    assertThat(got.getSecurityGroupName()).isEqualTo("web");
    assertThat(got.getSecurityGroupDesc()).isEqualTo("it web");
    assertThat(got.getProjectId()).isEqualTo("0");
    assertThat(got.getIsDefault()).isFalse();

    ModifySecurityGroupAttributeRequest m = new ModifySecurityGroupAttributeRequest();
    m.setSecurityGroupId(sg);
    m.setGroupName("web2");
    vpc.ModifySecurityGroupAttribute(m);
    DescribeSecurityGroupsRequest byName = new DescribeSecurityGroupsRequest();
    Filter f = new Filter();
    f.setName("security-group-name");
    f.setValues(new String[] {"web2"});
    byName.setFilters(new Filter[] {f});
    assertThat(vpc.DescribeSecurityGroups(byName).getSecurityGroupSet()).extracting(g -> g.getSecurityGroupId())
        .containsExactly(sg);

    DeleteSecurityGroupRequest del = new DeleteSecurityGroupRequest();
    del.setSecurityGroupId(sg);
    vpc.DeleteSecurityGroup(del);
    assertError(() -> vpc.DescribeSecurityGroups(d), "ResourceNotFound", sg);
    assertError(() -> vpc.DeleteSecurityGroup(del), "InvalidSecurityGroupID.NotFound", sg);
    del.setSecurityGroupId("sg-BAD");
    assertError(() -> vpc.DeleteSecurityGroup(del), "InvalidSecurityGroupID.Malformed", "SecurityGroupId");
  }

  @Test
  void defaultGroup_isCreatedOnce_acceptsAllIpv4_andCannotBeDeleted() throws Exception {
    CreateDefaultSecurityGroupRequest r = new CreateDefaultSecurityGroupRequest();
    r.setProjectId("7");
    var g = vpc.CreateDefaultSecurityGroup(r).getSecurityGroup();
    assertThat(g.getIsDefault()).isTrue();
    assertThat(vpc.CreateDefaultSecurityGroup(r).getSecurityGroup().getSecurityGroupId()).isEqualTo(g.getSecurityGroupId());
    assertThat(sdk.ingressText(g.getSecurityGroupId())).containsExactly("0:ACCEPT ALL ALL 0.0.0.0/0");
    DeleteSecurityGroupRequest del = new DeleteSecurityGroupRequest();
    del.setSecurityGroupId(g.getSecurityGroupId());
    assertError(() -> vpc.DeleteSecurityGroup(del), "UnsupportedOperation", "default");
    r.setProjectId("x1");
    assertError(() -> vpc.CreateDefaultSecurityGroup(r), "InvalidParameterValue", "ProjectId");
  }

  @Test
  void createPolicies_appendsOrInsertsAtIndex_andVersionIncreases() throws Exception {
    String sg = sdk.group("order");
    assertThat(sdk.policies(sg).getVersion()).isEqualTo("1");
    sdk.addRules(sg, ingress(rule("TCP", "22", "10.0.0.0/8", "ACCEPT"), rule("udp", "53", "10.0.0.0/8", "accept")));
    sdk.addRules(sg, ingress(rule("TCP", "443", "0.0.0.0/0", "ACCEPT")));
    SecurityGroupPolicy top = rule("ALL", null, "192.168.0.0/16", "DROP");
    top.setPolicyIndex(0L);
    sdk.addRules(sg, ingress(top));
    SecurityGroupPolicy middle = rule("TCP", "80", "0.0.0.0/0", "ACCEPT");
    middle.setPolicyIndex(2L);
    sdk.addRules(sg, ingress(middle));
    assertThat(sdk.ingressText(sg)).containsExactly(
        "0:DROP ALL ALL 192.168.0.0/16", "1:ACCEPT TCP 22 10.0.0.0/8", "2:ACCEPT TCP 80 0.0.0.0/0",
        "3:ACCEPT UDP 53 10.0.0.0/8", "4:ACCEPT TCP 443 0.0.0.0/0");
    assertThat(sdk.policies(sg).getVersion()).isEqualTo("5");
    assertThat(sdk.policies(sg).getPolicyStatistics().getIngressIPv4TotalCount()).isEqualTo(5);

    SecurityGroupPolicy beyond = rule("TCP", "81", "0.0.0.0/0", "ACCEPT");
    beyond.setPolicyIndex(9L);
    assertError(() -> {
      sdk.addRules(sg, ingress(beyond));
      return null;
    }, "InvalidParameterValue.Range", "PolicyIndex");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "TCP, ALL, ALL", "tcp, 80, 80", "TCP, 8000-8010, 8000-8010", "UDP, '443,22,80', '22,80,443'",
      "TCP, 1-65535, ALL", "ICMP, , ALL", "GRE, ALL, ALL", "All, , ALL"})
  void portForms_areStoredCanonically(String protocol, String port, String stored) throws Exception {
    String sg = sdk.group("ports");
    sdk.addRules(sg, egress(rule(protocol, port, "10.1.0.0/16", "ACCEPT")));
    SecurityGroupPolicy p = sdk.policies(sg).getEgress()[0];
    assertThat(p.getPort()).isEqualTo(stored);
    assertThat(p.getProtocol()).isEqualTo(protocol.toUpperCase());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "TCP, 0", "TCP, 70000", "TCP, 90-80", "TCP, abc", "UDP, '80,'", "TCP, 80-", "ICMP, 80", "ALL, 22"})
  void badPorts_areRefusedNamingThePort(String protocol, String port) {
    String sg = assertDoesNotThrow(() -> sdk.group("bad ports"));
    assertError(() -> {
      sdk.addRules(sg, ingress(rule(protocol, port, "10.0.0.0/8", "ACCEPT")));
      return null;
    }, "InvalidParameterValue.Malformed", "SecurityGroupPolicySet.Ingress.0.Port");
  }

  @Test
  void badRules_areRefusedWithTheirParameter() throws Exception {
    String sg = sdk.group("bad rules");
    assertError(() -> { sdk.addRules(sg, ingress(rule("TCP", "22", "10.0.0.300/8", "ACCEPT"))); return null; },
        "InvalidParameterValue.Malformed", "Ingress.0.CidrBlock");
    assertError(() -> { sdk.addRules(sg, ingress(rule("TCP", "22", "2402:4e00::/32", "ACCEPT"))); return null; },
        "InvalidParameterValue.Malformed", "Ingress.0.CidrBlock");
    assertError(() -> { sdk.addRules(sg, ingress(rule("SCTP", "22", "10.0.0.0/8", "ACCEPT"))); return null; },
        "InvalidParameterValue.Range", "Ingress.0.Protocol");
    assertError(() -> { sdk.addRules(sg, ingress(rule("TCP", "22", "10.0.0.0/8", "ALLOW"))); return null; },
        "InvalidParameterValue.Range", "Ingress.0.Action");
    assertError(() -> { sdk.addRules(sg, ingress(rule("TCP", "22", null, "ACCEPT"))); return null; },
        "MissingParameter", "Ingress.0");
    SecurityGroupPolicy two = rule("TCP", "22", "10.0.0.0/8", "ACCEPT");
    two.setSecurityGroupId(sg);
    assertError(() -> { sdk.addRules(sg, ingress(two)); return null; }, "InvalidParameter.Coexist", "CidrBlock, SecurityGroupId");
    SecurityGroupPolicy unknownSg = rule("TCP", "22", null, "ACCEPT");
    unknownSg.setSecurityGroupId("sg-zzzzzzzz");
    assertError(() -> { sdk.addRules(sg, ingress(unknownSg)); return null; }, "ResourceNotFound", "sg-zzzzzzzz");
    SecurityGroupPolicy unknownTemplate = rule("TCP", "22", null, "ACCEPT");
    AddressTemplateSpecification at = new AddressTemplateSpecification();
    at.setAddressId("ipm-zzzzzzzz");
    unknownTemplate.setAddressTemplate(at);
    assertError(() -> { sdk.addRules(sg, ingress(unknownTemplate)); return null; }, "ResourceNotFound", "ipm-zzzzzzzz");
    SecurityGroupPolicy icmpV6 = rule("ICMP", null, null, "ACCEPT");
    icmpV6.setIpv6CidrBlock("::/0");
    assertError(() -> { sdk.addRules(sg, ingress(icmpV6)); return null; }, "InvalidParameterValue", "ICMPv6");
    SecurityGroupPolicySet both = ingress(rule("TCP", "22", "10.0.0.0/8", "ACCEPT"));
    both.setEgress(new SecurityGroupPolicy[] {rule("TCP", "22", "10.0.0.0/8", "ACCEPT")});
    assertError(() -> { sdk.addRules(sg, both); return null; }, "InvalidParameter.Coexist", "Egress");
    assertThat(sdk.policies(sg).getVersion()).isEqualTo("1");
    assertThat(sdk.policies(sg).getIngress()).isEmpty();
  }

  @Test
  void peersAndServices_everyForm() throws Exception {
    String sg = sdk.group("forms");
    String other = sdk.group("other");
    CreateAddressTemplateRequest a = new CreateAddressTemplateRequest();
    a.setAddressTemplateName("office");
    a.setAddresses(new String[] {"10.8.0.0/16", "192.168.1.1-192.168.1.9"});
    String ipm = vpc.CreateAddressTemplate(a).getAddressTemplate().getAddressTemplateId();
    CreateServiceTemplateRequest s = new CreateServiceTemplateRequest();
    s.setServiceTemplateName("web");
    s.setServices(new String[] {"tcp:80", "tcp:443"});
    String ppm = vpc.CreateServiceTemplate(s).getServiceTemplate().getServiceTemplateId();

    SecurityGroupPolicy v6 = rule("ICMPv6", null, null, "ACCEPT");
    v6.setIpv6CidrBlock("2402:4e00:1000::/48");
    SecurityGroupPolicy bySg = rule("TCP", "3306", null, "ACCEPT");
    bySg.setSecurityGroupId(other);
    SecurityGroupPolicy self = rule("ALL", null, null, "ACCEPT");
    self.setSecurityGroupId(sg);
    SecurityGroupPolicy byTemplate = new SecurityGroupPolicy();
    AddressTemplateSpecification at = new AddressTemplateSpecification();
    at.setAddressId(ipm);
    byTemplate.setAddressTemplate(at);
    ServiceTemplateSpecification st = new ServiceTemplateSpecification();
    st.setServiceId(ppm);
    byTemplate.setServiceTemplate(st);
    byTemplate.setAction("ACCEPT");
    SecurityGroupPolicy wide = rule("TCP", "22", "0.0.0.0/8", "DROP");
    sdk.addRules(sg, ingress(v6, bySg, self, byTemplate, wide));

    SecurityGroupPolicy[] got = sdk.policies(sg).getIngress();
    assertThat(got[0].getProtocol()).isEqualTo("ICMPv6");
    assertThat(got[0].getIpv6CidrBlock()).isEqualTo("2402:4e00:1000::/48");
    assertThat(got[1].getSecurityGroupId()).isEqualTo(other);
    assertThat(got[2].getSecurityGroupId()).isEqualTo(sg);
    assertThat(got[3].getAddressTemplate().getAddressId()).isEqualTo(ipm);
    assertThat(got[3].getServiceTemplate().getServiceId()).isEqualTo(ppm);
    assertThat(got[4].getCidrBlock()).isEqualTo("0.0.0.0/0");
    assertThat(sdk.policies(sg).getPolicyStatistics().getIngressIPv6TotalCount()).isEqualTo(1);

    SecurityGroupPolicy both = rule("TCP", "80", null, "ACCEPT");
    both.setAddressTemplate(at);
    both.setServiceTemplate(st);
    assertError(() -> { sdk.addRules(sg, egress(both)); return null; }, "InvalidParameter.Coexist", "ServiceTemplate");

    DescribeSecurityGroupReferencesRequest refs = new DescribeSecurityGroupReferencesRequest();
    refs.setSecurityGroupIds(new String[] {other, sg});
    var referred = vpc.DescribeSecurityGroupReferences(refs).getReferredSecurityGroupSet();
    assertThat(referred[0].getReferredSecurityGroupIds()).containsExactly(sg);
    assertThat(referred[1].getReferredSecurityGroupIds()).isEmpty();
    DescribeSecurityGroupAssociationStatisticsRequest stats = new DescribeSecurityGroupAssociationStatisticsRequest();
    stats.setSecurityGroupIds(new String[] {other});
    assertThat(vpc.DescribeSecurityGroupAssociationStatistics(stats).getSecurityGroupAssociationStatisticsSet()[0].getSG())
        .isEqualTo(1);

    DeleteSecurityGroupRequest del = new DeleteSecurityGroupRequest();
    del.setSecurityGroupId(other);
    assertError(() -> vpc.DeleteSecurityGroup(del), "ResourceInUse", sg);

    Filter proto = new Filter();
    proto.setName("protocol-type");
    proto.setValues(new String[] {"TCP"});
    DescribeSecurityGroupPoliciesRequest filtered = new DescribeSecurityGroupPoliciesRequest();
    filtered.setSecurityGroupId(sg);
    filtered.setFilters(new Filter[] {proto});
    assertThat(vpc.DescribeSecurityGroupPolicies(filtered).getSecurityGroupPolicySet().getIngress())
        .extracting(SecurityGroupPolicy::getPolicyIndex).containsExactly(1L, 4L);

    CloneSecurityGroupRequest clone = new CloneSecurityGroupRequest();
    clone.setSecurityGroupId(sg);
    clone.setGroupName("forms copy");
    String copy = vpc.CloneSecurityGroup(clone).getSecurityGroup().getSecurityGroupId();
    SecurityGroupPolicy[] cloned = sdk.policies(copy).getIngress();
    assertThat(cloned).hasSize(5);
    assertThat(cloned[2].getSecurityGroupId()).isEqualTo(copy);
    assertThat(cloned[1].getSecurityGroupId()).isEqualTo(other);
  }

  @Test
  void staleVersion_duplicates_andQuota_changeNothing() throws Exception {
    String sg = sdk.group("guards");
    sdk.addRules(sg, ingress(rule("TCP", "22", "10.0.0.0/8", "ACCEPT")));
    SecurityGroupPolicySet stale = ingress(rule("TCP", "23", "10.0.0.0/8", "ACCEPT"));
    stale.setVersion("1");
    assertError(() -> { sdk.addRules(sg, stale); return null; }, "UnsupportedOperation.VersionMismatch", "version 2");
    stale.setVersion("2");
    sdk.addRules(sg, stale);
    assertError(() -> { sdk.addRules(sg, ingress(rule("tcp", "22", "10.0.0.0/8", "accept"))); return null; },
        "UnsupportedOperation.DuplicatePolicy", "ACCEPT TCP:22 from 10.0.0.0/8");
    assertError(() -> { sdk.addRules(sg, ingress(rule("TCP", "24", "10.0.0.0/8", "ACCEPT"),
        rule("TCP", "24", "10.0.0.0/8", "ACCEPT"))); return null; }, "UnsupportedOperation.DuplicatePolicy", "Ingress.1");
    sdk.addRules(sg, ingress(rule("TCP", "1", "10.0.0.0/8", "ACCEPT"), rule("TCP", "2", "10.0.0.0/8", "ACCEPT"),
        rule("TCP", "3", "10.0.0.0/8", "ACCEPT"), rule("TCP", "4", "10.0.0.0/8", "ACCEPT")));
    assertError(() -> { sdk.addRules(sg, ingress(rule("TCP", "5", "10.0.0.0/8", "ACCEPT"))); return null; },
        "LimitExceeded.SecurityGroupPolicySet", "security-group-max-policies");
    assertThat(sdk.policies(sg).getIngress()).hasSize(6);
    assertThat(sdk.policies(sg).getVersion()).isEqualTo("4");
    DescribeSecurityGroupLimitsRequest limits = new DescribeSecurityGroupLimitsRequest();
    assertThat(vpc.DescribeSecurityGroupLimits(limits).getSecurityGroupLimitSet().getSecurityGroupPolicyLimit()).isEqualTo(6);
  }

  @Test
  void replaceModifyAndDelete_editTheListAsSpecified() throws Exception {
    String sg = sdk.group("edit");
    sdk.addRules(sg, ingress(rule("TCP", "1", "10.0.0.0/8", "ACCEPT"), rule("TCP", "2", "10.0.0.0/8", "ACCEPT"),
        rule("TCP", "3", "10.0.0.0/8", "ACCEPT"), rule("TCP", "4", "10.0.0.0/8", "ACCEPT")));
    sdk.addRules(sg, egress(rule("ALL", null, "0.0.0.0/0", "ACCEPT")));

    SecurityGroupPolicy one = rule("UDP", "20", "10.0.0.0/8", "DROP");
    one.setPolicyIndex(1L);
    ReplaceSecurityGroupPolicyRequest r1 = new ReplaceSecurityGroupPolicyRequest();
    r1.setSecurityGroupId(sg);
    r1.setSecurityGroupPolicySet(ingress(one));
    vpc.ReplaceSecurityGroupPolicy(r1);

    SecurityGroupPolicy a = rule("TCP", "30", "10.0.0.0/8", "ACCEPT");
    a.setPolicyIndex(0L);
    SecurityGroupPolicy b = rule("TCP", "40", "10.0.0.0/8", "ACCEPT");
    b.setPolicyIndex(3L);
    ReplaceSecurityGroupPoliciesRequest rn = new ReplaceSecurityGroupPoliciesRequest();
    rn.setSecurityGroupId(sg);
    rn.setSecurityGroupPolicySet(ingress(a, b));
    vpc.ReplaceSecurityGroupPolicies(rn);
    assertThat(sdk.ingressText(sg)).containsExactly("0:ACCEPT TCP 30 10.0.0.0/8", "1:DROP UDP 20 10.0.0.0/8",
        "2:ACCEPT TCP 3 10.0.0.0/8", "3:ACCEPT TCP 40 10.0.0.0/8");

    SecurityGroupPolicy dup = rule("TCP", "3", "10.0.0.0/8", "ACCEPT");
    dup.setPolicyIndex(0L);
    r1.setSecurityGroupPolicySet(ingress(dup));
    assertError(() -> vpc.ReplaceSecurityGroupPolicy(r1), "UnsupportedOperation.DuplicatePolicy", "Ingress.0");

    DeleteSecurityGroupPoliciesRequest byIndex = new DeleteSecurityGroupPoliciesRequest();
    byIndex.setSecurityGroupId(sg);
    SecurityGroupPolicy i0 = new SecurityGroupPolicy();
    i0.setPolicyIndex(0L);
    SecurityGroupPolicy i2 = new SecurityGroupPolicy();
    i2.setPolicyIndex(2L);
    byIndex.setSecurityGroupPolicySet(ingress(i2, i0));
    vpc.DeleteSecurityGroupPolicies(byIndex);
    assertThat(sdk.ingressText(sg)).containsExactly("0:DROP UDP 20 10.0.0.0/8", "1:ACCEPT TCP 40 10.0.0.0/8");

    DeleteSecurityGroupPoliciesRequest byContent = new DeleteSecurityGroupPoliciesRequest();
    byContent.setSecurityGroupId(sg);
    byContent.setSecurityGroupPolicySet(ingress(rule("tcp", "40", "10.0.0.0/8", "accept")));
    vpc.DeleteSecurityGroupPolicies(byContent);
    assertThat(sdk.ingressText(sg)).containsExactly("0:DROP UDP 20 10.0.0.0/8");
    assertError(() -> vpc.DeleteSecurityGroupPolicies(byContent), "ResourceNotFound", "Ingress.0");
    SecurityGroupPolicy mixed = rule("TCP", "40", "10.0.0.0/8", "ACCEPT");
    mixed.setPolicyIndex(0L);
    byContent.setSecurityGroupPolicySet(ingress(mixed));
    assertError(() -> vpc.DeleteSecurityGroupPolicies(byContent), "InvalidParameter.Coexist", "Ingress.0");

    String version = sdk.policies(sg).getVersion();
    ModifySecurityGroupPoliciesRequest m = new ModifySecurityGroupPoliciesRequest();
    m.setSecurityGroupId(sg);
    SecurityGroupPolicySet whole = ingress(rule("TCP", "8080", "10.0.0.0/8", "ACCEPT"), rule("ALL", null, "0.0.0.0/0", "DROP"));
    whole.setVersion(version);
    m.setSecurityGroupPolicySet(whole);
    vpc.ModifySecurityGroupPolicies(m);
    SecurityGroupPolicySet after = sdk.policies(sg);
    assertThat(sdk.ingressText(sg)).containsExactly("0:ACCEPT TCP 8080 10.0.0.0/8", "1:DROP ALL ALL 0.0.0.0/0");
    assertThat(after.getEgress()).isEmpty();
    assertThat(Long.parseLong(after.getVersion())).isEqualTo(Long.parseLong(version) + 1);
    assertError(() -> vpc.ModifySecurityGroupPolicies(m), "UnsupportedOperation.VersionMismatch", "Version");

    SecurityGroupPolicySet clear = ingress(rule("TCP", "1", "10.0.0.0/8", "ACCEPT"));
    clear.setVersion("0");
    m.setSecurityGroupPolicySet(clear);
    vpc.ModifySecurityGroupPolicies(m);
    assertThat(sdk.policies(sg).getIngress()).isEmpty();
  }

  @Test
  void createWithPolicies_setsBothDirections() throws Exception {
    CreateSecurityGroupWithPoliciesRequest r = new CreateSecurityGroupWithPoliciesRequest();
    r.setGroupName("with rules");
    r.setGroupDescription("d");
    SecurityGroupPolicySet set = ingress(rule("TCP", "22", "10.0.0.0/8", "ACCEPT"));
    set.setEgress(new SecurityGroupPolicy[] {rule("ALL", "ALL", "0.0.0.0/0", "ACCEPT")});
    r.setSecurityGroupPolicySet(set);
    String sg = vpc.CreateSecurityGroupWithPolicies(r).getSecurityGroup().getSecurityGroupId();
    assertThat(sdk.ingressText(sg)).containsExactly("0:ACCEPT TCP 22 10.0.0.0/8");
    assertThat(sdk.policies(sg).getEgress()).hasSize(1);
    set.setIngress(new SecurityGroupPolicy[] {rule("TCP", "99999", "10.0.0.0/8", "ACCEPT")});
    assertError(() -> vpc.CreateSecurityGroupWithPolicies(r), "InvalidParameterValue.Malformed", "Ingress.0.Port");
  }

  @Test
  void nullRuleInTheSet_isAnInvalidParameter_notAnInternalError() throws Exception {
    String sg = sdk.group("nulls");
    var reply = RawApi.of(sdk.live).post("CreateSecurityGroupPolicies", "{\"SecurityGroupId\":\"" + sg
        + "\",\"SecurityGroupPolicySet\":{\"Ingress\":[null]}}").response();
    assertThat(RawApi.code(reply)).isEqualTo("InvalidParameter");
    assertThat(RawApi.message(reply)).contains("Ingress");
  }

  private static String assertDoesNotThrow(java.util.concurrent.Callable<String> c) {
    try {
      return c.call();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
