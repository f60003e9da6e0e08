package io.openvpc.engine.vpc;

import io.openvpc.engine.compile.Artifact;
import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.NextHopResolver;
import io.openvpc.engine.compile.ResourceCompiler;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.model.GatewayType;
import io.openvpc.model.HaVip;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Route;
import java.util.List;
import java.util.Map;

/**
 * A bound HAVIP makes the ENI that announces it receive on its address: it owns the address in the
 * VPC and adds it to that ENI's addresses. It provides the {@code HAVIP} next hop.
 */
public final class HaVipCompiler implements ResourceCompiler<HaVip> {
  /** The HAVIP addresses announced on an ENI, by ENI ID, one value per HAVIP. */
  public static final Artifact<IpAddr> ANNOUNCED = Artifact.shared("announced HAVIPs");

  @Override
  public Class<HaVip> kind() {
    return HaVip.class;
  }

  @Override
  public List<Input> inputs() {
    return List.of();
  }

  @Override
  public void compile(HaVip h, Compilation c) {
    if (h.bound()) {
      c.owner(h.vpcId(), h.vip(), NetworkInterfaceCompiler.node(h.networkInterfaceId()));
      c.artifact(ANNOUNCED, h.networkInterfaceId(), h.vip());
    }
  }

  @Override
  public Map<GatewayType, NextHopResolver> nextHops() {
    return Map.of(GatewayType.HAVIP, new NextHopResolver() {
      @Override
      public NextHop resolve(String vpcId, Route route, Compilation c) {
        HaVip h = c.resource(HaVip.class, route.gatewayId()).orElse(null);
        if (h == null) {
          return new NextHop.Unavailable("HAVIP " + route.gatewayId() + " does not exist");
        }
        if (!h.bound() || c.node(NetworkInterfaceCompiler.node(h.networkInterfaceId())).isEmpty()) {
          return new NextHop.Unavailable("HAVIP " + h.id() + " (" + h.vip() + ") is not announced by any network interface");
        }
        return new NextHop.ToNode(NetworkInterfaceCompiler.node(h.networkInterfaceId()), h.vip());
      }

      @Override
      public List<Input> inputs() {
        return List.of(Input.resource(HaVip.class), Input.graph());
      }
    });
  }
}
