package io.openvpc.engine;

import static io.openvpc.engine.Traces.assertTrace;
import static io.openvpc.engine.Traces.steps;
import static io.openvpc.engine.Traces.tcp;
import static io.openvpc.engine.Traces.trace;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.engine.graph.Disposition;
import io.openvpc.engine.trace.Endpoint;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/modeling/security-groups.md, asserted as disposition plus hops. */
class SecurityGroupScenarioTest {
  /** Example 1: a web tier reaches its database on 3306 through a group reference, and nothing else. */
  @Test
  void groupReference_admitsMembersOnly() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String s = n.subnet(vpc, "10.0.1.0/24");
    String web = n.sg().out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String db = n.sg().in("ACCEPT", "TCP", "3306", web).id();
    String w = n.instance(s, "10.0.1.10", web);
    String d = n.instance(s, "10.0.1.20", db);
    String other = n.instance(s, "10.0.1.30", n.sg().out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id());

    TraceResult ok = tcp(n.topology(), w, d, 3306);
    assertTrace(ok.forward(), Disposition.ACCEPTED, db + "#0");
    assertThat(steps(ok.forward())).containsExactly(
        "NetworkInterface:ORIGINATED:SENT",
        "NetworkInterface:SECURITY_GROUP_EGRESS:PERMITTED",
        "Subnet:ROUTE_LOOKUP:FORWARDED",
        "NetworkInterface:SECURITY_GROUP_INGRESS:PERMITTED",
        "NetworkInterface:DELIVERED:ACCEPTED");
    assertThat(ok.reachable()).isTrue();

    assertTrace(tcp(n.topology(), w, d, 22).forward(), Disposition.DENIED_SECURITY_GROUP_INGRESS, db + "#-1");
    assertTrace(tcp(n.topology(), other, d, 3306).forward(), Disposition.DENIED_SECURITY_GROUP_INGRESS, db + "#-1");
  }

  /** Example 2: first match from the top; a DROP above an ACCEPT wins for what it covers. */
  @Test
  void firstMatch_topDown() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String a = n.subnet(vpc, "10.0.1.0/24");
    String b = n.subnet(vpc, "10.0.2.0/24");
    String any = n.sg().out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String srv = n.sg().in("DROP", "TCP", "22", "10.0.1.0/24").in("ACCEPT", "ALL", "ALL", "10.0.0.0/16").id();
    String server = n.instance(b, "10.0.2.10", srv);
    String fromA = n.instance(a, "10.0.1.10", any);
    String fromB = n.instance(b, "10.0.2.11", any);
    assertTrace(tcp(n.topology(), fromA, server, 22).forward(), Disposition.DENIED_SECURITY_GROUP_INGRESS, srv + "#0");
    assertTrace(tcp(n.topology(), fromA, server, 80).forward(), Disposition.ACCEPTED, srv + "#1");
    assertTrace(tcp(n.topology(), fromB, server, 22).forward(), Disposition.ACCEPTED, srv + "#1");
  }

  /** Example 3: several groups on one ENI are one list in binding order. */
  @Test
  void severalGroups_bindingOrderDecides() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String s = n.subnet(vpc, "10.0.1.0/24");
    String any = n.sg().out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String deny = n.sg().in("DROP", "TCP", "80", "0.0.0.0/0").id();
    String allow = n.sg().in("ACCEPT", "TCP", "80,443", "0.0.0.0/0").id();
    String client = n.instance(s, "10.0.1.10", any);
    String denyFirst = n.instance(s, "10.0.1.20", deny, allow);
    String allowFirst = n.instance(s, "10.0.1.30", allow, deny);
    assertTrace(tcp(n.topology(), client, denyFirst, 80).forward(), Disposition.DENIED_SECURITY_GROUP_INGRESS, deny + "#0");
    assertTrace(tcp(n.topology(), client, denyFirst, 443).forward(), Disposition.ACCEPTED, allow + "#0");
    assertTrace(tcp(n.topology(), client, allowFirst, 80).forward(), Disposition.ACCEPTED, allow + "#0");
  }

  /** Example 4: a group with no rules denies everything; here on the way out. */
  @Test
  void emptyGroup_deniesEgress() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String s = n.subnet(vpc, "10.0.1.0/24");
    String empty = n.sg().id();
    String open = n.sg().in("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String a = n.instance(s, "10.0.1.10", empty);
    String b = n.instance(s, "10.0.1.20", open);
    TraceResult r = tcp(n.topology(), a, b, 80);
    assertTrace(r.forward(), Disposition.DENIED_SECURITY_GROUP_EGRESS, empty + "#-1");
    assertThat(r.returnPath()).isNull();
    assertThat(r.reachable()).isFalse();
  }

  /** Example 5: stateful; the reply passes although the server's egress allows nothing. */
  @Test
  void stateful_replyPassesWithoutEgressRule() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String s = n.subnet(vpc, "10.0.1.0/24");
    String client = n.instance(s, "10.0.1.10", n.sg().out("ACCEPT", "TCP", "443", "10.0.1.0/24").id());
    String server = n.instance(s, "10.0.1.20", n.sg().in("ACCEPT", "TCP", "443", "10.0.1.10").id());
    TraceResult r = tcp(n.topology(), client, server, 443);
    assertThat(r.reachable()).isTrue();
    assertThat(steps(r.returnPath())).contains("NetworkInterface:SECURITY_GROUP_EGRESS:PERMITTED",
        "NetworkInterface:SECURITY_GROUP_INGRESS:PERMITTED");
    assertThat(r.returnPath().hops().get(0).steps().get(1).rule()).isNull();
  }

  /** Example 6: IPv6 rules match IPv6 only; 0.0.0.0/0 does not admit IPv6 and ::/0 not IPv4. */
  @Test
  void ipv6_familiesDoNotMix() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16", "2402:4e00:1000::/56");
    String s = n.subnet(vpc, "10.0.1.0/24", "2402:4e00:1000:1::/64");
    String any = n.sg().out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").out("ACCEPT", "ALL", "ALL", "::/0").id();
    String v6only = n.sg().in("ACCEPT", "ICMPv6", "ALL", "::/0").in("ACCEPT", "TCP", "22", "::/0").id();
    String a = n.instance(s, "10.0.1.10", any);
    String b = n.instance(s, "10.0.1.20", v6only);
    n.addIpv6(n.primaryEni(a), "2402:4e00:1000:1::10");
    n.addIpv6(n.primaryEni(b), "2402:4e00:1000:1::20");
    var t = n.topology();
    assertTrace(trace(t, new Endpoint.Instance(a), new Endpoint.Instance(b), IpProtocol.ICMPV6, 0).forward(),
        Disposition.ACCEPTED, v6only + "#0");
    assertTrace(tcp(t, a, b, 22).forward(), Disposition.DENIED_SECURITY_GROUP_INGRESS, v6only + "#-1");
    assertTrace(trace(t, new Endpoint.Instance(a), new Endpoint.Address(vpc, IpAddr.parse("2402:4e00:1000:1::20")),
        IpProtocol.TCP, 22).forward(), Disposition.ACCEPTED, v6only + "#1");
  }

  /** Example 7: a group reference follows membership: every private address of every bound ENI. */
  @Test
  void groupReference_coversSecondaryAddresses() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String s = n.subnet(vpc, "10.0.1.0/24");
    String app = n.sg().out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String db = n.sg().in("ACCEPT", "TCP", "5432", app).id();
    String a = n.instance(s, "10.0.1.10", app);
    String d = n.instance(s, "10.0.1.20", db);
    n.addPrivateIp(n.primaryEni(a), "10.0.1.11");
    var t = n.topology();
    assertTrace(trace(t, new Endpoint.Address(vpc, IpAddr.parse("10.0.1.11")), new Endpoint.Instance(d), IpProtocol.TCP, 5432)
        .forward(), Disposition.ACCEPTED, db + "#0");
  }
}
