package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.CreateVpcRequest;
import io.openvpc.api.types.vpc.CreateVpcResponse;
import io.openvpc.api.types.vpc.DeleteVpcRequest;
import io.openvpc.api.types.vpc.DeleteVpcResponse;
import io.openvpc.api.types.vpc.DescribeVpcLimitsRequest;
import io.openvpc.api.types.vpc.DescribeVpcLimitsResponse;
import io.openvpc.api.types.vpc.DescribeVpcsRequest;
import io.openvpc.api.types.vpc.DescribeVpcsResponse;
import io.openvpc.api.types.vpc.ModifyVpcAttributeRequest;
import io.openvpc.api.types.vpc.ModifyVpcAttributeResponse;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.api.types.vpc.VpcLimit;
import io.openvpc.control.Page;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.Cidr;
import io.openvpc.model.Vpc;
import io.openvpc.model.Topology;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** CreateVpc, DescribeVpcs, ModifyVpcAttribute, DeleteVpc and DescribeVpcLimits. */
public final class VpcHandlers implements HandlerFamily {
  private final VpcService vpcs;

  private final Function<Call, Topology> topology;

  public VpcHandlers(VpcService vpcs, Function<Call, Topology> topology) {
    this.vpcs = vpcs;
    this.topology = topology;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateVpc, this::create)
        .on(VpcActions.DescribeVpcs, this::describe)
        .on(VpcActions.ModifyVpcAttribute, this::modify)
        .on(VpcActions.DeleteVpc, this::delete)
        .on(VpcActions.DescribeVpcLimits, this::limits);
  }

  CreateVpcResponse create(Call call, CreateVpcRequest r) {
    Vpc vpc = vpcs.create(call.scope(), new VpcService.VpcSpec(r.getVpcName(), r.getCidrBlock(),
        r.getEnableMulticast(), r.getDnsServers(), r.getDomainName(), Convert.tags(r.getTags()),
        r.getEnableRouteVpcPublish()));
    return new CreateVpcResponse().setVpc(view(vpc, null, Map.of()));
  }

  DescribeVpcsResponse describe(Call call, DescribeVpcsRequest r) {
    Page<Vpc> page = vpcs.describe(call.scope(), r.getVpcIds(), Convert.filters(r.getFilters()),
        Convert.number("Offset", r.getOffset()), Convert.number("Limit", r.getLimit()));
    Topology t = page.items().stream().anyMatch(v -> !v.secondaryCidrBlocks().isEmpty()) ? topology.apply(call) : null;
    Map<String, Long> used = t == null ? Map.of() : SubnetHandlers.usedInVpcs(t, page.items());
    return new DescribeVpcsResponse().setTotalCount(page.totalCount())
        .setVpcSet(page.items().stream().map(v -> view(v, t, used)).toList());
  }

  ModifyVpcAttributeResponse modify(Call call, ModifyVpcAttributeRequest r) {
    vpcs.modify(call.scope(), r.getVpcId(), new VpcService.VpcChanges(r.getVpcName(), r.getEnableMulticast(),
        r.getDnsServers(), r.getDomainName(), r.getEnableRouteVpcPublish()));
    return new ModifyVpcAttributeResponse();
  }

  DeleteVpcResponse delete(Call call, DeleteVpcRequest r) {
    vpcs.delete(call.scope(), r.getVpcId());
    return new DeleteVpcResponse();
  }

  DescribeVpcLimitsResponse limits(Call call, DescribeVpcLimitsRequest r) {
    List<VpcLimit> set = vpcs.limits(r.getLimitTypes()).entrySet().stream()
        .map(e -> new VpcLimit().setLimitType(e.getKey()).setLimitValue(e.getValue())).toList();
    return new DescribeVpcLimitsResponse().setVpcLimitSet(set);
  }

  /** The API shape of a VPC; {@code t} gives its secondary blocks' subnets (a new VPC, without any, needs none). */
  public static io.openvpc.api.types.vpc.Vpc view(Vpc v, Topology t, Map<String, Long> used) {
    return new io.openvpc.api.types.vpc.Vpc()
        .setVpcId(v.id())
        .setVpcName(v.name())
        .setCidrBlock(v.cidrBlock().toString())
        .setIsDefault(v.isDefault())
        .setEnableMulticast(v.enableMulticast())
        .setCreatedTime(Times.local(v.createdTime()))
        .setDnsServerSet(v.dnsServers())
        .setDomainName(v.domainName())
        .setDhcpOptionsId("")
        .setEnableDhcp(true)
        .setIpv6CidrBlock(v.ipv6CidrBlock() == null ? "" : v.ipv6CidrBlock().toString())
        .setTagSet(Convert.tagSet(v.tags()))
        .setAssistantCidrSet(v.secondaryCidrBlocks().stream().map(c -> VpcBlockHandlers.view(t, v, c, used)).toList())
        .setEnableRouteVpcPublish(v.enableRouteVpcPublish())
        .setIpv6CidrBlockSet(List.of())
        .setEnableRouteVpcPublishIpv6(false);
  }

  static String text(Cidr c) {
    return c == null ? "" : c.toString();
  }
}
