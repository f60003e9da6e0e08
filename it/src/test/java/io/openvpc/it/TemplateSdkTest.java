package io.openvpc.it;

import static io.openvpc.it.SdkFixture.assertError;
import static io.openvpc.it.SdkFixture.filter;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AddTemplateMemberRequest;
import com.tencentcloudapi.vpc.v20170312.models.AddressInfo;
import com.tencentcloudapi.vpc.v20170312.models.AddressTemplateSpecification;
import com.tencentcloudapi.vpc.v20170312.models.CreateAddressTemplateGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateAddressTemplateRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateServiceTemplateGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateServiceTemplateRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteAddressTemplateGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteAddressTemplateRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteServiceTemplateGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteServiceTemplateRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteTemplateMemberRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeAddressTemplateGroupInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeAddressTemplateGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeAddressTemplateInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeAddressTemplatesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupExpandedPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeServiceTemplateGroupInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeServiceTemplateGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeServiceTemplateInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeServiceTemplatesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeTemplateLimitsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcTaskResultResponse;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.MemberInfo;
import com.tencentcloudapi.vpc.v20170312.models.ModifyAddressTemplateAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyAddressTemplateGroupAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyServiceTemplateAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyServiceTemplateGroupAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyTemplateMemberRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.ServiceTemplateSpecification;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Parameter templates through the official Java SDK: members, groups, references and limits. */
class TemplateSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start(Map.of("template-max-members", 4L));
  static final VpcClient vpc = sdk.vpc;

  static MemberInfo member(String value) {
    MemberInfo m = new MemberInfo();
    m.setMember(value);
    m.setDescription("note " + value);
    return m;
  }

  String[] addresses(String id) throws Exception {
    DescribeAddressTemplatesRequest d = new DescribeAddressTemplatesRequest();
    d.setFilters(new Filter[] {filter("address-template-id", id)});
    return vpc.DescribeAddressTemplates(d).getAddressTemplateSet()[0].getAddressSet();
  }

  @Test
  void addressTemplates_membersCanonical_editedByValue() throws Exception {
    CreateAddressTemplateRequest c = new CreateAddressTemplateRequest();
    c.setAddressTemplateName("office");
    AddressInfo range = new AddressInfo();
    range.setAddress("10.0.0.1-10.0.0.9");
    range.setDescription("printers");
    AddressInfo single = new AddressInfo();
    single.setAddress("2402:4e00::1");
    c.setAddressesExtra(new AddressInfo[] {range, single});
    var created = vpc.CreateAddressTemplate(c).getAddressTemplate();
    String id = created.getAddressTemplateId();
    assertThat(id).matches("ipm-[a-z0-9]{8}");
    assertThat(created.getAddressExtraSet()[0].getDescription()).isEqualTo("printers");

    AddTemplateMemberRequest add = new AddTemplateMemberRequest();
    add.setTemplateId(id);
    add.setTemplateMember(new MemberInfo[] {member("192.168.0.0/24")});
    vpc.AddTemplateMember(add);
    assertThat(addresses(id)).containsExactly("10.0.0.1-10.0.0.9", "2402:4e00::1", "192.168.0.0/24");
    assertError(() -> vpc.AddTemplateMember(add), "InvalidParameterValue.Duplicate", "192.168.0.0/24");
    add.setTemplateMember(new MemberInfo[] {member("10.0.0.300")});
    assertError(() -> vpc.AddTemplateMember(add), "InvalidParameterValue.Malformed", "10.0.0.300");
    add.setTemplateMember(new MemberInfo[] {member("172.16.0.1"), member("172.16.0.2")});
    assertError(() -> vpc.AddTemplateMember(add), "LimitExceeded", "template-max-members");

    ModifyTemplateMemberRequest m = new ModifyTemplateMemberRequest();
    m.setTemplateId(id);
    m.setOriginalTemplateMember(new MemberInfo[] {member("2402:4e00::1")});
    m.setTemplateMember(new MemberInfo[] {member("172.16.0.0/12")});
    vpc.ModifyTemplateMember(m);
    DeleteTemplateMemberRequest del = new DeleteTemplateMemberRequest();
    del.setTemplateId(id);
    del.setTemplateMember(new MemberInfo[] {member("10.0.0.1-10.0.0.9")});
    vpc.DeleteTemplateMember(del);
    assertThat(addresses(id)).containsExactly("172.16.0.0/12", "192.168.0.0/24");
    assertError(() -> vpc.DeleteTemplateMember(del), "InvalidParameterValue", "not a member");

    ModifyAddressTemplateAttributeRequest rename = new ModifyAddressTemplateAttributeRequest();
    rename.setAddressTemplateId(id);
    rename.setAddressTemplateName("hq");
    rename.setAddresses(new String[] {"10.9.0.0/16"});
    vpc.ModifyAddressTemplateAttribute(rename);
    DescribeAddressTemplatesRequest byName = new DescribeAddressTemplatesRequest();
    byName.setFilters(new Filter[] {filter("address-template-name", "hq")});
    assertThat(vpc.DescribeAddressTemplates(byName).getAddressTemplateSet()[0].getAddressSet()).containsExactly("10.9.0.0/16");

    c.setAddressesExtra(null);
    c.setAddresses(new String[] {"10.0.0.9-10.0.0.1"});
    assertError(() -> vpc.CreateAddressTemplate(c), "InvalidParameterValue.Malformed", "Addresses.0");
    c.setAddresses(null);
    assertError(() -> vpc.CreateAddressTemplate(c), "MissingParameter", "Addresses");
  }

  @Test
  void groupsAndReferences_blockDeletion() throws Exception {
    CreateAddressTemplateRequest a = new CreateAddressTemplateRequest();
    a.setAddressTemplateName("a");
    a.setAddresses(new String[] {"10.1.0.0/16"});
    String ipm = vpc.CreateAddressTemplate(a).getAddressTemplate().getAddressTemplateId();
    CreateAddressTemplateGroupRequest g = new CreateAddressTemplateGroupRequest();
    g.setAddressTemplateGroupName("all offices");
    g.setAddressTemplateIds(new String[] {ipm});
    var group = vpc.CreateAddressTemplateGroup(g).getAddressTemplateGroup();
    String ipmg = group.getAddressTemplateGroupId();
    assertThat(group.getAddressTemplateSet()[0].getAddressTemplateName()).isEqualTo("a");
    g.setAddressTemplateIds(new String[] {"ipm-zzzzzzzz"});
    assertError(() -> vpc.CreateAddressTemplateGroup(g), "ResourceNotFound", "ipm-zzzzzzzz");

    CreateServiceTemplateRequest s = new CreateServiceTemplateRequest();
    s.setServiceTemplateName("web");
    s.setServices(new String[] {"TCP:443", "tcp:80,8080", "icmp"});
    var service = vpc.CreateServiceTemplate(s).getServiceTemplate();
    assertThat(service.getServiceSet()).containsExactly("tcp:443", "tcp:80,8080", "icmp");
    String ppm = service.getServiceTemplateId();
    s.setServices(new String[] {"icmp:8"});
    assertError(() -> vpc.CreateServiceTemplate(s), "InvalidParameterValue", "Services.0");
    CreateServiceTemplateGroupRequest sg = new CreateServiceTemplateGroupRequest();
    sg.setServiceTemplateGroupName("services");
    sg.setServiceTemplateIds(new String[] {ppm});
    String ppmg = vpc.CreateServiceTemplateGroup(sg).getServiceTemplateGroup().getServiceTemplateGroupId();
    DescribeServiceTemplateGroupsRequest dsg = new DescribeServiceTemplateGroupsRequest();
    dsg.setFilters(new Filter[] {filter("service-template-group-id", ppmg)});
    assertThat(vpc.DescribeServiceTemplateGroups(dsg).getServiceTemplateGroupSet()[0].getServiceTemplateSet()[0]
        .getServiceSet()).contains("tcp:443");

    String sgId = sdk.group("uses templates");
    SecurityGroupPolicy rule = new SecurityGroupPolicy();
    AddressTemplateSpecification at = new AddressTemplateSpecification();
    at.setAddressGroupId(ipmg);
    rule.setAddressTemplate(at);
    ServiceTemplateSpecification st = new ServiceTemplateSpecification();
    st.setServiceGroupId(ppmg);
    rule.setServiceTemplate(st);
    rule.setAction("ACCEPT");
    sdk.addIngress(sgId, rule);

    DeleteAddressTemplateRequest delA = new DeleteAddressTemplateRequest();
    delA.setAddressTemplateId(ipm);
    assertError(() -> vpc.DeleteAddressTemplate(delA), "ResourceInUse", ipmg);
    DeleteAddressTemplateGroupRequest delG = new DeleteAddressTemplateGroupRequest();
    delG.setAddressTemplateGroupId(ipmg);
    assertError(() -> vpc.DeleteAddressTemplateGroup(delG), "ResourceInUse", sgId);
    DeleteServiceTemplateGroupRequest delSg = new DeleteServiceTemplateGroupRequest();
    delSg.setServiceTemplateGroupId(ppmg);
    assertError(() -> vpc.DeleteServiceTemplateGroup(delSg), "ResourceInUse", sgId);
    DeleteServiceTemplateRequest delS = new DeleteServiceTemplateRequest();
    delS.setServiceTemplateId(ppm);
    assertError(() -> vpc.DeleteServiceTemplate(delS), "ResourceInUse", ppmg);

    sdk.clearRules(sgId);
    vpc.DeleteAddressTemplateGroup(delG);
    vpc.DeleteAddressTemplate(delA);
    vpc.DeleteServiceTemplateGroup(delSg);
    vpc.DeleteServiceTemplate(delS);
    assertError(() -> vpc.DeleteServiceTemplate(delS), "ResourceNotFound", ppm);
    delS.setServiceTemplateId("ppm-BAD");
    assertError(() -> vpc.DeleteServiceTemplate(delS), "InvalidParameterValue.Malformed", "ServiceTemplateId");
  }

  @Test
  void modifyAttributes_andLimits() throws Exception {
    CreateServiceTemplateRequest s = new CreateServiceTemplateRequest();
    s.setServiceTemplateName("dns");
    s.setServices(new String[] {"udp:53"});
    String ppm = vpc.CreateServiceTemplate(s).getServiceTemplate().getServiceTemplateId();
    ModifyServiceTemplateAttributeRequest ms = new ModifyServiceTemplateAttributeRequest();
    ms.setServiceTemplateId(ppm);
    ms.setServices(new String[] {"udp:53", "tcp:53"});
    vpc.ModifyServiceTemplateAttribute(ms);
    DescribeServiceTemplatesRequest ds = new DescribeServiceTemplatesRequest();
    ds.setFilters(new Filter[] {filter("service-template-id", ppm)});
    assertThat(vpc.DescribeServiceTemplates(ds).getServiceTemplateSet()[0].getServiceSet()).containsExactly("udp:53", "tcp:53");

    CreateAddressTemplateRequest a = new CreateAddressTemplateRequest();
    a.setAddressTemplateName("x");
    a.setAddresses(new String[] {"10.2.0.1"});
    String ipm1 = vpc.CreateAddressTemplate(a).getAddressTemplate().getAddressTemplateId();
    String ipm2 = vpc.CreateAddressTemplate(a).getAddressTemplate().getAddressTemplateId();
    CreateAddressTemplateGroupRequest g = new CreateAddressTemplateGroupRequest();
    g.setAddressTemplateGroupName("g");
    g.setAddressTemplateIds(new String[] {ipm1});
    String ipmg = vpc.CreateAddressTemplateGroup(g).getAddressTemplateGroup().getAddressTemplateGroupId();
    ModifyAddressTemplateGroupAttributeRequest mg = new ModifyAddressTemplateGroupAttributeRequest();
    mg.setAddressTemplateGroupId(ipmg);
    mg.setAddressTemplateIds(new String[] {ipm2, ipm1});
    vpc.ModifyAddressTemplateGroupAttribute(mg);
    DescribeAddressTemplateGroupsRequest dg = new DescribeAddressTemplateGroupsRequest();
    dg.setFilters(new Filter[] {filter("address-template-group-id", ipmg)});
    assertThat(vpc.DescribeAddressTemplateGroups(dg).getAddressTemplateGroupSet()[0].getAddressTemplateIdSet())
        .containsExactly(ipm2, ipm1);
    CreateServiceTemplateGroupRequest sg = new CreateServiceTemplateGroupRequest();
    sg.setServiceTemplateGroupName("sg");
    sg.setServiceTemplateIds(new String[] {ppm});
    String ppmg = vpc.CreateServiceTemplateGroup(sg).getServiceTemplateGroup().getServiceTemplateGroupId();
    ModifyServiceTemplateGroupAttributeRequest msg = new ModifyServiceTemplateGroupAttributeRequest();
    msg.setServiceTemplateGroupId(ppmg);
    msg.setServiceTemplateGroupName("renamed");
    vpc.ModifyServiceTemplateGroupAttribute(msg);
    AddTemplateMemberRequest add = new AddTemplateMemberRequest();
    add.setTemplateId(ppmg);
    add.setTemplateMember(new MemberInfo[] {member(ipm1)});
    assertError(() -> vpc.AddTemplateMember(add), "InvalidParameterValue.Malformed", "ppm-");

    var limits = vpc.DescribeTemplateLimits(new DescribeTemplateLimitsRequest()).getTemplateLimit();
    assertThat(limits.getAddressTemplateMemberLimit()).isEqualTo(4);
    assertThat(limits.getServiceTemplateGroupMemberLimit()).isEqualTo(4);
  }

  /** Templates and a group whose rules use them, for the expansion and instance tests. */
  record Used(String ipm, String ipm6, String ipmg, String ppm, String ppmg, String sg) {}

  Used templatesInUse() throws Exception {
    CreateAddressTemplateRequest a = new CreateAddressTemplateRequest();
    a.setAddressTemplateName("v4");
    a.setAddresses(new String[] {"10.1.0.0/16", "10.2.0.1-10.2.0.3"});
    String ipm = vpc.CreateAddressTemplate(a).getAddressTemplate().getAddressTemplateId();
    a.setAddressTemplateName("v6");
    a.setAddresses(new String[] {"2402:4e00::/32"});
    String ipm6 = vpc.CreateAddressTemplate(a).getAddressTemplate().getAddressTemplateId();
    CreateAddressTemplateGroupRequest g = new CreateAddressTemplateGroupRequest();
    g.setAddressTemplateGroupName("both");
    g.setAddressTemplateIds(new String[] {ipm, ipm6});
    String ipmg = vpc.CreateAddressTemplateGroup(g).getAddressTemplateGroup().getAddressTemplateGroupId();
    CreateServiceTemplateRequest s = new CreateServiceTemplateRequest();
    s.setServiceTemplateName("svc");
    s.setServices(new String[] {"tcp:443", "udp:53-60"});
    String ppm = vpc.CreateServiceTemplate(s).getServiceTemplate().getServiceTemplateId();
    CreateServiceTemplateGroupRequest sg = new CreateServiceTemplateGroupRequest();
    sg.setServiceTemplateGroupName("svcs");
    sg.setServiceTemplateIds(new String[] {ppm});
    String ppmg = vpc.CreateServiceTemplateGroup(sg).getServiceTemplateGroup().getServiceTemplateGroupId();

    String group = sdk.group("expanded");
    SecurityGroupPolicy byAddress = rule("ACCEPT");
    byAddress.setProtocol("TCP");
    byAddress.setPort("22");
    byAddress.setAddressTemplate(new AddressTemplateSpecification());
    byAddress.getAddressTemplate().setAddressId(ipm);
    SecurityGroupPolicy byService = rule("DROP");
    byService.setCidrBlock("10.9.0.0/16");
    byService.setServiceTemplate(new ServiceTemplateSpecification());
    byService.getServiceTemplate().setServiceGroupId(ppmg);
    SecurityGroupPolicy both = rule("ACCEPT");
    both.setAddressTemplate(new AddressTemplateSpecification());
    both.getAddressTemplate().setAddressGroupId(ipmg);
    both.setServiceTemplate(new ServiceTemplateSpecification());
    both.getServiceTemplate().setServiceId(ppm);
    SecurityGroupPolicy plain = rule("ACCEPT");
    plain.setProtocol("ALL");
    plain.setCidrBlock("0.0.0.0/0");
    sdk.addIngress(group, byAddress, byService, both, plain);
    return new Used(ipm, ipm6, ipmg, ppm, ppmg, group);
  }

  static SecurityGroupPolicy rule(String action) {
    SecurityGroupPolicy p = new SecurityGroupPolicy();
    p.setAction(action);
    return p;
  }

  List<String> expanded(String sg, Filter... filters) throws Exception {
    DescribeSecurityGroupExpandedPoliciesRequest r = new DescribeSecurityGroupExpandedPoliciesRequest();
    r.setSecurityGroupId(sg);
    if (filters.length > 0) {
      r.setFilters(filters);
    }
    return Arrays.stream(vpc.DescribeSecurityGroupExpandedPolicies(r).getSecurityGroupPolicySet().getIngress())
        .map(p -> p.getPolicyIndex() + ":" + p.getAction() + " " + p.getProtocol() + " " + p.getPort() + " "
            + p.getCidrBlock() + p.getIpv6CidrBlock())
        .toList();
  }

  @Test
  void expandedPolicies_templatesBecomeBlocksAndServices() throws Exception {
    Used u = templatesInUse();
    assertThat(expanded(u.sg())).containsExactly(
        "0:ACCEPT TCP 22 10.1.0.0/16", "0:ACCEPT TCP 22 10.2.0.1/32", "0:ACCEPT TCP 22 10.2.0.2/31",
        "1:DROP TCP 443 10.9.0.0/16", "1:DROP UDP 53-60 10.9.0.0/16",
        "2:ACCEPT TCP 443 10.1.0.0/16", "2:ACCEPT UDP 53-60 10.1.0.0/16",
        "2:ACCEPT TCP 443 10.2.0.1/32", "2:ACCEPT UDP 53-60 10.2.0.1/32",
        "2:ACCEPT TCP 443 10.2.0.2/31", "2:ACCEPT UDP 53-60 10.2.0.2/31",
        "2:ACCEPT TCP 443 2402:4e00::/32", "2:ACCEPT UDP 53-60 2402:4e00::/32",
        "3:ACCEPT ALL ALL 0.0.0.0/0");
    // Each expanded rule still names the templates it came from.
    DescribeSecurityGroupExpandedPoliciesRequest r = new DescribeSecurityGroupExpandedPoliciesRequest();
    r.setSecurityGroupId(u.sg());
    SecurityGroupPolicy first = vpc.DescribeSecurityGroupExpandedPolicies(r).getSecurityGroupPolicySet().getIngress()[5];
    assertThat(first.getAddressTemplate().getAddressGroupId()).isEqualTo(u.ipmg());
    assertThat(first.getServiceTemplate().getServiceId()).isEqualTo(u.ppm());
    // The rules as written are unchanged.
    assertThat(sdk.policies(u.sg()).getIngress()).hasSize(4);

    // Filters apply to the expanded rules.
    assertThat(expanded(u.sg(), filter("ip", "10.2.0.2"))).containsExactly("0:ACCEPT TCP 22 10.2.0.2/31",
        "2:ACCEPT TCP 443 10.2.0.2/31", "2:ACCEPT UDP 53-60 10.2.0.2/31", "3:ACCEPT ALL ALL 0.0.0.0/0");
    assertThat(expanded(u.sg(), filter("port", "53"), filter("address-module", u.ipmg()))).containsExactly(
        "2:ACCEPT UDP 53-60 10.1.0.0/16", "2:ACCEPT UDP 53-60 10.2.0.1/32", "2:ACCEPT UDP 53-60 10.2.0.2/31",
        "2:ACCEPT UDP 53-60 2402:4e00::/32");

    // A template's members changed: the expansion follows.
    AddTemplateMemberRequest add = new AddTemplateMemberRequest();
    add.setTemplateId(u.ppm());
    add.setTemplateMember(new MemberInfo[] {member("icmp")});
    vpc.AddTemplateMember(add);
    assertThat(expanded(u.sg(), filter("service-module", u.ppmg()))).containsExactly(
        "1:DROP TCP 443 10.9.0.0/16", "1:DROP UDP 53-60 10.9.0.0/16", "1:DROP ICMP ALL 10.9.0.0/16");

    assertError(() -> vpc.DescribeSecurityGroupExpandedPolicies(new DescribeSecurityGroupExpandedPoliciesRequest()),
        "MissingParameter", "SecurityGroupId");
    r.setSecurityGroupId("sg-BAD");
    assertError(() -> vpc.DescribeSecurityGroupExpandedPolicies(r), "InvalidParameterValue.Malformed", "SecurityGroupId");
    r.setSecurityGroupId("sg-zzzzzzzz");
    assertError(() -> vpc.DescribeSecurityGroupExpandedPolicies(r), "ResourceNotFound", "sg-zzzzzzzz");
    r.setSecurityGroupId(u.sg());
    r.setFilters(new Filter[] {filter("colour", "red")});
    assertError(() -> vpc.DescribeSecurityGroupExpandedPolicies(r), "InvalidParameter.FilterInvalidKey", "colour");
  }

  static List<String> resources(DescribeVpcTaskResultResponse r) {
    return Arrays.stream(r.getResult()).map(x -> x.getResourceId()).toList();
  }

  static String rulesOf(String sg, String direction, int index) {
    return "{\"InstanceType\":\"SecurityGroup\",\"InstanceId\":\"" + sg + "\",\"Policies\":[{\"Direction\":\""
        + direction + "\",\"PolicyIndex\":" + index + "}]}";
  }

  @Test
  void templateModifyAndDelete_leaveATaskToPoll() throws Exception {
    // Tencent documents these as asynchronous: DescribeVpcTaskResult with the call's RequestId reports them
    CreateAddressTemplateRequest c = new CreateAddressTemplateRequest();
    c.setAddressTemplateName("polled");
    c.setAddresses(new String[] {"10.9.0.0/16"});
    String ipm = vpc.CreateAddressTemplate(c).getAddressTemplate().getAddressTemplateId();
    CreateAddressTemplateGroupRequest g = new CreateAddressTemplateGroupRequest();
    g.setAddressTemplateGroupName("polled");
    g.setAddressTemplateIds(new String[] {ipm});
    String ipmg = vpc.CreateAddressTemplateGroup(g).getAddressTemplateGroup().getAddressTemplateGroupId();
    CreateServiceTemplateRequest s = new CreateServiceTemplateRequest();
    s.setServiceTemplateName("polled");
    s.setServices(new String[] {"tcp:80"});
    String ppm = vpc.CreateServiceTemplate(s).getServiceTemplate().getServiceTemplateId();
    CreateServiceTemplateGroupRequest sg = new CreateServiceTemplateGroupRequest();
    sg.setServiceTemplateGroupName("polled");
    sg.setServiceTemplateIds(new String[] {ppm});
    String ppmg = vpc.CreateServiceTemplateGroup(sg).getServiceTemplateGroup().getServiceTemplateGroupId();

    ModifyAddressTemplateAttributeRequest ma = new ModifyAddressTemplateAttributeRequest();
    ma.setAddressTemplateId(ipm);
    ma.setAddressTemplateName("polled2");
    assertPolled(vpc.ModifyAddressTemplateAttribute(ma).getRequestId(), ipm);
    ModifyAddressTemplateGroupAttributeRequest mg = new ModifyAddressTemplateGroupAttributeRequest();
    mg.setAddressTemplateGroupId(ipmg);
    mg.setAddressTemplateGroupName("polled2");
    assertPolled(vpc.ModifyAddressTemplateGroupAttribute(mg).getRequestId(), ipmg);
    ModifyServiceTemplateAttributeRequest ms = new ModifyServiceTemplateAttributeRequest();
    ms.setServiceTemplateId(ppm);
    ms.setServiceTemplateName("polled2");
    assertPolled(vpc.ModifyServiceTemplateAttribute(ms).getRequestId(), ppm);
    ModifyServiceTemplateGroupAttributeRequest msg = new ModifyServiceTemplateGroupAttributeRequest();
    msg.setServiceTemplateGroupId(ppmg);
    msg.setServiceTemplateGroupName("polled2");
    assertPolled(vpc.ModifyServiceTemplateGroupAttribute(msg).getRequestId(), ppmg);

    DeleteServiceTemplateGroupRequest dsg = new DeleteServiceTemplateGroupRequest();
    dsg.setServiceTemplateGroupId(ppmg);
    assertPolled(vpc.DeleteServiceTemplateGroup(dsg).getRequestId(), ppmg);
    DeleteServiceTemplateRequest ds = new DeleteServiceTemplateRequest();
    ds.setServiceTemplateId(ppm);
    assertPolled(vpc.DeleteServiceTemplate(ds).getRequestId(), ppm);
    DeleteAddressTemplateGroupRequest dg = new DeleteAddressTemplateGroupRequest();
    dg.setAddressTemplateGroupId(ipmg);
    assertPolled(vpc.DeleteAddressTemplateGroup(dg).getRequestId(), ipmg);
    DeleteAddressTemplateRequest da = new DeleteAddressTemplateRequest();
    da.setAddressTemplateId(ipm);
    assertPolled(vpc.DeleteAddressTemplate(da).getRequestId(), ipm);
  }

  static void assertPolled(String requestId, String resourceId) throws Exception {
    DescribeVpcTaskResultResponse t = sdk.task(requestId);
    assertThat(t.getStatus()).isEqualTo("SUCCESS");
    assertThat(resources(t)).containsExactly(resourceId);
  }

  @Test
  void templateInstances_reportedAsTask() throws Exception {
    Used u = templatesInUse();
    DescribeAddressTemplateInstancesRequest a = new DescribeAddressTemplateInstancesRequest();
    a.setAddressTemplateId(u.ipm());
    DescribeVpcTaskResultResponse t = sdk.task(vpc.DescribeAddressTemplateInstances(a).getRequestId());
    assertThat(resources(t)).containsExactly(u.ipmg(), u.sg());
    assertThat(t.getOutput()).isEqualTo("{\"TotalCount\":2,\"InstanceSet\":[{\"InstanceType\":\"AddressTemplateGroup\","
        + "\"InstanceId\":\"" + u.ipmg() + "\"}," + rulesOf(u.sg(), "Ingress", 0) + "]}");
    a.setLimit(1L);
    a.setOffset(1L);
    t = sdk.task(vpc.DescribeAddressTemplateInstances(a).getRequestId());
    assertThat(resources(t)).containsExactly(u.sg());
    assertThat(t.getOutput()).startsWith("{\"TotalCount\":2,");

    DescribeAddressTemplateGroupInstancesRequest ag = new DescribeAddressTemplateGroupInstancesRequest();
    ag.setAddressTemplateGroupId(u.ipmg());
    t = sdk.task(vpc.DescribeAddressTemplateGroupInstances(ag).getRequestId());
    assertThat(t.getOutput()).isEqualTo("{\"TotalCount\":1,\"InstanceSet\":[" + rulesOf(u.sg(), "Ingress", 2) + "]}");

    DescribeServiceTemplateInstancesRequest s = new DescribeServiceTemplateInstancesRequest();
    s.setServiceTemplateId(u.ppm());
    t = sdk.task(vpc.DescribeServiceTemplateInstances(s).getRequestId());
    assertThat(resources(t)).containsExactly(u.ppmg(), u.sg());
    assertThat(t.getOutput()).contains("\"InstanceType\":\"ServiceTemplateGroup\",\"InstanceId\":\"" + u.ppmg() + "\"",
        rulesOf(u.sg(), "Ingress", 2));

    DescribeServiceTemplateGroupInstancesRequest sg = new DescribeServiceTemplateGroupInstancesRequest();
    sg.setServiceTemplateGroupId(u.ppmg());
    t = sdk.task(vpc.DescribeServiceTemplateGroupInstances(sg).getRequestId());
    assertThat(resources(t)).containsExactly(u.sg());
    assertThat(t.getOutput()).isEqualTo("{\"TotalCount\":1,\"InstanceSet\":[" + rulesOf(u.sg(), "Ingress", 1) + "]}");

    // A template only a group contains; then one nothing uses any more: a finished task with no resources.
    a.setAddressTemplateId(u.ipm6());
    a.setOffset(null);
    a.setLimit(null);
    t = sdk.task(vpc.DescribeAddressTemplateInstances(a).getRequestId());
    assertThat(resources(t)).containsExactly(u.ipmg());
    assertThat(t.getOutput()).isEqualTo("{\"TotalCount\":1,\"InstanceSet\":[{\"InstanceType\":\"AddressTemplateGroup\","
        + "\"InstanceId\":\"" + u.ipmg() + "\"}]}");
    sdk.clearRules(u.sg());
    sg.setServiceTemplateGroupId(u.ppmg());
    t = sdk.task(vpc.DescribeServiceTemplateGroupInstances(sg).getRequestId());
    assertThat(resources(t)).isEmpty();
    assertThat(t.getOutput()).isEqualTo("{\"TotalCount\":0,\"InstanceSet\":[]}");

    // Missing, malformed, wrong-kind and unknown IDs; a limit out of range.
    assertError(() -> vpc.DescribeAddressTemplateInstances(new DescribeAddressTemplateInstancesRequest()),
        "MissingParameter", "AddressTemplateId");
    a.setAddressTemplateId(u.ipmg());
    assertError(() -> vpc.DescribeAddressTemplateInstances(a), "InvalidParameterValue.Malformed", "AddressTemplateId");
    a.setAddressTemplateId("ipm-zzzzzzzz");
    assertError(() -> vpc.DescribeAddressTemplateInstances(a), "ResourceNotFound", "ipm-zzzzzzzz");
    ag.setAddressTemplateGroupId("ipmg-zzzzzzzz");
    assertError(() -> vpc.DescribeAddressTemplateGroupInstances(ag), "ResourceNotFound", "ipmg-zzzzzzzz");
    ag.setAddressTemplateGroupId("ipmg");
    assertError(() -> vpc.DescribeAddressTemplateGroupInstances(ag), "InvalidParameterValue.Malformed",
        "AddressTemplateGroupId");
    s.setServiceTemplateId("ppm-zzzzzzzz");
    assertError(() -> vpc.DescribeServiceTemplateInstances(s), "ResourceNotFound", "ppm-zzzzzzzz");
    s.setServiceTemplateId(u.ppmg());
    assertError(() -> vpc.DescribeServiceTemplateInstances(s), "InvalidParameterValue.Malformed", "ServiceTemplateId");
    assertError(() -> vpc.DescribeServiceTemplateGroupInstances(new DescribeServiceTemplateGroupInstancesRequest()),
        "MissingParameter", "ServiceTemplateGroupId");
    sg.setServiceTemplateGroupId("ppmg-zzzzzzzz");
    assertError(() -> vpc.DescribeServiceTemplateGroupInstances(sg), "ResourceNotFound", "ppmg-zzzzzzzz");
    sg.setServiceTemplateGroupId(u.ppmg());
    sg.setLimit(101L);
    assertError(() -> vpc.DescribeServiceTemplateGroupInstances(sg), "InvalidParameterValue.Range", "Limit");
  }
}
