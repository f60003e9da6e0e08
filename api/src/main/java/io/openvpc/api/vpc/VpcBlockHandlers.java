package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.types.vpc.AssignIpv6CidrBlockRequest;
import io.openvpc.api.types.vpc.AssignIpv6CidrBlockResponse;
import io.openvpc.api.types.vpc.AssistantCidr;
import io.openvpc.api.types.vpc.CreateAssistantCidrRequest;
import io.openvpc.api.types.vpc.CreateAssistantCidrResponse;
import io.openvpc.api.types.vpc.DeleteAssistantCidrRequest;
import io.openvpc.api.types.vpc.DeleteAssistantCidrResponse;
import io.openvpc.api.types.vpc.DescribeAssistantCidrRequest;
import io.openvpc.api.types.vpc.DescribeAssistantCidrResponse;
import io.openvpc.api.types.vpc.ModifyAssistantCidrRequest;
import io.openvpc.api.types.vpc.ModifyAssistantCidrResponse;
import io.openvpc.api.types.vpc.UnassignIpv6CidrBlockRequest;
import io.openvpc.api.types.vpc.UnassignIpv6CidrBlockResponse;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.vpc.VpcBlockService;
import io.openvpc.model.Cidr;
import io.openvpc.model.Vpc;
import io.openvpc.model.Topology;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Secondary IPv4 blocks (the *AssistantCidr actions) and the VPC's IPv6 block. */
public final class VpcBlockHandlers implements HandlerFamily {
  private final VpcBlockService blocks;
  private final Function<Call, Topology> topology;

  public VpcBlockHandlers(VpcBlockService blocks, Function<Call, Topology> topology) {
    this.blocks = blocks;
    this.topology = topology;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateAssistantCidr, this::create)
        .on(VpcActions.DeleteAssistantCidr, this::delete)
        .on(VpcActions.ModifyAssistantCidr, this::modify)
        .on(VpcActions.DescribeAssistantCidr, this::describe)
        .on(VpcActions.AssignIpv6CidrBlock, this::assignIpv6)
        .on(VpcActions.UnassignIpv6CidrBlock, this::unassignIpv6);
  }

  CreateAssistantCidrResponse create(Call call, CreateAssistantCidrRequest r) {
    Vpc v = blocks.addSecondary(call.scope(), r.getVpcId(), r.getCidrBlocks());
    return new CreateAssistantCidrResponse().setAssistantCidrSet(set(topology.apply(call), v, r.getCidrBlocks()));
  }

  DeleteAssistantCidrResponse delete(Call call, DeleteAssistantCidrRequest r) {
    blocks.removeSecondary(call.scope(), r.getVpcId(), r.getCidrBlocks());
    return new DeleteAssistantCidrResponse();
  }

  ModifyAssistantCidrResponse modify(Call call, ModifyAssistantCidrRequest r) {
    Vpc v = blocks.replaceSecondary(call.scope(), r.getVpcId(), r.getNewCidrBlocks(), r.getOldCidrBlocks());
    return new ModifyAssistantCidrResponse().setAssistantCidrSet(set(topology.apply(call), v, null));
  }

  DescribeAssistantCidrResponse describe(Call call, DescribeAssistantCidrRequest r) {
    Page<VpcBlockService.SecondaryBlock> page = blocks.describeSecondary(call.scope(), r.getVpcIds(),
        Convert.filters(r.getFilters()), r.getOffset(), r.getLimit());
    Topology t = topology.apply(call);
    Map<String, Long> used = SubnetHandlers.usedInVpcs(t, page.items().stream().map(VpcBlockService.SecondaryBlock::vpc).toList());
    return new DescribeAssistantCidrResponse().setTotalCount(page.totalCount())
        .setAssistantCidrSet(page.items().stream().map(b -> view(t, b.vpc(), b.block(), used)).toList());
  }

  AssignIpv6CidrBlockResponse assignIpv6(Call call, AssignIpv6CidrBlockRequest r) {
    Vpc v = blocks.assignIpv6(call.scope(), r.getVpcId(), r.getAddressType());
    return new AssignIpv6CidrBlockResponse().setIpv6CidrBlock(v.ipv6CidrBlock().toString()).setAddressType("ULA");
  }

  UnassignIpv6CidrBlockResponse unassignIpv6(Call call, UnassignIpv6CidrBlockRequest r) {
    blocks.unassignIpv6(call.scope(), r.getVpcId(), r.getIpv6CidrBlock());
    return new UnassignIpv6CidrBlockResponse();
  }

  /** The VPC's secondary blocks, or only those named in {@code only}. */
  private static List<AssistantCidr> set(Topology t, Vpc v, List<String> only) {
    Map<String, Long> used = SubnetHandlers.usedInVpcs(t, List.of(v));
    return v.secondaryCidrBlocks().stream()
        .filter(c -> only == null || only.stream().anyMatch(o -> Cidr.isValid(o) && Cidr.parseLenient(o).equals(c)))
        .map(c -> view(t, v, c, used)).toList();
  }

  /** A secondary block with the subnets carved from it (Tencent's {@code SubnetSet}). */
  static AssistantCidr view(Topology t, Vpc v, Cidr c, Map<String, Long> used) {
    return new AssistantCidr().setVpcId(v.id()).setCidrBlock(c.toString()).setAssistantType(0L)
        .setSubnetSet(SubnetHandlers.within(t, v, c, used));
  }
}
