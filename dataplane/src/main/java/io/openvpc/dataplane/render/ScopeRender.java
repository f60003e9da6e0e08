package io.openvpc.dataplane.render;

import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.dataplane.host.NftTable;
import io.openvpc.dataplane.host.Route;
import io.openvpc.dataplane.host.RoutingRule;
import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.EdgeId;
import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.GraphChange;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.policy.Prefix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The desired host state of one scope, kept current one graph change at a time. Each node is rendered
 * by its kind's renderer into parts of namespaces; each segment (a group's or an ACL's rules of one
 * direction) into one chain, and each named address set into one set per family, once per scope. A
 * change re-renders only the nodes it touched and those that read them, the segments and sets it
 * changed, and reassembles only the namespaces those contribute to. Pure: no I/O.
 *
 * <p>Not thread-safe: the data plane's worker owns it.
 */
public final class ScopeRender {
  private static final Comparator<NodeId> ORDER =
      Comparator.comparing((NodeId n) -> n.kind().ordinal()).thenComparing(NodeId::id);

  private final Renderers renderers;
  /** What each rendered node contributes, what it read, and the node as rendered. */
  private final Map<NodeId, Rendered> rendered = new HashMap<>();
  /** Who read what: a node ID, or a members or children key, to the nodes whose rendering read it. */
  private final Map<Object, Set<NodeId>> readers = new HashMap<>();
  /** The contributors of each namespace. */
  private final Map<String, Set<NodeId>> contributors = new HashMap<>();
  /** The namespaces that use a segment or a named set, by its name, and the other way round. */
  private final Map<String, Set<String>> usedBy = new HashMap<>();
  private final Map<String, Set<String>> uses = new HashMap<>();
  private final Map<String, FilterChain.Parts> segments = new HashMap<>();
  private final Map<String, List<NftSet>> namedSets = new HashMap<>();
  /** The assembled namespaces. */
  private final Map<String, Netns> namespaces = new TreeMap<>();

  private record Rendered(Node node, List<NetnsPart> parts, Set<Object> reads) {}

  private record Members(String id) {}

  private record Children(NodeId id) {}

  public ScopeRender(Renderers renderers) {
    this.renderers = renderers;
  }

  /** The host state of a whole graph, rendered at once (for tests and tools). */
  public static io.openvpc.dataplane.host.HostState whole(Graph graph) {
    ScopeRender r = new ScopeRender(Renderers.linux());
    r.apply(graph, GraphChange.full(graph.revision()));
    return new io.openvpc.dataplane.host.HostState(r.namespaces());
  }

  /** Every namespace of the scope as it is desired now. */
  public Map<String, Netns> namespaces() {
    return java.util.Collections.unmodifiableMap(namespaces);
  }

  /**
   * Applies what a change touched; answers the namespaces whose desired state changed (a removed one
   * maps to null).
   */
  public Map<String, Netns> apply(Graph graph, GraphChange change) {
    Set<String> affected = new HashSet<>();
    Set<NodeId> dirty = new TreeSet<>(ORDER);
    if (change.full()) {
      dirty.addAll(rendered.keySet());
      for (var kind : renderers.kinds()) {
        graph.nodes(kind).forEach(n -> dirty.add(n.id()));
      }
      segments.clear();
      namedSets.clear();
      affected.addAll(namespaces.keySet());
    } else {
      for (NodeId id : change.nodes()) {
        dirty.add(id);
        Rendered was = rendered.get(id);
        dependents(id, was == null ? null : was.node(), graph.node(id).orElse(null), dirty);
      }
      for (EdgeId e : change.edges()) {
        dirty.addAll(readers.getOrDefault(e, Set.of()));
      }
      for (String s : change.segments()) {
        segments.remove(s);
        affected.addAll(usedBy.getOrDefault(s, Set.of()));
      }
      for (String s : change.sets()) {
        namedSets.remove(s);
        affected.addAll(usedBy.getOrDefault(s, Set.of()));
      }
    }
    for (NodeId id : dirty) {
      render(graph, id, affected);
    }
    Map<String, Netns> out = new LinkedHashMap<>();
    for (String ns : affected) {
      Netns before = namespaces.get(ns);
      Netns now = assemble(graph, ns);
      if (now == null) {
        namespaces.remove(ns);
      } else {
        namespaces.put(ns, now);
      }
      if (!java.util.Objects.equals(before, now)) {
        out.put(ns, now);
      }
    }
    return out;
  }

  /**
   * Adds to {@code dirty} the nodes whose rendering read the changed node ({@code was} as last rendered,
   * {@code now} as it is), the members of its resource, or (when it came, went or moved) its parent's
   * children.
   */
  private void dependents(NodeId id, Node was, Node now, Set<NodeId> dirty) {
    dirty.addAll(readers.getOrDefault(id, Set.of()));
    for (Node n : new Node[] {was, now}) {
      if (n != null && n.host() != null) {
        dirty.addAll(readers.getOrDefault(new Members(n.host().id()), Set.of()));
      }
    }
    boolean moved = was == null || now == null || !java.util.Objects.equals(was.parent(), now.parent());
    for (Node n : new Node[] {was, now}) {
      if (moved && n != null && n.parent() != null) {
        dirty.addAll(readers.getOrDefault(new Children(n.parent()), Set.of()));
      }
    }
  }

  private void render(Graph graph, NodeId id, Set<String> affected) {
    Rendered old = rendered.remove(id);
    if (old != null) {
      for (Object r : old.reads()) {
        Set<NodeId> s = readers.get(r);
        if (s != null && s.remove(id) && s.isEmpty()) {
          readers.remove(r);
        }
      }
    }
    Optional<Node> node = graph.node(id);
    Optional<NodeRenderer> renderer = renderers.of(id.kind());
    List<NetnsPart> parts = List.of();
    if (node.isPresent() && renderer.isPresent()) {
      Tracking ctx = new Tracking(graph);
      parts = renderer.get().render(node.get(), ctx);
      rendered.put(id, new Rendered(node.get(), parts, ctx.reads));
      for (Object r : ctx.reads) {
        readers.computeIfAbsent(r, k -> new HashSet<>()).add(id);
      }
    }
    List<NetnsPart> before = old == null ? List.of() : old.parts();
    if (!before.equals(parts)) {
      for (NetnsPart p : before) {
        affected.add(p.namespace());
        Set<NodeId> c = contributors.get(p.namespace());
        if (c != null) {
          c.remove(id);
        }
      }
      for (NetnsPart p : parts) {
        affected.add(p.namespace());
        contributors.computeIfAbsent(p.namespace(), k -> new TreeSet<>(ORDER)).add(id);
      }
    }
  }

  /** Merges a namespace's parts, with the chains of the segments and the sets they use; null when nothing anchors it. */
  private Netns assemble(Graph graph, String ns) {
    Set<NodeId> from = contributors.getOrDefault(ns, Set.of());
    List<NetnsPart> parts = new ArrayList<>();
    boolean anchored = false;
    for (NodeId id : from) {
      Rendered r = rendered.get(id);
      if (r != null) {
        for (NetnsPart p : r.parts()) {
          if (p.namespace().equals(ns)) {
            parts.add(p);
            anchored |= p.anchors();
          }
        }
      }
    }
    forget(ns);
    if (!anchored) {
      if (from.isEmpty()) {
        contributors.remove(ns);
      }
      return null;
    }
    Netns.Role role = parts.get(0).role();
    Set<String> sysctls = new LinkedHashSet<>();
    List<Link> links = new ArrayList<>();
    List<Address> addresses = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    List<RoutingRule> rules = new ArrayList<>();
    Map<String, NftSet> sets = new LinkedHashMap<>();
    Map<String, NftChain> chains = new LinkedHashMap<>();
    Map<String, List<String>> elements = new HashMap<>();
    Set<String> usedSegments = new TreeSet<>();
    String resolv = "";
    for (NetnsPart p : parts) {
      sysctls.addAll(p.sysctls());
      links.addAll(p.links());
      addresses.addAll(p.addresses());
      routes.addAll(p.routes());
      rules.addAll(p.rules());
      p.sets().forEach(s -> sets.putIfAbsent(s.name(), s));
      p.chains().forEach(c -> chains.putIfAbsent(c.name(), c));
      p.elements().forEach((set, e) -> elements.computeIfAbsent(set, k -> new ArrayList<>()).addAll(e));
      usedSegments.addAll(p.segments());
      if (resolv.isEmpty()) {
        resolv = p.resolvConf();
      }
    }
    Set<String> usedNamed = new TreeSet<>();
    for (String segment : usedSegments) {
      FilterChain.Parts c = segments.computeIfAbsent(segment,
          s -> FilterChain.render(Names.segmentChain(s), Rules.of(graph.segment(s))));
      chains.putIfAbsent(c.chain().name(), c.chain());
      c.sets().forEach(s -> sets.putIfAbsent(s.name(), s));
      usedNamed.addAll(c.namedSets());
      use(segment, ns);
    }
    for (String name : usedNamed) {
      for (NftSet s : namedSets.computeIfAbsent(name, n -> addressSets(graph, n))) {
        sets.putIfAbsent(s.name(), s);
      }
      use(name, ns);
    }
    List<NftSet> withElements = new ArrayList<>(sets.size());
    for (NftSet s : sets.values()) {
      List<String> extra = elements.get(s.name());
      if (extra == null) {
        withElements.add(s);
      } else {
        List<String> all = new ArrayList<>(s.elements());
        all.addAll(extra);
        all.sort(null);
        withElements.add(new NftSet(s.name(), s.declaration(), all));
      }
    }
    NftTable table = new NftTable(withElements, new ArrayList<>(chains.values()));
    return new Netns(ns, role, new ArrayList<>(sysctls), links, addresses, routes, rules, table, resolv);
  }

  private void use(String name, String ns) {
    usedBy.computeIfAbsent(name, k -> new HashSet<>()).add(ns);
    uses.computeIfAbsent(ns, k -> new HashSet<>()).add(name);
  }

  /** Forgets which segments and sets a namespace used; its assembly records them again. */
  private void forget(String ns) {
    Set<String> names = uses.remove(ns);
    if (names != null) {
      for (String name : names) {
        Set<String> s = usedBy.get(name);
        if (s != null && s.remove(ns) && s.isEmpty()) {
          usedBy.remove(name);
        }
      }
    }
  }

  /** A named address set's IPv4 and IPv6 sets, with every member block. */
  private static List<NftSet> addressSets(Graph graph, String name) {
    List<String> v4 = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    for (Prefix p : graph.resolve(name)) {
      (p.cidr().isIpv6() ? v6 : v4).add(p.cidr().toString());
    }
    return List.of(new NftSet(Names.addressSet(name, false), "type ipv4_addr; flags interval; auto-merge;", v4),
        new NftSet(Names.addressSet(name, true), "type ipv6_addr; flags interval; auto-merge;", v6));
  }

  /** A renderer's view of the graph that remembers what it read. */
  private static final class Tracking implements RenderContext {
    private final Graph graph;
    final Set<Object> reads = new HashSet<>();

    Tracking(Graph graph) {
      this.graph = graph;
    }

    @Override
    public Optional<Node> node(NodeId id) {
      reads.add(id);
      return graph.node(id);
    }

    @Override
    public Collection<Node> members(String id) {
      reads.add(new Members(id));
      return graph.members(id);
    }

    @Override
    public Collection<Node> children(NodeId parent) {
      reads.add(new Children(parent));
      return graph.children(parent);
    }

    @Override
    public Optional<Edge> edge(NodeId from, NodeId to) {
      reads.add(new EdgeId(from, to));
      return graph.edge(from, to);
    }
  }
}
