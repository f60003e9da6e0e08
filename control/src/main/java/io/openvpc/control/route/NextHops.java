package io.openvpc.control.route;

import io.openvpc.control.Ids;
import io.openvpc.model.GatewayType;
import io.openvpc.model.HaVip;
import io.openvpc.model.Indexes;
import io.openvpc.model.Instance;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Rejection;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a route's next hop as Tencent does: the type is one Tencent accepts, its product exists in
 * OpenVPC, and the next hop exists, belongs to the route table's VPC and fits the type ({@code CVM}:
 * an instance ID; {@code NORMAL_CVM}: an instance's private address; {@code HAVIP}: a HAVIP ID;
 * {@code EIP}: the literal {@code 0}).
 */
final class NextHops {
  /** Next-hop types Tencent accepts whose product OpenVPC does not serve yet. */
  static final Set<GatewayType> NOT_YET = EnumSet.of(GatewayType.VPN, GatewayType.DIRECTCONNECT,
      GatewayType.PEERCONNECTION, GatewayType.NAT, GatewayType.USER_CCN, GatewayType.LOCAL_GATEWAY,
      GatewayType.INTRANAT, GatewayType.GWLB_ENDPOINT);
  /** The types a user may write (LOCAL and CCN are installed by the system). */
  static final Set<GatewayType> WRITABLE = EnumSet.complementOf(EnumSet.of(GatewayType.LOCAL, GatewayType.CCN));

  private NextHops() {}

  static GatewayType type(String parameter, String text) {
    if (text == null || text.isEmpty()) {
      throw Rejection.missing(parameter);
    }
    GatewayType type;
    try {
      type = GatewayType.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (type == null || !WRITABLE.contains(type)) {
      throw RouteErrors.gatewayTypeOutOfRange(parameter, text, WRITABLE);
    }
    if (NOT_YET.contains(type)) {
      throw RouteErrors.gatewayTypeNotYet(parameter, type);
    }
    return type;
  }

  /** Checks the next hop and returns it in canonical form. */
  static String check(Topology t, Vpc vpc, GatewayType type, String parameter, String id) {
    if (id == null || id.isEmpty()) {
      throw Rejection.missing(parameter);
    }
    switch (type) {
      case CVM -> {
        Ids.requireWellFormed("ins", id, parameter, RouteErrors.INSTANCE_MALFORMED);
        Instance i = t.find(Instance.class, id).orElseThrow(() -> RouteErrors.instanceNotFound(parameter, id));
        sameVpc(vpc, i.vpcId(), "instance " + i.id(), parameter);
        return id;
      }
      case NORMAL_CVM -> {
        IpAddr a;
        try {
          a = IpAddr.parse(id);
        } catch (IllegalArgumentException e) {
          throw RouteErrors.instanceAddressMalformed(parameter, id);
        }
        boolean instanceAddress = t.by(Indexes.ENI_BY_VPC, vpc.id()).stream().anyMatch(e -> e.attached() && e.privateIps().stream().anyMatch(ip -> ip.address().equals(a)));
        if (!instanceAddress) {
          throw RouteErrors.addressNotOfAnInstance(parameter, id, vpc);
        }
        return a.toString();
      }
      case HAVIP -> {
        Ids.requireWellFormed("havip", id, parameter, RouteErrors.MALFORMED);
        HaVip h = t.find(HaVip.class, id).orElseThrow(() -> RouteErrors.haVipNotFound(parameter, id));
        sameVpc(vpc, h.vpcId(), "HAVIP " + h.id(), parameter);
        return id;
      }
      case EIP -> {
        if (!id.equals("0")) {
          throw RouteErrors.eipNextHopMalformed(parameter, id);
        }
        return id;
      }
      default -> throw new IllegalStateException("unchecked next-hop type " + type);
    }
  }

  private static void sameVpc(Vpc vpc, String otherVpc, String what, String parameter) {
    if (!vpc.id().equals(otherVpc)) {
      throw RouteErrors.nextHopInAnotherVpc(parameter, what, otherVpc, vpc);
    }
  }
}
