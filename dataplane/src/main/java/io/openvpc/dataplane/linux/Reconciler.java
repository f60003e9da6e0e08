package io.openvpc.dataplane.linux;

import io.openvpc.dataplane.host.HostState;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.dataplane.host.NftTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the host to a desired {@link HostState} and keeps what it knows of the actual state, so that a
 * change touches only the namespaces whose desired state changed, and within a router's table only the
 * parts that changed.
 *
 * <p>At start (and after {@link #resync}) it takes stock of the namespaces this owner created: one whose
 * mark records the digest of exactly the state now desired is trusted without being read back (and is
 * verified soon after, in the background, by {@link #verifySome}); any other is read back and repaired.
 * So a restarted agent's first pass is not held up by reading a thousand namespaces, and applying the
 * same state twice, or restarting, recreates nothing that is right (links and conntrack entries
 * survive). Namespaces this owner created that are no longer desired are deleted, by exact name.
 *
 * <p>It heals what is half made (a pass cut short by a crash, or damage behind its back): a namespace
 * whose veth end is missing gets its pair rebuilt from the router side, a stale end is removed first,
 * missing sysctls, addresses, routes, rules and table parts are put back, an unmarked namespace of a
 * desired name is adopted. Every namespace is tried even when others fail, and every step of a
 * namespace even when one fails; what failed is read back and tried again on the next pass, and is
 * reported in {@link Outcome#failed} with the reason (logged once per namespace and reason).
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
  /** Put ahead of a link's alias in what is known, to make the next plan delete and rebuild it. */
  private static final String BROKEN = "?broken:";

  private final LinuxHost host;
  /** Namespaces applied (or found right) whose marks do not record it yet: {@link #recordPending} does. */
  private final Map<String, Netns> unrecorded = new ConcurrentHashMap<>();
  /** What the host is known to hold, per namespace this owner manages. */
  private final Map<String, Netns> known = new ConcurrentHashMap<>();
  /** The digest each namespace's mark records (it holds exactly that desired state). */
  private final Map<String, String> recorded = new ConcurrentHashMap<>();
  /** Namespaces trusted from their mark at start and not read back since: verified first. */
  private final Set<String> unverified = ConcurrentHashMap.newKeySet();
  /** The reason each failing namespace last failed for, so that it is logged once. */
  private final Map<String, String> failing = new ConcurrentHashMap<>();
  /** A few threads: namespaces are independent, and much of the time goes to {@code ip} processes. */
  private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "ovpc-reconcile");
    t.setDaemon(true);
    return t;
  });
  private boolean synced;
  private int verifyCursor = -1;

  public Reconciler(LinuxHost host) {
    this.host = host;
  }

  /** A namespace that could not be brought to its desired state, and why. */
  public record Failure(String namespace, String reason) {
    @Override
    public String toString() {
      return namespace + ": " + reason;
    }
  }

  /** What one pass did, for logs, tests and benchmarks. */
  public record Outcome(List<String> created, List<String> deleted, List<String> changed, List<Failure> failed) {
    public boolean changedNothing() {
      return created.isEmpty() && deleted.isEmpty() && changed.isEmpty() && failed.isEmpty();
    }
  }

  /**
   * Reads up to {@code count} known namespaces back (those trusted at start first, then round robin)
   * and remembers what the host really holds; returns whether any had drifted from what was applied
   * (someone changed it behind the agent's back), in which case the next pass repairs it. Cheap (netlink
   * and libnftables, in-process), so it runs between passes and a full sweep never holds up a change.
   */
  public synchronized boolean verifySome(int count) {
    List<String> names = new ArrayList<>();
    new TreeSet<>(unverified).stream().limit(count).forEach(names::add);
    List<String> all = new ArrayList<>(new TreeSet<>(known.keySet()));
    for (int i = 0; names.size() < count && i < all.size(); i++) {
      verifyCursor = (verifyCursor + 1) % all.size();
      if (!names.contains(all.get(verifyCursor))) {
        names.add(all.get(verifyCursor));
      }
    }
    boolean drifted = false;
    for (String ns : names) {
      unverified.remove(ns);
      Netns was = known.get(ns);
      if (was == null) {
        continue;
      }
      try {
        Netns now = host.read(ns, was);
        if (unrecorded.containsKey(ns) && now.nftables().unknown()) {
          // Applied, but not fingerprinted yet (that waits for an idle spell): the table cannot be
          // vouched for, so only the rest is compared. Calling it drift would repair it every second,
          // and the repairs would keep the agent from ever being idle long enough to record it.
          now = withTable(now, was.nftables());
        }
        if (!same(was, now)) {
          LOG.info("data plane: {} drifted from what was applied ({}); repairing", ns, difference(was, now));
          known.put(ns, now);
          forget(ns);
          drifted = true;
        }
      } catch (RuntimeException e) {
        known.remove(ns);
        recorded.remove(ns);
        drifted = true;
      }
    }
    return drifted;
  }

  /** Forgets what it knows and takes stock of the host again on the next pass. */
  public synchronized void resync() {
    known.clear();
    recorded.clear();
    unverified.clear();
    synced = false;
  }

  /**
   * A dry run against what the host holds now (read back, trusting nothing): the plans a pass would
   * apply, one per namespace that differs; empty when the host already holds {@code desired}.
   */
  public List<NetnsPlan> drift(HostState desired) {
    recordPending(() -> false); // what was applied must be fingerprinted to be recognised when read back
    List<NetnsPlan> out = new ArrayList<>();
    Set<String> owned = new LinkedHashSet<>(host.ownedNamespaces());
    for (Netns n : desired.namespaces().values()) {
      Netns actual = owned.contains(n.name()) ? host.read(n.name(), n) : Netns.empty(n.name(), n.role());
      NetnsPlan plan = NetnsPlan.between(n, actual);
      if (!plan.isEmpty()) {
        out.add(plan);
      }
    }
    return out;
  }

  /** One pass: create, change and delete namespaces until the host holds {@code desired}. */
  public synchronized Outcome reconcile(HostState desired) {
    long t0 = System.nanoTime();
    if (!synced) {
      takeStock(desired);
    }
    long tStock = System.nanoTime();
    List<String> created = Collections.synchronizedList(new ArrayList<>());
    List<String> deleted = Collections.synchronizedList(new ArrayList<>());
    List<String> changed = Collections.synchronizedList(new ArrayList<>());
    List<Failure> failed = Collections.synchronizedList(new ArrayList<>());
    Pass pass = new Pass(desired, created, changed, failed);

    List<String> doomed = known.keySet().stream().filter(ns -> !desired.namespaces().containsKey(ns)).sorted().toList();
    parallel(chunks(doomed, 4), chunk -> {
      try {
        host.deleteNamespaces(chunk);
        deleted.addAll(chunk);
      } catch (RuntimeException e) {
        chunk.forEach(ns -> pass.fail(ns, "cannot delete: " + e.getMessage()));
      }
      chunk.forEach(ns -> {
        known.remove(ns);
        recorded.remove(ns);
        unverified.remove(ns);
        failing.remove(ns);
      });
    });

    long tDelete = System.nanoTime();
    List<Netns> unknown = new ArrayList<>();
    for (Netns n : desired.namespaces().values()) {
      if (!known.containsKey(n.name())) {
        unknown.add(n);
      }
    }
    // the host's list of namespaces only matters for the ones this agent does not know yet
    Set<String> existing = unknown.isEmpty() ? Set.of() : new LinkedHashSet<>(host.namespaces());
    List<Netns> fresh = new ArrayList<>();
    for (Netns n : unknown) {
      if (!existing.contains(n.name())) {
        fresh.add(n);
        continue;
      }
      Optional<LinuxHost.Mark> mark = LinuxHost.mark(n.name());
      if (mark.isPresent() && !mark.get().owner().equals(host.owner())) {
        pass.fail(n.name(), "exists but belongs to " + mark.get().owner() + "; not touching it");
        continue;
      }
      if (mark.isEmpty()) {
        // Made by an interrupted creation before its mark was written: ours by name, adopted.
        LOG.warn("data plane: namespace {} has no owner mark; adopting it for {}", n.name(), host.owner());
        host.adopt(n.name());
      }
      readInto(n, pass);
      if (!known.containsKey(n.name())) {
        // Ours but cannot be entered: a creation cut short before its mount. Made again.
        try {
          host.deleteNamespace(n.name());
          fresh.add(n);
        } catch (RuntimeException e) {
          pass.fail(n.name(), "cannot remove what is left of it: " + e.getMessage());
        }
      }
    }
    parallel(fresh, n -> {
      try {
        host.createNamespace(n.name(), n.sysctls());
        known.put(n.name(), new Netns(n.name(), n.role(), n.sysctls(), List.of(), List.of(), List.of(), List.of(),
            NftTable.EMPTY, ""));
        created.add(n.name());
      } catch (RuntimeException e) {
        pass.fail(n.name(), "cannot create: " + e.getMessage());
        try {
          // Leave nothing half made: the next pass starts it afresh.
          host.deleteNamespace(n.name());
        } catch (RuntimeException ignored) {
          // the next pass tries again
        }
      }
    });

    long tCreate = System.nanoTime();
    healPairs(desired);
    removeLinks(pass);
    // Routers first: they create the veth pairs whose other ends the instances configure.
    List<Netns> routers = new ArrayList<>();
    List<Netns> instances = new ArrayList<>();
    for (Netns n : desired.namespaces().values()) {
      if (known.get(n.name()) == n && !failing.containsKey(n.name())) {
        continue; // exactly what was applied last: the renderer hands back the same object when nothing changed
      }
      (n.role() == Netns.Role.ROUTER ? routers : instances).add(n);
    }
    Set<String> createdNow = Set.copyOf(created);
    long tRemove = System.nanoTime();
    parallel(routers, n -> apply(n, createdNow, pass));
    long tRouters = System.nanoTime();
    parallel(instances, n -> apply(n, createdNow, pass));
    long tEnd = System.nanoTime();
    if (LOG.isDebugEnabled() && tEnd - t0 > 100_000_000L) {
      LOG.debug("pass of {} ms: stock {}, delete {}, create {}, links removed {}, routers {}, instances {}",
          (tEnd - t0) / 1_000_000, (tStock - t0) / 1_000_000, (tDelete - tStock) / 1_000_000,
          (tCreate - tDelete) / 1_000_000, (tRemove - tCreate) / 1_000_000, (tRouters - tRemove) / 1_000_000,
          (tEnd - tRouters) / 1_000_000);
    }
    return new Outcome(List.copyOf(created), List.copyOf(deleted), List.copyOf(changed), List.copyOf(failed));
  }

  /** The desired state of a pass and what it has done so far. */
  private final class Pass {
    final HostState desired;
    final List<String> created;
    final List<String> changed;
    final List<Failure> failed;
    /** Namespaces by the aliases of their links (both ends of an ENI's veth carry the same alias), when asked. */
    private Map<String, List<String>> byAlias;

    Pass(HostState desired, List<String> created, List<String> changed, List<Failure> failed) {
      this.desired = desired;
      this.created = created;
      this.changed = changed;
      this.failed = failed;
    }

    private synchronized Map<String, List<String>> byAlias() {
      if (byAlias == null) {
        byAlias = new HashMap<>();
        for (Netns n : desired.namespaces().values()) {
          for (Link l : n.links()) {
            if (!l.alias().isEmpty()) {
              byAlias.computeIfAbsent(l.alias(), k -> new ArrayList<>()).add(n.name());
            }
          }
        }
      }
      return byAlias;
    }

    void fail(String ns, String reason) {
      failed.add(new Failure(ns, reason));
      if (!reason.equals(failing.put(ns, reason))) {
        LOG.warn("data plane: {}: {}", ns, reason);
      } else {
        LOG.debug("data plane: {} still fails: {}", ns, reason);
      }
    }

    void succeeded(String ns) {
      if (failing.remove(ns) != null) {
        LOG.info("data plane: {} repaired", ns);
      }
    }

    /** The namespaces that hold the other end of one of {@code n}'s links. */
    Set<String> peers(Netns n) {
      Set<String> out = new LinkedHashSet<>();
      for (Link l : n.links()) {
        for (String p : byAlias().getOrDefault(l.alias(), List.of())) {
          if (!p.equals(n.name())) {
            out.add(p);
          }
        }
      }
      return out;
    }
  }

  /**
   * Takes stock at start: trusts namespaces whose mark records the digest now desired, reads the others
   * back (in-process, on a few threads), and forgets marks whose namespace is gone.
   */
  private void takeStock(HostState desired) {
    host.deleteStaleMarks();
    List<Netns> toRead = new ArrayList<>();
    for (Map.Entry<String, LinuxHost.Mark> e : host.ownedMarks().entrySet()) {
      String ns = e.getKey();
      Netns want = desired.namespaces().get(ns);
      if (want == null) {
        known.put(ns, Netns.empty(ns, Netns.Role.INSTANCE));
      } else if (!e.getValue().applied().isEmpty() && e.getValue().applied().equals(want.digest())) {
        known.put(ns, want);
        recorded.put(ns, e.getValue().applied());
        unverified.add(ns);
      } else {
        toRead.add(want);
      }
    }
    Pass quiet = new Pass(desired, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    parallel(toRead, n -> readInto(n, quiet));
    synced = true;
  }

  /** Reads a namespace back into what is known; if it cannot be read, it is not known (and is made anew). */
  private void readInto(Netns n, Pass pass) {
    try {
      known.put(n.name(), host.read(n.name(), n));
    } catch (RuntimeException e) {
      known.remove(n.name());
      LOG.debug("data plane: cannot read {} back: {}", n.name(), e.getMessage());
    }
    recorded.remove(n.name());
  }

  /**
   * Veth pairs must be whole: a router port whose instance end is missing (its namespace was remade,
   * or a pass was cut short) is marked broken so that the router's plan deletes and recreates the
   * pair; an instance end whose router port is missing is marked broken so that the instance deletes
   * it first (its name is needed for the new pair).
   */
  private void healPairs(HostState desired) {
    for (Netns r : desired.namespaces().values()) {
      Netns kr = known.get(r.name());
      if (r.role() != Netns.Role.ROUTER || kr == null || kr == r || settled(r, kr, desired)) {
        continue;
      }
      Map<String, Link> ports = byName(kr.links());
      for (Link l : r.links()) {
        Netns kp = known.get(l.peerNamespace());
        if (!l.createsPair() || kp == null) {
          continue;
        }
        // A link without an alias is one made and not labelled yet (a pass was cut short in between).
        Link port = ports.get(l.name());
        boolean hasPort = port != null && (port.alias().equals(l.alias()) || port.alias().isEmpty());
        Optional<Link> end = kp.links().stream().filter(h -> h.name().equals(l.peerName())).findFirst();
        boolean hasEnd = end.isPresent() && (end.get().alias().equals(l.alias()) || end.get().alias().isEmpty());
        if (hasPort && !hasEnd) {
          known.put(r.name(), breakLink(known.get(r.name()), l.name()));
        } else if (!hasPort && end.isPresent()) {
          known.put(kp.name(), breakLink(kp, l.peerName()));
        }
      }
    }
  }

  /**
   * Whether a router's pairs cannot be half made: its links are as applied and every namespace at their
   * other ends is exactly as applied too (a change of rules alone, the common case).
   */
  private boolean settled(Netns router, Netns known, HostState desired) {
    if (router.links() != known.links() && !router.links().equals(known.links())) {
      return false;
    }
    for (Link l : router.links()) {
      if (l.createsPair()) {
        Netns peer = desired.namespaces().get(l.peerNamespace());
        if (peer != null && this.known.get(l.peerNamespace()) != peer) {
          return false;
        }
      }
    }
    return true;
  }

  private static Map<String, Link> byName(List<Link> links) {
    Map<String, Link> out = new HashMap<>();
    for (Link l : links) {
      out.putIfAbsent(l.name(), l);
    }
    return out;
  }

  private static Netns breakLink(Netns n, String link) {
    List<Link> links = n.links().stream().map(l -> l.name().equals(link)
        ? new Link(l.name(), BROKEN + l.alias(), l.peerNamespace(), l.peerName(), l.up()) : l).toList();
    return new Netns(n.name(), n.role(), n.sysctls(), links, n.addresses(), n.routes(), n.rules(), n.nftables(),
        n.resolvConf());
  }

  /**
   * Deletes the links that must go, in every namespace, before any pair is created (a stale end in an
   * instance holds the name a router's new pair needs); then reads back the namespaces that lost links,
   * and those that held the other ends.
   */
  private void removeLinks(Pass pass) {
    List<NetnsPlan> removals = new ArrayList<>();
    for (Netns n : pass.desired.namespaces().values()) {
      Netns k = known.get(n.name());
      if (k != null && k != n && n.links() != k.links()) {
        List<String> remove = NetnsPlan.linkRemovals(n, k);
        if (!remove.isEmpty()) {
          removals.add(new NetnsPlan(n.name(), List.of(), remove, List.of(), List.of(), List.of(), null, null, null));
        }
      }
    }
    if (removals.isEmpty()) {
      return;
    }
    Set<String> reread = ConcurrentHashMap.newKeySet();
    parallel(removals, p -> {
      forget(p.namespace());
      Netns k = known.get(p.namespace());
      reread.add(p.namespace());
      for (Link l : k.links()) {
        if (p.removeLinks().contains("link del " + l.name())) {
          // The other end goes with it: wherever the alias points, and whoever else carries the alias.
          String alias = l.alias().startsWith(BROKEN) ? l.alias().substring(BROKEN.length()) : l.alias();
          int at = alias.indexOf('@');
          if (at >= 0) {
            reread.add(alias.substring(at + 1));
          }
          reread.addAll(pass.byAlias().getOrDefault(alias, List.of()));
        }
      }
      try {
        host.apply(p);
      } catch (RuntimeException e) {
        LOG.debug("data plane: removing links of {}: {}", p.namespace(), e.getMessage());
      }
    });
    parallel(reread.stream().filter(known::containsKey).toList(), ns -> {
      Netns want = pass.desired.namespaces().get(ns);
      if (want != null) {
        readInto(want, pass);
      }
    });
  }

  private void apply(Netns n, Set<String> created, Pass pass) {
    Netns actual = known.get(n.name());
    if (actual == null) {
      return;
    }
    NetnsPlan plan = NetnsPlan.between(n, actual);
    if (plan.isEmpty()) {
      if (!recorded.containsKey(n.name())) {
        // Found right (read back, or adopted): record it when idle, so that a restart trusts it.
        known.put(n.name(), n);
        unrecorded.put(n.name(), n);
      }
      pass.succeeded(n.name());
      return;
    }
    // A crash from here on must leave this namespace, and those whose veth ends it makes or breaks,
    // untrusted: their marks no longer claim a digest.
    forget(n.name());
    if (!plan.createLinks().isEmpty() || !plan.removeLinks().isEmpty()) {
      pass.peers(n).forEach(this::forget);
    }
    try {
      host.apply(plan);
      known.put(n.name(), n);
      // in force now; recorded (digest, table fingerprint) when idle, so a burst of changes pays for it once
      unrecorded.put(n.name(), n);
      refreshPeers(n, plan, created, pass);
      if (!created.contains(n.name())) {
        pass.changed.add(n.name());
      }
      pass.succeeded(n.name());
    } catch (RuntimeException e) {
      pass.fail(n.name(), e instanceof LinuxHost.ApplyFailed a ? String.join("; ", a.reasons()) : e.toString());
      readInto(n, pass);
      // What failed may be the other end of a pair (a device that is not there): know the peers as they are.
      for (String p : pass.peers(n)) {
        Netns want = pass.desired.namespaces().get(p);
        if (want != null && known.containsKey(p) && !created.contains(p)) {
          readInto(want, pass);
        }
      }
    }
  }

  /**
   * Records, for the namespaces applied since, one at a time until {@code stop} says so, that each holds
   * exactly its desired state (its mark gets the state's digest and its table's fingerprint, which lists
   * the table back: tens of milliseconds for a large router), so that a restart trusts them without
   * reading them back. Until then their marks claim nothing, which is safe: a restart reads them back.
   * Returns how many are still waiting.
   */
  public synchronized int recordPending(java.util.function.BooleanSupplier stop) {
    for (java.util.Iterator<Map.Entry<String, Netns>> it = unrecorded.entrySet().iterator(); it.hasNext()
        && !stop.getAsBoolean(); ) {
      Map.Entry<String, Netns> e = it.next();
      it.remove();
      String ns = e.getKey();
      if (known.get(ns) != e.getValue()) {
        continue; // changed again, or gone: the next apply queues it again
      }
      try {
        String digest = e.getValue().digest();
        host.recordApplied(ns, digest);
        recorded.put(ns, digest);
      } catch (RuntimeException ex) {
        LOG.debug("data plane: cannot record {} yet: {}", ns, ex.toString());
      }
    }
    return unrecorded.size();
  }

  /** Makes the mark of {@code ns} claim nothing: what it holds is about to change, or has. */
  private void forget(String ns) {
    recorded.remove(ns);
    try {
      // Whatever this agent recorded, the mark may still claim what an earlier run applied.
      host.forgetApplied(ns);
    } catch (RuntimeException e) {
      LOG.debug("data plane: cannot update the mark of {}: {}", ns, e.getMessage());
    }
  }

  /** A veth pair created anew left its other end bare: what is known of that namespace is stale. */
  private void refreshPeers(Netns router, NetnsPlan plan, Set<String> created, Pass pass) {
    if (plan.createLinks().isEmpty()) {
      return;
    }
    for (Link l : router.links()) {
      String peer = l.peerNamespace();
      if (l.createsPair() && known.containsKey(peer) && !created.contains(peer)
          && plan.createLinks().stream().anyMatch(c -> c.startsWith("link add " + l.name() + " "))) {
        readInto(pass.desired.namespaces().getOrDefault(peer, Netns.empty(peer, Netns.Role.INSTANCE)), pass);
      }
    }
  }

  /** Whether a namespace read back holds what was known (the table compared as a whole). */
  private static boolean same(Netns known, Netns now) {
    if (!known.nftables().equals(now.nftables())) {
      return false;
    }
    return NetnsPlan.between(withoutTable(known), withoutTable(now)).isEmpty();
  }

  /** What differs between what was applied and what is read back, in a few words, for the log. */
  static String difference(Netns applied, Netns now) {
    List<String> parts = new ArrayList<>();
    if (now.nftables().unknown()) {
      parts.add("nftables table changed since it was recorded");
    } else if (!applied.nftables().equals(now.nftables())) {
      parts.add("nftables chains " + differing(applied.nftables().chains(), now.nftables().chains(), NftChain::name)
          + " sets " + differing(applied.nftables().sets(), now.nftables().sets(), NftSet::name));
    }
    NetnsPlan plan = NetnsPlan.between(withoutTable(applied), withoutTable(now));
    if (!plan.sysctls().isEmpty()) {
      parts.add("sysctls " + plan.sysctls());
    }
    if (!plan.removeLinks().isEmpty() || !plan.createLinks().isEmpty()) {
      parts.add("links " + plan.removeLinks() + plan.createLinks());
    }
    if (!plan.batch().isEmpty() || !plan.batch6().isEmpty()) {
      parts.add("addresses, routes or rules " + plan.batch() + plan.batch6());
    }
    if (plan.resolvConf() != null) {
      parts.add("resolver file");
    }
    return String.join("; ", parts);
  }

  /** The names of the parts in one list and not (equal) in the other. */
  private static <T> Set<String> differing(List<T> a, List<T> b, java.util.function.Function<T, String> name) {
    Set<String> out = new TreeSet<>();
    a.stream().filter(x -> !b.contains(x)).forEach(x -> out.add(name.apply(x)));
    b.stream().filter(x -> !a.contains(x)).forEach(x -> out.add(name.apply(x)));
    return out;
  }

  private static Netns withoutTable(Netns n) {
    return withTable(n, NftTable.EMPTY);
  }

  private static Netns withTable(Netns n, NftTable table) {
    return new Netns(n.name(), n.role(), n.sysctls(), n.links(), n.addresses(), n.routes(), n.rules(), table,
        n.resolvConf());
  }

  private static <T> List<List<T>> chunks(List<T> items, int n) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<T> c = new ArrayList<>();
      for (int j = i; j < items.size(); j += n) {
        c.add(items.get(j));
      }
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Runs {@code work} over independent namespaces on a few threads: each namespace is its own kernel
   * object. Work handles its own failures; one that escapes is rethrown after all have run.
   */
  private <T> void parallel(Collection<T> items, Consumer<T> work) {
    if (items.size() < 2) {
      items.forEach(work);
      return;
    }
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(workers.submit(() -> work.accept(item)));
    }
    RuntimeException first = null;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
