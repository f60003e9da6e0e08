package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Json;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.AddTemplateMemberRequest;
import io.openvpc.api.types.vpc.AddTemplateMemberResponse;
import io.openvpc.api.types.vpc.AddressInfo;
import io.openvpc.api.types.vpc.AddressTemplateItem;
import io.openvpc.api.types.vpc.CreateAddressTemplateGroupRequest;
import io.openvpc.api.types.vpc.CreateAddressTemplateGroupResponse;
import io.openvpc.api.types.vpc.CreateAddressTemplateRequest;
import io.openvpc.api.types.vpc.CreateAddressTemplateResponse;
import io.openvpc.api.types.vpc.CreateServiceTemplateGroupRequest;
import io.openvpc.api.types.vpc.CreateServiceTemplateGroupResponse;
import io.openvpc.api.types.vpc.CreateServiceTemplateRequest;
import io.openvpc.api.types.vpc.CreateServiceTemplateResponse;
import io.openvpc.api.types.vpc.DeleteAddressTemplateGroupRequest;
import io.openvpc.api.types.vpc.DeleteAddressTemplateGroupResponse;
import io.openvpc.api.types.vpc.DeleteAddressTemplateRequest;
import io.openvpc.api.types.vpc.DeleteAddressTemplateResponse;
import io.openvpc.api.types.vpc.DeleteServiceTemplateGroupRequest;
import io.openvpc.api.types.vpc.DeleteServiceTemplateGroupResponse;
import io.openvpc.api.types.vpc.DeleteServiceTemplateRequest;
import io.openvpc.api.types.vpc.DeleteServiceTemplateResponse;
import io.openvpc.api.types.vpc.DeleteTemplateMemberRequest;
import io.openvpc.api.types.vpc.DeleteTemplateMemberResponse;
import io.openvpc.api.types.vpc.DescribeAddressTemplateGroupsRequest;
import io.openvpc.api.types.vpc.DescribeAddressTemplateGroupsResponse;
import io.openvpc.api.types.vpc.DescribeAddressTemplatesRequest;
import io.openvpc.api.types.vpc.DescribeAddressTemplatesResponse;
import io.openvpc.api.types.vpc.DescribeServiceTemplateGroupsRequest;
import io.openvpc.api.types.vpc.DescribeServiceTemplateGroupsResponse;
import io.openvpc.api.types.vpc.DescribeServiceTemplatesRequest;
import io.openvpc.api.types.vpc.DescribeServiceTemplatesResponse;
import io.openvpc.api.types.vpc.DescribeTemplateLimitsRequest;
import io.openvpc.api.types.vpc.DescribeTemplateLimitsResponse;
import io.openvpc.api.types.vpc.MemberInfo;
import io.openvpc.api.types.vpc.ModifyAddressTemplateAttributeRequest;
import io.openvpc.api.types.vpc.ModifyAddressTemplateAttributeResponse;
import io.openvpc.api.types.vpc.ModifyAddressTemplateGroupAttributeRequest;
import io.openvpc.api.types.vpc.ModifyAddressTemplateGroupAttributeResponse;
import io.openvpc.api.types.vpc.ModifyServiceTemplateAttributeRequest;
import io.openvpc.api.types.vpc.ModifyServiceTemplateAttributeResponse;
import io.openvpc.api.types.vpc.ModifyServiceTemplateGroupAttributeRequest;
import io.openvpc.api.types.vpc.ModifyServiceTemplateGroupAttributeResponse;
import io.openvpc.api.types.vpc.ModifyTemplateMemberRequest;
import io.openvpc.api.types.vpc.ModifyTemplateMemberResponse;
import io.openvpc.api.types.vpc.ServicesInfo;
import io.openvpc.api.types.vpc.DescribeAddressTemplateInstancesRequest;
import io.openvpc.api.types.vpc.DescribeAddressTemplateInstancesResponse;
import io.openvpc.api.types.vpc.DescribeAddressTemplateGroupInstancesRequest;
import io.openvpc.api.types.vpc.DescribeAddressTemplateGroupInstancesResponse;
import io.openvpc.api.types.vpc.DescribeServiceTemplateInstancesRequest;
import io.openvpc.api.types.vpc.DescribeServiceTemplateInstancesResponse;
import io.openvpc.api.types.vpc.DescribeServiceTemplateGroupInstancesRequest;
import io.openvpc.api.types.vpc.DescribeServiceTemplateGroupInstancesResponse;
import io.openvpc.api.types.vpc.TemplateLimit;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.template.TemplateService;
import io.openvpc.control.template.TemplateService.Kind;
import io.openvpc.control.template.TemplateUser;
import io.openvpc.model.AddressTemplate;
import io.openvpc.model.AddressTemplateGroup;
import io.openvpc.model.Direction;
import io.openvpc.model.ServiceTemplate;
import io.openvpc.model.ServiceTemplateGroup;
import io.openvpc.model.TemplateMember;
import io.openvpc.model.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parameter templates: address and service templates, their groups, members and limits. */
public final class TemplateHandlers implements HandlerFamily {
  private final TemplateService templates;

  public TemplateHandlers(TemplateService templates) {
    this.templates = templates;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateAddressTemplate, this::createAddress)
        .on(VpcActions.DescribeAddressTemplates, this::describeAddress)
        .on(VpcActions.ModifyAddressTemplateAttribute, this::modifyAddress)
        .on(VpcActions.DeleteAddressTemplate, this::deleteAddress)
        .on(VpcActions.CreateAddressTemplateGroup, this::createAddressGroup)
        .on(VpcActions.DescribeAddressTemplateGroups, this::describeAddressGroups)
        .on(VpcActions.ModifyAddressTemplateGroupAttribute, this::modifyAddressGroup)
        .on(VpcActions.DeleteAddressTemplateGroup, this::deleteAddressGroup)
        .on(VpcActions.CreateServiceTemplate, this::createService)
        .on(VpcActions.DescribeServiceTemplates, this::describeService)
        .on(VpcActions.ModifyServiceTemplateAttribute, this::modifyService)
        .on(VpcActions.DeleteServiceTemplate, this::deleteService)
        .on(VpcActions.CreateServiceTemplateGroup, this::createServiceGroup)
        .on(VpcActions.DescribeServiceTemplateGroups, this::describeServiceGroups)
        .on(VpcActions.ModifyServiceTemplateGroupAttribute, this::modifyServiceGroup)
        .on(VpcActions.DeleteServiceTemplateGroup, this::deleteServiceGroup)
        .on(VpcActions.AddTemplateMember, this::addMember)
        .on(VpcActions.ModifyTemplateMember, this::modifyMember)
        .on(VpcActions.DeleteTemplateMember, this::deleteMember)
        .on(VpcActions.DescribeTemplateLimits, this::limits)
        .on(VpcActions.DescribeAddressTemplateInstances, this::addressInstances)
        .on(VpcActions.DescribeAddressTemplateGroupInstances, this::addressGroupInstances)
        .on(VpcActions.DescribeServiceTemplateInstances, this::serviceInstances)
        .on(VpcActions.DescribeServiceTemplateGroupInstances, this::serviceGroupInstances);
  }

  DescribeAddressTemplateInstancesResponse addressInstances(Call call, DescribeAddressTemplateInstancesRequest r) {
    instances(call, Kind.ADDRESS, r.getAddressTemplateId(), "AddressTemplateId", r.getOffset(), r.getLimit());
    return new DescribeAddressTemplateInstancesResponse();
  }

  DescribeAddressTemplateGroupInstancesResponse addressGroupInstances(Call call,
      DescribeAddressTemplateGroupInstancesRequest r) {
    instances(call, Kind.ADDRESS_GROUP, r.getAddressTemplateGroupId(), "AddressTemplateGroupId", r.getOffset(),
        r.getLimit());
    return new DescribeAddressTemplateGroupInstancesResponse();
  }

  DescribeServiceTemplateInstancesResponse serviceInstances(Call call, DescribeServiceTemplateInstancesRequest r) {
    instances(call, Kind.SERVICE, r.getServiceTemplateId(), "ServiceTemplateId", r.getOffset(), r.getLimit());
    return new DescribeServiceTemplateInstancesResponse();
  }

  DescribeServiceTemplateGroupInstancesResponse serviceGroupInstances(Call call,
      DescribeServiceTemplateGroupInstancesRequest r) {
    instances(call, Kind.SERVICE_GROUP, r.getServiceTemplateGroupId(), "ServiceTemplateGroupId", r.getOffset(),
        r.getLimit());
    return new DescribeServiceTemplateGroupInstancesResponse();
  }

  /** The users of a template, recorded as the call's task; DescribeVpcTaskResult answers them. */
  private void instances(Call call, Kind kind, String id, String param, Long offset, Long limit) {
    templates.describeInstances(call.scope(), kind, id, param, offset, limit, call.requestId(), call.action(),
        TemplateHandlers::instancesOutput);
  }

  private static Map<String, Object> policy(TemplateUser.Rule rule) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Direction", rule.direction() == Direction.INGRESS ? "Ingress" : "Egress");
    m.put("PolicyIndex", rule.index());
    return m;
  }

  /**
   * The task output of a Describe*TemplateInstances call, a JSON object: {@code TotalCount} and
   * {@code InstanceSet}, each with {@code InstanceType}, {@code InstanceId} and, for a security group,
   * {@code Policies} ({@code Direction} Ingress or Egress, {@code PolicyIndex}).
   */
  static String instancesOutput(Page<TemplateUser> page) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("TotalCount", page.totalCount());
    out.put("InstanceSet", page.items().stream().map(u -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("InstanceType", u.type());
      m.put("InstanceId", u.id());
      if (u.type().equals(TemplateUser.SECURITY_GROUP)) {
        m.put("Policies", u.rules().stream().map(TemplateHandlers::policy).toList());
      }
      return m;
    }).toList());
    try {
      return Json.MAPPER.writeValueAsString(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  CreateAddressTemplateResponse createAddress(Call call, CreateAddressTemplateRequest r) {
    AddressTemplate a = templates.createAddressTemplate(call.scope(), r.getAddressTemplateName(), r.getAddresses(),
        addressMembers(r.getAddressesExtra()), Convert.tags(r.getTags()));
    return new CreateAddressTemplateResponse().setAddressTemplate(view(a));
  }

  DescribeAddressTemplatesResponse describeAddress(Call call, DescribeAddressTemplatesRequest r) {
    Page<AddressTemplate> p = templates.describeAddressTemplates(call.scope(), Convert.filters(r.getFilters()),
        Convert.number("Offset", r.getOffset()), Convert.number("Limit", r.getLimit()));
    return new DescribeAddressTemplatesResponse().setTotalCount(p.totalCount())
        .setAddressTemplateSet(p.items().stream().map(TemplateHandlers::view).toList());
  }

  ModifyAddressTemplateAttributeResponse modifyAddress(Call call, ModifyAddressTemplateAttributeRequest r) {
    templates.modifyAddressTemplate(call.scope(), r.getAddressTemplateId(), r.getAddressTemplateName(), r.getAddresses(),
        addressMembers(r.getAddressesExtra()));
    return new ModifyAddressTemplateAttributeResponse();
  }

  DeleteAddressTemplateResponse deleteAddress(Call call, DeleteAddressTemplateRequest r) {
    templates.delete(call.scope(), Kind.ADDRESS, r.getAddressTemplateId(), "AddressTemplateId");
    return new DeleteAddressTemplateResponse();
  }

  CreateAddressTemplateGroupResponse createAddressGroup(Call call, CreateAddressTemplateGroupRequest r) {
    AddressTemplateGroup g = templates.createAddressGroup(call.scope(), r.getAddressTemplateGroupName(),
        r.getAddressTemplateIds(), Convert.tags(r.getTags()));
    return new CreateAddressTemplateGroupResponse().setAddressTemplateGroup(view(templates.snapshot(call.scope()), g));
  }

  DescribeAddressTemplateGroupsResponse describeAddressGroups(Call call, DescribeAddressTemplateGroupsRequest r) {
    Page<AddressTemplateGroup> p = templates.describeAddressGroups(call.scope(), Convert.filters(r.getFilters()),
        Convert.number("Offset", r.getOffset()), Convert.number("Limit", r.getLimit()));
    Topology t = templates.snapshot(call.scope());
    return new DescribeAddressTemplateGroupsResponse().setTotalCount(p.totalCount())
        .setAddressTemplateGroupSet(p.items().stream().map(g -> view(t, g)).toList());
  }

  ModifyAddressTemplateGroupAttributeResponse modifyAddressGroup(Call call, ModifyAddressTemplateGroupAttributeRequest r) {
    templates.modifyAddressGroup(call.scope(), r.getAddressTemplateGroupId(), r.getAddressTemplateGroupName(),
        r.getAddressTemplateIds());
    return new ModifyAddressTemplateGroupAttributeResponse();
  }

  DeleteAddressTemplateGroupResponse deleteAddressGroup(Call call, DeleteAddressTemplateGroupRequest r) {
    templates.delete(call.scope(), Kind.ADDRESS_GROUP, r.getAddressTemplateGroupId(), "AddressTemplateGroupId");
    return new DeleteAddressTemplateGroupResponse();
  }

  CreateServiceTemplateResponse createService(Call call, CreateServiceTemplateRequest r) {
    ServiceTemplate s = templates.createServiceTemplate(call.scope(), r.getServiceTemplateName(), r.getServices(),
        serviceMembers(r.getServicesExtra()), Convert.tags(r.getTags()));
    return new CreateServiceTemplateResponse().setServiceTemplate(view(s));
  }

  DescribeServiceTemplatesResponse describeService(Call call, DescribeServiceTemplatesRequest r) {
    Page<ServiceTemplate> p = templates.describeServiceTemplates(call.scope(), Convert.filters(r.getFilters()),
        Convert.number("Offset", r.getOffset()), Convert.number("Limit", r.getLimit()));
    return new DescribeServiceTemplatesResponse().setTotalCount(p.totalCount())
        .setServiceTemplateSet(p.items().stream().map(TemplateHandlers::view).toList());
  }

  ModifyServiceTemplateAttributeResponse modifyService(Call call, ModifyServiceTemplateAttributeRequest r) {
    templates.modifyServiceTemplate(call.scope(), r.getServiceTemplateId(), r.getServiceTemplateName(), r.getServices(),
        serviceMembers(r.getServicesExtra()));
    return new ModifyServiceTemplateAttributeResponse();
  }

  DeleteServiceTemplateResponse deleteService(Call call, DeleteServiceTemplateRequest r) {
    templates.delete(call.scope(), Kind.SERVICE, r.getServiceTemplateId(), "ServiceTemplateId");
    return new DeleteServiceTemplateResponse();
  }

  CreateServiceTemplateGroupResponse createServiceGroup(Call call, CreateServiceTemplateGroupRequest r) {
    ServiceTemplateGroup g = templates.createServiceGroup(call.scope(), r.getServiceTemplateGroupName(),
        r.getServiceTemplateIds(), Convert.tags(r.getTags()));
    return new CreateServiceTemplateGroupResponse().setServiceTemplateGroup(view(templates.snapshot(call.scope()), g));
  }

  DescribeServiceTemplateGroupsResponse describeServiceGroups(Call call, DescribeServiceTemplateGroupsRequest r) {
    Page<ServiceTemplateGroup> p = templates.describeServiceGroups(call.scope(), Convert.filters(r.getFilters()),
        Convert.number("Offset", r.getOffset()), Convert.number("Limit", r.getLimit()));
    Topology t = templates.snapshot(call.scope());
    return new DescribeServiceTemplateGroupsResponse().setTotalCount(p.totalCount())
        .setServiceTemplateGroupSet(p.items().stream().map(g -> view(t, g)).toList());
  }

  ModifyServiceTemplateGroupAttributeResponse modifyServiceGroup(Call call, ModifyServiceTemplateGroupAttributeRequest r) {
    templates.modifyServiceGroup(call.scope(), r.getServiceTemplateGroupId(), r.getServiceTemplateGroupName(),
        r.getServiceTemplateIds());
    return new ModifyServiceTemplateGroupAttributeResponse();
  }

  DeleteServiceTemplateGroupResponse deleteServiceGroup(Call call, DeleteServiceTemplateGroupRequest r) {
    templates.delete(call.scope(), Kind.SERVICE_GROUP, r.getServiceTemplateGroupId(), "ServiceTemplateGroupId");
    return new DeleteServiceTemplateGroupResponse();
  }

  AddTemplateMemberResponse addMember(Call call, AddTemplateMemberRequest r) {
    templates.addMembers(call.scope(), r.getTemplateId(), members(r.getTemplateMember()));
    return new AddTemplateMemberResponse();
  }

  ModifyTemplateMemberResponse modifyMember(Call call, ModifyTemplateMemberRequest r) {
    templates.modifyMembers(call.scope(), r.getTemplateId(), members(r.getOriginalTemplateMember()),
        members(r.getTemplateMember()));
    return new ModifyTemplateMemberResponse();
  }

  DeleteTemplateMemberResponse deleteMember(Call call, DeleteTemplateMemberRequest r) {
    templates.deleteMembers(call.scope(), r.getTemplateId(), members(r.getTemplateMember()));
    return new DeleteTemplateMemberResponse();
  }

  DescribeTemplateLimitsResponse limits(Call call, DescribeTemplateLimitsRequest r) {
    long l = templates.memberLimit();
    return new DescribeTemplateLimitsResponse().setTemplateLimit(new TemplateLimit().setAddressTemplateMemberLimit(l)
        .setAddressTemplateGroupMemberLimit(l).setServiceTemplateMemberLimit(l).setServiceTemplateGroupMemberLimit(l));
  }

  private static List<TemplateMember> members(List<MemberInfo> m) {
    return m == null ? null : m.stream().map(i -> i == null ? new TemplateMember(null, null) : new TemplateMember(i.getMember(), i.getDescription())).toList();
  }

  private static List<TemplateMember> addressMembers(List<AddressInfo> m) {
    return m == null ? null : m.stream().map(i -> i == null ? new TemplateMember(null, null) : new TemplateMember(i.getAddress(), i.getDescription())).toList();
  }

  private static List<TemplateMember> serviceMembers(List<ServicesInfo> m) {
    return m == null ? null : m.stream().map(i -> i == null ? new TemplateMember(null, null) : new TemplateMember(i.getService(), i.getDescription())).toList();
  }

  static io.openvpc.api.types.vpc.AddressTemplate view(AddressTemplate a) {
    String time = Times.local(a.createdTime());
    return new io.openvpc.api.types.vpc.AddressTemplate().setAddressTemplateId(a.id()).setAddressTemplateName(a.name())
        .setAddressSet(a.members().stream().map(TemplateMember::value).toList())
        .setAddressExtraSet(a.members().stream().map(m -> new AddressInfo().setAddress(m.value())
            .setDescription(m.description()).setUpdatedTime(time)).toList())
        .setCreatedTime(time).setUpdatedTime(time).setTagSet(Convert.tagSet(a.tags()));
  }

  static io.openvpc.api.types.vpc.ServiceTemplate view(ServiceTemplate s) {
    String time = Times.local(s.createdTime());
    return new io.openvpc.api.types.vpc.ServiceTemplate().setServiceTemplateId(s.id()).setServiceTemplateName(s.name())
        .setServiceSet(s.members().stream().map(TemplateMember::value).toList())
        .setServiceExtraSet(s.members().stream().map(m -> new ServicesInfo().setService(m.value())
            .setDescription(m.description()).setUpdatedTime(time)).toList())
        .setCreatedTime(time).setUpdatedTime(time).setTagSet(Convert.tagSet(s.tags()));
  }

  static io.openvpc.api.types.vpc.AddressTemplateGroup view(Topology t, AddressTemplateGroup g) {
    String time = Times.local(g.createdTime());
    return new io.openvpc.api.types.vpc.AddressTemplateGroup().setAddressTemplateGroupId(g.id())
        .setAddressTemplateGroupName(g.name()).setAddressTemplateIdSet(g.addressTemplateIds())
        .setAddressTemplateSet(TemplateService.addressTemplates(t, g.addressTemplateIds()).stream()
            .map(a -> new AddressTemplateItem().setAddressTemplateId(a.id()).setAddressTemplateName(a.name())
                .setFrom("").setTo("") // deprecated members Tencent still answers, empty
                .setUpdatedTime(Times.local(a.createdTime()))).toList())
        .setCreatedTime(time).setUpdatedTime(time).setTagSet(Convert.tagSet(g.tags()));
  }

  static io.openvpc.api.types.vpc.ServiceTemplateGroup view(Topology t, ServiceTemplateGroup g) {
    String time = Times.local(g.createdTime());
    return new io.openvpc.api.types.vpc.ServiceTemplateGroup().setServiceTemplateGroupId(g.id())
        .setServiceTemplateGroupName(g.name()).setServiceTemplateIdSet(g.serviceTemplateIds())
        .setServiceTemplateSet(TemplateService.serviceTemplates(t, g.serviceTemplateIds()).stream()
            .map(TemplateHandlers::view).toList())
        .setCreatedTime(time).setUpdatedTime(time).setTagSet(Convert.tagSet(g.tags()));
  }
}
