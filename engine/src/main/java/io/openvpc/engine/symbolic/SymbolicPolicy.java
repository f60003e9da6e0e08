package io.openvpc.engine.symbolic;

import io.openvpc.engine.policy.Action;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.AddressMatch;
import io.openvpc.engine.policy.AddressSets;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.engine.policy.ServiceMatch;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortRange;
import io.openvpc.model.PortSpec;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbolic interpreter of {@link PolicyRule} and {@link RuleList}: the set of packets a rule
 * matches and the set a first-match list accepts, under a {@link View}. The fixed end is matched
 * concretely (it is one address), the free end and the services symbolically. Named sets and services
 * are memoised per analysis.
 */
public final class SymbolicPolicy {
  private final HeaderSpace h;
  private final Bdd bdd;
  private final AddressSets sets;
  private final Map<String, Integer> namedCache = new HashMap<>();
  private final Map<Object, Integer> serviceCache = new HashMap<>();
  private final Map<Addr, FixedIn> fixedIn = new HashMap<>();
  /** What each part of a list accepts and matches, by view. */
  private final Map<View, Map<RuleList, int[]>> parts = new HashMap<>();

  /**
   * The named sets as rules read them, with the membership of one fixed address memoised: the rules of
   * an analysis ask about the same address and the same few groups over and over.
   */
  private final class FixedIn implements AddressSets {
    private final Addr fixed;
    private final Map<String, Boolean> in = new HashMap<>();

    FixedIn(Addr fixed) {
      this.fixed = fixed;
    }

    @Override
    public List<Prefix> resolve(String name) {
      return sets.resolve(name);
    }

    @Override
    public boolean contains(String name, Addr address) {
      if (!address.equals(fixed)) {
        return sets.contains(name, address);
      }
      Boolean known = in.get(name);
      if (known == null) {
        known = sets.contains(name, address);
        in.put(name, known);
      }
      return known;
    }
  }

  public SymbolicPolicy(HeaderSpace h, AddressSets sets) {
    this.h = h;
    this.bdd = h.bdd();
    this.sets = sets;
  }

  /**
   * The packets (under {@code view}) that {@code list} accepts. A list made of parts (a segment each)
   * is put together from what each part accepts and matches, so that a segment shared by several
   * lists (a group bound alone and with others) is interpreted once: the packets a part matches are
   * decided by it, the others by the rest of the list.
   */
  public int accepted(RuleList list, View view) {
    int acc = list.defaultAction() == Action.ACCEPT ? Bdd.TRUE : Bdd.FALSE;
    if (list.parts().isEmpty()) {
      return fold(list, view, acc, null);
    }
    Map<RuleList, int[]> known = parts.computeIfAbsent(view, v -> new IdentityHashMap<>());
    for (int i = list.parts().size() - 1; i >= 0; i--) {
      RuleList part = list.parts().get(i);
      int[] acceptedMatched = known.get(part);
      if (acceptedMatched == null) {
        acceptedMatched = new int[] {Bdd.FALSE, Bdd.FALSE};
        acceptedMatched[0] = fold(part, view, Bdd.FALSE, acceptedMatched);
        known.put(part, acceptedMatched);
      }
      acc = bdd.or(acceptedMatched[0], bdd.diff(acc, acceptedMatched[1]));
    }
    return acc;
  }

  /**
   * First match over {@code list}'s rules, last to first, above {@code acc} (what the packets no rule
   * matches get); with {@code matched}, also collects in {@code matched[1]} the packets any rule matches.
   */
  private int fold(RuleList list, View view, int acc, int[] matched) {
    List<PolicyRule> rules = list.rules();
    AddressSets fixedSets = fixedIn.computeIfAbsent(view.fixed(), FixedIn::new);
    for (int i = rules.size() - 1; i >= 0; i--) {
      PolicyRule r = rules.get(i);
      int m = list.endMatches(i, !view.peerIsSource(), view.fixed(), fixedSets) ? free(r, view) : Bdd.FALSE;
      if (m == Bdd.FALSE) {
        continue;
      }
      acc = r.action() == Action.ACCEPT ? bdd.or(m, acc) : bdd.diff(acc, m);
      if (matched != null) {
        matched[1] = bdd.or(matched[1], m);
      }
    }
    return acc;
  }

  /** The packets (under {@code view}) that reach rule {@code index} of the list and match it. */
  public int firstMatch(RuleList list, int index, View view) {
    int remaining = Bdd.TRUE;
    for (int i = 0; i < index; i++) {
      remaining = bdd.diff(remaining, matches(list.rules().get(i), view));
    }
    return bdd.and(remaining, matches(list.rules().get(index), view));
  }

  /** The packets (under {@code view}) that a rule matches. */
  public int matches(PolicyRule r, View view) {
    AddressMatch fixedEnd = view.peerIsSource() ? r.destination() : r.source();
    return fixedEnd.matches(view.fixed(), sets) ? free(r, view) : Bdd.FALSE;
  }

  /** The packets (under {@code view}) a rule whose fixed end matches matches: its services and free end. */
  private int free(PolicyRule r, View view) {
    int services = Bdd.FALSE;
    for (ServiceMatch s : r.services()) {
      services = bdd.or(services, service(s, view));
    }
    if (services == Bdd.FALSE) {
      return Bdd.FALSE;
    }
    return bdd.and(services, address(view.peerIsSource() ? r.source() : r.destination()));
  }

  private int service(ServiceMatch s, View view) {
    Object key = key(s, view.reply());
    Integer cached = serviceCache.get(key);
    if (cached != null) {
      return cached;
    }
    int node = Bdd.TRUE;
    if (s.protocol().isPresent()) {
      IpProtocol p = s.protocol().get();
      node = h.protocol(p.number());
      if (p.hasPorts()) {
        node = bdd.and(node, ports(view.sourcePortField(), s.sourcePorts().ranges()));
        node = bdd.and(node, ports(view.destinationPortField(), s.destinationPorts().ranges()));
      }
    }
    serviceCache.put(key, node);
    return node;
  }

  /**
   * A service's cache key: most services are a protocol and one range of destination ports, which a
   * long says without hashing the service's parts; others are keyed by value.
   */
  private static Object key(ServiceMatch s, boolean reply) {
    PortSpec dst = s.destinationPorts();
    if (s.protocol().isPresent() && s.sourcePorts().isAll() && dst.ranges().size() == 1) {
      PortRange r = dst.ranges().get(0);
      long protocol = s.protocol().get().number();
      return protocol << 40 | (long) r.from() << 20 | (long) r.to() << 2 | (reply ? 1 : 0);
    }
    return List.of(s, reply);
  }

  private int ports(int field, List<PortRange> ranges) {
    int node = Bdd.FALSE;
    for (PortRange r : ranges) {
      node = bdd.or(node, h.ports(field, r));
    }
    return node;
  }

  /** The free-end addresses an address match covers. */
  public int address(AddressMatch m) {
    if (m instanceof AddressMatch.Any) {
      return Bdd.TRUE;
    }
    if (m instanceof AddressMatch.Blocks b) {
      return prefixes(b.prefixes());
    }
    String name = ((AddressMatch.Named) m).name();
    Integer cached = namedCache.get(name);
    if (cached == null) {
      cached = prefixes(sets.resolve(name));
      namedCache.put(name, cached);
    }
    return cached;
  }

  private int prefixes(List<Prefix> prefixes) {
    int node = Bdd.FALSE;
    for (Prefix p : prefixes) {
      node = bdd.or(node, h.prefix(p));
    }
    return node;
  }
}
