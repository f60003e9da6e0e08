package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.AssignIpv6AddressesRequest;
import io.openvpc.api.types.vpc.AssignIpv6AddressesResponse;
import io.openvpc.api.types.vpc.AssignPrivateIpAddressesRequest;
import io.openvpc.api.types.vpc.AssignPrivateIpAddressesResponse;
import io.openvpc.api.types.vpc.AssociateNetworkInterfaceSecurityGroupsRequest;
import io.openvpc.api.types.vpc.AssociateNetworkInterfaceSecurityGroupsResponse;
import io.openvpc.api.types.vpc.AttachNetworkInterfaceRequest;
import io.openvpc.api.types.vpc.AttachNetworkInterfaceResponse;
import io.openvpc.api.types.vpc.CreateAndAttachNetworkInterfaceRequest;
import io.openvpc.api.types.vpc.CreateAndAttachNetworkInterfaceResponse;
import io.openvpc.api.types.vpc.CreateNetworkInterfaceRequest;
import io.openvpc.api.types.vpc.CreateNetworkInterfaceResponse;
import io.openvpc.api.types.vpc.DeleteNetworkInterfaceRequest;
import io.openvpc.api.types.vpc.DeleteNetworkInterfaceResponse;
import io.openvpc.api.types.vpc.DescribeNetworkInterfaceLimitRequest;
import io.openvpc.api.types.vpc.DescribeNetworkInterfaceLimitResponse;
import io.openvpc.api.types.vpc.DescribeNetworkInterfacesRequest;
import io.openvpc.api.types.vpc.DescribeNetworkInterfacesResponse;
import io.openvpc.api.types.vpc.DetachNetworkInterfaceRequest;
import io.openvpc.api.types.vpc.DetachNetworkInterfaceResponse;
import io.openvpc.api.types.vpc.DisassociateNetworkInterfaceSecurityGroupsRequest;
import io.openvpc.api.types.vpc.DisassociateNetworkInterfaceSecurityGroupsResponse;
import io.openvpc.api.types.vpc.Ipv6Address;
import io.openvpc.api.types.vpc.MigrateNetworkInterfaceRequest;
import io.openvpc.api.types.vpc.MigrateNetworkInterfaceResponse;
import io.openvpc.api.types.vpc.MigratePrivateIpAddressRequest;
import io.openvpc.api.types.vpc.MigratePrivateIpAddressResponse;
import io.openvpc.api.types.vpc.ModifyIpv6AddressesAttributeRequest;
import io.openvpc.api.types.vpc.ModifyIpv6AddressesAttributeResponse;
import io.openvpc.api.types.vpc.ModifyNetworkInterfaceAttributeRequest;
import io.openvpc.api.types.vpc.ModifyNetworkInterfaceAttributeResponse;
import io.openvpc.api.types.vpc.ModifyPrivateIpAddressesAttributeRequest;
import io.openvpc.api.types.vpc.ModifyPrivateIpAddressesAttributeResponse;
import io.openvpc.api.types.vpc.NetworkInterfaceAttachment;
import io.openvpc.api.types.vpc.PrivateIpAddressSpecification;
import io.openvpc.api.types.vpc.UnassignIpv6AddressesRequest;
import io.openvpc.api.types.vpc.UnassignIpv6AddressesResponse;
import io.openvpc.api.types.vpc.UnassignPrivateIpAddressesRequest;
import io.openvpc.api.types.vpc.UnassignPrivateIpAddressesResponse;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.eni.NetworkInterfaceAddressService;
import io.openvpc.control.eni.NetworkInterfaceAddressService.Ipv6Description;
import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.eni.NetworkInterfaceService.AddressSpec;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import java.util.List;
import java.util.function.Function;

/** The ENI actions: create, describe, attach, detach, migrate, delete, addresses and security groups. */
public final class NetworkInterfaceHandlers implements HandlerFamily {
  private final NetworkInterfaceService enis;
  private final NetworkInterfaceAddressService addresses;
  private final Function<Call, Topology> topology;

  public NetworkInterfaceHandlers(NetworkInterfaceService enis, NetworkInterfaceAddressService addresses,
      Function<Call, Topology> topology) {
    this.enis = enis;
    this.addresses = addresses;
    this.topology = topology;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateNetworkInterface, this::create)
        .on(VpcActions.DescribeNetworkInterfaces, this::describe)
        .on(VpcActions.ModifyNetworkInterfaceAttribute, this::modify)
        .on(VpcActions.DeleteNetworkInterface, this::delete)
        .on(VpcActions.AttachNetworkInterface, this::attach)
        .on(VpcActions.DetachNetworkInterface, this::detach)
        .on(VpcActions.MigrateNetworkInterface, this::migrate)
        .on(VpcActions.AssignPrivateIpAddresses, this::assign)
        .on(VpcActions.UnassignPrivateIpAddresses, this::unassign)
        .on(VpcActions.MigratePrivateIpAddress, this::migrateAddress)
        .on(VpcActions.ModifyPrivateIpAddressesAttribute, this::modifyAddresses)
        .on(VpcActions.AssignIpv6Addresses, this::assignIpv6)
        .on(VpcActions.UnassignIpv6Addresses, this::unassignIpv6)
        .on(VpcActions.AssociateNetworkInterfaceSecurityGroups, this::associateGroups)
        .on(VpcActions.DisassociateNetworkInterfaceSecurityGroups, this::disassociateGroups)
        .on(VpcActions.DescribeNetworkInterfaceLimit, this::limit)
        .on(VpcActions.ModifyIpv6AddressesAttribute, this::modifyIpv6)
        .on(VpcActions.CreateAndAttachNetworkInterface, this::createAndAttach);
  }

  static List<AddressSpec> specs(List<PrivateIpAddressSpecification> in) {
    return in == null ? null : in.stream().map(s -> new AddressSpec(s.getPrivateIpAddress(),
        Boolean.TRUE.equals(s.getPrimary()), s.getDescription())).toList();
  }

  CreateAndAttachNetworkInterfaceResponse createAndAttach(Call call, CreateAndAttachNetworkInterfaceRequest r) {
    NetworkInterface e = enis.createAndAttach(call.scope(), new NetworkInterfaceService.EniSpec(r.getVpcId(),
        r.getSubnetId(), r.getNetworkInterfaceName(), r.getNetworkInterfaceDescription(),
        r.getSecondaryPrivateIpAddressCount(), r.getSecurityGroupIds(), specs(r.getPrivateIpAddresses()),
        Convert.tags(r.getTags())), r.getInstanceId(), r.getAttachType(), r.getIsRdma(), call.requestId());
    return new CreateAndAttachNetworkInterfaceResponse().setNetworkInterface(view(e, topology.apply(call)));
  }

  CreateNetworkInterfaceResponse create(Call call, CreateNetworkInterfaceRequest r) {
    NetworkInterface e = enis.create(call.scope(), new NetworkInterfaceService.EniSpec(r.getVpcId(), r.getSubnetId(),
        r.getNetworkInterfaceName(), r.getNetworkInterfaceDescription(), r.getSecondaryPrivateIpAddressCount(),
        r.getSecurityGroupIds(), specs(r.getPrivateIpAddresses()), Convert.tags(r.getTags())));
    return new CreateNetworkInterfaceResponse().setNetworkInterface(view(e, topology.apply(call)));
  }

  DescribeNetworkInterfacesResponse describe(Call call, DescribeNetworkInterfacesRequest r) {
    Page<NetworkInterface> page = enis.describe(call.scope(), r.getNetworkInterfaceIds(), Convert.filters(r.getFilters()),
        r.getOffset(), r.getLimit());
    Topology t = topology.apply(call);
    return new DescribeNetworkInterfacesResponse().setTotalCount(page.totalCount())
        .setNetworkInterfaceSet(page.items().stream().map(e -> view(e, t)).toList());
  }

  ModifyNetworkInterfaceAttributeResponse modify(Call call, ModifyNetworkInterfaceAttributeRequest r) {
    enis.modify(call.scope(), r.getNetworkInterfaceId(), r.getNetworkInterfaceName(), r.getNetworkInterfaceDescription(),
        r.getSecurityGroupIds());
    return new ModifyNetworkInterfaceAttributeResponse();
  }

  DeleteNetworkInterfaceResponse delete(Call call, DeleteNetworkInterfaceRequest r) {
    enis.delete(call.scope(), r.getNetworkInterfaceId(), call.requestId());
    return new DeleteNetworkInterfaceResponse();
  }

  AttachNetworkInterfaceResponse attach(Call call, AttachNetworkInterfaceRequest r) {
    enis.attach(call.scope(), r.getNetworkInterfaceId(), r.getInstanceId(), call.requestId());
    return new AttachNetworkInterfaceResponse();
  }

  DetachNetworkInterfaceResponse detach(Call call, DetachNetworkInterfaceRequest r) {
    enis.detach(call.scope(), r.getNetworkInterfaceId(), r.getInstanceId(), call.requestId());
    return new DetachNetworkInterfaceResponse();
  }

  MigrateNetworkInterfaceResponse migrate(Call call, MigrateNetworkInterfaceRequest r) {
    enis.migrate(call.scope(), r.getNetworkInterfaceId(), r.getSourceInstanceId(), r.getDestinationInstanceId(),
        call.requestId());
    return new MigrateNetworkInterfaceResponse();
  }

  AssignPrivateIpAddressesResponse assign(Call call, AssignPrivateIpAddressesRequest r) {
    List<PrivateIp> added = addresses.assign(call.scope(), r.getNetworkInterfaceId(), specs(r.getPrivateIpAddresses()),
        r.getSecondaryPrivateIpAddressCount(), call.requestId());
    return new AssignPrivateIpAddressesResponse().setPrivateIpAddressSet(added.stream().map(NetworkInterfaceHandlers::view)
        .toList());
  }

  UnassignPrivateIpAddressesResponse unassign(Call call, UnassignPrivateIpAddressesRequest r) {
    addresses.unassign(call.scope(), r.getNetworkInterfaceId(),
        r.getPrivateIpAddresses().stream().map(PrivateIpAddressSpecification::getPrivateIpAddress).toList(),
        call.requestId());
    return new UnassignPrivateIpAddressesResponse();
  }

  MigratePrivateIpAddressResponse migrateAddress(Call call, MigratePrivateIpAddressRequest r) {
    addresses.migrateAddress(call.scope(), r.getSourceNetworkInterfaceId(), r.getDestinationNetworkInterfaceId(),
        r.getPrivateIpAddress(), call.requestId());
    return new MigratePrivateIpAddressResponse();
  }

  ModifyPrivateIpAddressesAttributeResponse modifyAddresses(Call call, ModifyPrivateIpAddressesAttributeRequest r) {
    addresses.describeAddresses(call.scope(), r.getNetworkInterfaceId(), specs(r.getPrivateIpAddresses()));
    return new ModifyPrivateIpAddressesAttributeResponse();
  }

  ModifyIpv6AddressesAttributeResponse modifyIpv6(Call call, ModifyIpv6AddressesAttributeRequest r) {
    addresses.describeIpv6(call.scope(), r.getNetworkInterfaceId(), r.getIpv6Addresses() == null ? null
        : r.getIpv6Addresses().stream().map(a -> new Ipv6Description(a.getAddress(), a.getDescription())).toList());
    return new ModifyIpv6AddressesAttributeResponse();
  }

  AssignIpv6AddressesResponse assignIpv6(Call call, AssignIpv6AddressesRequest r) {
    List<io.openvpc.model.Ipv6Address> added = addresses.assignIpv6(call.scope(), r.getNetworkInterfaceId(),
        r.getIpv6Addresses() == null ? null : r.getIpv6Addresses().stream().map(Ipv6Address::getAddress).toList(),
        r.getIpv6AddressCount(), call.requestId());
    return new AssignIpv6AddressesResponse().setIpv6AddressSet(added.stream().map(NetworkInterfaceHandlers::view).toList());
  }

  UnassignIpv6AddressesResponse unassignIpv6(Call call, UnassignIpv6AddressesRequest r) {
    addresses.unassignIpv6(call.scope(), r.getNetworkInterfaceId(),
        r.getIpv6Addresses().stream().map(Ipv6Address::getAddress).toList(), call.requestId());
    return new UnassignIpv6AddressesResponse();
  }

  AssociateNetworkInterfaceSecurityGroupsResponse associateGroups(Call call,
      AssociateNetworkInterfaceSecurityGroupsRequest r) {
    enis.changeGroups(call.scope(), r.getNetworkInterfaceIds(), r.getSecurityGroupIds(), true, call.requestId(),
        call.action());
    return new AssociateNetworkInterfaceSecurityGroupsResponse();
  }

  DisassociateNetworkInterfaceSecurityGroupsResponse disassociateGroups(Call call,
      DisassociateNetworkInterfaceSecurityGroupsRequest r) {
    enis.changeGroups(call.scope(), r.getNetworkInterfaceIds(), r.getSecurityGroupIds(), false, call.requestId(),
        call.action());
    return new DisassociateNetworkInterfaceSecurityGroupsResponse();
  }

  DescribeNetworkInterfaceLimitResponse limit(Call call, DescribeNetworkInterfaceLimitRequest r) {
    NetworkInterfaceService.EniLimits l = enis.limits(call.scope(), r.getInstanceId());
    return new DescribeNetworkInterfaceLimitResponse().setEniQuantity(l.eniQuantity())
        .setEniPrivateIpAddressQuantity(l.ipsPerEni()).setExtendEniQuantity(0L)
        .setExtendEniPrivateIpAddressQuantity(0L).setSubEniQuantity(0L).setSubEniPrivateIpAddressQuantity(0L);
  }

  static PrivateIpAddressSpecification view(PrivateIp ip) {
    return new PrivateIpAddressSpecification().setPrivateIpAddress(ip.address().toString()).setPrimary(ip.primary())
        .setPublicIpAddress("").setAddressId("").setDescription(ip.description()).setIsWanIpBlocked(false)
        .setState("AVAILABLE").setQosLevel("DEFAULT");
  }

  static Ipv6Address view(io.openvpc.model.Ipv6Address a) {
    return new Ipv6Address().setAddress(a.address().toString()).setPrimary(false).setAddressId("")
        .setDescription(a.description()).setIsWanIpBlocked(false).setState("AVAILABLE");
  }

  /** The API shape of an ENI; its zone is its subnet's. */
  static io.openvpc.api.types.vpc.NetworkInterface view(NetworkInterface e, Topology t) {
    return new io.openvpc.api.types.vpc.NetworkInterface()
        .setNetworkInterfaceId(e.id())
        .setNetworkInterfaceName(e.name())
        .setNetworkInterfaceDescription(e.description())
        .setSubnetId(e.subnetId())
        .setVpcId(e.vpcId())
        .setGroupSet(e.securityGroupIds())
        .setPrimary(e.primary())
        .setMacAddress(e.macAddress())
        .setState(e.state())
        .setNetworkInterfaceState(e.state())
        .setPrivateIpAddressSet(e.privateIps().stream().map(NetworkInterfaceHandlers::view).toList())
        .setAttachment(e.attached() ? new NetworkInterfaceAttachment().setInstanceId(e.instanceId())
            .setDeviceIndex(e.primary() ? 0L : 1L).setInstanceAccountId("").setAttachTime(Times.local(e.createdTime()))
            : null)
        .setZone(t.find(Subnet.class, e.subnetId()).map(Subnet::zone).orElse(""))
        .setCreatedTime(Times.local(e.createdTime()))
        .setIpv6AddressSet(e.ipv6Addresses().stream().map(NetworkInterfaceHandlers::view).toList())
        .setTagSet(Convert.tagSet(e.tags()))
        .setEniType(e.primary() ? 1L : 0L)
        .setBusiness("cvm")
        .setCdcId("")
        .setAttachType(0L)
        .setResourceId("")
        .setQosLevel("DEFAULT");
  }
}
