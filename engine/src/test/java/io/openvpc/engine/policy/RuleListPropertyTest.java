package io.openvpc.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.model.Direction;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortSpec;
import io.openvpc.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link RuleList#decide} and {@link RuleList#endMatches} read a list through its flat layout; whatever
 * the rules (several services, source ports, no service, named sets, blocks of either family) and the
 * packet (ports out of range included), they answer as the plain reading of the rules does.
 */
class RuleListPropertyTest {
  private static final String[] PORTS = {"ALL", "22", "80", "20-25", "22,80", "1000-65535", "1-65535", "0-100"};
  private static final String[] BLOCKS = {"0.0.0.0/0", "10.0.1.0/24", "10.0.0.0/16", "10.0.3.7/32", "::/0",
      "2402:4e00::/32", "2402:4e00::1:5/128", "2402:4e00::/112"};
  private static final int[] PROTOCOLS = {1, 6, 17, 47, 58, 255};
  private static final int[] PACKET_PORTS = {0, 1, 20, 22, 25, 80, 100, 999, 1000, 65535, -1, 65536};
  private static final AddressSets SETS = name -> Map.of(
      "sg-a", List.of(Prefix.parse("10.0.1.7/32"), Prefix.parse("10.0.2.0/24")),
      "sg-b", List.<Prefix>of()).getOrDefault(name, List.of());

  @Property(tries = 300)
  void decide_isFirstMatch(@ForAll long seed) {
    Random r = new Random(seed);
    List<PolicyRule> rules = new ArrayList<>();
    for (int i = r.nextInt(12); i > 0; i--) {
      rules.add(rule(r, rules.size()));
    }
    RuleRef fallback = new RuleRef(RuleRef.SECURITY_GROUP, "sg-x", Direction.INGRESS, -1, "default");
    RuleList list = new RuleList(rules, r.nextBoolean() ? Action.ACCEPT : Action.DROP, fallback);
    for (int k = 0; k < 40; k++) {
      Packet p = packet(r);
      Decision expected = new Decision(list.defaultAction(), fallback);
      for (PolicyRule rule : rules) {
        if (rule.matches(p, SETS)) {
          expected = new Decision(rule.action(), rule.ref());
          break;
        }
      }
      assertThat(list.decide(p, SETS)).as("%s in %s", p, rules).isEqualTo(expected);
      for (int i = 0; i < rules.size(); i++) {
        assertThat(list.endMatches(i, true, p.source(), SETS))
            .isEqualTo(rules.get(i).source().matches(p.source(), SETS));
        assertThat(list.endMatches(i, false, p.source(), SETS))
            .isEqualTo(rules.get(i).destination().matches(p.source(), SETS));
      }
    }
  }

  private static PolicyRule rule(Random r, int index) {
    List<ServiceMatch> services = new ArrayList<>();
    for (int s = r.nextInt(4) == 0 ? r.nextInt(3) : 1; s > 0; s--) {
      services.add(service(r));
    }
    return new PolicyRule(new RuleRef(RuleRef.SECURITY_GROUP, "sg-x", Direction.INGRESS, index, "rule " + index),
        r.nextBoolean() ? Action.ACCEPT : Action.DROP, address(r), address(r), services);
  }

  private static ServiceMatch service(Random r) {
    int kind = r.nextInt(6);
    if (kind == 0) {
      return ServiceMatch.ANY;
    }
    if (kind <= 2) {
      IpProtocol p = r.nextBoolean() ? IpProtocol.TCP : IpProtocol.UDP;
      PortSpec source = r.nextInt(4) == 0 ? PortSpec.parse(PORTS[r.nextInt(PORTS.length)].replace("0-100", "7"))
          : PortSpec.ALL;
      String dst = PORTS[r.nextInt(PORTS.length)];
      return new ServiceMatch(Optional.of(p), source, dst.equals("0-100") ? PortSpec.ALL : PortSpec.parse(dst));
    }
    IpProtocol p = List.of(IpProtocol.ICMP, IpProtocol.GRE, IpProtocol.ICMPV6).get(r.nextInt(3));
    return ServiceMatch.of(new ServiceSpec(Optional.of(p), PortSpec.ALL));
  }

  private static AddressMatch address(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> AddressMatch.ANY;
      case 1 -> new AddressMatch.Named(r.nextBoolean() ? "sg-a" : "sg-b");
      case 2 -> new AddressMatch.Blocks(List.of(Prefix.parse(BLOCKS[r.nextInt(BLOCKS.length)])));
      default -> new AddressMatch.Blocks(List.of(Prefix.parse(BLOCKS[r.nextInt(BLOCKS.length)]),
          Prefix.parse(BLOCKS[r.nextInt(BLOCKS.length)])));
    };
  }

  private static Packet packet(Random r) {
    boolean v6 = r.nextInt(5) == 0;
    Addr src = Addr.of(IpAddr.parse(v6 ? "2402:4e00::" + r.nextInt(9) : "10.0." + r.nextInt(4) + "." + r.nextInt(9)));
    Addr dst = Addr.of(IpAddr.parse(v6 ? "2402:4e00::1:" + r.nextInt(9) : "10.0." + r.nextInt(4) + "." + r.nextInt(9)));
    return new Packet(src, dst, PROTOCOLS[r.nextInt(PROTOCOLS.length)], PACKET_PORTS[r.nextInt(PACKET_PORTS.length)],
        PACKET_PORTS[r.nextInt(PACKET_PORTS.length)]);
  }
}
