package io.openvpc.engine;

import static io.openvpc.engine.Traces.assertTrace;
import static io.openvpc.engine.Traces.steps;
import static io.openvpc.engine.Traces.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.engine.graph.Disposition;
import io.openvpc.engine.trace.TraceResult;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/modeling/network-acls.md, asserted as disposition plus hops. */
class NetworkAclScenarioTest {
  private final Net n = new Net();
  private final String vpc = n.vpc("10.0.0.0/16");
  private final String app = n.subnet(vpc, "10.0.1.0/24");
  private final String db = n.subnet(vpc, "10.0.2.0/24");
  private final String open = n.sg().in("ACCEPT", "ALL", "ALL", "0.0.0.0/0").out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
  private final String client = n.instance(app, "10.0.1.10", open);
  private final String server = n.instance(db, "10.0.2.10", open);
  private final String neighbour = n.instance(db, "10.0.2.11", open);

  /** Example 1: stateless; the ACL admits the request but not the reply, so the flow fails. */
  @Test
  void stateless_replyNeedsItsOwnEntry() {
    String acl = n.acl().in("ACCEPT", "TCP", "5432", "10.0.1.0/24").on(db);
    TraceResult r = tcp(n.topology(), client, server, 5432);
    assertTrace(r.forward(), Disposition.ACCEPTED, open + "#0");
    assertThat(steps(r.forward())).contains("Subnet:NETWORK_ACL_INBOUND:PERMITTED");
    assertTrace(r.returnPath(), Disposition.DENIED_NETWORK_ACL_OUTBOUND, acl + "#-1");
    assertThat(r.reachable()).isFalse();
  }

  /** Example 2: with an outbound entry for the replies the flow works. */
  @Test
  void stateless_withReplyEntry_reachable() {
    String acl = n.acl().in("ACCEPT", "TCP", "5432", "10.0.1.0/24").out("ACCEPT", "TCP", "ALL", "10.0.1.0/24").on(db);
    TraceResult r = tcp(n.topology(), client, server, 5432);
    assertThat(r.reachable()).isTrue();
    assertThat(r.returnPath().hops().get(1).steps().get(1).rule().resourceId()).isEqualTo(acl);
  }

  /** Example 3: first match, then the default DROP ALL. */
  @Test
  void firstMatch_thenDefaultDrop() {
    String acl = n.acl().in("DROP", "TCP", "22", "10.0.1.0/24").in("ACCEPT", "TCP", "ALL", "10.0.0.0/16")
        .out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").on(db);
    assertTrace(tcp(n.topology(), client, server, 22).forward(), Disposition.DENIED_NETWORK_ACL_INBOUND, acl + "#0");
    assertTrace(tcp(n.topology(), client, server, 80).forward(), Disposition.ACCEPTED, open + "#0");
    TraceResult udp = Traces.trace(n.topology(), new io.openvpc.engine.trace.Endpoint.Instance(client),
        new io.openvpc.engine.trace.Endpoint.Instance(server), io.openvpc.model.IpProtocol.UDP, 53);
    assertTrace(udp.forward(), Disposition.DENIED_NETWORK_ACL_INBOUND, acl + "#-1");
  }

  /** Example 4: the outbound ACL of the sending subnet is checked first. */
  @Test
  void outbound_ofSendingSubnet() {
    String acl = n.acl().out("DROP", "ALL", "ALL", "10.0.2.0/24").on(app);
    assertTrace(tcp(n.topology(), client, server, 80).forward(), Disposition.DENIED_NETWORK_ACL_OUTBOUND, acl + "#0");
  }

  /** Example 5: traffic between two ENIs of one subnet never leaves it and the ACL does not apply. */
  @Test
  void sameSubnet_notFiltered() {
    n.acl().on(db);
    TraceResult r = tcp(n.topology(), neighbour, server, 80);
    assertThat(r.reachable()).isTrue();
    assertThat(steps(r.forward())).noneMatch(s -> s.contains("NETWORK_ACL"));
  }

  /** Example 6: a subnet without an ACL lets everything pass. */
  @Test
  void noAcl_allowsAll() {
    TraceResult r = tcp(n.topology(), client, server, 80);
    assertThat(r.reachable()).isTrue();
    assertThat(r.forward().hops().get(1).steps().get(1).rule().text()).contains("no network ACL");
  }
}
