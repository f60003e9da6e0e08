package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.AddressTemplateSpecification;
import io.openvpc.api.types.vpc.CloneSecurityGroupRequest;
import io.openvpc.api.types.vpc.CloneSecurityGroupResponse;
import io.openvpc.api.types.vpc.CreateDefaultSecurityGroupRequest;
import io.openvpc.api.types.vpc.CreateDefaultSecurityGroupResponse;
import io.openvpc.api.types.vpc.CreateSecurityGroupPoliciesRequest;
import io.openvpc.api.types.vpc.CreateSecurityGroupPoliciesResponse;
import io.openvpc.api.types.vpc.CreateSecurityGroupRequest;
import io.openvpc.api.types.vpc.CreateSecurityGroupResponse;
import io.openvpc.api.types.vpc.CreateSecurityGroupWithPoliciesRequest;
import io.openvpc.api.types.vpc.CreateSecurityGroupWithPoliciesResponse;
import io.openvpc.api.types.vpc.DeleteSecurityGroupPoliciesRequest;
import io.openvpc.api.types.vpc.DeleteSecurityGroupPoliciesResponse;
import io.openvpc.api.types.vpc.DeleteSecurityGroupRequest;
import io.openvpc.api.types.vpc.DeleteSecurityGroupResponse;
import io.openvpc.api.types.vpc.DescribeSecurityGroupAssociationStatisticsRequest;
import io.openvpc.api.types.vpc.DescribeSecurityGroupAssociationStatisticsResponse;
import io.openvpc.api.types.vpc.DescribeSecurityGroupLimitsRequest;
import io.openvpc.api.types.vpc.DescribeSecurityGroupLimitsResponse;
import io.openvpc.api.types.vpc.DescribeSecurityGroupExpandedPoliciesRequest;
import io.openvpc.api.types.vpc.DescribeSecurityGroupExpandedPoliciesResponse;
import io.openvpc.api.types.vpc.DescribeSecurityGroupPoliciesRequest;
import io.openvpc.api.types.vpc.DescribeSecurityGroupPoliciesResponse;
import io.openvpc.api.types.vpc.DescribeSecurityGroupReferencesRequest;
import io.openvpc.api.types.vpc.DescribeSecurityGroupReferencesResponse;
import io.openvpc.api.types.vpc.DescribeSecurityGroupsRequest;
import io.openvpc.api.types.vpc.DescribeSecurityGroupsResponse;
import io.openvpc.api.types.vpc.InstanceStatistic;
import io.openvpc.api.types.vpc.ModifySecurityGroupAttributeRequest;
import io.openvpc.api.types.vpc.ModifySecurityGroupAttributeResponse;
import io.openvpc.api.types.vpc.ModifySecurityGroupPoliciesRequest;
import io.openvpc.api.types.vpc.ModifySecurityGroupPoliciesResponse;
import io.openvpc.api.types.vpc.PolicyStatistics;
import io.openvpc.api.types.vpc.ReferredSecurityGroup;
import io.openvpc.api.types.vpc.ReplaceSecurityGroupPoliciesRequest;
import io.openvpc.api.types.vpc.ReplaceSecurityGroupPoliciesResponse;
import io.openvpc.api.types.vpc.ReplaceSecurityGroupPolicyRequest;
import io.openvpc.api.types.vpc.ReplaceSecurityGroupPolicyResponse;
import io.openvpc.api.types.vpc.SecurityGroupAssociationStatistics;
import io.openvpc.api.types.vpc.SecurityGroupLimitSet;
import io.openvpc.api.types.vpc.SecurityGroupPolicySet;
import io.openvpc.api.types.vpc.ServiceTemplateSpecification;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.security.PolicyFilters;
import io.openvpc.control.security.PolicyInput;
import io.openvpc.control.security.SecurityGroupPolicyService;
import io.openvpc.control.security.SecurityGroupService;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Security groups: the groups, their rules (create, replace, modify, delete, describe), references,
 * association statistics and limits. (ENIs bind groups in NetworkInterfaceHandlers.)
 */
public final class SecurityGroupHandlers implements HandlerFamily {
  private final SecurityGroupService groups;
  private final SecurityGroupPolicyService policies;

  public SecurityGroupHandlers(SecurityGroupService groups, SecurityGroupPolicyService policies) {
    this.groups = groups;
    this.policies = policies;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateSecurityGroup, this::create)
        .on(VpcActions.CreateSecurityGroupWithPolicies, this::createWithPolicies)
        .on(VpcActions.CreateDefaultSecurityGroup, this::createDefault)
        .on(VpcActions.DescribeSecurityGroups, this::describe)
        .on(VpcActions.ModifySecurityGroupAttribute, this::modifyAttribute)
        .on(VpcActions.DeleteSecurityGroup, this::delete)
        .on(VpcActions.CloneSecurityGroup, this::cloneGroup)
        .on(VpcActions.CreateSecurityGroupPolicies, this::createPolicies)
        .on(VpcActions.ReplaceSecurityGroupPolicy, this::replacePolicy)
        .on(VpcActions.ReplaceSecurityGroupPolicies, this::replacePolicies)
        .on(VpcActions.ModifySecurityGroupPolicies, this::modifyPolicies)
        .on(VpcActions.DeleteSecurityGroupPolicies, this::deletePolicies)
        .on(VpcActions.DescribeSecurityGroupPolicies, this::describePolicies)
        .on(VpcActions.DescribeSecurityGroupExpandedPolicies, this::describeExpandedPolicies)
        .on(VpcActions.DescribeSecurityGroupReferences, this::references)
        .on(VpcActions.DescribeSecurityGroupAssociationStatistics, this::statistics)
        .on(VpcActions.DescribeSecurityGroupLimits, this::limits);
  }

  CreateSecurityGroupResponse create(Call call, CreateSecurityGroupRequest r) {
    SecurityGroup g = groups.create(call.scope(), new SecurityGroupService.GroupSpec(r.getGroupName(),
        r.getGroupDescription(), r.getProjectId(), Convert.tags(r.getTags()), null));
    return new CreateSecurityGroupResponse().setSecurityGroup(view(g));
  }

  CreateSecurityGroupWithPoliciesResponse createWithPolicies(Call call, CreateSecurityGroupWithPoliciesRequest r) {
    SecurityGroup g = groups.create(call.scope(), new SecurityGroupService.GroupSpec(r.getGroupName(),
        r.getGroupDescription(), r.getProjectId(), Convert.tags(r.getTags()), input(r.getSecurityGroupPolicySet())));
    return new CreateSecurityGroupWithPoliciesResponse().setSecurityGroup(view(g));
  }

  CreateDefaultSecurityGroupResponse createDefault(Call call, CreateDefaultSecurityGroupRequest r) {
    return new CreateDefaultSecurityGroupResponse().setSecurityGroup(view(groups.createDefault(call.scope(),
        r.getProjectId())));
  }

  DescribeSecurityGroupsResponse describe(Call call, DescribeSecurityGroupsRequest r) {
    Page<SecurityGroup> page = groups.describe(call.scope(), r.getSecurityGroupIds(), Convert.filters(r.getFilters()),
        Convert.number("Offset", r.getOffset()), Convert.number("Limit", r.getLimit()), r.getOrderField(),
        r.getOrderDirection());
    return new DescribeSecurityGroupsResponse().setTotalCount(page.totalCount())
        .setSecurityGroupSet(page.items().stream().map(SecurityGroupHandlers::view).toList());
  }

  ModifySecurityGroupAttributeResponse modifyAttribute(Call call, ModifySecurityGroupAttributeRequest r) {
    groups.modifyAttribute(call.scope(), r.getSecurityGroupId(), r.getGroupName(), r.getGroupDescription());
    return new ModifySecurityGroupAttributeResponse();
  }

  DeleteSecurityGroupResponse delete(Call call, DeleteSecurityGroupRequest r) {
    groups.delete(call.scope(), r.getSecurityGroupId());
    return new DeleteSecurityGroupResponse();
  }

  CloneSecurityGroupResponse cloneGroup(Call call, CloneSecurityGroupRequest r) {
    SecurityGroup g = groups.cloneGroup(call.scope(), r.getSecurityGroupId(), r.getGroupName(), r.getGroupDescription(),
        r.getProjectId(), r.getRemoteRegion(), Convert.tags(r.getTags()), r.getIsCloneTags());
    return new CloneSecurityGroupResponse().setSecurityGroup(view(g));
  }

  CreateSecurityGroupPoliciesResponse createPolicies(Call call, CreateSecurityGroupPoliciesRequest r) {
    policies.create(call.scope(), r.getSecurityGroupId(), input(r.getSecurityGroupPolicySet()));
    return new CreateSecurityGroupPoliciesResponse();
  }

  ReplaceSecurityGroupPolicyResponse replacePolicy(Call call, ReplaceSecurityGroupPolicyRequest r) {
    policies.replaceOne(call.scope(), r.getSecurityGroupId(), input(r.getSecurityGroupPolicySet()),
        input(r.getOriginalSecurityGroupPolicySet()));
    return new ReplaceSecurityGroupPolicyResponse();
  }

  ReplaceSecurityGroupPoliciesResponse replacePolicies(Call call, ReplaceSecurityGroupPoliciesRequest r) {
    policies.replaceMany(call.scope(), r.getSecurityGroupId(), input(r.getSecurityGroupPolicySet()),
        input(r.getOriginalSecurityGroupPolicySet()));
    return new ReplaceSecurityGroupPoliciesResponse();
  }

  ModifySecurityGroupPoliciesResponse modifyPolicies(Call call, ModifySecurityGroupPoliciesRequest r) {
    policies.modify(call.scope(), r.getSecurityGroupId(), input(r.getSecurityGroupPolicySet()), r.getSortPolicys());
    return new ModifySecurityGroupPoliciesResponse();
  }

  DeleteSecurityGroupPoliciesResponse deletePolicies(Call call, DeleteSecurityGroupPoliciesRequest r) {
    policies.delete(call.scope(), r.getSecurityGroupId(), input(r.getSecurityGroupPolicySet()));
    return new DeleteSecurityGroupPoliciesResponse();
  }

  DescribeSecurityGroupPoliciesResponse describePolicies(Call call, DescribeSecurityGroupPoliciesRequest r) {
    return new DescribeSecurityGroupPoliciesResponse().setSecurityGroupPolicySet(policySet(
        policies.describe(call.scope(), r.getSecurityGroupId(), Convert.filters(r.getFilters()))));
  }

  DescribeSecurityGroupExpandedPoliciesResponse describeExpandedPolicies(Call call,
      DescribeSecurityGroupExpandedPoliciesRequest r) {
    return new DescribeSecurityGroupExpandedPoliciesResponse().setSecurityGroupPolicySet(policySet(
        policies.describeExpanded(call.scope(), r.getSecurityGroupId(), Convert.filters(r.getFilters()))));
  }

  /** A listing of rules in the API shape; the statistics count the group's rules as written. */
  private static SecurityGroupPolicySet policySet(PolicyFilters.Listing l) {
    SecurityGroup g = l.group();
    PolicyStatistics stats = new PolicyStatistics()
        .setIngressIPv4TotalCount(g.ingress().stream().filter(p -> !p.isIpv6()).count())
        .setIngressIPv6TotalCount(g.ingress().stream().filter(SecurityGroupPolicy::isIpv6).count())
        .setEgressIPv4TotalCount(g.egress().stream().filter(p -> !p.isIpv6()).count())
        .setEgressIPv6TotalCount(g.egress().stream().filter(SecurityGroupPolicy::isIpv6).count());
    return new SecurityGroupPolicySet()
        .setVersion(Long.toString(g.version()))
        .setIngress(l.ingress().stream().map(i -> policyView(i.index(), i.policy())).toList())
        .setEgress(l.egress().stream().map(i -> policyView(i.index(), i.policy())).toList())
        .setPolicyStatistics(stats);
  }

  DescribeSecurityGroupReferencesResponse references(Call call, DescribeSecurityGroupReferencesRequest r) {
    List<ReferredSecurityGroup> set = new ArrayList<>();
    groups.references(call.scope(), r.getSecurityGroupIds()).forEach((id, refs) ->
        set.add(new ReferredSecurityGroup().setSecurityGroupId(id).setReferredSecurityGroupIds(refs)));
    return new DescribeSecurityGroupReferencesResponse().setReferredSecurityGroupSet(set);
  }

  DescribeSecurityGroupAssociationStatisticsResponse statistics(Call call,
      DescribeSecurityGroupAssociationStatisticsRequest r) {
    return new DescribeSecurityGroupAssociationStatisticsResponse().setSecurityGroupAssociationStatisticsSet(
        groups.statistics(call.scope(), r.getSecurityGroupIds()).stream().map(s -> new SecurityGroupAssociationStatistics()
            .setSecurityGroupId(s.groupId()).setCVM(s.cvm()).setENI(s.eni()).setSG(s.referringGroups()).setCDB(0L)
            .setCLB(0L).setTotalCount(s.total())
            .setInstanceStatistics(List.of(
                new InstanceStatistic().setInstanceType("CVM").setInstanceCount(s.cvm()),
                new InstanceStatistic().setInstanceType("ENI").setInstanceCount(s.eni()))))
            .toList());
  }

  DescribeSecurityGroupLimitsResponse limits(Call call, DescribeSecurityGroupLimitsRequest r) {
    SecurityGroupService.Limits l = groups.limits();
    return new DescribeSecurityGroupLimitsResponse().setSecurityGroupLimitSet(new SecurityGroupLimitSet()
        .setSecurityGroupLimit(l.groups()).setSecurityGroupPolicyLimit(l.policies())
        .setReferedSecurityGroupLimit(l.referredGroups()).setSecurityGroupInstanceLimit(l.instancesPerGroup())
        .setInstanceSecurityGroupLimit(l.groupsPerInstance()).setSecurityGroupExtendedPolicyLimit(l.policies())
        .setSecurityGroupReferedCvmAndEniLimit(l.instancesPerGroup()).setSecurityGroupReferedSvcLimit(l.instancesPerGroup()));
  }

  /** The API shape of a group. */
  public static io.openvpc.api.types.vpc.SecurityGroup view(SecurityGroup g) {
    return new io.openvpc.api.types.vpc.SecurityGroup()
        .setSecurityGroupId(g.id())
        .setSecurityGroupName(g.name())
        .setSecurityGroupDesc(g.description())
        .setProjectId(g.projectId())
        .setIsDefault(g.isDefault())
        .setCreatedTime(Times.local(g.createdTime()))
        .setUpdateTime(Times.local(g.updateTime()))
        .setTagSet(Convert.tagSet(g.tags()));
  }

  /** The API shape of a rule at its 0-based position. */
  public static io.openvpc.api.types.vpc.SecurityGroupPolicy policyView(int index, SecurityGroupPolicy p) {
    io.openvpc.api.types.vpc.SecurityGroupPolicy v = new io.openvpc.api.types.vpc.SecurityGroupPolicy()
        .setPolicyIndex((long) index)
        .setPriority((long) index + 1)
        .setProtocol(p.protocol().equals("ICMPV6") ? "ICMPv6" : p.protocol())
        .setPort(p.port())
        .setCidrBlock(p.cidrBlock())
        .setIpv6CidrBlock(p.ipv6CidrBlock())
        .setSecurityGroupId(p.securityGroupId())
        .setAction(p.action())
        .setPolicyDescription(p.description())
        .setModifyTime(Times.local(p.modifyTime()))
        .setServiceTemplate(new ServiceTemplateSpecification().setServiceId(p.serviceTemplateId())
            .setServiceGroupId(p.serviceTemplateGroupId()))
        .setAddressTemplate(new AddressTemplateSpecification().setAddressId(p.addressTemplateId())
            .setAddressGroupId(p.addressTemplateGroupId()));
    return v;
  }

  /** A request's policy set as the control plane takes it ({@code null} stays {@code null}). */
  public static PolicyInput.Set input(SecurityGroupPolicySet s) {
    if (s == null) {
      return null;
    }
    return new PolicyInput.Set(s.getVersion(), rules(s.getIngress()), rules(s.getEgress()));
  }

  private static List<PolicyInput> rules(List<io.openvpc.api.types.vpc.SecurityGroupPolicy> list) {
    if (list == null) {
      return List.of();
    }
    return list.stream().map(p -> p == null ? new io.openvpc.api.types.vpc.SecurityGroupPolicy() : p).map(p -> new PolicyInput(p.getPolicyIndex(), p.getProtocol(), p.getPort(),
        p.getServiceTemplate() == null ? null : p.getServiceTemplate().getServiceId(),
        p.getServiceTemplate() == null ? null : p.getServiceTemplate().getServiceGroupId(),
        p.getCidrBlock(), p.getIpv6CidrBlock(), p.getSecurityGroupId(),
        p.getAddressTemplate() == null ? null : p.getAddressTemplate().getAddressId(),
        p.getAddressTemplate() == null ? null : p.getAddressTemplate().getAddressGroupId(),
        p.getAction(), p.getPolicyDescription())).toList();
  }
}
