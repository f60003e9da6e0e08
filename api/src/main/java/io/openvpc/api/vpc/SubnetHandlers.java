package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.AssignIpv6SubnetCidrBlockRequest;
import io.openvpc.api.types.vpc.AssignIpv6SubnetCidrBlockResponse;
import io.openvpc.api.types.vpc.CreateSubnetRequest;
import io.openvpc.api.types.vpc.CreateSubnetResponse;
import io.openvpc.api.types.vpc.CreateSubnetsRequest;
import io.openvpc.api.types.vpc.CreateSubnetsResponse;
import io.openvpc.api.types.vpc.DeleteSubnetRequest;
import io.openvpc.api.types.vpc.DeleteSubnetResponse;
import io.openvpc.api.types.vpc.DescribeSubnetsRequest;
import io.openvpc.api.types.vpc.DescribeSubnetsResponse;
import io.openvpc.api.types.vpc.Ipv6SubnetCidrBlock;
import io.openvpc.api.types.vpc.ModifySubnetAttributeRequest;
import io.openvpc.api.types.vpc.ModifySubnetAttributeResponse;
import io.openvpc.api.types.vpc.UnassignIpv6SubnetCidrBlockRequest;
import io.openvpc.api.types.vpc.UnassignIpv6SubnetCidrBlockResponse;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.address.PrivateAddresses;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.subnet.SubnetService.SubnetView;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import java.util.List;
import java.util.Map;

/** CreateSubnet(s), DescribeSubnets, ModifySubnetAttribute, DeleteSubnet and the subnets' IPv6 blocks. */
public final class SubnetHandlers implements HandlerFamily {
  private final SubnetService subnets;

  public SubnetHandlers(SubnetService subnets) {
    this.subnets = subnets;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateSubnet, this::create)
        .on(VpcActions.CreateSubnets, this::createAll)
        .on(VpcActions.DescribeSubnets, this::describe)
        .on(VpcActions.ModifySubnetAttribute, this::modify)
        .on(VpcActions.DeleteSubnet, this::delete)
        .on(VpcActions.AssignIpv6SubnetCidrBlock, this::assignIpv6)
        .on(VpcActions.UnassignIpv6SubnetCidrBlock, this::unassignIpv6);
  }

  CreateSubnetResponse create(Call call, CreateSubnetRequest r) {
    SubnetView v = subnets.create(call.scope(), r.getVpcId(),
        new SubnetService.SubnetSpec(r.getSubnetName(), r.getCidrBlock(), r.getZone(), null), Convert.tags(r.getTags()));
    return new CreateSubnetResponse().setSubnet(view(v));
  }

  CreateSubnetsResponse createAll(Call call, CreateSubnetsRequest r) {
    List<SubnetService.SubnetSpec> specs = r.getSubnets() == null ? null : r.getSubnets().stream()
        .map(s -> new SubnetService.SubnetSpec(s.getSubnetName(), s.getCidrBlock(), s.getZone(), s.getRouteTableId()))
        .toList();
    List<SubnetView> created = subnets.createAll(call.scope(), r.getVpcId(), specs, Convert.tags(r.getTags()), "Subnets.");
    return new CreateSubnetsResponse().setSubnetSet(created.stream().map(SubnetHandlers::view).toList());
  }

  DescribeSubnetsResponse describe(Call call, DescribeSubnetsRequest r) {
    Long offset = Convert.number("Offset", r.getOffset());
    Long limit = Convert.number("Limit", r.getLimit());
    if (r.getNextToken() != null && !r.getNextToken().isEmpty()) {
      offset = Convert.number("NextToken", r.getNextToken());
    }
    if (r.getMaxResults() != null) {
      limit = r.getMaxResults();
    }
    Page<SubnetView> page = subnets.describe(call.scope(), r.getSubnetIds(), Convert.filters(r.getFilters()), offset, limit);
    long next = (offset == null ? 0 : offset) + page.items().size();
    return new DescribeSubnetsResponse().setTotalCount(page.totalCount())
        .setSubnetSet(page.items().stream().map(SubnetHandlers::view).toList())
        .setNextToken(r.getMaxResults() != null && next < page.totalCount() ? Long.toString(next) : null);
  }

  ModifySubnetAttributeResponse modify(Call call, ModifySubnetAttributeRequest r) {
    subnets.modify(call.scope(), r.getSubnetId(), r.getSubnetName(), r.getEnableBroadcast());
    return new ModifySubnetAttributeResponse();
  }

  DeleteSubnetResponse delete(Call call, DeleteSubnetRequest r) {
    subnets.delete(call.scope(), r.getSubnetId());
    return new DeleteSubnetResponse();
  }

  AssignIpv6SubnetCidrBlockResponse assignIpv6(Call call, AssignIpv6SubnetCidrBlockRequest r) {
    List<Map.Entry<String, String>> blocks = r.getIpv6SubnetCidrBlocks().stream()
        .map(b -> Map.entry(b.getSubnetId(), b.getIpv6CidrBlock() == null ? "" : b.getIpv6CidrBlock())).toList();
    List<Subnet> changed = subnets.assignIpv6(call.scope(), r.getVpcId(), blocks);
    return new AssignIpv6SubnetCidrBlockResponse().setIpv6SubnetCidrBlockSet(changed.stream()
        .map(s -> new Ipv6SubnetCidrBlock().setSubnetId(s.id()).setIpv6CidrBlock(s.ipv6CidrBlock().toString())).toList());
  }

  UnassignIpv6SubnetCidrBlockResponse unassignIpv6(Call call, UnassignIpv6SubnetCidrBlockRequest r) {
    subnets.unassignIpv6(call.scope(), r.getVpcId(),
        r.getIpv6SubnetCidrBlocks().stream().map(Ipv6SubnetCidrBlock::getSubnetId).toList());
    return new UnassignIpv6SubnetCidrBlockResponse();
  }

  /**
   * The subnets of {@code vpc} inside {@code block} (a secondary block's {@code SubnetSet}), newest first
   * as DescribeSubnets lists them; {@code used} as {@link PrivateAddresses#usedIpv4Counts} gives it.
   */
  /** The taken IPv4 addresses per subnet of the given VPCs (what {@link #within} needs for their blocks). */
  public static java.util.Map<String, Long> usedInVpcs(Topology t, java.util.Collection<io.openvpc.model.Vpc> vpcs) {
    List<Subnet> subnets = new java.util.ArrayList<>();
    vpcs.stream().map(io.openvpc.model.Vpc::id).distinct()
        .forEach(id -> subnets.addAll(t.by(io.openvpc.model.Indexes.SUBNET_BY_VPC, id)));
    return PrivateAddresses.usedIpv4Counts(t, subnets);
  }

  public static List<io.openvpc.api.types.vpc.Subnet> within(Topology t, io.openvpc.model.Vpc vpc, io.openvpc.model.Cidr block,
      java.util.Map<String, Long> used) {
    return t.by(io.openvpc.model.Indexes.SUBNET_BY_VPC, vpc.id()).stream().filter(s -> block.contains(s.cidrBlock()))
        .sorted(java.util.Comparator.comparing(Subnet::createdTime).reversed().thenComparing(Subnet::id))
        .map(s -> view(new SubnetView(s, PrivateAddresses.available(s, used)))).toList();
  }

  /** The API shape of a subnet. */
  public static io.openvpc.api.types.vpc.Subnet view(SubnetView v) {
    Subnet s = v.subnet();
    return new io.openvpc.api.types.vpc.Subnet()
        .setVpcId(s.vpcId())
        .setSubnetId(s.id())
        .setSubnetName(s.name())
        .setCidrBlock(s.cidrBlock().toString())
        .setIsDefault(s.isDefault())
        .setEnableBroadcast(s.enableBroadcast())
        .setZone(s.zone())
        .setRouteTableId(s.routeTableId())
        .setCreatedTime(Times.local(s.createdTime()))
        .setAvailableIpAddressCount(v.availableIpAddressCount())
        .setIpv6CidrBlock(VpcHandlers.text(s.ipv6CidrBlock()))
        .setNetworkAclId(s.networkAclId())
        .setIsRemoteVpcSnat(false)
        .setTotalIpAddressCount(s.totalIpAddressCount())
        .setTagSet(Convert.tagSet(s.tags()))
        .setCdcId("")
        .setIsCdcSubnet(0L);
  }
}
