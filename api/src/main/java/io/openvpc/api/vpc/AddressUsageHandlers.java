package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.DescribeUsedIpAddressRequest;
import io.openvpc.api.types.vpc.DescribeUsedIpAddressResponse;
import io.openvpc.api.types.vpc.DescribeVpcIpv6AddressesRequest;
import io.openvpc.api.types.vpc.DescribeVpcIpv6AddressesResponse;
import io.openvpc.api.types.vpc.DescribeVpcPrivateIpAddressesRequest;
import io.openvpc.api.types.vpc.DescribeVpcPrivateIpAddressesResponse;
import io.openvpc.api.types.vpc.IpAddressStates;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.api.types.vpc.VpcIpv6Address;
import io.openvpc.api.types.vpc.VpcPrivateIpAddress;
import io.openvpc.control.Page;
import io.openvpc.control.address.PrivateAddresses.Holding;
import io.openvpc.control.subnet.AddressUsageService;
import java.util.List;

/** Which addresses of a VPC are in use, and by what. */
public final class AddressUsageHandlers implements HandlerFamily {
  private final AddressUsageService usage;

  public AddressUsageHandlers(AddressUsageService usage) {
    this.usage = usage;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.DescribeVpcPrivateIpAddresses, this::privateIps)
        .on(VpcActions.DescribeVpcIpv6Addresses, this::ipv6)
        .on(VpcActions.DescribeUsedIpAddress, this::used);
  }

  DescribeVpcPrivateIpAddressesResponse privateIps(Call call, DescribeVpcPrivateIpAddressesRequest r) {
    List<Holding> found = usage.privateIps(call.scope(), r.getVpcId(), r.getPrivateIpAddresses());
    return new DescribeVpcPrivateIpAddressesResponse().setVpcPrivateIpAddressSet(found.stream()
        .map(h -> new VpcPrivateIpAddress().setPrivateIpAddress(h.address().toString())
            .setCidrBlock(h.subnet().cidrBlock().toString()).setPrivateIpAddressType(h.useType())
            .setCreatedTime(Times.local(h.since()))).toList());
  }

  DescribeVpcIpv6AddressesResponse ipv6(Call call, DescribeVpcIpv6AddressesRequest r) {
    Page<Holding> page = usage.ipv6(call.scope(), r.getVpcId(), r.getSubnetId(), r.getIpv6Addresses(), r.getOffset(),
        r.getLimit());
    return new DescribeVpcIpv6AddressesResponse().setTotalCount(page.totalCount()).setIpv6AddressSet(page.items()
        .stream().map(h -> new VpcIpv6Address().setIpv6Address(h.address().toString())
            .setCidrBlock(h.subnet().ipv6CidrBlock().toString()).setIpv6AddressType(h.useType())
            .setCreatedTime(Times.local(h.since()))).toList());
  }

  DescribeUsedIpAddressResponse used(Call call, DescribeUsedIpAddressRequest r) {
    Page<Holding> page = usage.used(call.scope(), r.getVpcId(), r.getSubnetId(), r.getIpAddresses(),
        Convert.filters(r.getFilters()), r.getOffset(), r.getLimit());
    return new DescribeUsedIpAddressResponse().setTotalCount(page.totalCount()).setIpAddressStates(page.items()
        .stream().map(h -> new IpAddressStates().setVpcId(h.subnet().vpcId()).setSubnetId(h.subnet().id())
            .setIpAddress(h.address().toString()).setResourceType(h.kind().name()).setResourceId(h.resourceId()))
        .toList());
  }
}
