package io.openvpc.engine.compile;

import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.GraphChange;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.graph.NodeKind;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.Prefix;
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

  private final Map<Slot, Cell> slots = new HashMap<>();
  private final Map<NodeId, Node> nodes = new HashMap<>();
  private final Map<NodeKind, Map<String, Node>> byKind = new EnumMap<>(NodeKind.class);
  private final Map<String, Node> byResourceId = new HashMap<>();
  private final Map<NodeId, Set<NodeId>> children = new HashMap<>();
  private final Map<String, Map<NodeId, Node>> holders = new HashMap<>();
  private final Map<NodeId, Map<NodeId, Edge>> out = new HashMap<>();
  private final Map<String, List<Prefix>> setCache = new ConcurrentHashMap<>();

  private final Map<ResourceKey, Contribution> contributions = new HashMap<>();
  private final Map<Object, Set<ResourceKey>> dependents = new HashMap<>();

  /** What the change being applied touched. */
  private Touched touched;

  private CompiledGraph(Scope scope, Compilers compilers) {
    this.scope = scope;
    this.compilers = compilers;
  }

  /** Compiles a whole snapshot. */
  public static CompiledGraph compile(Topology t, Compilers compilers) {
    CompiledGraph g = new CompiledGraph(t.scope(), compilers);
    g.topology = t;
    g.touched = new Touched();
    for (ResourceCompiler<?> c : compilers.all()) {
      List<Resource> of = new ArrayList<>(t.all(c.kind()));
      of.sort(Comparator.comparing(Resource::id));
      for (Resource r : of) {
        g.touched.queue(g.compilers, ResourceKey.of(r));
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
    touched = new Touched();
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
      return new GraphChange(revision, false, touched.nodes, touched.segments, touched.sets);
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
        Set<ResourceKey> s = dependents.get(dep);
        if (s != null && s.remove(key) && s.isEmpty()) {
          dependents.remove(dep);
        }
      }
    }
    Contribution fresh = null;
    Optional<R> resource = topology.find(type, key.id());
    if (resource.isPresent()) {
      fresh = new Contribution(resource.get());
      compiler.compile(resource.get(), new Context(key, compiler, old, fresh));
      contributions.put(key, fresh);
      for (Object dep : fresh.reads) {
        dependents.computeIfAbsent(dep, k -> new HashSet<>()).add(key);
      }
    }
    Map<Slot, Object> before = old == null ? Map.of() : old.writes;
    Map<Slot, Object> after = fresh == null ? Map.of() : fresh.writes;
    for (Map.Entry<Slot, Object> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        retract(e.getKey(), key, e.getValue());
      }
    }
    for (Map.Entry<Slot, Object> e : after.entrySet()) {
      Object was = before.get(e.getKey());
      if (!Objects.equals(was, e.getValue())) {
        write(e.getKey(), key, was, e.getValue());
      }
    }
  }

  // ---- slots ----------------------------------------------------------------------------------------

  private void write(Slot slot, ResourceKey writer, Object was, Object value) {
    slots.computeIfAbsent(slot, s -> new Cell()).put(writer, value);
    changed(slot, was, value);
    if (slot.kind() == SlotKind.NODE) {
      indexNode((Node) value);
    } else if (slot.kind() == SlotKind.EDGE) {
      Edge e = (Edge) value;
      out.computeIfAbsent(e.from(), k -> new HashMap<>()).put(e.to(), e);
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
      Map<NodeId, Edge> m = out.get(e.from());
      if (now != null) {
        m.put(e.to(), (Edge) now);
      } else if (m != null) {
        m.remove(e.to());
        if (m.isEmpty()) {
          out.remove(e.from());
        }
      }
    }
  }

  private void indexNode(Node n) {
    Node previous = nodes.put(n.id(), n);
    if (previous != null && !Objects.equals(previous.parent(), n.parent())) {
      unparent(previous);
    }
    byKind.computeIfAbsent(n.kind(), k -> new HashMap<>()).put(n.id().id(), n);
    byResourceId.put(n.id().id(), n);
    if (previous != null && !previous.addresses().isEmpty()) {
      unhold(previous);
    }
    if (!n.addresses().isEmpty()) {
      holders.computeIfAbsent(n.domain(), k -> new LinkedHashMap<>()).put(n.id(), n);
    }
    if (n.parent() != null) {
      children.computeIfAbsent(n.parent(), k -> new LinkedHashSet<>()).add(n.id());
    }
  }

  private void unindexNode(Node n) {
    nodes.remove(n.id());
    Map<String, Node> m = byKind.get(n.kind());
    if (m != null) {
      m.remove(n.id().id());
    }
    byResourceId.remove(n.id().id(), n);
    unparent(n);
    unhold(n);
  }

  private void unhold(Node n) {
    Map<NodeId, Node> m = holders.get(n.domain());
    if (m != null && m.get(n.id()) == n) {
      m.remove(n.id());
      if (m.isEmpty()) {
        holders.remove(n.domain());
      }
    }
  }

  private void unparent(Node n) {
    if (n.parent() != null) {
      Set<NodeId> s = children.get(n.parent());
      if (s != null) {
        s.remove(n.id());
        if (s.isEmpty()) {
          children.remove(n.parent());
        }
      }
    }
  }

  /** Records a changed slot and queues what read it. */
  private void changed(Slot slot, Object was, Object now) {
    switch (slot.kind()) {
      case NODE -> touched.nodes.add((NodeId) slot.key());
      case EDGE -> {
        EdgeKey k = (EdgeKey) slot.key();
        touched.nodes.add(k.from());
        touched.nodes.add(k.to());
      }
      case OWNER, MEMBER -> {
        if (was instanceof NodeId n) {
          touched.nodes.add(n);
        }
        if (now instanceof NodeId n) {
          touched.nodes.add(n);
        }
      }
      case SEGMENT -> touched.segments.add((String) slot.key());
      case SET -> {
        touched.sets.add((String) slot.key());
        setCache.remove((String) slot.key());
      }
      default -> { }
    }
    touched.dependents(this, slot);
    if (slot.key() instanceof ArtifactKey a) {
      for (ResourceCompiler<?> c : compilers.recomputeOn(a.artifact())) {
        touched.recompute(this, c);
      }
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
    return Optional.ofNullable(id == null ? null : nodes.get(id));
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
    List<Node> list = new ArrayList<>();
    for (NodeId id : children.getOrDefault(parent, Set.of())) {
      Node n = nodes.get(id);
      if (n != null) {
        list.add(n);
      }
    }
    return list;
  }

  @Override
  public Optional<Edge> edge(NodeId from, NodeId to) {
    Map<NodeId, Edge> m = out.get(from);
    return Optional.ofNullable(m == null ? null : m.get(to));
  }

  @Override
  public Collection<Edge> edgesFrom(NodeId from) {
    return Collections.unmodifiableCollection(out.getOrDefault(from, Map.of()).values());
  }

  @Override
  public Optional<Node> owner(String domain, Addr address) {
    Object id = single(new Slot(SlotKind.OWNER, new OwnerKey(domain, address)));
    return id == null ? Optional.empty() : node((NodeId) id);
  }

  @Override
  public Optional<Node> endpoint(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Object named = single(new Slot(SlotKind.ENDPOINT, id));
    return named != null ? node((NodeId) named) : Optional.ofNullable(byResourceId.get(id));
  }

  @Override
  public Collection<Node> members(String id) {
    Cell c = slots.get(new Slot(SlotKind.MEMBER, id));
    if (c == null) {
      return List.of();
    }
    List<Node> list = new ArrayList<>();
    for (Object v : c.values()) {
      Node n = nodes.get((NodeId) v);
      if (n != null) {
        list.add(n);
      }
    }
    return list;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<PolicyRule> segment(String name) {
    Object rules = single(new Slot(SlotKind.SEGMENT, name));
    return rules == null ? List.of() : (List<PolicyRule>) rules;
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
    final Map<Slot, Object> writes = new LinkedHashMap<>();
    final List<Object> reads = new ArrayList<>();

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
      Slot s = new Slot(SlotKind.OWNER, new OwnerKey(domain, address));
      reads(Input.GRAPH, s);
      return Optional.ofNullable((NodeId) single(s));
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
      if (into.writes.put(slot, value) != null) {
        throw new IllegalStateException(key + " wrote " + slot + " twice");
      }
    }

    @Override
    public void node(Node node) {
      put(new Slot(SlotKind.NODE, node.id()), node);
    }

    @Override
    public void edge(Edge edge) {
      put(new Slot(SlotKind.EDGE, new EdgeKey(edge.from(), edge.to())), edge);
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

  private record Slot(SlotKind kind, Object key) {}

  private record EdgeKey(NodeId from, NodeId to) {}

  private record OwnerKey(String domain, Addr address) {}

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
    final PriorityQueue<Pending> queue = new PriorityQueue<>(
        Comparator.comparingInt(Pending::rank).thenComparing(Pending::key, BY_KEY));
    final Set<ResourceKey> queued = new HashSet<>();
    final Set<NodeId> nodes = new HashSet<>();
    final Set<String> segments = new HashSet<>();
    final Set<String> sets = new HashSet<>();

    void queue(Compilers compilers, ResourceKey k) {
      int rank = compilers.rank(k.type());
      if (rank >= 0 && queued.add(k)) {
        queue.add(new Pending(rank, k));
      }
    }

    void dependents(CompiledGraph g, Object dependency) {
      Set<ResourceKey> d = g.dependents.get(dependency);
      if (d != null) {
        for (ResourceKey k : List.copyOf(d)) {
          queue(g.compilers, k);
        }
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
