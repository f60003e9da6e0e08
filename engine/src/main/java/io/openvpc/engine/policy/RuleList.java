package io.openvpc.engine.policy;

import io.openvpc.model.PortRange;
import io.openvpc.model.PortSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered first-match list: the first rule that matches decides; when none does,
 * {@code defaultAction} applies, explained by {@code defaultRule}. A security group list is the
 * concatenation of the bound groups' rules in binding order with a default DROP; an ACL's is its
 * entries with a default DROP; a subnet without an ACL has an empty list with a default ACCEPT.
 * A list made of {@link #parts} (a filter's list of its segments, one part each) keeps them, so that an
 * analysis can interpret each segment once for every list it is part of. Immutable; equal when its
 * rules and default are.
 */
public final class RuleList {
  private final List<PolicyRule> rules;
  private final Action defaultAction;
  private final RuleRef defaultRule;
  private final List<RuleList> parts;
  /** The list laid out for {@link #decide}, made on its first call (analyses that only read rules never need it). */
  private Layout layout;

  public RuleList(List<PolicyRule> rules, Action defaultAction, RuleRef defaultRule) {
    this(rules, defaultAction, defaultRule, List.of());
  }

  private RuleList(List<PolicyRule> rules, Action defaultAction, RuleRef defaultRule, List<RuleList> parts) {
    this.rules = List.copyOf(rules);
    this.defaultAction = defaultAction;
    this.defaultRule = defaultRule;
    this.parts = parts;
  }

  /** A segment's rules, as a part of lists; what decides when none matches is the whole list's default. */
  public static RuleList part(List<PolicyRule> rules) {
    return new RuleList(rules, Action.DROP, null);
  }

  /** The list of {@code parts}' rules in order, then the default. */
  public static RuleList of(List<RuleList> parts, Action defaultAction, RuleRef defaultRule) {
    List<PolicyRule> rules;
    if (parts.size() == 1) {
      rules = parts.get(0).rules;
    } else {
      rules = new ArrayList<>();
      for (RuleList p : parts) {
        rules.addAll(p.rules);
      }
    }
    return new RuleList(rules, defaultAction, defaultRule, List.copyOf(parts));
  }

  public List<PolicyRule> rules() {
    return rules;
  }

  /** The parts the list was made of, in order; empty for a list made of rules. */
  public List<RuleList> parts() {
    return parts;
  }

  public Action defaultAction() {
    return defaultAction;
  }

  public RuleRef defaultRule() {
    return defaultRule;
  }

  /** The concrete evaluator: first match, else the default. */
  public Decision decide(Packet p, AddressSets sets) {
    return layout().decide(rules, p, sets);
  }

  /**
   * Whether the source ({@code source}) or the destination of rule {@code index} matches
   * {@code address}: what an analysis that fixes one end of the packet asks of every rule.
   */
  public boolean endMatches(int index, boolean source, Addr address, AddressSets sets) {
    return layout().endMatches(rules, 2 * index + (source ? 0 : 1), address, sets);
  }

  private Layout layout() {
    Layout l = layout;
    if (l == null) {
      l = new Layout(rules, new Decision(defaultAction, defaultRule));
      layout = l; // racing readers build equal layouts; any of them will do
    }
    return l;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof RuleList l && rules.equals(l.rules) && defaultAction == l.defaultAction
        && Objects.equals(defaultRule, l.defaultRule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rules, defaultAction, defaultRule);
  }

  @Override
  public String toString() {
    return "RuleList[rules=" + rules + ", defaultAction=" + defaultAction + ", defaultRule=" + defaultRule + "]";
  }

  /**
   * A list as the concrete evaluator reads it: per rule, in flat arrays, what most rules need to be
   * ruled out (one service: a protocol and its destination port ranges; each end any address or one
   * block), so that the rules a packet does not match cost a few reads of adjacent memory rather than a
   * walk through each rule's objects. Whatever does not fit (several services, source ports, named sets,
   * several blocks) is checked by the rule itself.
   */
  private static final class Layout {
    /** Any protocol and port. */
    private static final int ANY = -1;
    /** Anything else: the rule checks its services itself. */
    private static final int ITSELF = -2;
    /** No service: the rule matches nothing. */
    private static final int NONE = -3;

    private final int[] protocol;
    /** Rule i's destination port ranges are {@code ports[portsAt[i]] .. ports[portsAt[i + 1]]}, as pairs, in order. */
    private final int[] portsAt;
    private final int[] ports;
    /** Each end of each rule (source at 2i, destination at 2i+1): one of the codes below, or a block's. */
    private final int[] end;
    /** The block of an end that is one block: its network bits. */
    private final long[] endHi;
    private final long[] endLo;
    private final Decision[] decisions;
    private final Decision otherwise;

    Layout(List<PolicyRule> rules, Decision otherwise) {
      int n = rules.size();
      protocol = new int[n];
      portsAt = new int[n + 1];
      List<PortRange> ranges = new ArrayList<>(n);
      end = new int[2 * n];
      endHi = new long[2 * n];
      endLo = new long[2 * n];
      decisions = new Decision[n];
      this.otherwise = otherwise;
      for (int i = 0; i < n; i++) {
        PolicyRule r = rules.get(i);
        decisions[i] = new Decision(r.action(), r.ref());
        end(2 * i, r.source());
        end(2 * i + 1, r.destination());
        protocol[i] = ITSELF;
        List<PortRange> dports = List.of(PortRange.ALL);
        if (r.services().isEmpty()) {
          protocol[i] = NONE;
        } else if (r.services().size() == 1) {
          ServiceMatch s = r.services().get(0);
          if (s.protocol().isEmpty()) {
            protocol[i] = ANY;
          } else if (!s.protocol().get().hasPorts()) {
            protocol[i] = s.protocol().get().number();
          } else if (all(s.sourcePorts())) {
            protocol[i] = s.protocol().get().number();
            dports = s.destinationPorts().ranges();
          }
        }
        ranges.addAll(dports);
        portsAt[i + 1] = portsAt[i] + 2 * dports.size();
      }
      ports = new int[portsAt[n]];
      for (int k = 0; k < ranges.size(); k++) {
        ports[2 * k] = ranges.get(k).from();
        ports[2 * k + 1] = ranges.get(k).to();
      }
    }

    /** Whether rule {@code i}'s destination ports hold {@code port}; its ranges are sorted and disjoint. */
    private boolean portIn(int i, int port) {
      for (int k = portsAt[i]; k < portsAt[i + 1]; k += 2) {
        if (port <= ports[k + 1]) {
          return port >= ports[k];
        }
      }
      return false;
    }

    /** An end matching any address. */
    private static final int ANY_END = -1;
    /** An end the rule checks itself. */
    private static final int OTHER_END = -2;
    /** An end that is one IPv6 block: its code is this plus the prefix length (an IPv4 block's is its length). */
    private static final int V6 = 256;

    private void end(int at, AddressMatch m) {
      if (m instanceof AddressMatch.Any) {
        end[at] = ANY_END;
      } else if (m instanceof AddressMatch.Blocks b && b.prefixes().size() == 1) {
        Prefix p = b.prefixes().get(0);
        end[at] = p.length() + (p.v6() ? V6 : 0);
        endHi[at] = p.hi();
        endLo[at] = p.lo();
      } else {
        end[at] = OTHER_END;
      }
    }

    /** Whether end {@code at} (of rule {@code at / 2}) matches {@code a}; blocks test as {@link Prefix#contains}. */
    boolean endMatches(List<PolicyRule> rules, int at, Addr a, AddressSets sets) {
      int code = end[at];
      if (code == ANY_END) {
        return true;
      }
      if (code == OTHER_END) {
        PolicyRule r = rules.get(at >> 1);
        return ((at & 1) == 0 ? r.source() : r.destination()).matches(a, sets);
      }
      if (a.v6() != code >= V6) {
        return false;
      }
      int length = code >= V6 ? code - V6 : code;
      if (length <= 64) {
        long mask = length == 0 ? 0 : -1L << (64 - length);
        return (a.hi() & mask) == endHi[at];
      }
      long mask = length == 128 ? -1L : -1L << (128 - length);
      return a.hi() == endHi[at] && (a.lo() & mask) == endLo[at];
    }

    private static boolean valid(int port) {
      return port >= 0 && port <= PortRange.MAX;
    }

    private static boolean all(PortSpec ports) {
      return ports.ranges().size() == 1 && ports.ranges().get(0).isAll();
    }

    Decision decide(List<PolicyRule> rules, Packet p, AddressSets sets) {
      int proto = p.protocol();
      // a packet's ports are 0 unless it is TCP or UDP, and 0-65535 holds them; one that is not within
      // 0-65535 (no real packet) is left to the rules themselves, which check source ports too
      int port = p.destinationPort();
      if (!valid(p.sourcePort()) || !valid(port)) {
        for (int i = 0; i < protocol.length; i++) {
          if (rules.get(i).matches(p, sets)) {
            return decisions[i];
          }
        }
        return otherwise;
      }
      for (int i = 0; i < protocol.length; i++) {
        int want = protocol[i];
        if (want >= 0) {
          if (want != proto || !portIn(i, port)) {
            continue;
          }
        } else if (want == NONE) {
          continue;
        } else if (want == ITSELF) {
          if (rules.get(i).matches(p, sets)) {
            return decisions[i];
          }
          continue;
        }
        if (endMatches(rules, 2 * i, p.source(), sets) && endMatches(rules, 2 * i + 1, p.destination(), sets)) {
          return decisions[i];
        }
      }
      return otherwise;
    }
  }
}
