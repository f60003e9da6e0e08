package io.openvpc.engine.compile;

import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.EdgeId;
import io.openvpc.engine.graph.Filter;
import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.GraphChange;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.graph.NodeKind;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Resource;
import io.openvpc.model.ResourceKey;
import io.openvpc.model.Route;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import io.openvpc.model.TopologyChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forwarding graph of one scope, built by the registered {@link Compilers} and kept current one
 * committed change at a time.
 *
 * <p>Every element of the graph lives in a slot (a node, an edge, an address owner, a rule segment, a
 * named set's part, an artifact) written by the compile of one resource, its contributor. Each compile
 * records what it read. {@link #apply} recompiles the resources a change put or deleted, then, until
 * nothing more changes, every resource that read a slot or a resource whose value changed, in the
 * registry's order; a compiler whose input is declared {@code RECOMPUTE} has all its resources
 * recompiled instead. A recompile's writes replace the contributor's previous ones, and only slots
 * whose value really differs count as changed, which is what stops the propagation and what
 * {@link GraphChange} reports to the data plane.
 *
 * <p>Not thread-safe for writers: the engine serialises {@link #apply} against readers.
 */
public final class CompiledGraph implements Graph {
  private static final Comparator<ResourceKey> BY_KEY =
      Comparator.comparing((ResourceKey k) -> k.type().getSimpleName()).thenComparing(ResourceKey::id);
  /** More recompiles of one resource than this in one change means a dependency cycle. */
  private static final int MAX_RECOMPILES = 16;

  private final Scope scope;
  private final Compilers compilers;
  private long revision;
  private Topology topology;

  private final Map<Slot, Cell> slots;
  private final Map<NodeKind, Map<String, Node>> byKind = new EnumMap<>(NodeKind.class);
  private final Map<String, Node> byResourceId = new HashMap<>();
  private final Map<String, Map<NodeId, Node>> holders = new HashMap<>();
  /** Each node's place: the node, its parent's place, its children and the edges leaving it. */
  private final Map<NodeId, Vertex> vertices = new HashMap<>();
  private final Map<String, List<Prefix>> setCache = new ConcurrentHashMap<>();
  /** Read indexes of the slots the walk reads most, kept as the slots change. */
  private final Map<String, List<PolicyRule>> segments = new HashMap<>();
  private final Map<OwnerKey, NodeId> owners = new HashMap<>();
  private final Map<String, NodeId> endpoints = new HashMap<>();
  /** Filters' rule lists by what defines them, so that equal filters share one list; reset when a segment changes. */
  private final Map<RulesKey, RuleList> rules = new ConcurrentHashMap<>();

  private final Map<ResourceKey, Contribution> contributions = new HashMap<>();
  /** Who read what: a resource key or slot to the one reader (most have one) or a set of readers. */
  private final Map<Object, Object> dependents = new HashMap<>();

  /** What the change being applied touched. */
  private Touched touched;

  private CompiledGraph(Scope scope, Compilers compilers, int expectedSlots) {
    this.scope = scope;
    this.compilers = compilers;
    this.slots = new HashMap<>(Math.max(16, expectedSlots * 4 / 3));
  }

  /** Compiles a whole snapshot. */
  public static CompiledGraph compile(Topology t, Compilers compilers) {
    int resources = 0;
    for (ResourceCompiler<?> c : compilers.all()) {
      resources += t.count(c.kind());
    }
    // an ENI writes about ten slots; sizing up front saves rehashing the largest map of the graph
    CompiledGraph g = new CompiledGraph(t.scope(), compilers, resources * 8);
    g.topology = t;
    g.touched = new Touched(true);
    for (ResourceCompiler<?> c : compilers.all()) {
      // producers come before their readers, so a resource is rarely compiled twice; when a reader
      // was compiled first, what it read changing queues it again
      for (Resource r : t.all(c.kind())) {
        g.recompile(ResourceKey.of(r));
      }
      g.drain();
    }
    g.touched = null;
    g.revision = t.revision();
    return g;
  }

  /**
   * Applies one committed change, taking the graph from {@code change.before()}'s revision to
   * {@code change.after()}'s, and says what it touched.
   *
   * @throws IllegalStateException when the graph is not at {@code change.before()}'s revision
   */
  public GraphChange apply(TopologyChange change) {
    if (change.before().revision() != revision) {
      throw new IllegalStateException("graph of " + scope + " is at revision " + revision + ", the change starts at "
          + change.before().revision());
    }
    topology = change.after();
    touched = new Touched(false);
    try {
      for (ResourceKey k : change.keys()) {
        touched.queue(compilers, k);
        touched.dependents(this, k);
        for (ResourceCompiler<?> c : compilers.recomputeOn(k.type())) {
          touched.recompute(this, c);
        }
      }
      drain();
      revision = change.after().revision();
      return new GraphChange(revision, false, touched.nodes, touched.edges, touched.segments, touched.sets);
    } finally {
      touched = null;
    }
  }

  private void drain() {
    Map<ResourceKey, Integer> counts = new HashMap<>();
    while (!touched.queue.isEmpty()) {
      Pending p = touched.queue.poll();
      touched.queued.remove(p.key());
      if (counts.merge(p.key(), 1, Integer::sum) > MAX_RECOMPILES) {
        throw new IllegalStateException("dependency cycle through " + p.key());
      }
      recompile(p.key());
    }
  }

  private <R extends Resource> void recompile(ResourceKey key) {
    @SuppressWarnings("unchecked")
    Class<R> type = (Class<R>) key.type();
    ResourceCompiler<R> compiler = compilers.of(type).orElse(null);
    if (compiler == null) {
      return;
    }
    Contribution old = contributions.remove(key);
    if (old != null) {
      for (Object dep : old.reads) {
        forget(dep, key);
      }
    }
    Contribution fresh = null;
    Optional<R> resource = topology.find(type, key.id());
    if (resource.isPresent()) {
      fresh = new Contribution(resource.get());
      compiler.compile(resource.get(), new Context(key, compiler, old, fresh));
      contributions.put(key, fresh);
      for (Object dep : fresh.reads) {
        remember(dep, key);
      }
    }
    Writes before = old == null ? Writes.NONE : old.writes;
    Writes after = fresh == null ? Writes.NONE : fresh.writes;
    for (int i = 0; i < before.size; i++) {
      if (after.indexOf(before.slots[i]) < 0) {
        retract(before.slots[i], key, before.values[i]);
      }
    }
    for (int i = 0; i < after.size; i++) {
      Object was = before.get(after.slots[i]);
      if (!Objects.equals(was, after.values[i])) {
        write(after.slots[i], key, was, after.values[i]);
      }
    }
  }

  /**
   * What one compile wrote, in order: a handful of slots (an ENI writes about ten), so arrays and a
   * linear search cost less than a map, in time and in the memory every resource keeps.
   */
  private static final class Writes {
    static final Writes NONE = new Writes();
    Slot[] slots = new Slot[4];
    Object[] values = new Object[4];
    int size;

    int indexOf(Slot s) {
      for (int i = 0; i < size; i++) {
        if (slots[i].equals(s)) {
          return i;
        }
      }
      return -1;
    }

    Object get(Slot s) {
      int i = indexOf(s);
      return i < 0 ? null : values[i];
    }

    /** False when the slot was written already. */
    boolean add(Slot s, Object v) {
      if (indexOf(s) >= 0) {
        return false;
      }
      if (size == slots.length) {
        slots = java.util.Arrays.copyOf(slots, size * 2);
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      slots[size] = s;
      values[size++] = v;
      return true;
    }
  }

  @SuppressWarnings("unchecked")
  private void remember(Object dep, ResourceKey reader) {
    Object d = dependents.get(dep);
    if (d == null) {
      dependents.put(dep, reader);
    } else if (d instanceof Set) {
      ((Set<ResourceKey>) d).add(reader);
    } else if (!d.equals(reader)) {
      Set<ResourceKey> both = new HashSet<>(4);
      both.add((ResourceKey) d);
      both.add(reader);
      dependents.put(dep, both);
    }
  }

  private void forget(Object dep, ResourceKey reader) {
    Object d = dependents.get(dep);
    if (d instanceof Set<?> set) {
      if (set.remove(reader) && set.isEmpty()) {
        dependents.remove(dep);
      }
    } else if (reader.equals(d)) {
      dependents.remove(dep);
    }
  }

  /** The resources whose last compile read {@code dep}. */
  @SuppressWarnings("unchecked")
  private List<ResourceKey> readers(Object dep) {
    Object d = dependents.get(dep);
    return d == null ? List.of() : d instanceof Set ? List.copyOf((Set<ResourceKey>) d) : List.of((ResourceKey) d);
  }

  // ---- slots ----------------------------------------------------------------------------------------

  private void write(Slot slot, ResourceKey writer, Object was, Object value) {
    Cell cell = slots.computeIfAbsent(slot, s -> new Cell());
    cell.put(writer, value);
    index(slot, cell);
    changed(slot, was, value);
    if (slot.kind() == SlotKind.NODE) {
      indexNode((Node) cell.first());
    } else if (slot.kind() == SlotKind.EDGE) {
      Edge e = (Edge) cell.first();
      vertex(e.from()).out.put(e.to(), e);
    }
  }

  private void retract(Slot slot, ResourceKey writer, Object was) {
    Cell c = slots.get(slot);
    if (c == null) {
      return;
    }
    c.remove(writer);
    if (c.isEmpty()) {
      slots.remove(slot);
    }
    index(slot, c);
    changed(slot, was, null);
    if (slot.kind() == SlotKind.NODE) {
      unindexNode((Node) was);
      Object now = c.isEmpty() ? null : c.first();
      if (now != null) {
        indexNode((Node) now);
      }
    } else if (slot.kind() == SlotKind.EDGE) {
      Edge e = (Edge) was;
      Object now = c.isEmpty() ? null : c.first();
      Vertex v = vertices.get(e.from());
      if (v != null) {
        if (now != null) {
          v.out.put(e.to(), (Edge) now);
        } else {
          v.out.remove(e.to());
          prune(v);
        }
      }
    }
  }

  /** Keeps the read index of a segment, owner or endpoint slot at the slot's (first) value. */
  @SuppressWarnings("unchecked")
  private void index(Slot slot, Cell c) {
    Object v = c.isEmpty() ? null : c.first();
    switch (slot.kind()) {
      case SEGMENT -> put(segments, (String) slot.key(), (List<PolicyRule>) v);
      case OWNER -> put(owners, (OwnerKey) slot.key(), (NodeId) v);
      case ENDPOINT -> put(endpoints, (String) slot.key(), (NodeId) v);
      default -> { }
    }
  }

  private static <K, V> void put(Map<K, V> m, K k, V v) {
    if (v == null) {
      m.remove(k);
    } else {
      m.put(k, v);
    }
  }

  private Vertex vertex(NodeId id) {
    return vertices.computeIfAbsent(id, Vertex::new);
  }

  /** Forgets a place nothing refers to any more. */
  private void prune(Vertex v) {
    if (v.node == null && v.children.isEmpty() && v.out.isEmpty()) {
      vertices.remove(v.id, v);
    }
  }

  private void indexNode(Node n) {
    Vertex v = vertex(n.id());
    if (v.node != null) {
      detach(v);
    }
    v.node = n;
    byKind.computeIfAbsent(n.kind(), k -> new HashMap<>()).put(n.id().id(), n);
    byResourceId.put(n.id().id(), n);
    if (!n.addresses().isEmpty()) {
      holders.computeIfAbsent(n.domain(), k -> new LinkedHashMap<>()).put(n.id(), n);
    }
    if (n.parent() != null) {
      Vertex p = vertex(n.parent());
      v.parent = p;
      p.children.put(n.id(), v);
    }
  }

  private void unindexNode(Node n) {
    Vertex v = vertices.get(n.id());
    if (v == null || v.node != n) {
      return;
    }
    detach(v);
    prune(v);
  }

  /** Takes a vertex's node out of the indexes and its parent's children; the vertex stays. */
  private void detach(Vertex v) {
    Node n = v.node;
    v.node = null;
    Map<String, Node> m = byKind.get(n.kind());
    if (m != null) {
      m.remove(n.id().id());
    }
    byResourceId.remove(n.id().id(), n);
    if (v.parent != null) {
      v.parent.children.remove(n.id());
      prune(v.parent);
      v.parent = null;
    }
    Map<NodeId, Node> held = holders.get(n.domain());
    if (held != null && held.get(n.id()) == n) {
      held.remove(n.id());
      if (held.isEmpty()) {
        holders.remove(n.domain());
      }
    }
  }

  /** Records a changed slot and queues what read it. */
  private void changed(Slot slot, Object was, Object now) {
    if (slot.kind() == SlotKind.SEGMENT) {
      rules.clear();
    } else if (slot.kind() == SlotKind.SET) {
      setCache.remove((String) slot.key());
    }
    touched.dependents(this, slot);
    if (slot.key() instanceof ArtifactKey a) {
      for (ResourceCompiler<?> c : compilers.recomputeOn(a.artifact())) {
        touched.recompute(this, c);
      }
    }
    if (touched.full) {
      return;
    }
    switch (slot.kind()) {
      case NODE -> touched.nodes.add((NodeId) slot.key());
      case EDGE -> touched.edges.add((EdgeId) slot.key());
      case SEGMENT -> touched.segments.add((String) slot.key());
      case SET -> touched.sets.add((String) slot.key());
      default -> { }
    }
  }

  private Object single(Slot slot) {
    Cell c = slots.get(slot);
    return c == null ? null : c.first();
  }

  // ---- the read API ---------------------------------------------------------------------------------

  @Override
  public Scope scope() {
    return scope;
  }

  @Override
  public long revision() {
    return revision;
  }

  @Override
  public Optional<Node> node(NodeId id) {
    Vertex v = id == null ? null : vertices.get(id);
    return Optional.ofNullable(v == null ? null : v.node);
  }

  @Override
  public Collection<Node> nodes(NodeKind kind) {
    return Collections.unmodifiableCollection(byKind.getOrDefault(kind, Map.of()).values());
  }

  @Override
  public Collection<Node> holders(String domain) {
    return Collections.unmodifiableCollection(holders.getOrDefault(domain, Map.of()).values());
  }

  @Override
  public Collection<Node> children(NodeId parent) {
    Vertex p = vertices.get(parent);
    List<Node> list = new ArrayList<>();
    if (p != null) {
      for (Vertex c : p.children.values()) {
        if (c.node != null) {
          list.add(c.node);
        }
      }
    }
    return list;
  }

  @Override
  public Optional<Edge> edge(NodeId from, NodeId to) {
    Vertex v = vertices.get(from);
    return Optional.ofNullable(v == null ? null : v.out.get(to));
  }

  @Override
  public Collection<Edge> edgesFrom(NodeId from) {
    Vertex v = vertices.get(from);
    return v == null ? List.of() : Collections.unmodifiableCollection(v.out.values());
  }

  /** As {@link Graph#next}, climbing by reference instead of by lookup: the walk's hottest call. */
  @Override
  public Optional<Edge> next(NodeId from, NodeId to) {
    Vertex f = vertices.get(from);
    if (f == null) {
      return Optional.empty();
    }
    Edge direct = f.out.get(to);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (Vertex v = vertices.get(to); v != null && v.node != null; v = v.parent) {
      if (v.parent == f) {
        return Optional.ofNullable(f.out.get(v.id));
      }
    }
    return f.node == null || f.node.parent() == null ? Optional.empty() : Optional.ofNullable(f.out.get(f.node.parent()));
  }

  @Override
  public Optional<Node> owner(String domain, Addr address) {
    NodeId id = owners.get(new OwnerKey(domain, address));
    return id == null ? Optional.empty() : node(id);
  }

  @Override
  public Optional<Node> endpoint(String id) {
    if (id == null) {
      return Optional.empty();
    }
    NodeId named = endpoints.get(id);
    return named != null ? node(named) : Optional.ofNullable(byResourceId.get(id));
  }

  @Override
  public Collection<Node> members(String id) {
    Cell c = slots.get(new Slot(SlotKind.MEMBER, id));
    if (c == null) {
      return List.of();
    }
    List<Node> list = new ArrayList<>();
    for (Object v : c.values()) {
      node((NodeId) v).ifPresent(list::add);
    }
    return list;
  }

  @Override
  public List<PolicyRule> segment(String name) {
    return segments.getOrDefault(name, List.of());
  }

  /**
   * Filters built from the same segment list and default share one rule list object (ENIs bound to
   * the same groups do), so analyses can cache what a list accepts by identity.
   */
  @Override
  public RuleList rules(Filter f) {
    RulesKey key = new RulesKey(f.segments(), f.defaultRule());
    RuleList cached = rules.get(key);
    if (cached == null) {
      if (rules.size() > 100_000) {
        rules.clear(); // recompiled filters leave keys behind; the next reads rebuild what is used
      }
      cached = Graph.super.rules(f);
      rules.put(key, cached);
    }
    return cached;
  }

  /** A filter's segment list and default rule, by identity: compilers share both between equal filters. */
  private record RulesKey(List<String> segments, RuleRef defaultRule) {
    @Override
    public boolean equals(Object o) {
      return o instanceof RulesKey k && k.segments == segments && k.defaultRule == defaultRule;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(segments) * 31 + System.identityHashCode(defaultRule);
    }
  }

  @Override
  public List<Prefix> resolve(String name) {
    List<Prefix> cached = setCache.get(name);
    if (cached != null) {
      return cached;
    }
    List<Prefix> all = new ArrayList<>();
    Cell c = slots.get(new Slot(SlotKind.SET, name));
    if (c != null) {
      for (Object v : c.values()) {
        @SuppressWarnings("unchecked")
        List<Prefix> part = (List<Prefix>) v;
        all.addAll(part);
      }
    }
    all.sort(null);
    List<Prefix> computed = List.copyOf(all);
    setCache.put(name, computed);
    return computed;
  }

  @Override
  public List<String> warnings() {
    List<String> names = new ArrayList<>();
    for (Slot s : slots.keySet()) {
      if (s.kind() == SlotKind.SEGMENT) {
        names.add((String) s.key());
      }
    }
    names.sort(null);
    List<String> out = new ArrayList<>();
    for (String name : names) {
      for (PolicyRule r : segment(name)) {
        if (!r.warning().isEmpty()) {
          out.add(r.ref() + ": " + r.warning());
        }
      }
    }
    return out;
  }

  /**
   * Every slot with its value (several writers' values by writer), for tests that compare an
   * incrementally updated graph with a full compile.
   */
  public Map<String, Object> dump() {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<Slot, Cell> e : slots.entrySet()) {
      Cell c = e.getValue();
      out.put(e.getKey().kind() + " " + e.getKey().key(), c.isShared() ? c.byWriter() : c.first());
    }
    return out;
  }

  // ---- the compile of one resource --------------------------------------------------------------------

  /** What one resource's last compile read and wrote. */
  private static final class Contribution {
    final Resource source;
    final Writes writes = new Writes();
    final List<Object> reads = new ArrayList<>(4);

    Contribution(Resource source) {
      this.source = source;
    }
  }

  private final class Context implements Compilation {
    private final ResourceKey key;
    private final ResourceCompiler<?> compiler;
    private final Contribution previous;
    private final Contribution into;

    Context(ResourceKey key, ResourceCompiler<?> compiler, Contribution previous, Contribution into) {
      this.key = key;
      this.compiler = compiler;
      this.previous = previous;
      this.into = into;
    }

    private void reads(Object declared, Object dependency) {
      if (!compilers.declares(compiler.kind(), declared)) {
        throw new IllegalStateException(compiler.getClass().getSimpleName() + " read " + dependency
            + " without declaring " + declared + " among its inputs");
      }
      into.reads.add(dependency);
    }

    @Override
    public <R extends Resource> Optional<R> resource(Class<R> type, String id) {
      reads(type, new ResourceKey(type, id));
      return topology.find(type, id);
    }

    @Override
    public Optional<Node> node(NodeId id) {
      reads(Input.GRAPH, new Slot(SlotKind.NODE, id));
      return CompiledGraph.this.node(id);
    }

    @Override
    public Optional<Node> endpoint(String id) {
      reads(Input.GRAPH, new Slot(SlotKind.ENDPOINT, id));
      Optional<Node> n = CompiledGraph.this.endpoint(id);
      n.ifPresent(x -> into.reads.add(new Slot(SlotKind.NODE, x.id())));
      return n;
    }

    @Override
    public Optional<NodeId> owner(String domain, Addr address) {
      OwnerKey k = new OwnerKey(domain, address);
      reads(Input.GRAPH, new Slot(SlotKind.OWNER, k));
      return Optional.ofNullable(owners.get(k));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> artifact(Artifact<T> artifact, String id) {
      Slot s = new Slot(SlotKind.ARTIFACT, new ArtifactKey(artifact, id));
      reads(artifact, s);
      return Optional.ofNullable((T) single(s));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> artifacts(Artifact<T> artifact, String id) {
      Slot s = new Slot(SlotKind.ARTIFACT, new ArtifactKey(artifact, id));
      reads(artifact, s);
      Cell c = slots.get(s);
      return c == null ? List.of() : (List<T>) c.values();
    }

    @Override
    public NextHop nextHop(String vpcId, Route route) {
      return compilers.nextHop(route.gatewayType()).map(r -> r.resolve(vpcId, route, this))
          .orElseGet(() -> new NextHop.Unavailable("next hop type " + route.gatewayType() + " ("
              + route.gatewayId() + ") is not modelled by OpenVPC yet"));
    }

    @Override
    public Optional<Resource> previous() {
      return Optional.ofNullable(previous == null ? null : previous.source);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> previous(Artifact<T> artifact, String id) {
      return Optional.ofNullable(previous == null ? null
          : (T) previous.writes.get(new Slot(SlotKind.ARTIFACT, new ArtifactKey(artifact, id))));
    }

    private void put(Slot slot, Object value) {
      if (!into.writes.add(slot, value)) {
        throw new IllegalStateException(key + " wrote " + slot + " twice");
      }
    }

    @Override
    public void node(Node node) {
      put(new Slot(SlotKind.NODE, node.id()), node);
    }

    @Override
    public void edge(Edge edge) {
      put(new Slot(SlotKind.EDGE, new EdgeId(edge.from(), edge.to())), edge);
    }

    @Override
    public void owner(String domain, IpAddr address, NodeId node) {
      put(new Slot(SlotKind.OWNER, new OwnerKey(domain, Addr.of(address))), node);
    }

    @Override
    public void endpoint(String id, NodeId node) {
      put(new Slot(SlotKind.ENDPOINT, id), node);
    }

    @Override
    public void member(String id, NodeId node) {
      put(new Slot(SlotKind.MEMBER, id), node);
    }

    @Override
    public void segment(String name, List<PolicyRule> rules) {
      put(new Slot(SlotKind.SEGMENT, name), List.copyOf(rules));
    }

    @Override
    public void set(String name, List<Prefix> prefixes) {
      put(new Slot(SlotKind.SET, name), List.copyOf(prefixes));
    }

    @Override
    public <T> void artifact(Artifact<T> artifact, String id, T value) {
      put(new Slot(SlotKind.ARTIFACT, new ArtifactKey(artifact, id)), value);
    }
  }

  // ---- bookkeeping ------------------------------------------------------------------------------------

  /** A node's place in the graph; it stays while anything refers to it (a child, an edge), node or not. */
  private static final class Vertex {
    final NodeId id;
    Node node;
    Vertex parent;
    final Map<NodeId, Vertex> children = new LinkedHashMap<>(4);
    final Map<NodeId, Edge> out = new HashMap<>(4);

    Vertex(NodeId id) {
      this.id = id;
    }
  }

  private enum SlotKind {
    NODE,
    EDGE,
    OWNER,
    ENDPOINT,
    MEMBER,
    SEGMENT,
    SET,
    ARTIFACT
  }

  private record Slot(SlotKind kind, Object key) {
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Slot s && kind == s.kind && key.equals(s.key);
    }

    @Override
    public int hashCode() {
      return key.hashCode() * 31 + kind.ordinal();
    }
  }

  private record OwnerKey(String domain, Addr address) {
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof OwnerKey k && address.equals(k.address) && domain.equals(k.domain);
    }

    @Override
    public int hashCode() {
      return address.hashCode() * 31 + domain.hashCode();
    }
  }

  private record ArtifactKey(Artifact<?> artifact, String id) {}

  /**
   * The values a slot holds, by writer. Most slots have one writer; named sets and shared artifacts
   * have several, kept in writer order so that reads are the same however the graph was built.
   */
  private static final class Cell {
    private ResourceKey writer;
    private Object value;
    private TreeMap<ResourceKey, Object> more;

    void put(ResourceKey w, Object v) {
      if (more != null) {
        more.put(w, v);
      } else if (writer == null || writer.equals(w)) {
        writer = w;
        value = v;
      } else {
        more = new TreeMap<>(BY_KEY);
        more.put(writer, value);
        more.put(w, v);
        writer = null;
        value = null;
      }
    }

    void remove(ResourceKey w) {
      if (more != null) {
        more.remove(w);
        if (more.size() == 1) {
          writer = more.firstKey();
          value = more.firstEntry().getValue();
          more = null;
        }
      } else if (w.equals(writer)) {
        writer = null;
        value = null;
      }
    }

    boolean isEmpty() {
      return more == null ? writer == null : more.isEmpty();
    }

    boolean isShared() {
      return more != null;
    }

    Object first() {
      return more == null ? value : more.isEmpty() ? null : more.firstEntry().getValue();
    }

    List<Object> values() {
      return more == null ? (writer == null ? List.of() : List.of(value)) : new ArrayList<>(more.values());
    }

    Map<String, Object> byWriter() {
      Map<String, Object> m = new TreeMap<>();
      if (more == null) {
        m.put(String.valueOf(writer), value);
      } else {
        more.forEach((k, v) -> m.put(k.toString(), v));
      }
      return m;
    }
  }

  private record Pending(int rank, ResourceKey key) {}

  /** The work and the record of one change being applied. */
  private static final class Touched {
    /** A full compile: what changed is everything, so nothing is recorded. */
    final boolean full;
    final PriorityQueue<Pending> queue = new PriorityQueue<>(
        Comparator.comparingInt(Pending::rank).thenComparing(Pending::key, BY_KEY));
    final Set<ResourceKey> queued = new HashSet<>();
    final Set<NodeId> nodes = new HashSet<>();
    final Set<EdgeId> edges = new HashSet<>();
    final Set<String> segments = new HashSet<>();
    final Set<String> sets = new HashSet<>();

    Touched(boolean full) {
      this.full = full;
    }

    void queue(Compilers compilers, ResourceKey k) {
      int rank = compilers.rank(k.type());
      if (rank >= 0 && queued.add(k)) {
        queue.add(new Pending(rank, k));
      }
    }

    void dependents(CompiledGraph g, Object dependency) {
      for (ResourceKey k : g.readers(dependency)) {
        queue(g.compilers, k);
      }
    }

    void recompute(CompiledGraph g, ResourceCompiler<?> c) {
      for (Resource r : g.topology.all(c.kind())) {
        queue(g.compilers, ResourceKey.of(r));
      }
      // and whatever of that kind was compiled but is gone now
      for (ResourceKey k : List.copyOf(g.contributions.keySet())) {
        if (k.type() == c.kind()) {
          queue(g.compilers, k);
        }
      }
    }
  }
}
