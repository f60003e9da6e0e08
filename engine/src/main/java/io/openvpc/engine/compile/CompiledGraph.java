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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
  /** More recompiles of one resource than this in one change means a dependency cycle. */
  private static final int MAX_RECOMPILES = 16;

  private final Scope scope;
  private final Compilers compilers;
  private long revision;
  private Topology topology;

  /** The cells of every slot but nodes' and edges', which their vertices keep. */
  private final Map<Slot, Cell> slots;
  private final Map<NodeKind, Map<String, Node>> byKind = new EnumMap<>(NodeKind.class);
  private final Map<String, Map<NodeId, Node>> holders = new HashMap<>();
  /** Each domain's holders in the order of their IDs, made when first asked after a change. */
  private final Map<String, List<Node>> holdersById = new ConcurrentHashMap<>();
  /** Each node's place: the node, its parent's place, its children and the edges leaving it. */
  private final Map<NodeId, Vertex> vertices;
  private final Map<String, ResolvedSet> setCache = new ConcurrentHashMap<>();
  /** Filters' rule lists, shared by equal filters and kept until one of their segments changes. */
  private final FilterRules rules = new FilterRules();
  private final Function<String, List<PolicyRule>> segments = this::segment;

  private final Map<ResourceKey, Contribution> contributions;
  /** Who read what: a resource key or slot to the one reader (most have one) or a set of readers. */
  private final Map<Object, Object> dependents;
  /**
   * How many slots of each kind someone read: most kinds (edges, segments, sets) nobody compiles
   * from, and a write need not look for readers of those.
   */
  private final int[] slotsRead = new int[SlotKind.values().length];

  /** What the change being applied touched. */
  private Touched touched;

  private CompiledGraph(Scope scope, Compilers compilers, int resources) {
    this.scope = scope;
    this.compilers = compilers;
    // sized up front: growing the largest maps of the graph rehashes them again and again
    this.slots = new HashMap<>(capacity(resources * 3));
    this.vertices = new HashMap<>(capacity(resources / 2));
    this.contributions = new HashMap<>(capacity(resources));
    this.dependents = new HashMap<>(capacity(resources));
    for (NodeKind k : NodeKind.values()) {
      byKind.put(k, new HashMap<>());
    }
  }

  /** The initial capacity of a hash map that holds {@code entries} without growing. */
  private static int capacity(int entries) {
    return Math.max(16, (int) (entries / 0.75f) + 1);
  }

  /** Compiles a whole snapshot. */
  public static CompiledGraph compile(Topology t, Compilers compilers) {
    int resources = 0;
    for (ResourceCompiler<?> c : compilers.all()) {
      resources += t.count(c.kind());
    }
    CompiledGraph g = new CompiledGraph(t.scope(), compilers, resources);
    g.topology = t;
    g.touched = new Touched(true);
    for (ResourceCompiler<?> c : compilers.all()) {
      // producers come before their readers, so a resource is rarely compiled twice; when a reader
      // was compiled first, what it read changing queues it again
      for (Resource r : t.all(c.kind())) {
        g.recompile(ResourceKey.of(r), r);
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
      recompile(p.key(), null);
    }
  }

  /** Compiles {@code key} again from the current topology ({@code known}: the resource, when the caller has it). */
  private <R extends Resource> void recompile(ResourceKey key, Resource known) {
    @SuppressWarnings("unchecked")
    Class<R> type = (Class<R>) key.type();
    ResourceCompiler<R> compiler = compilers.of(type).orElse(null);
    if (compiler == null) {
      return;
    }
    Contribution old = contributions.remove(key);
    if (old != null) {
      for (Object dep : old.reads()) {
        forget(dep, key);
      }
    }
    Contribution fresh = null;
    R resource = known != null ? type.cast(known) : topology.find(type, key.id()).orElse(null);
    if (resource != null) {
      fresh = new Contribution(resource);
      compiler.compile(resource, new Context(key, compiler, old, fresh));
      fresh.done();
      contributions.put(key, fresh);
      for (Object dep : fresh.reads()) {
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
      int had = before.indexOf(after.slots[i]);
      if (had < 0 || !Objects.equals(before.values[had], after.values[i])) {
        write(after.slots[i], key, had >= 0, after.values[i]);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void remember(Object dep, ResourceKey reader) {
    Object d = dependents.get(dep);
    if (d == null) {
      dependents.put(dep, reader);
      if (dep instanceof Slot s) {
        slotsRead[s.kind().ordinal()]++;
      }
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
        unread(dep);
      }
    } else if (reader.equals(d)) {
      unread(dep);
    }
  }

  private void unread(Object dep) {
    dependents.remove(dep);
    if (dep instanceof Slot s) {
      slotsRead[s.kind().ordinal()]--;
    }
  }

  /** The resources whose last compile read {@code dep}. */
  @SuppressWarnings("unchecked")
  private List<ResourceKey> readers(Object dep) {
    if (dep instanceof Slot s && slotsRead[s.kind().ordinal()] == 0) {
      return List.of();
    }
    Object d = dependents.get(dep);
    return d == null ? List.of() : d instanceof Set ? List.copyOf((Set<ResourceKey>) d) : List.of((ResourceKey) d);
  }

  // ---- slots ----------------------------------------------------------------------------------------

  /**
   * The cell of a slot: a node's is kept on its vertex and an edge's in its source vertex's edges, where
   * the walk reads them; every other slot's in {@link #slots}. With {@code create}, made if missing.
   */
  private Cell cell(Slot slot, boolean create) {
    if (slot.kind() == SlotKind.NODE) {
      Vertex v = create ? vertex((NodeId) slot.key()) : vertices.get((NodeId) slot.key());
      if (v != null && v.cell == null && create) {
        v.cell = new Cell();
      }
      return v == null ? null : v.cell;
    }
    if (slot.kind() == SlotKind.EDGE) {
      EdgeId e = (EdgeId) slot.key();
      Vertex v = create ? vertex(e.from()) : vertices.get(e.from());
      if (v == null) {
        return null;
      }
      Cell c = v.out(e.to());
      if (c == null && create) {
        c = new Cell();
        v.out(e.to(), c);
      }
      return c;
    }
    return create ? slots.computeIfAbsent(slot, s -> new Cell()) : slots.get(slot);
  }

  /** Drops a cell no writer holds any more from where it is kept. */
  private void drop(Slot slot) {
    if (slot.kind() == SlotKind.NODE) {
      Vertex v = vertices.get((NodeId) slot.key());
      if (v != null) {
        v.cell = null;
        prune(v);
      }
    } else if (slot.kind() == SlotKind.EDGE) {
      EdgeId e = (EdgeId) slot.key();
      Vertex v = vertices.get(e.from());
      if (v != null) {
        v.noOut(e.to());
        prune(v);
      }
    } else {
      slots.remove(slot);
    }
  }

  /** {@code writer} writes {@code value} to a slot; {@code had}: it wrote the slot before. */
  private void write(Slot slot, ResourceKey writer, boolean had, Object value) {
    Cell cell = cell(slot, true);
    cell.put(writer, value, had);
    changed(slot);
    if (slot.kind() == SlotKind.NODE) {
      indexNode((Node) cell.first());
    }
  }

  private void retract(Slot slot, ResourceKey writer, Object was) {
    Cell c = cell(slot, false);
    if (c == null) {
      return;
    }
    c.remove(writer);
    changed(slot);
    if (slot.kind() == SlotKind.NODE) {
      unindexNode((Node) was);
      if (!c.isEmpty()) {
        indexNode((Node) c.first());
      }
    }
    if (c.isEmpty()) {
      drop(slot);
    }
  }

  private Vertex vertex(NodeId id) {
    Vertex v = vertices.get(id);
    if (v == null) {
      v = new Vertex(id);
      vertices.put(id, v);
    }
    return v;
  }

  /** Forgets a place nothing refers to any more. */
  private void prune(Vertex v) {
    if (v.cell == null && v.node == null && v.children.isEmpty() && v.outs().isEmpty()) {
      vertices.remove(v.id, v);
    }
  }

  private void indexNode(Node n) {
    Vertex v = vertex(n.id());
    if (v.node != null) {
      detach(v);
    }
    v.node = n;
    byKind.get(n.kind()).put(n.id().id(), n);
    if (!n.addresses().isEmpty()) {
      holders.computeIfAbsent(n.domain(), k -> new HashMap<>()).put(n.id(), n);
      holdersById.remove(n.domain());
    }
    if (n.parent() != null) {
      Vertex p = vertex(n.parent());
      v.parent = p;
      p.child(n.id(), v);
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
    byKind.get(n.kind()).remove(n.id().id());
    if (v.parent != null) {
      v.parent.children.remove(n.id());
      prune(v.parent);
      v.parent = null;
    }
    Map<NodeId, Node> held = holders.get(n.domain());
    if (held != null && held.get(n.id()) == n) {
      held.remove(n.id());
      holdersById.remove(n.domain());
      if (held.isEmpty()) {
        holders.remove(n.domain());
      }
    }
  }

  /** Records a changed slot and queues what read it. */
  private void changed(Slot slot) {
    if (slot.kind() == SlotKind.SEGMENT) {
      rules.changed((String) slot.key());
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
    return Collections.unmodifiableCollection(byKind.get(kind).values());
  }

  @Override
  public Collection<Node> holders(String domain) {
    List<Node> sorted = holdersById.get(domain);
    if (sorted == null) {
      List<Node> all = new ArrayList<>(holders.getOrDefault(domain, Map.of()).values());
      all.sort(Comparator.comparing(n -> n.id().id()));
      sorted = Collections.unmodifiableList(all);
      holdersById.put(domain, sorted);
    }
    return sorted;
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
    return Optional.ofNullable(v == null ? null : v.edge(to));
  }

  @Override
  public Collection<Edge> edgesFrom(NodeId from) {
    Vertex v = vertices.get(from);
    if (v == null) {
      return List.of();
    }
    List<Edge> out = new ArrayList<>(v.outs().size());
    for (Cell c : v.outs().values()) {
      out.add((Edge) c.first());
    }
    return out;
  }

  /** As {@link Graph#next}, climbing by reference instead of by lookup: the walk's hottest call. */
  @Override
  public Optional<Edge> next(NodeId from, NodeId to) {
    Vertex f = vertices.get(from);
    if (f == null) {
      return Optional.empty();
    }
    Edge direct = f.edge(to);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (Vertex v = vertices.get(to); v != null && v.node != null; v = v.parent) {
      if (v.parent == f) {
        return Optional.ofNullable(f.edge(v.id));
      }
    }
    return f.node == null || f.node.parent() == null ? Optional.empty() : Optional.ofNullable(f.edge(f.node.parent()));
  }

  @Override
  public Optional<Node> owner(String domain, Addr address) {
    NodeId id = (NodeId) single(new Slot(SlotKind.OWNER, new OwnerKey(domain, address)));
    return id == null ? Optional.empty() : node(id);
  }

  @Override
  public Optional<Node> endpoint(String id) {
    if (id == null) {
      return Optional.empty();
    }
    NodeId named = (NodeId) single(new Slot(SlotKind.ENDPOINT, id));
    if (named != null) {
      return node(named);
    }
    for (NodeKind k : NodeKind.values()) {
      Vertex v = vertices.get(new NodeId(k, id));
      if (v != null && v.node != null) {
        return Optional.of(v.node);
      }
    }
    return Optional.empty();
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
  @SuppressWarnings("unchecked")
  public List<PolicyRule> segment(String name) {
    List<PolicyRule> rules = (List<PolicyRule>) single(new Slot(SlotKind.SEGMENT, name));
    return rules == null ? List.of() : rules;
  }

  /** One rule list object per distinct filter definition (see {@link FilterRules}). */
  @Override
  public RuleList rules(Filter f) {
    return rules.of(f, segments);
  }

  @Override
  public List<Prefix> resolve(String name) {
    return resolved(name).prefixes;
  }

  @Override
  public boolean contains(String name, Addr address) {
    return resolved(name).contains(address);
  }

  private ResolvedSet resolved(String name) {
    ResolvedSet cached = setCache.get(name);
    if (cached != null) {
      return cached;
    }
    List<Prefix> all = new ArrayList<>();
    Cell c = slots.get(new Slot(SlotKind.SET, name));
    if (c != null) {
      for (Object v : c.unordered()) {
        @SuppressWarnings("unchecked")
        List<Prefix> part = (List<Prefix>) v;
        all.addAll(part);
      }
    }
    all.sort(null);
    ResolvedSet computed = new ResolvedSet(all);
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
      out.put(e.getKey().kind() + " " + e.getKey().key(), e.getValue().shown());
    }
    for (Vertex v : vertices.values()) {
      if (v.cell != null) {
        out.put(SlotKind.NODE + " " + v.id, v.cell.shown());
      }
      for (Map.Entry<NodeId, Cell> e : v.outs().entrySet()) {
        out.put(SlotKind.EDGE + " " + new EdgeId(v.id, e.getKey()), e.getValue().shown());
      }
    }
    return out;
  }

  // ---- the compile of one resource --------------------------------------------------------------------

  /** What one resource's last compile read and wrote. */
  private static final class Contribution {
    private static final Object[] NO_READS = {};
    final Resource source;
    final Writes writes = new Writes();
    /** What it read while compiling, then, once compiled, as an array of the exact size: every resource keeps it. */
    private List<Object> reading = new ArrayList<>(4);
    private Object[] reads;

    Contribution(Resource source) {
      this.source = source;
    }

    void read(Object dependency) {
      reading.add(dependency);
    }

    /** Ends the compile: what it wrote and read is all there will be. */
    void done() {
      writes.trim();
      reads = reading.isEmpty() ? NO_READS : reading.toArray();
      reading = null;
    }

    Object[] reads() {
      return reads;
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
      into.read(dependency);
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
      n.ifPresent(x -> into.read(new Slot(SlotKind.NODE, x.id())));
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
    /** The node slot's writers; {@link #node} is its value, indexed. */
    Cell cell;
    Node node;
    Vertex parent;
    /** The vertices whose node's parent this is; most vertices (ENIs) have none. */
    Map<NodeId, Vertex> children = Map.of();
    /**
     * The cells of the edges leaving it, by the node they enter: one in the two fields (an ENI's, up
     * to its subnet, as most vertices have), more in the map.
     */
    private NodeId soleTo;
    private Cell sole;
    private Map<NodeId, Cell> more;

    Vertex(NodeId id) {
      this.id = id;
    }

    void out(NodeId to, Cell c) {
      if (more != null) {
        more.put(to, c);
      } else if (sole == null || soleTo.equals(to)) {
        soleTo = to;
        sole = c;
      } else {
        more = new HashMap<>(4);
        more.put(soleTo, sole);
        more.put(to, c);
        soleTo = null;
        sole = null;
      }
    }

    void noOut(NodeId to) {
      if (more != null) {
        more.remove(to);
      } else if (sole != null && soleTo.equals(to)) {
        soleTo = null;
        sole = null;
      }
    }

    /** The cells of the edges leaving it, by the node they enter. */
    Map<NodeId, Cell> outs() {
      return more != null ? more : sole == null ? Map.of() : Map.of(soleTo, sole);
    }

    void child(NodeId id, Vertex v) {
      if (children.isEmpty()) {
        children = new LinkedHashMap<>(4);
      }
      children.put(id, v);
    }

    Cell out(NodeId to) {
      return more != null ? more.get(to) : sole != null && soleTo.equals(to) ? sole : null;
    }

    Edge edge(NodeId to) {
      Cell c = out(to);
      return c == null ? null : (Edge) c.first();
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

  private record Pending(int rank, ResourceKey key) {}

  /** The work and the record of one change being applied. */
  private static final class Touched {
    /** A full compile: what changed is everything, so nothing is recorded. */
    final boolean full;
    final PriorityQueue<Pending> queue = new PriorityQueue<>(
        Comparator.comparingInt(Pending::rank).thenComparing(Pending::key, Cell.BY_KEY));
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
