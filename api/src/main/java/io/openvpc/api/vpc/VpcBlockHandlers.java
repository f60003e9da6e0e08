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
import java.util.List;

/** Secondary IPv4 blocks (the *AssistantCidr actions) and the VPC's IPv6 block. */
public final class VpcBlockHandlers implements HandlerFamily {
  private final VpcBlockService blocks;

  public VpcBlockHandlers(VpcBlockService blocks) {
    this.blocks = blocks;
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
    return new CreateAssistantCidrResponse().setAssistantCidrSet(set(v, r.getCidrBlocks()));
  }

  DeleteAssistantCidrResponse delete(Call call, DeleteAssistantCidrRequest r) {
    blocks.removeSecondary(call.scope(), r.getVpcId(), r.getCidrBlocks());
    return new DeleteAssistantCidrResponse();
  }

  ModifyAssistantCidrResponse modify(Call call, ModifyAssistantCidrRequest r) {
    Vpc v = blocks.replaceSecondary(call.scope(), r.getVpcId(), r.getNewCidrBlocks(), r.getOldCidrBlocks());
    return new ModifyAssistantCidrResponse().setAssistantCidrSet(set(v, null));
  }

  DescribeAssistantCidrResponse describe(Call call, DescribeAssistantCidrRequest r) {
    Page<VpcBlockService.SecondaryBlock> page = blocks.describeSecondary(call.scope(), r.getVpcIds(),
        Convert.filters(r.getFilters()), r.getOffset(), r.getLimit());
    return new DescribeAssistantCidrResponse().setTotalCount(page.totalCount())
        .setAssistantCidrSet(page.items().stream().map(b -> view(b.vpc(), b.block())).toList());
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
  private static List<AssistantCidr> set(Vpc v, List<String> only) {
    return v.secondaryCidrBlocks().stream()
        .filter(c -> only == null || only.stream().anyMatch(o -> Cidr.isValid(o) && Cidr.parseLenient(o).equals(c)))
        .map(c -> view(v, c)).toList();
  }

  static AssistantCidr view(Vpc v, Cidr c) {
    return new AssistantCidr().setVpcId(v.id()).setCidrBlock(c.toString()).setAssistantType(0L);
  }
}
