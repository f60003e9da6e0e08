package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.AssociateHaVipInstanceRequest;
import io.openvpc.api.types.vpc.AssociateHaVipInstanceResponse;
import io.openvpc.api.types.vpc.CreateHaVipRequest;
import io.openvpc.api.types.vpc.CreateHaVipResponse;
import io.openvpc.api.types.vpc.DeleteHaVipRequest;
import io.openvpc.api.types.vpc.DeleteHaVipResponse;
import io.openvpc.api.types.vpc.DescribeHaVipsRequest;
import io.openvpc.api.types.vpc.DescribeHaVipsResponse;
import io.openvpc.api.types.vpc.DisassociateHaVipInstanceRequest;
import io.openvpc.api.types.vpc.DisassociateHaVipInstanceResponse;
import io.openvpc.api.types.vpc.HaVipAssociation;
import io.openvpc.api.types.vpc.ModifyHaVipAttributeRequest;
import io.openvpc.api.types.vpc.ModifyHaVipAttributeResponse;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.havip.HaVipService;
import io.openvpc.model.HaVip;
import java.util.List;

/** CreateHaVip, DescribeHaVips, ModifyHaVipAttribute, DeleteHaVip and the announcing ENI (Associate/DisassociateHaVipInstance). */
public final class HaVipHandlers implements HandlerFamily {
  private final HaVipService havips;

  public HaVipHandlers(HaVipService havips) {
    this.havips = havips;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateHaVip, this::create)
        .on(VpcActions.DescribeHaVips, this::describe)
        .on(VpcActions.ModifyHaVipAttribute, this::modify)
        .on(VpcActions.DeleteHaVip, this::delete)
        .on(VpcActions.AssociateHaVipInstance, this::associate)
        .on(VpcActions.DisassociateHaVipInstance, this::disassociate);
  }

  static List<HaVipService.Association> associations(List<HaVipAssociation> in, String haVipId) {
    return in == null ? null : in.stream().map(a -> new HaVipService.Association(
        a.getHaVipId() != null ? a.getHaVipId() : haVipId, a.getInstanceId(), a.getInstanceType())).toList();
  }

  CreateHaVipResponse create(Call call, CreateHaVipRequest r) {
    HaVip h = havips.create(call.scope(), new HaVipService.HaVipSpec(r.getVpcId(), r.getHaVipName(), r.getSubnetId(),
        r.getVip(), r.getNetworkInterfaceId(), r.getCheckAssociate(), associations(r.getHaVipAssociationSet(), null),
        Convert.tags(r.getTags())), call.requestId());
    return new CreateHaVipResponse().setHaVip(view(h));
  }

  DescribeHaVipsResponse describe(Call call, DescribeHaVipsRequest r) {
    Page<HaVip> page = havips.describe(call.scope(), r.getHaVipIds(), Convert.filters(r.getFilters()), r.getOffset(),
        r.getLimit());
    return new DescribeHaVipsResponse().setTotalCount(page.totalCount())
        .setHaVipSet(page.items().stream().map(HaVipHandlers::view).toList());
  }

  ModifyHaVipAttributeResponse modify(Call call, ModifyHaVipAttributeRequest r) {
    havips.rename(call.scope(), r.getHaVipId(), r.getHaVipName());
    return new ModifyHaVipAttributeResponse();
  }

  DeleteHaVipResponse delete(Call call, DeleteHaVipRequest r) {
    havips.delete(call.scope(), r.getHaVipId(), call.requestId());
    return new DeleteHaVipResponse();
  }

  AssociateHaVipInstanceResponse associate(Call call, AssociateHaVipInstanceRequest r) {
    havips.associate(call.scope(), associations(r.getHaVipAssociationSet(), null), call.requestId());
    return new AssociateHaVipInstanceResponse();
  }

  DisassociateHaVipInstanceResponse disassociate(Call call, DisassociateHaVipInstanceRequest r) {
    havips.disassociate(call.scope(), associations(r.getHaVipAssociationSet(), null), call.requestId());
    return new DisassociateHaVipInstanceResponse();
  }

  /** The API shape of a HAVIP: AVAILABLE while an ENI announces it, UNBIND otherwise. */
  static io.openvpc.api.types.vpc.HaVip view(HaVip h) {
    return new io.openvpc.api.types.vpc.HaVip()
        .setHaVipId(h.id())
        .setHaVipName(h.name())
        .setVip(h.vip().toString())
        .setVpcId(h.vpcId())
        .setSubnetId(h.subnetId())
        .setNetworkInterfaceId(h.networkInterfaceId())
        .setInstanceId(h.instanceId())
        .setAddressIp(h.addressIp())
        .setState(h.bound() ? "AVAILABLE" : "UNBIND")
        .setCreatedTime(Times.local(h.createdTime()))
        .setBusiness("")
        .setHaVipAssociationSet(h.allowedInstanceIds().stream().map(id -> new HaVipAssociation().setHaVipId(h.id())
            .setInstanceId(id).setInstanceType(HaVipService.typeOf(id))).toList())
        .setCheckAssociate(h.checkAssociate())
        .setCdcId("")
        .setFlushedTime(h.flushedTime() == null ? "0000-00-00 00:00:00" : Times.local(h.flushedTime()))
        .setTagSet(Convert.tagSet(h.tags()));
  }
}
