package io.openvpc.dataplane.render;

import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.dataplane.render.Filter.Peers;
import io.openvpc.dataplane.render.Filter.Rule;
import io.openvpc.dataplane.render.Filter.Service;
import io.openvpc.dataplane.render.Filter.Verdict;
import io.openvpc.model.Cidr;
import io.openvpc.model.PortRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the rules of one segment (a security group's rules of one direction, an ACL's entries of
 * one direction) as an nftables regular chain that {@code accept}s or {@code drop}s on a match and
 * falls through otherwise. Consecutive rules with the same verdict form a run; because the first match
 * within a run always gives the run's verdict, a run's literal rules are one lookup in a concatenated
 * interval set (address . protocol . port) per family and shape instead of one rule per entry, so
 * 10,000 entries cost a handful of set lookups, not a linear walk; a rule naming an address set (a
 * group, a template) is one rule looking that set up. Runs keep their order, so first-match semantics
 * hold.
 */
final class FilterChain {
  private static final int ANY_PROTOCOL = -1;

  private final String name;
  private final List<NftSet> sets = new ArrayList<>();
  private final List<String> rules = new ArrayList<>();
  private final java.util.Set<String> named = new java.util.TreeSet<>();

  private FilterChain(String name) {
    this.name = name;
  }

  /** A segment's chain, the sets its rules look up, and the named address sets they refer to. */
  record Parts(List<NftSet> sets, NftChain chain, java.util.Set<String> namedSets) {}

  /**
   * The chain named {@code name} of one rule segment, with its sets (named {@code <name>-<n>}): a
   * matching ACCEPT rule accepts (ending the stage's base chain), a matching DROP rule drops, and a
   * packet no rule matches falls through to the filter chain that jumped here, which tries its next
   * segment or applies its default. The filter's default is not rendered here.
   */
  static Parts render(String name, Filter filter) {
    FilterChain c = new FilterChain(name);
    for (List<Rule> run : runs(filter.rules())) {
      c.renderRun(run);
    }
    return new Parts(List.copyOf(c.sets), new NftChain(name, "", c.rules), java.util.Set.copyOf(c.named));
  }

  static List<List<Rule>> runs(List<Rule> rules) {
    List<List<Rule>> runs = new ArrayList<>();
    List<Rule> current = new ArrayList<>();
    for (Rule r : rules) {
      if (!current.isEmpty() && current.get(0).verdict() != r.verdict()) {
        runs.add(current);
        current = new ArrayList<>();
      }
      current.add(r);
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }

  /** The three shapes of a match: with ports, with a protocol only, or any protocol. */
  private enum Shape {
    PORTS,
    PROTOCOL,
    ANY_PROTOCOL
  }

  /**
   * One run of rules with the same verdict: the first match within it always gives the run's verdict,
   * so its literal rules become set lookups in any order, and rules naming an address set become one
   * rule each that looks the set up.
   */
  private void renderRun(List<Rule> run) {
    String verdict = run.get(0).verdict() == Verdict.ACCEPT ? "accept" : "drop";
    String comment = comment(run);
    List<Rule> literal = new ArrayList<>();
    for (Rule r : run) {
      if (r.sources().named() != null || r.destinations().named() != null) {
        for (boolean v6 : new boolean[] {false, true}) {
          renderNamed(r, v6, verdict);
        }
      } else {
        literal.add(r);
      }
    }
    for (boolean v6 : new boolean[] {false, true}) {
      for (Shape shape : Shape.values()) {
        renderGroup(literal, v6, shape, verdict, comment);
      }
    }
  }

  /** A rule with a named set at one end (or both): one rule per service, looking the set up. */
  private void renderNamed(Rule r, boolean v6, String verdict) {
    String src = end(r.sources(), v6, "saddr");
    String dst = end(r.destinations(), v6, "daddr");
    if (src == null || dst == null) {
      return;
    }
    String comment = r.ref().replace('"', '\'');
    for (Service s : r.services()) {
      if (s.protocol() == 1 && v6 || s.protocol() == 58 && !v6) {
        continue;
      }
      StringBuilder rule = new StringBuilder();
      if (src.isEmpty() && dst.isEmpty()) {
        rule.append("meta nfproto ").append(v6 ? "ipv6" : "ipv4").append(' ');
      }
      rule.append(src).append(dst);
      if (!s.anyProtocol()) {
        rule.append("meta l4proto ").append(s.protocol()).append(' ');
        if (!s.sourcePorts().isEmpty()) {
          rule.append("th sport ").append(portSet(s.sourcePorts())).append(' ');
        }
        if (!s.destinationPorts().isEmpty()) {
          rule.append("th dport ").append(portSet(s.destinationPorts())).append(' ');
        }
      }
      rules.add(rule.append(verdict).append(" comment \"").append(comment.length() > 120 ? comment.substring(0, 120)
          : comment).append('"').toString());
    }
  }

  /** One end of a rule as a match ("" for any address), or null when it holds no address of the family. */
  private String end(Peers peers, boolean v6, String field) {
    String family = v6 ? "ip6 " : "ip ";
    if (peers.any()) {
      return "";
    }
    if (peers.named() != null) {
      named.add(peers.named());
      return family + field + " @" + Names.addressSet(peers.named(), v6) + " ";
    }
    List<Cidr> blocks = blocks(peers, v6);
    if (blocks.isEmpty()) {
      return null;
    }
    return family + field + " { " + String.join(", ", blocks.stream().map(Cidr::toString).toList()) + " } ";
  }

  private static String portSet(List<PortRange> ranges) {
    return "{ " + String.join(", ", ranges.stream().map(Element::port).toList()) + " }";
  }

  private void renderGroup(List<Rule> run, boolean v6, Shape shape, String verdict, String comment) {
    boolean matchSource = false;
    boolean matchDestination = false;
    boolean sourcePorts = false;
    boolean destinationPorts = false;
    List<Element> elements = new ArrayList<>();
    for (Rule r : run) {
      List<Cidr> srcs = blocks(r.sources(), v6);
      List<Cidr> dsts = blocks(r.destinations(), v6);
      if (srcs.isEmpty() || dsts.isEmpty()) {
        continue;
      }
      for (Service s : r.services()) {
        if (shapeOf(s) != shape) {
          continue;
        }
        if (s.protocol() == 1 && v6 || s.protocol() == 58 && !v6) {
          continue;
        }
        List<PortRange> sports = ports(s.sourcePorts());
        List<PortRange> dports = ports(s.destinationPorts());
        sourcePorts |= !s.sourcePorts().isEmpty();
        destinationPorts |= !s.destinationPorts().isEmpty();
        matchSource |= !r.sources().any();
        matchDestination |= !r.destinations().any();
        for (Cidr src : srcs) {
          for (Cidr dst : dsts) {
            for (PortRange sp : sports) {
              for (PortRange dp : dports) {
                elements.add(new Element(src, dst, s.protocol(), sp, dp));
              }
            }
          }
        }
      }
    }
    if (elements.isEmpty()) {
      return;
    }
    List<String> types = new ArrayList<>();
    List<String> exprs = new ArrayList<>();
    String family = v6 ? "ip6" : "ip";
    String addrType = v6 ? "ipv6_addr" : "ipv4_addr";
    if (matchSource) {
      types.add(addrType);
      exprs.add(family + " saddr");
    }
    if (matchDestination) {
      types.add(addrType);
      exprs.add(family + " daddr");
    }
    if (shape != Shape.ANY_PROTOCOL) {
      types.add("inet_proto");
      exprs.add("meta l4proto");
    }
    if (shape == Shape.PORTS && sourcePorts) {
      types.add("inet_service");
      exprs.add("th sport");
    }
    if (shape == Shape.PORTS && destinationPorts) {
      types.add("inet_service");
      exprs.add("th dport");
    }
    if (types.isEmpty()) {
      // Any address of this family, any protocol: the run decides unconditionally for the family.
      rules.add("meta nfproto " + (v6 ? "ipv6" : "ipv4") + " " + verdict + " comment \"" + comment + "\"");
      return;
    }
    boolean withProto = shape != Shape.ANY_PROTOCOL;
    boolean withSport = shape == Shape.PORTS && sourcePorts;
    boolean withDport = shape == Shape.PORTS && destinationPorts;
    java.util.Map<String, DisjointSets.Box> boxes = new java.util.LinkedHashMap<>();
    for (Element e : elements) {
      DisjointSets.Box b = e.box(matchSource, matchDestination, withProto, withSport, withDport);
      boxes.putIfAbsent(b.text(), b);
    }
    List<List<DisjointSets.Box>> groups = types.size() == 1
        ? List.of(new ArrayList<>(boxes.values())) : DisjointSets.split(new ArrayList<>(boxes.values()));
    for (List<DisjointSets.Box> group : groups) {
      String set = name + "-" + sets.size();
      sets.add(new NftSet(set, "type " + String.join(" . ", types) + "; flags interval;"
          + (types.size() == 1 ? " auto-merge;" : ""), group.stream().map(DisjointSets.Box::text).toList()));
      String match = !matchSource && !matchDestination ? "meta nfproto " + (v6 ? "ipv6" : "ipv4") + " " : "";
      rules.add(match + String.join(" . ", exprs) + " @" + set + " " + verdict + " comment \"" + comment + "\"");
    }
  }

  private static Shape shapeOf(Service s) {
    if (s.protocol() == ANY_PROTOCOL) {
      return Shape.ANY_PROTOCOL;
    }
    return s.hasPorts() ? Shape.PORTS : Shape.PROTOCOL;
  }

  private static final Cidr ANY_V4 = Cidr.parse("0.0.0.0/0");
  private static final Cidr ANY_V6 = Cidr.parse("::/0");
  private static final PortRange ANY_PORT = new PortRange(0, 65535);

  private static List<Cidr> blocks(Peers peers, boolean v6) {
    if (peers.any()) {
      return List.of(v6 ? ANY_V6 : ANY_V4);
    }
    List<Cidr> out = new ArrayList<>();
    for (Cidr c : peers.blocks()) {
      if (c.isIpv6() == v6) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<PortRange> ports(List<PortRange> ranges) {
    return ranges.isEmpty() ? List.of(ANY_PORT) : ranges;
  }

  /** The refs of a run, as a rule comment (nftables keeps at most 128 bytes). */
  private static String comment(List<Rule> run) {
    String first = run.get(0).ref();
    String text = run.size() == 1 ? first : first + " .. " + run.get(run.size() - 1).ref();
    text = text.replace('"', '\'');
    return text.length() > 120 ? text.substring(0, 120) : text;
  }

  private record Element(Cidr src, Cidr dst, int protocol, PortRange sport, PortRange dport) {
    DisjointSets.Box box(boolean withSrc, boolean withDst, boolean withProto, boolean withSport, boolean withDport) {
      List<BigInteger> lo = new ArrayList<>(5);
      List<BigInteger> hi = new ArrayList<>(5);
      StringBuilder text = new StringBuilder();
      if (withSrc) {
        field(text, src.toString(), src.first().value(), src.last().value(), lo, hi);
      }
      if (withDst) {
        field(text, dst.toString(), dst.first().value(), dst.last().value(), lo, hi);
      }
      if (withProto) {
        field(text, Integer.toString(protocol), BigInteger.valueOf(protocol), BigInteger.valueOf(protocol), lo, hi);
      }
      if (withSport) {
        field(text, port(sport), BigInteger.valueOf(sport.from()), BigInteger.valueOf(sport.to()), lo, hi);
      }
      if (withDport) {
        field(text, port(dport), BigInteger.valueOf(dport.from()), BigInteger.valueOf(dport.to()), lo, hi);
      }
      return new DisjointSets.Box(lo.toArray(BigInteger[]::new), hi.toArray(BigInteger[]::new), text.toString());
    }

    private static void field(StringBuilder text, String t, BigInteger from, BigInteger to, List<BigInteger> lo,
        List<BigInteger> hi) {
      if (text.length() > 0) {
        text.append(" . ");
      }
      text.append(t);
      lo.add(from);
      hi.add(to);
    }

    private static String port(PortRange r) {
      return r.from() == r.to() ? Integer.toString(r.from()) : r.from() + "-" + r.to();
    }
  }
}
