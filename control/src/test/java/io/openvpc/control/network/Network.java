package io.openvpc.control.network;

import io.openvpc.control.Ledger;
import io.openvpc.control.Quotas;
import io.openvpc.control.Regions;
import io.openvpc.control.eni.NetworkInterfaceAddressService;
import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.havip.HaVipService;
import io.openvpc.control.instance.InstanceService;
import io.openvpc.control.route.RouteTableService;
import io.openvpc.control.store.InMemoryStore;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.vpc.VpcBlockService;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.Instance;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The VPC building-block services over an in-memory store, with helpers that read like the domain. */
final class Network {
  static final String ZONE = "ap-guangzhou-3";
  final Scope scope = new Scope(1_000_001L, "ap-guangzhou");
  final Ledger ledger = new Ledger(new InMemoryStore());
  final Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
  final Quotas quotas;
  final VpcService vpcs;
  final VpcBlockService blocks;
  final SubnetService subnets;
  final NetworkInterfaceService enis;
  final NetworkInterfaceAddressService addresses;
  final InstanceService instances;
  final RouteTableService routes;
  final HaVipService havips;

  Network() {
    this(Map.of());
  }

  Network(Map<String, Long> quotaOverrides) {
    Regions regions = Regions.bundled();
    quotas = new Quotas(quotaOverrides);
    vpcs = new VpcService(ledger, quotas, clock);
    blocks = new VpcBlockService(ledger, quotas);
    subnets = new SubnetService(ledger, regions, quotas, clock);
    enis = new NetworkInterfaceService(ledger, quotas, clock);
    addresses = new NetworkInterfaceAddressService(ledger, quotas, clock);
    instances = new InstanceService(ledger, regions, enis, quotas, clock);
    routes = new RouteTableService(ledger, quotas, clock);
    havips = new HaVipService(ledger, quotas, clock);
  }

  Vpc vpc(String cidr) {
    return vpcs.create(scope, new VpcService.VpcSpec("v", cidr, null, null, null, null, null));
  }

  Subnet subnet(Vpc vpc, String cidr) {
    return subnets.create(scope, vpc.id(), new SubnetService.SubnetSpec("s", cidr, ZONE, null), null).subnet();
  }

  Instance instance(Subnet s, String type, String ip) {
    return instances.run(scope, new InstanceService.RunSpec(ZONE, type, "img-487zeit5", s.vpcId(), s.id(),
        ip == null ? null : List.of(ip), null, 1L, "i", null, false)).get(0);
  }
}
