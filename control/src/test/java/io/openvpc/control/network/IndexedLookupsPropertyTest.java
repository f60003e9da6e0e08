package io.openvpc.control.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.control.Ledger;
import io.openvpc.control.Quotas;
import io.openvpc.control.Regions;
import io.openvpc.control.address.PrivateAddresses.Holding;
import io.openvpc.control.address.PrivateAddresses;
import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.havip.HaVipService;
import io.openvpc.control.instance.InstanceService;
import io.openvpc.control.route.RouteTableService;
import io.openvpc.control.store.InMemoryStore;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.HaVip;
import io.openvpc.model.Instance;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Rejection;
import io.openvpc.model.Resource;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * On random regions built through the services, every lookup that now goes through the snapshot's
 * indexes and kept orders answers what the scan it replaced answers: the ENIs of an instance, the
 * addresses held in subnets, and every unfiltered Describe page (newest first, then by ID) at any offset.
 */
class IndexedLookupsPropertyTest {
  static final String ZONE = "ap-guangzhou-3";

  /** A clock that moves on by 0 or 1 second at random, so creation times tie and the ID decides. */
  static final class SteppingClock extends Clock {
    private final Random rnd;
    private Instant now = Instant.parse("2026-12-01T00:00:00Z");

    SteppingClock(Random rnd) {
      this.rnd = rnd;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      now = now.plusSeconds(rnd.nextInt(2));
      return now;
    }
  }

  @Property(tries = 15)
  void indexedLookupsEqualScans(@ForAll long seed) {
    Random rnd = new Random(seed);
    Scope scope = new Scope(42, "ap-guangzhou");
    Ledger ledger = new Ledger(new InMemoryStore());
    Clock clock = new SteppingClock(rnd);
    Quotas quotas = new Quotas(Map.of());
    Regions regions = Regions.bundled();
    VpcService vpcs = new VpcService(ledger, quotas, clock);
    SubnetService subnets = new SubnetService(ledger, regions, quotas, clock);
    NetworkInterfaceService enis = new NetworkInterfaceService(ledger, quotas, clock);
    InstanceService instances = new InstanceService(ledger, regions, enis, clock);
    RouteTableService routes = new RouteTableService(ledger, quotas, clock);
    HaVipService havips = new HaVipService(ledger, quotas, clock);

    List<Vpc> vpcList = new ArrayList<>();
    List<Subnet> subnetList = new ArrayList<>();
    int steps = 30 + rnd.nextInt(60);
    for (int s = 0; s < steps; s++) {
      Topology t = ledger.read(scope);
      try {
        switch (vpcList.isEmpty() ? 0 : subnetList.isEmpty() ? 1 : rnd.nextInt(9)) {
          case 0 -> vpcList.add(vpcs.create(scope, new VpcService.VpcSpec("v", "10." + vpcList.size() + ".0.0/16",
              null, null, null, null, null)));
          case 1 -> {
            Vpc v = vpcList.get(rnd.nextInt(vpcList.size()));
            subnetList.add(subnets.create(scope, v.id(), new SubnetService.SubnetSpec("s",
                v.cidrBlock().toString().replace(".0.0/16", "." + subnetList.size() + ".0/24"), ZONE, null), null)
                .subnet());
          }
          case 2, 3 -> {
            Subnet sn = subnetList.get(rnd.nextInt(subnetList.size()));
            instances.run(scope, new InstanceService.RunSpec(ZONE, "S5.LARGE8", "img-487zeit5", sn.vpcId(), sn.id(),
                null, null, 1L + rnd.nextInt(3), "i", null, false));
          }
          case 4 -> {
            Subnet sn = subnetList.get(rnd.nextInt(subnetList.size()));
            NetworkInterface e = enis.create(scope, new NetworkInterfaceService.EniSpec(sn.vpcId(), sn.id(), "e", "",
                (long) rnd.nextInt(2), null, null, null));
            List<Instance> in = t.where(Instance.class, i -> i.vpcId().equals(sn.vpcId()));
            if (!in.isEmpty() && rnd.nextBoolean()) {
              enis.attach(scope, e.id(), in.get(rnd.nextInt(in.size())).id(), null);
            }
          }
          case 5 -> {
            List<Instance> all = new ArrayList<>(t.all(Instance.class));
            if (!all.isEmpty()) {
              all.sort(Comparator.comparing(Instance::id));
              instances.terminate(scope, List.of(all.get(rnd.nextInt(all.size())).id()));
            }
          }
          case 6 -> {
            List<NetworkInterface> all = t.where(NetworkInterface.class, e -> !e.primary());
            if (!all.isEmpty()) {
              all.sort(Comparator.comparing(NetworkInterface::id));
              NetworkInterface e = all.get(rnd.nextInt(all.size()));
              if (e.attached()) {
                enis.detach(scope, e.id(), e.instanceId(), null);
              } else {
                enis.delete(scope, e.id(), null);
              }
            }
          }
          case 7 -> {
            Subnet sn = subnetList.get(rnd.nextInt(subnetList.size()));
            havips.create(scope, new HaVipService.HaVipSpec(sn.vpcId(), "h", sn.id(), null, null, null, null, null),
                null);
          }
          default -> {
            Vpc v = vpcList.get(rnd.nextInt(vpcList.size()));
            routes.create(scope, v.id(), "r", null);
          }
        }
      } catch (Rejection expected) {
        // a quota or a conflict: the region is what it was
      }
    }

    Topology t = ledger.read(scope);
    for (Instance i : t.all(Instance.class)) {
      List<NetworkInterface> scanned = t.where(NetworkInterface.class, e -> e.instanceId().equals(i.id()));
      scanned.sort(Comparator.comparing((NetworkInterface e) -> !e.primary())
          .thenComparing(NetworkInterface::createdTime).thenComparing(NetworkInterface::id));
      assertThat(NetworkInterfaceService.attachedTo(t, i.id())).containsExactlyElementsOf(scanned);
      assertThat(NetworkInterfaceService.primaryOf(t, i.id())).isEqualTo(scanned.get(0));
    }
    for (Vpc v : t.all(Vpc.class)) {
      Predicate<Subnet> inVpc = sn -> sn.vpcId().equals(v.id());
      assertThat(PrivateAddresses.held(t, inVpc)).containsExactlyInAnyOrderElementsOf(heldByScan(t, inVpc));
    }

    pages(t, Vpc.class, Vpc::createdTime, (o, l) -> vpcs.describe(scope, null, null, o, l).items());
    pages(t, Subnet.class, Subnet::createdTime,
        (o, l) -> subnets.describe(scope, null, null, o, l).items().stream().map(SubnetService.SubnetView::subnet)
            .toList());
    pages(t, NetworkInterface.class, NetworkInterface::createdTime,
        (o, l) -> enis.describe(scope, null, null, o, l).items());
    pages(t, Instance.class, Instance::createdTime,
        (o, l) -> instances.describe(scope, null, null, o, l).items().stream().map(InstanceService.InstanceView::instance)
            .toList());
    pages(t, HaVip.class, HaVip::createdTime, (o, l) -> havips.describe(scope, null, null, o, l).items());
    pages(t, RouteTable.class, RouteTable::createdTime,
        (o, l) -> routes.describe(scope, null, null, o, l).items().stream().map(RouteTableService.RouteTableView::table)
            .toList());
    // a filter on an indexed key narrows through the index; the page is the scan's
    List<String> vpcIds = t.all(Vpc.class).stream().map(Vpc::id).sorted().toList();
    List<List<String>> valueSets = new ArrayList<>();
    vpcIds.forEach(v -> valueSets.add(List.of(v)));
    valueSets.add(vpcIds);
    valueSets.add(List.of("vpc-00000000"));
    for (List<String> values : valueSets) {
      List<io.openvpc.control.Filter> byVpc = List.of(new io.openvpc.control.Filter("vpc-id", values));
      filtered(t, Subnet.class, Subnet::createdTime, sn -> values.contains(sn.vpcId()),
          (o, l) -> subnets.describe(scope, null, byVpc, o, l).items().stream().map(SubnetService.SubnetView::subnet)
              .toList());
      filtered(t, NetworkInterface.class, NetworkInterface::createdTime, e -> values.contains(e.vpcId()),
          (o, l) -> enis.describe(scope, null, byVpc, o, l).items());
      filtered(t, HaVip.class, HaVip::createdTime, h -> values.contains(h.vpcId()),
          (o, l) -> havips.describe(scope, null, byVpc, o, l).items());
    }
    for (Subnet sn : t.all(Subnet.class)) {
      List<io.openvpc.control.Filter> bySubnet = List.of(new io.openvpc.control.Filter("subnet-id", List.of(sn.id())),
          new io.openvpc.control.Filter("vpc-id", List.of(sn.vpcId())));
      filtered(t, NetworkInterface.class, NetworkInterface::createdTime, e -> e.subnetId().equals(sn.id()),
          (o, l) -> enis.describe(scope, null, bySubnet, o, l).items());
    }
    for (Instance i : t.all(Instance.class)) {
      List<io.openvpc.control.Filter> byInstance =
          List.of(new io.openvpc.control.Filter("attachment.instance-id", List.of(i.id())));
      filtered(t, NetworkInterface.class, NetworkInterface::createdTime, e -> e.instanceId().equals(i.id()),
          (o, l) -> enis.describe(scope, null, byInstance, o, l).items());
    }
    // an empty value is not an index key: the scan answers it (unattached ENIs)
    filtered(t, NetworkInterface.class, NetworkInterface::createdTime, e -> e.instanceId().isEmpty(),
        (o, l) -> enis.describe(scope, null, List.of(new io.openvpc.control.Filter("attachment.instance-id",
            List.of(""))), o, l).items());

    // a view built for a page is the view a scan builds
    for (var view : instances.describe(scope, null, null, 0L, 100L).items()) {
      assertThat(view.interfaces()).containsExactlyElementsOf(NetworkInterfaceService.attachedTo(t, view.instance().id()));
    }
    for (var view : routes.describe(scope, null, null, 0L, 100L).items()) {
      List<Subnet> scanned = t.where(Subnet.class, sn -> sn.routeTableId().equals(view.table().id()));
      scanned.sort(Comparator.comparing(Subnet::id));
      assertThat(view.subnets()).containsExactlyElementsOf(scanned);
    }
  }

  /** Every page (limits 1, 7 and 100, every offset to past the end) equals the same cut of the kind sorted by a scan. */
  private static <R extends Resource> void pages(Topology t, Class<R> type, Function<R, Instant> created,
      PageSource<R> describe) {
    List<R> sorted = new ArrayList<>(t.all(type));
    sorted.sort(Comparator.comparing(created).reversed().thenComparing(Resource::id));
    for (long limit : new long[] {1, 7, 100}) {
      for (long offset = 0; offset <= sorted.size() + 1; offset += limit == 1 ? 1 : 3) {
        int from = (int) Math.min(offset, sorted.size());
        int to = (int) Math.min(sorted.size(), from + limit);
        assertThat(describe.page(offset, limit)).as("%s offset %d limit %d", type.getSimpleName(), offset, limit)
            .containsExactlyElementsOf(sorted.subList(from, to));
      }
    }
    assertThat(describe.page(null, null)).containsExactlyElementsOf(sorted.subList(0, Math.min(20, sorted.size())));
  }

  /** The first two pages (Limit 100 and 7) equal those of the kind's resources passing {@code keep}, sorted. */
  private static <R extends Resource> void filtered(Topology t, Class<R> type, Function<R, Instant> created,
      Predicate<R> keep, PageSource<R> describe) {
    List<R> sorted = new ArrayList<>(t.all(type).stream().filter(keep).toList());
    sorted.sort(Comparator.comparing(created).reversed().thenComparing(Resource::id));
    assertThat(describe.page(0L, 100L)).containsExactlyElementsOf(sorted.subList(0, Math.min(100, sorted.size())));
    assertThat(describe.page(7L, 7L)).containsExactlyElementsOf(sorted.subList(Math.min(7, sorted.size()),
        Math.min(14, sorted.size())));
  }

  interface PageSource<R> {
    List<R> page(Long offset, Long limit);
  }

  /** The scan PrivateAddresses#held made before it used the indexes. */
  private static List<Holding> heldByScan(Topology t, Predicate<Subnet> which) {
    Map<String, Subnet> subnets = new java.util.HashMap<>();
    t.all(Subnet.class).stream().filter(which).forEach(s -> subnets.put(s.id(), s));
    List<Holding> out = new ArrayList<>();
    for (NetworkInterface eni : t.all(NetworkInterface.class)) {
      Subnet s = subnets.get(eni.subnetId());
      if (s != null) {
        eni.privateIps().forEach(ip -> out.add(new Holding(ip.address(), s, PrivateAddresses.HolderKind.ENI, eni.id(),
            eni.instanceId(), eni.createdTime())));
        eni.ipv6Addresses().forEach(ip -> out.add(new Holding(ip.address(), s, PrivateAddresses.HolderKind.ENI,
            eni.id(), eni.instanceId(), eni.createdTime())));
      }
    }
    for (HaVip h : t.all(HaVip.class)) {
      Subnet s = subnets.get(h.subnetId());
      if (s != null) {
        out.add(new Holding(h.vip(), s, PrivateAddresses.HolderKind.HAVIP, h.id(), "", h.createdTime()));
      }
    }
    return out;
  }

}
