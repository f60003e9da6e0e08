package io.openvpc.it;

import static io.openvpc.it.VpcSdkTest.assertError;
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
import com.tencentcloudapi.vpc.v20170312.models.DescribeAddressTemplateGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeAddressTemplatesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeServiceTemplateGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeServiceTemplatesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeTemplateLimitsRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.MemberInfo;
import com.tencentcloudapi.vpc.v20170312.models.ModifyAddressTemplateAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyAddressTemplateGroupAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyServiceTemplateAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyServiceTemplateGroupAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyTemplateMemberRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.ServiceTemplateSpecification;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Parameter templates through the official Java SDK: members, groups, references and limits. */
class TemplateSdkTest {
  static LiveServer live;
  static VpcClient vpc;

  @BeforeAll
  static void start() {
    live = LiveServer.start(Map.of("template-max-members", 4L));
    vpc = live.vpc();
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  static MemberInfo member(String value) {
    MemberInfo m = new MemberInfo();
    m.setMember(value);
    m.setDescription("note " + value);
    return m;
  }

  static Filter filter(String name, String value) {
    Filter f = new Filter();
    f.setName(name);
    f.setValues(new String[] {value});
    return f;
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
    assertError(() -> vpc.CreateServiceTemplate(s), "InvalidParameterValue.Malformed", "Services.0");
    CreateServiceTemplateGroupRequest sg = new CreateServiceTemplateGroupRequest();
    sg.setServiceTemplateGroupName("services");
    sg.setServiceTemplateIds(new String[] {ppm});
    String ppmg = vpc.CreateServiceTemplateGroup(sg).getServiceTemplateGroup().getServiceTemplateGroupId();
    DescribeServiceTemplateGroupsRequest dsg = new DescribeServiceTemplateGroupsRequest();
    dsg.setFilters(new Filter[] {filter("service-template-group-id", ppmg)});
    assertThat(vpc.DescribeServiceTemplateGroups(dsg).getServiceTemplateGroupSet()[0].getServiceTemplateSet()[0]
        .getServiceSet()).contains("tcp:443");

    String sgId = SecurityGroupSdkTestSupport.group(vpc, "uses templates");
    SecurityGroupPolicy rule = new SecurityGroupPolicy();
    AddressTemplateSpecification at = new AddressTemplateSpecification();
    at.setAddressGroupId(ipmg);
    rule.setAddressTemplate(at);
    ServiceTemplateSpecification st = new ServiceTemplateSpecification();
    st.setServiceGroupId(ppmg);
    rule.setServiceTemplate(st);
    rule.setAction("ACCEPT");
    SecurityGroupSdkTestSupport.add(vpc, sgId, rule);

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

    SecurityGroupSdkTestSupport.clear(vpc, sgId);
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
}
