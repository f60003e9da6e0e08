package io.openvpc.control.havip;

import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.Validate;
import io.openvpc.control.address.PrivateAddresses;
import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.instance.InstanceService;
import io.openvpc.control.route.RouteTableService;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.task.TaskService;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.GatewayType;
import io.openvpc.model.HaVip;
import io.openvpc.model.Indexes;
import io.openvpc.model.Instance;
import io.openvpc.model.IpAddr;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HAVIPs: a private address of a subnet, claimed like any other, that floats between the ENIs allowed
 * to announce it. {@code AssociateHaVipInstance} is the announcement: the named instance (its ENI in
 * the HAVIP's subnet) or ENI becomes the current holder, exactly as the keepalived master's gratuitous
 * ARP makes it on Tencent; a later association moves the VIP (a failover, recorded in FlushedTime);
 * {@code DisassociateHaVipInstance} of the holder leaves the VIP unbound. With CheckAssociate set,
 * only instances or ENIs listed in the association set may announce it.
 */
public final class HaVipService {
  public static final String NOT_FOUND = "ResourceNotFound";
  public static final String MALFORMED = "InvalidParameterValue.Malformed";
  public static final int MAX_ASSOCIATIONS = 10;

  private static final Filters<HaVip> FILTERS = new Filters<HaVip>()
      .exact("havip-id", HaVip::id)
      .fuzzy("havip-name", HaVip::name)
      .exact("vpc-id", HaVip::vpcId)
      .exact("subnet-id", HaVip::subnetId)
      .exact("vip", h -> h.vip().toString())
      .exact("address-ip", HaVip::addressIp)
      .exact("havip-association.instance-id", HaVip::allowedInstanceIds)
      .exact("havip-association.instance-type", h -> h.allowedInstanceIds().stream().map(HaVipService::typeOf).toList())
      .bool("check-associate", HaVip::checkAssociate)
      .exact("type", h -> "NORMAL")
      .exact("cdc-id", h -> List.of())
      .tags(HaVip::tags);

  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;

  public HaVipService(Ledger ledger, Quotas quotas, Clock clock) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
  }

  /** {@code CVM} for an instance ID, {@code ENI} for an ENI ID. */
  public static String typeOf(String id) {
    return id.startsWith("eni-") ? "ENI" : "CVM";
  }

  /** One entry of HaVipAssociationSet. */
  public record Association(String haVipId, String instanceId, String instanceType) {}

  /** What CreateHaVip asks for. */
  public record HaVipSpec(
      String vpcId, String name, String subnetId, String vip, String networkInterfaceId, Boolean checkAssociate,
      List<Association> associations, List<Tag> tags) {}

  public HaVip create(Scope scope, HaVipSpec spec, String requestId) {
    String name = Validate.name("HaVipName", spec.name(), 60);
    List<Tag> tags = Validate.tags("Tags", spec.tags());
    List<Association> associations = spec.associations() == null ? List.of() : spec.associations();
    if (associations.size() > MAX_ASSOCIATIONS) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", "HaVipAssociationSet", "at most " + MAX_ASSOCIATIONS
          + " associations.");
    }
    return ledger.write(scope, change -> {
      Topology t = change.current();
      Vpc vpc = VpcService.require(t, spec.vpcId(), "VpcId");
      NetworkInterface holder = null;
      if (spec.networkInterfaceId() != null && !spec.networkInterfaceId().isEmpty()) {
        holder = NetworkInterfaceService.require(t, spec.networkInterfaceId(), "NetworkInterfaceId");
      }
      String subnetId = spec.subnetId() != null && !spec.subnetId().isEmpty() ? spec.subnetId()
          : holder != null ? holder.subnetId() : null;
      if (subnetId == null) {
        // both optional in Tencent's description, but one of them places the HAVIP
        throw new Rejection("MissingParameter", "Give `SubnetId` (or `NetworkInterfaceId`, whose subnet the HAVIP "
            + "then takes): neither was given.", "请指定 `SubnetId`（或 `NetworkInterfaceId`，HAVIP 将使用其子网）。");
      }
      Subnet subnet = SubnetService.requireIn(t, subnetId, "SubnetId", vpc);
      long limit = quotas.get("vpc-max-havips");
      if (t.countBy(Indexes.HAVIP_BY_VPC, vpc.id()) >= limit) {
        throw Rejection.limit("LimitExceeded", "HAVIPs per VPC (vpc-max-havips)", limit);
      }
      IpAddr vip = spec.vip() != null && !spec.vip().isEmpty()
          ? PrivateAddresses.requireFree(t, subnet, "Vip", spec.vip(), Set.of())
          : PrivateAddresses.lowestFree(t, subnet, 1, Set.of()).get(0);
      String id = Ids.next("havip", t);
      PrivateAddresses.claim(change, vpc.id(), vip, id, "Vip");
      List<String> allowed = new ArrayList<>();
      for (int i = 0; i < associations.size(); i++) {
        String p = "HaVipAssociationSet." + i + ".InstanceId";
        announcer(t, subnet, associations.get(i).instanceId(), p);
        allowed.add(associations.get(i).instanceId());
      }
      HaVip h = new HaVip(id, vpc.id(), subnet.id(), name, vip, "", "", "", Boolean.TRUE.equals(spec.checkAssociate()),
          allowed.stream().distinct().toList(), tags, clock.instant(), null);
      if (holder != null) {
        h = bind(t, h, holder.id(), "NetworkInterfaceId");
      }
      change.put(h);
      TaskService.record(change, clock, requestId, "CreateHaVip", List.of(id));
      return h;
    });
  }

  /** The ENI that would announce a HAVIP for {@code id}: an ENI, or an instance's ENI in the HAVIP's subnet. */
  private static NetworkInterface announcer(Topology t, Subnet subnet, String id, String parameter) {
    if (id == null || id.isEmpty()) {
      throw Rejection.missing(parameter);
    }
    NetworkInterface eni;
    if (id.startsWith("eni-")) {
      eni = NetworkInterfaceService.require(t, id, parameter);
    } else {
      Instance i = InstanceService.require(t, id, parameter);
      eni = NetworkInterfaceService.attachedTo(t, i.id()).stream().filter(e -> e.subnetId().equals(subnet.id()))
          .findFirst().orElseThrow(() -> Rejection.value("UnsupportedOperation.InstanceMismatch", parameter,
              "instance " + i.id() + " has no ENI in subnet " + subnet.id() + ", the HAVIP's subnet."));
    }
    if (!eni.subnetId().equals(subnet.id())) {
      throw Rejection.value("UnsupportedOperation.InstanceMismatch", parameter, eni.id() + " is in " + eni.subnetId()
          + "; a HAVIP is announced by ENIs of its own subnet " + subnet.id() + ".");
    }
    return eni;
  }

  /** The HAVIP with {@code eniId} as holder, if the association rules allow it. */
  private HaVip bind(Topology t, HaVip h, String id, String parameter) {
    Subnet subnet = t.find(Subnet.class, h.subnetId()).orElseThrow();
    NetworkInterface eni = announcer(t, subnet, id, parameter);
    if (h.checkAssociate() && !h.allowedInstanceIds().contains(id) && !h.allowedInstanceIds().contains(eni.id())
        && !h.allowedInstanceIds().contains(eni.instanceId())) {
      throw Rejection.value("UnsupportedOperation.InstanceMismatch", parameter, h.id() + " checks its associations and "
          + id + " is not among them (" + String.join(", ", h.allowedInstanceIds()) + ").");
    }
    return h.withHolder(eni.id(), eni.instanceId(), clock.instant());
  }

  /** The HAVIP, or {@code ResourceNotFound} naming the parameter. */
  public static HaVip require(Topology t, String id, String parameter) {
    Ids.requireWellFormed("havip", id, parameter, MALFORMED);
    return t.find(HaVip.class, id).orElseThrow(() -> Rejection.notFound(NOT_FOUND, parameter, id));
  }

  public Page<HaVip> describe(Scope scope, List<String> haVipIds, List<Filter> filters, Long offset, Long limit) {
    List<String> ids = Validate.ids("HaVipIds", haVipIds, "havip", MALFORMED, 100);
    Topology t = ledger.read(scope);
    return Listing.page(t, "HaVipIds", ids, filters, (id, p) -> require(t, id, p), FILTERS,
        Map.of("vpc-id", Indexes.HAVIP_BY_VPC, "subnet-id", Indexes.HAVIP_BY_SUBNET), Indexes.HAVIP_NEWEST, false,
        offset, limit);
  }

  public HaVip rename(Scope scope, String haVipId, String name) {
    String checked = name == null ? null : Validate.name("HaVipName", name, 60);
    return ledger.write(scope, change -> {
      HaVip h = require(change.current(), haVipId, "HaVipId");
      return change.put(h.withName(checked != null ? checked : h.name()));
    });
  }

  /** Deletes a HAVIP that no EIP and no route uses, releasing its address. */
  public void delete(Scope scope, String haVipId, String requestId) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      HaVip h = require(t, haVipId, "HaVipId");
      List<String> users = new ArrayList<>(RouteTableService.routesVia(t, h.vpcId(), GatewayType.HAVIP, h.id()));
      if (!h.addressIp().isEmpty()) {
        users.add("EIP " + h.addressIp());
      }
      if (!users.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", h.id(), String.join(", ", users));
      }
      PrivateAddresses.release(change, h.vpcId(), h.vip());
      change.delete(h);
      TaskService.record(change, clock, requestId, "DeleteHaVip", List.of(h.id()));
      return null;
    });
  }

  /** AssociateHaVipInstance: each named instance or ENI joins the association set and announces the VIP. */
  public void associate(Scope scope, List<Association> associations, String requestId) {
    eachAssociation(scope, associations, requestId, "AssociateHaVipInstance", (t, h, a, p) -> {
      Subnet subnet = t.find(Subnet.class, h.subnetId()).orElseThrow();
      NetworkInterface eni = announcer(t, subnet, a.instanceId(), p + "InstanceId");
      List<String> allowed = new ArrayList<>(h.allowedInstanceIds());
      if (!allowed.contains(a.instanceId())) {
        if (allowed.size() >= MAX_ASSOCIATIONS) {
          throw Rejection.value("LimitExceeded", p + "InstanceId", h.id() + " already has " + MAX_ASSOCIATIONS
              + " associations.");
        }
        allowed.add(a.instanceId());
      }
      return bind(t, h.withAllowed(allowed), eni.id(), p + "InstanceId");
    });
  }

  /** DisassociateHaVipInstance: the instance or ENI leaves the set; if it held the VIP, the VIP is unbound. */
  public void disassociate(Scope scope, List<Association> associations, String requestId) {
    eachAssociation(scope, associations, requestId, "DisassociateHaVipInstance", (t, h, a, p) -> {
      boolean holder = a.instanceId().equals(h.networkInterfaceId()) || a.instanceId().equals(h.instanceId());
      if (!h.allowedInstanceIds().contains(a.instanceId()) && !holder) {
        throw Rejection.value("UnsupportedOperation.InstanceMismatch", p + "InstanceId", a.instanceId()
            + " is not associated with " + h.id() + ".");
      }
      List<String> allowed = new ArrayList<>(h.allowedInstanceIds());
      allowed.remove(a.instanceId());
      return holder ? h.withAllowed(allowed).withHolder("", "", clock.instant()) : h.withAllowed(allowed);
    });
  }

  /** How one association entry changes its HAVIP; {@code p} prefixes the entry's parameter names. */
  private interface AssociationStep {
    HaVip apply(Topology t, HaVip h, Association a, String p);
  }

  /** Applies {@code step} to every entry in one transaction and records the task. */
  private void eachAssociation(Scope scope, List<Association> associations, String requestId, String action,
      AssociationStep step) {
    requireAssociations(associations);
    ledger.write(scope, change -> {
      List<String> touched = new ArrayList<>();
      for (int i = 0; i < associations.size(); i++) {
        String p = "HaVipAssociationSet." + i + ".";
        HaVip h = require(change.current(), associations.get(i).haVipId(), p + "HaVipId");
        change.put(step.apply(change.current(), h, associations.get(i), p));
        touched.add(h.id());
      }
      TaskService.record(change, clock, requestId, action, touched);
      return null;
    });
  }

  private static void requireAssociations(List<Association> associations) {
    if (associations == null || associations.isEmpty()) {
      throw Rejection.missing("HaVipAssociationSet");
    }
    for (int i = 0; i < associations.size(); i++) {
      if (associations.get(i).haVipId() == null) {
        throw Rejection.missing("HaVipAssociationSet." + i + ".HaVipId");
      }
      if (associations.get(i).instanceId() == null) {
        throw Rejection.missing("HaVipAssociationSet." + i + ".InstanceId");
      }
    }
  }

}
