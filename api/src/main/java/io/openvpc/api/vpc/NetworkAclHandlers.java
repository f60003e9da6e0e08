package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.AssociateNetworkAclSubnetsRequest;
import io.openvpc.api.types.vpc.AssociateNetworkAclSubnetsResponse;
import io.openvpc.api.types.vpc.CreateNetworkAclEntriesRequest;
import io.openvpc.api.types.vpc.CreateNetworkAclEntriesResponse;
import io.openvpc.api.types.vpc.CreateNetworkAclQuintupleEntriesRequest;
import io.openvpc.api.types.vpc.CreateNetworkAclQuintupleEntriesResponse;
import io.openvpc.api.types.vpc.CreateNetworkAclRequest;
import io.openvpc.api.types.vpc.CreateNetworkAclResponse;
import io.openvpc.api.types.vpc.DeleteNetworkAclEntriesRequest;
import io.openvpc.api.types.vpc.DeleteNetworkAclEntriesResponse;
import io.openvpc.api.types.vpc.DeleteNetworkAclQuintupleEntriesRequest;
import io.openvpc.api.types.vpc.DeleteNetworkAclQuintupleEntriesResponse;
import io.openvpc.api.types.vpc.DeleteNetworkAclRequest;
import io.openvpc.api.types.vpc.DeleteNetworkAclResponse;
import io.openvpc.api.types.vpc.DescribeNetworkAclQuintupleEntriesRequest;
import io.openvpc.api.types.vpc.DescribeNetworkAclQuintupleEntriesResponse;
import io.openvpc.api.types.vpc.DescribeNetworkAclsRequest;
import io.openvpc.api.types.vpc.DescribeNetworkAclsResponse;
import io.openvpc.api.types.vpc.DisassociateNetworkAclSubnetsRequest;
import io.openvpc.api.types.vpc.DisassociateNetworkAclSubnetsResponse;
import io.openvpc.api.types.vpc.ModifyNetworkAclAttributeRequest;
import io.openvpc.api.types.vpc.ModifyNetworkAclAttributeResponse;
import io.openvpc.api.types.vpc.ModifyNetworkAclEntriesRequest;
import io.openvpc.api.types.vpc.ModifyNetworkAclEntriesResponse;
import io.openvpc.api.types.vpc.ModifyNetworkAclQuintupleEntriesRequest;
import io.openvpc.api.types.vpc.ModifyNetworkAclQuintupleEntriesResponse;
import io.openvpc.api.types.vpc.NetworkAclEntrySet;
import io.openvpc.api.types.vpc.NetworkAclQuintupleEntries;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.acl.AclInputs;
import io.openvpc.control.acl.NetworkAclService;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.NetworkAclEntry;
import io.openvpc.model.NetworkAclQuintupleEntry;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.List;

/** Network ACLs: the ACLs, their three- and five-tuple entries, and their subnets. */
public final class NetworkAclHandlers implements HandlerFamily {
  private final NetworkAclService acls;

  public NetworkAclHandlers(NetworkAclService acls) {
    this.acls = acls;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateNetworkAcl, this::create)
        .on(VpcActions.DescribeNetworkAcls, this::describe)
        .on(VpcActions.ModifyNetworkAclAttribute, this::rename)
        .on(VpcActions.DeleteNetworkAcl, this::delete)
        .on(VpcActions.ModifyNetworkAclEntries, this::modifyEntries)
        .on(VpcActions.CreateNetworkAclEntries, this::createEntries)
        .on(VpcActions.DeleteNetworkAclEntries, this::deleteEntries)
        .on(VpcActions.CreateNetworkAclQuintupleEntries, this::createQuintuples)
        .on(VpcActions.ModifyNetworkAclQuintupleEntries, this::modifyQuintuples)
        .on(VpcActions.DeleteNetworkAclQuintupleEntries, this::deleteQuintuples)
        .on(VpcActions.DescribeNetworkAclQuintupleEntries, this::describeQuintuples)
        .on(VpcActions.AssociateNetworkAclSubnets, this::associate)
        .on(VpcActions.DisassociateNetworkAclSubnets, this::disassociate);
  }

  CreateNetworkAclResponse create(Call call, CreateNetworkAclRequest r) {
    NetworkAcl a = acls.create(call.scope(), r.getVpcId(), r.getNetworkAclName(), r.getNetworkAclType(),
        Convert.tags(r.getTags()));
    return new CreateNetworkAclResponse().setNetworkAcl(view(acls.snapshot(call.scope()), a));
  }

  DescribeNetworkAclsResponse describe(Call call, DescribeNetworkAclsRequest r) {
    Page<NetworkAcl> p = acls.describe(call.scope(), r.getNetworkAclIds(), Convert.filters(r.getFilters()), r.getOffset(),
        r.getLimit());
    Topology t = acls.snapshot(call.scope());
    return new DescribeNetworkAclsResponse().setTotalCount(p.totalCount())
        .setNetworkAclSet(p.items().stream().map(a -> view(t, a)).toList());
  }

  ModifyNetworkAclAttributeResponse rename(Call call, ModifyNetworkAclAttributeRequest r) {
    acls.rename(call.scope(), r.getNetworkAclId(), r.getNetworkAclName());
    return new ModifyNetworkAclAttributeResponse();
  }

  DeleteNetworkAclResponse delete(Call call, DeleteNetworkAclRequest r) {
    acls.delete(call.scope(), r.getNetworkAclId());
    return new DeleteNetworkAclResponse();
  }

  ModifyNetworkAclEntriesResponse modifyEntries(Call call, ModifyNetworkAclEntriesRequest r) {
    acls.modifyEntries(call.scope(), r.getNetworkAclId(), entries(r.getNetworkAclEntrySet()),
        quintuples(r.getNetworkAclQuintupleSet()), r.getEnableUpdateAclEntries());
    return new ModifyNetworkAclEntriesResponse();
  }

  CreateNetworkAclEntriesResponse createEntries(Call call, CreateNetworkAclEntriesRequest r) {
    acls.createEntries(call.scope(), r.getNetworkAclId(), entries(r.getNetworkAclEntrySet()));
    return new CreateNetworkAclEntriesResponse();
  }

  DeleteNetworkAclEntriesResponse deleteEntries(Call call, DeleteNetworkAclEntriesRequest r) {
    acls.deleteEntries(call.scope(), r.getNetworkAclId(), entries(r.getNetworkAclEntrySet()));
    return new DeleteNetworkAclEntriesResponse();
  }

  CreateNetworkAclQuintupleEntriesResponse createQuintuples(Call call, CreateNetworkAclQuintupleEntriesRequest r) {
    acls.createQuintuples(call.scope(), r.getNetworkAclId(), quintuples(r.getNetworkAclQuintupleSet()));
    return new CreateNetworkAclQuintupleEntriesResponse();
  }

  ModifyNetworkAclQuintupleEntriesResponse modifyQuintuples(Call call, ModifyNetworkAclQuintupleEntriesRequest r) {
    acls.modifyQuintuples(call.scope(), r.getNetworkAclId(), quintuples(r.getNetworkAclQuintupleSet()));
    return new ModifyNetworkAclQuintupleEntriesResponse();
  }

  DeleteNetworkAclQuintupleEntriesResponse deleteQuintuples(Call call, DeleteNetworkAclQuintupleEntriesRequest r) {
    acls.deleteQuintuples(call.scope(), r.getNetworkAclId(), quintuples(r.getNetworkAclQuintupleSet()));
    return new DeleteNetworkAclQuintupleEntriesResponse();
  }

  DescribeNetworkAclQuintupleEntriesResponse describeQuintuples(Call call, DescribeNetworkAclQuintupleEntriesRequest r) {
    Page<NetworkAclQuintupleEntry> p = acls.describeQuintuples(call.scope(), r.getNetworkAclId(),
        Convert.filters(r.getFilters()), r.getOffset(), r.getLimit());
    return new DescribeNetworkAclQuintupleEntriesResponse().setTotalCount(p.totalCount())
        .setNetworkAclQuintupleSet(p.items().stream().map(NetworkAclHandlers::view).toList());
  }

  AssociateNetworkAclSubnetsResponse associate(Call call, AssociateNetworkAclSubnetsRequest r) {
    acls.associate(call.scope(), r.getNetworkAclId(), r.getSubnetIds());
    return new AssociateNetworkAclSubnetsResponse();
  }

  DisassociateNetworkAclSubnetsResponse disassociate(Call call, DisassociateNetworkAclSubnetsRequest r) {
    acls.disassociate(call.scope(), r.getNetworkAclId(), r.getSubnetIds());
    return new DisassociateNetworkAclSubnetsResponse();
  }

  private static AclInputs.EntrySet entries(NetworkAclEntrySet s) {
    return s == null ? null : new AclInputs.EntrySet(entryList(s.getIngress()), entryList(s.getEgress()));
  }

  private static List<AclInputs.Entry> entryList(List<io.openvpc.api.types.vpc.NetworkAclEntry> l) {
    return l == null ? null : l.stream().map(e -> e == null ? new io.openvpc.api.types.vpc.NetworkAclEntry() : e).map(e -> new AclInputs.Entry(e.getProtocol(), e.getPort(), e.getCidrBlock(),
        e.getIpv6CidrBlock(), e.getAction(), e.getDescription(), e.getNetworkAclIpv4EntryId(),
        e.getNetworkAclIpv6EntryId())).toList();
  }

  private static AclInputs.QuintupleSet quintuples(NetworkAclQuintupleEntries s) {
    return s == null ? null : new AclInputs.QuintupleSet(quintupleList(s.getIngress()), quintupleList(s.getEgress()));
  }

  private static List<AclInputs.Quintuple> quintupleList(List<io.openvpc.api.types.vpc.NetworkAclQuintupleEntry> l) {
    return l == null ? null : l.stream().map(e -> e == null ? new io.openvpc.api.types.vpc.NetworkAclQuintupleEntry() : e).map(e -> new AclInputs.Quintuple(e.getNetworkAclQuintupleEntryId(),
        e.getProtocol(), e.getSourceCidr(), e.getSourceIPv6Cidr(), e.getSourcePort(), e.getDestinationCidr(),
        e.getDestinationIPv6Cidr(), e.getDestinationPort(), e.getAction(), e.getDescription(), e.getPriority())).toList();
  }

  static io.openvpc.api.types.vpc.NetworkAcl view(Topology t, NetworkAcl a) {
    return new io.openvpc.api.types.vpc.NetworkAcl().setVpcId(a.vpcId()).setNetworkAclId(a.id())
        .setNetworkAclName(a.name()).setCreatedTime(Times.local(a.createdTime())).setNetworkAclType(a.type())
        .setSubnetSet(NetworkAclService.subnets(t, a.id()).stream().map(NetworkAclHandlers::subnet).toList())
        .setIngressEntries(entryViews(a.ingress())).setEgressEntries(entryViews(a.egress()))
        .setTagSet(Convert.tagSet(a.tags()));
  }

  private static List<io.openvpc.api.types.vpc.NetworkAclEntry> entryViews(List<NetworkAclEntry> entries) {
    List<io.openvpc.api.types.vpc.NetworkAclEntry> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      NetworkAclEntry e = entries.get(i);
      boolean v6 = !e.ipv6CidrBlock().isEmpty();
      out.add(new io.openvpc.api.types.vpc.NetworkAclEntry().setProtocol(e.protocol()).setPort(e.port())
          .setCidrBlock(e.cidrBlock()).setIpv6CidrBlock(e.ipv6CidrBlock()).setAction(e.action())
          .setDescription(e.description()).setModifyTime(Times.local(e.modifyTime())).setPriority((long) i + 1)
          .setNetworkAclIpv4EntryId(v6 ? "" : e.entryId()).setNetworkAclIpv6EntryId(v6 ? e.entryId() : ""));
    }
    return out;
  }

  static io.openvpc.api.types.vpc.NetworkAclQuintupleEntry view(NetworkAclQuintupleEntry e) {
    return new io.openvpc.api.types.vpc.NetworkAclQuintupleEntry().setNetworkAclQuintupleEntryId(e.entryId())
        .setNetworkAclDirection(e.direction().name()).setProtocol(e.protocol()).setSourceCidr(e.sourceCidr())
        .setSourceIPv6Cidr(e.sourceIpv6Cidr()).setSourcePort(e.sourcePort()).setDestinationCidr(e.destinationCidr())
        .setDestinationIPv6Cidr(e.destinationIpv6Cidr()).setDestinationPort(e.destinationPort()).setAction(e.action())
        .setDescription(e.description()).setPriority(e.priority()).setCreateTime(Times.local(e.createTime()));
  }

  /** The subnet members an ACL listing shows. */
  private static io.openvpc.api.types.vpc.Subnet subnet(Subnet s) {
    return new io.openvpc.api.types.vpc.Subnet().setVpcId(s.vpcId()).setSubnetId(s.id()).setSubnetName(s.name())
        .setCidrBlock(s.cidrBlock().toString()).setZone(s.zone()).setRouteTableId(s.routeTableId())
        .setNetworkAclId(s.networkAclId()).setIsDefault(s.isDefault()).setEnableBroadcast(s.enableBroadcast())
        .setCreatedTime(Times.local(s.createdTime())).setTagSet(Convert.tagSet(s.tags()));
  }
}
