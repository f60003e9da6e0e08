package io.openvpc.dataplane.linux;

import io.openvpc.dataplane.host.HostState;
import io.openvpc.dataplane.host.Netns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the host to a desired {@link HostState} and keeps what it knows of the actual state, so that a
 * change touches only the namespaces whose desired state changed. {@link #resync} reads every owned
 * namespace back first (at start, and whenever the host may have drifted): applying the same state
 * twice changes nothing, and a restart converges without recreating what is already right (links and
 * conntrack entries survive, so allowed flows are not disturbed). Namespaces this owner created that
 * are no longer desired are deleted, by exact name.
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final LinuxHost host;
  /** What the host is known to hold, per namespace this owner manages. */
  private final Map<String, Netns> known = new ConcurrentHashMap<>();
  /** A few threads: namespaces are independent, and the work is mostly starting ip processes. */
  private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(4,
      r -> {
        Thread t = new Thread(r, "ovpc-reconcile");
        t.setDaemon(true);
        return t;
      });
  private boolean synced;
  private int verifyCursor = -1;

  public Reconciler(LinuxHost host) {
    this.host = host;
  }

  /** What one pass did, for logs, tests and benchmarks. */
  public record Outcome(List<String> created, List<String> deleted, List<String> changed, List<String> failed) {
    public boolean changedNothing() {
      return created.isEmpty() && deleted.isEmpty() && changed.isEmpty() && failed.isEmpty();
    }
  }

  /**
   * Reads up to {@code count} known namespaces back, round robin, and remembers what the host really
   * holds; returns whether any had drifted from what was applied (someone changed it behind the
   * agent's back), in which case the next pass repairs it. Cheap enough to run between passes, so a
   * full sweep never holds up a change.
   */
  public synchronized boolean verifySome(int count) {
    boolean drifted = false;
    List<String> names = new ArrayList<>(known.keySet());
    names.sort(null);
    for (int i = 0; i < Math.min(count, names.size()); i++) {
      verifyCursor = (verifyCursor + 1) % names.size();
      String ns = names.get(verifyCursor);
      Netns was = known.get(ns);
      Netns now;
      try {
        now = host.read(ns, was.role());
      } catch (RuntimeException e) {
        known.remove(ns);
        synced = false;
        return true;
      }
      if (!NetnsPlan.between(was, now).isEmpty()) {
        known.put(ns, now);
        drifted = true;
      }
    }
    return drifted;
  }

  /** Forgets what it knows and reads every owned namespace back on the next pass. */
  public synchronized void resync() {
    known.clear();
    synced = false;
  }

  /**
   * A dry run against what the host holds now (read back): the plans a pass would apply, one per
   * namespace that differs; empty when the host already holds {@code desired}.
   */
  public List<NetnsPlan> drift(HostState desired) {
    List<NetnsPlan> out = new ArrayList<>();
    Set<String> owned = new LinkedHashSet<>(host.ownedNamespaces());
    for (Netns n : desired.namespaces().values()) {
      Netns actual = owned.contains(n.name()) ? host.read(n.name(), n.role()) : empty(n);
      NetnsPlan plan = NetnsPlan.between(n, actual);
      if (!plan.isEmpty()) {
        out.add(plan);
      }
    }
    return out;
  }

  /** One pass: create, change and delete namespaces until the host holds {@code desired}. */
  public synchronized Outcome reconcile(HostState desired) {
    if (!synced) {
      parallel(host.ownedNamespaces(), ns -> {
        Netns.Role role = desired.namespace(ns).map(Netns::role).orElse(Netns.Role.INSTANCE);
        known.put(ns, host.read(ns, role));
      });
      synced = true;
    }
    List<String> created = Collections.synchronizedList(new ArrayList<>());
    List<String> deleted = Collections.synchronizedList(new ArrayList<>());
    List<String> changed = Collections.synchronizedList(new ArrayList<>());
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    parallel(known.keySet().stream().filter(ns -> !desired.namespaces().containsKey(ns)).toList(), ns -> {
      host.deleteNamespace(ns);
      known.remove(ns);
      deleted.add(ns);
    });
    Set<String> existing = new LinkedHashSet<>(host.namespaces());
    List<Netns> fresh = new ArrayList<>();
    for (Netns n : desired.namespaces().values()) {
      if (!known.containsKey(n.name())) {
        if (existing.contains(n.name())) {
          // Someone else's namespace of that name (another owner, or a crashed run's leftover).
          failed.add(n.name());
          LOG.warn("namespace {} exists but is not ours ({}); not touching it", n.name(), host.owner());
        } else {
          fresh.add(n);
        }
      }
    }
    parallel(fresh, n -> {
      try {
        host.createNamespace(n.name(), n.sysctls());
        known.put(n.name(), empty(n));
        created.add(n.name());
      } catch (RuntimeException e) {
        failed.add(n.name());
        LOG.warn("cannot create namespace {}: {}", n.name(), e.getMessage());
        // Leave nothing half made: the next pass starts it afresh.
        host.deleteNamespace(n.name());
      }
    });
    // Routers first: they create the veth pairs whose other ends the instances configure.
    List<Netns> routers = new ArrayList<>();
    List<Netns> instances = new ArrayList<>();
    for (Netns n : desired.namespaces().values()) {
      (n.role() == Netns.Role.ROUTER ? routers : instances).add(n);
    }
    Set<String> createdNow = Set.copyOf(created);
    parallel(routers, n -> apply(n, createdNow, changed, failed));
    parallel(instances, n -> apply(n, createdNow, changed, failed));
    return new Outcome(List.copyOf(created), List.copyOf(deleted), List.copyOf(changed), List.copyOf(failed));
  }

  private void apply(Netns n, Set<String> created, List<String> changed, List<String> failed) {
    Netns actual = known.get(n.name());
    if (actual == null) {
      return;
    }
    NetnsPlan plan = NetnsPlan.between(n, actual);
    if (plan.isEmpty()) {
      return;
    }
    try {
      host.apply(plan);
      known.put(n.name(), n);
      refreshPeers(n, plan, created);
      if (!created.contains(n.name())) {
        changed.add(n.name());
      }
    } catch (RuntimeException e) {
      failed.add(n.name());
      LOG.warn("cannot apply {}: {}", n.name(), e.getMessage());
      try {
        known.put(n.name(), host.read(n.name(), n.role()));
      } catch (RuntimeException readFailure) {
        known.remove(n.name());
      }
    }
  }

  /**
   * Runs {@code work} over independent namespaces on a few threads: each namespace is its own kernel
   * object, and most of the time goes to starting {@code ip} processes.
   */
  private <T> void parallel(java.util.Collection<T> items, java.util.function.Consumer<T> work) {
    if (items.size() < 2) {
      items.forEach(work);
      return;
    }
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(workers.submit(() -> work.accept(item)));
    }
    for (java.util.concurrent.Future<?> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** A veth pair created anew left its other end bare: what is known of that namespace is stale. */
  private void refreshPeers(Netns router, NetnsPlan plan, Set<String> created) {
    if (plan.createLinks().isEmpty()) {
      return;
    }
    for (io.openvpc.dataplane.host.Link l : router.links()) {
      String peer = l.peerNamespace();
      if (l.createsPair() && known.containsKey(peer) && !created.contains(peer)
          && plan.createLinks().stream().anyMatch(c -> c.startsWith("link add " + l.name() + " "))) {
        known.put(peer, host.read(peer, Netns.Role.INSTANCE));
      }
    }
  }

  private static Netns empty(Netns like) {
    return new Netns(like.name(), like.role(), List.of(), List.of(), List.of(), List.of(), List.of(), "", "");
  }
}
