package io.openvpc.engine;

import static io.openvpc.engine.Traces.assertTrace;
import static io.openvpc.engine.Traces.steps;
import static io.openvpc.engine.Traces.tcp;
import static io.openvpc.engine.Traces.trace;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.engine.graph.Disposition;
import io.openvpc.engine.trace.Endpoint;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.model.GatewayType;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.Topology;
import org.junit.jupiter.api.Test;

/** Routes, next hops and instance state, asserted as disposition plus hops (docs/architecture.md). */
class RoutingScenarioTest {
  private final Net n = new Net();
  private final String vpc = n.vpc("10.0.0.0/16");
  private final String app = n.subnet(vpc, "10.0.1.0/24");
  private final String edge = n.subnet(vpc, "10.0.9.0/24");
  private final String open = n.sg().in("ACCEPT", "ALL", "ALL", "0.0.0.0/0").out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
  private final String client = n.instance(app, "10.0.1.10", open);
  private final String gw = n.instance(edge, "10.0.9.10", open);
  private final String rtb = n.mainRouteTable(vpc);

  private TraceResult to(String address) {
    return trace(n.topology(), new Endpoint.Instance(client), new Endpoint.Address(vpc, IpAddr.parse(address)), IpProtocol.TCP, 443);
  }

  @Test
  void noRoute_outsideTheVpc() {
    assertTrace(to("192.168.1.1").forward(), Disposition.NO_ROUTE, null);
  }

  @Test
  void destinationNotFound_insideTheVpc() {
    assertTrace(to("10.0.1.99").forward(), Disposition.DESTINATION_NOT_FOUND, null);
  }

  @Test
  void unmodelledNextHop_unavailable() {
    n.route(rtb, "0.0.0.0/0", GatewayType.NAT, "nat-12345678", true);
    TraceResult r = to("8.8.8.8");
    assertTrace(r.forward(), Disposition.NEXT_HOP_UNAVAILABLE, null);
    assertThat(r.forward().lastStep().text()).contains("NAT", "not modelled");
  }

  @Test
  void disabledRoute_ignored() {
    n.route(rtb, "0.0.0.0/0", GatewayType.NAT, "nat-12345678", false);
    assertTrace(to("8.8.8.8").forward(), Disposition.NO_ROUTE, null);
  }

  @Test
  void localRoute_winsInsideTheVpc() {
    n.route(rtb, "0.0.0.0/0", GatewayType.NAT, "nat-12345678", true);
    assertTrace(tcp(n.topology(), client, gw, 22).forward(), Disposition.ACCEPTED, open + "#0");
  }

  @Test
  void longestPrefix_wins() {
    n.route(rtb, "0.0.0.0/0", GatewayType.NAT, "nat-12345678", true);
    n.route(rtb, "192.168.0.0/16", GatewayType.HAVIP, "havip-nothere", true);
    assertThat(to("192.168.3.3").forward().lastStep().text()).contains("192.168.0.0/16");
  }

  @Test
  void unboundHavip_unavailable() {
    String havip = n.haVip(edge, "10.0.9.100", null);
    n.route(rtb, "192.168.0.0/16", GatewayType.HAVIP, havip, true);
    TraceResult r = to("192.168.3.3");
    assertTrace(r.forward(), Disposition.NEXT_HOP_UNAVAILABLE, null);
    assertThat(r.forward().lastStep().text()).contains("not announced");
  }

  /** A CVM next hop forwards; with the same table it receives its own packet again: a loop. */
  @Test
  void cvmNextHop_forwardsAndLoops() {
    n.route(rtb, "192.168.0.0/16", GatewayType.CVM, gw, true);
    TraceResult r = to("192.168.3.3");
    assertTrace(r.forward(), Disposition.LOOP, null);
    assertThat(steps(r.forward())).contains("NetworkInterface:FORWARDED:FORWARDED");
  }

  /** A HAVIP next hop announced by the gateway hands the packet to it; its egress group decides. */
  @Test
  void havipNextHop_gatewayEgressDecides() {
    String closed = n.sg().in("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String gw2 = n.instance(edge, "10.0.9.11", closed);
    String havip = n.haVip(edge, "10.0.9.100", n.primaryEni(gw2));
    n.route(rtb, "192.168.0.0/16", GatewayType.HAVIP, havip, true);
    TraceResult r = to("192.168.3.3");
    assertTrace(r.forward(), Disposition.DENIED_SECURITY_GROUP_EGRESS, closed + "#-1");
  }

  @Test
  void havipAddress_deliveredToHolder() {
    String havip = n.haVip(edge, "10.0.9.100", n.primaryEni(gw));
    assertThat(havip).startsWith("havip-");
    assertTrace(to("10.0.9.100").forward(), Disposition.ACCEPTED, open + "#0");
  }

  @Test
  void stoppedInstance_notRunning() {
    n.setState(gw, InstanceState.STOPPED);
    Topology t = n.topology();
    assertTrace(tcp(t, client, gw, 22).forward(), Disposition.INSTANCE_NOT_RUNNING, null);
    assertTrace(tcp(t, gw, client, 22).forward(), Disposition.INSTANCE_NOT_RUNNING, null);
  }

  @Test
  void unknownSource_refusedNamingTheMember() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tcp(n.topology(), "ins-nothere", gw, 22))
        .hasMessageContaining("Source.InstanceId");
  }
}
