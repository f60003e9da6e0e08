package io.openvpc.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.control.Change;
import io.openvpc.control.Ledger;
import io.openvpc.control.store.AccountStore;
import io.openvpc.control.store.Store;
import io.openvpc.control.store.StoreTransaction;
import io.openvpc.model.Resource;
import io.openvpc.model.Cidr;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group commit, made to happen: while one writer's work holds the scope's turn, seven more queue up;
 * the next turn runs all seven in one transaction. Each sees the writes of those before it, a failing
 * one loses only its own writes, and the revision counts the works that returned.
 */
class GroupCommitTest {
  private static final int QUEUED = 7;
  private static final int FAILING = 3;

  @TempDir
  Path dataDir;

  private JdbcStore open(String database) {
    if (database.equals("postgres")) {
      Assumptions.assumeTrue(TestPostgres.reachable(), TestPostgres::unreachableMessage);
      return new JdbcStore(Database.open(TestPostgres.url(), null, null));
    }
    return new JdbcStore(Database.open(null, dataDir));
  }

  private static Vpc vpc(String name) {
    return new Vpc("vpc-" + UUID.randomUUID().toString().substring(0, 8), name, Cidr.parse("10.0.0.0/16"), List.of(),
        null, false, false, false, List.of(), "", List.of(), Instant.parse("2026-01-02T03:04:05Z"));
  }

  /**
   * Runs {@code first}, whose work counts {@code started} down and then waits, inside its turn, until
   * {@link #QUEUED} more works are queued; those are started once it holds the turn, and
   * {@code queued.apply(i)} is the i-th of them.
   */
  private static void queueBehindOne(CountDownLatch started, Runnable first, Function<Integer, Runnable> queued)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(QUEUED + 1);
    try {
      Future<?> head = pool.submit(() -> {
        first.run();
        return null;
      });
      assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
      List<Future<?>> rest = new ArrayList<>();
      for (int i = 0; i < QUEUED; i++) {
        rest.add(pool.submit(queued.apply(i)));
      }
      head.get(60, TimeUnit.SECONDS);
      for (Future<?> f : rest) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitQueued(JdbcStore store, Scope scope) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (store.waiting(scope) < QUEUED && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(store.waiting(scope)).as("works queued behind the first").isEqualTo(QUEUED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void queuedWorks_shareOneTransaction_andAFailureLosesOnlyItsOwnWrites(String database) throws Exception {
    JdbcStore store = open(database);
    Scope scope = new Scope(ThreadLocalRandom.current().nextLong(9_000_000_000L, 9_900_000_000L), "ap-guangzhou");
    Map<Integer, Object> batches = new ConcurrentHashMap<>();
    Map<Integer, Long> revisions = new ConcurrentHashMap<>();
    Set<String> kept = ConcurrentHashMap.newKeySet();
    Vpc[] lost = new Vpc[1];
    try {
      CountDownLatch started = new CountDownLatch(1);
      queueBehindOne(started, () -> store.write(scope, tx -> {
        started.countDown();
        Vpc v = vpc("first");
        tx.put(v);
        kept.add(v.id());
        awaitQueued(store, scope);
        return null;
      }), i -> () -> {
        try {
          store.write(scope, tx -> {
            Vpc v = vpc("queued " + i);
            tx.put(v);
            if (i == FAILING) {
              lost[0] = v;
              throw new IllegalStateException("refused after writing");
            }
            batches.put(i, tx.batch());
            revisions.put(i, tx.revision());
            assertThat(tx.load().all(Vpc.class)).extracting(Vpc::id).containsAll(kept);
            kept.add(v.id());
            return null;
          });
        } catch (IllegalStateException expected) {
          assertThat(i).isEqualTo(FAILING);
        }
      });
      assertThat(Set.copyOf(batches.values())).as("one transaction for the queued works").hasSize(1);
      assertThat(Set.copyOf(revisions.values())).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(store.revision(scope)).isEqualTo(QUEUED);
      Topology t = store.load(scope);
      assertThat(t.all(Vpc.class)).extracting(Vpc::id).containsExactlyInAnyOrderElementsOf(kept);
      assertThat(t.find(Vpc.class, lost[0].id())).isEmpty();
    } finally {
      store.close();
    }
  }

  /** Through the Ledger, each queued work starts from the snapshot the work before it left, not a reload. */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void ledger_chainsTheSnapshotsOfOneTransaction(String database) throws Exception {
    JdbcStore store = open(database);
    java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
    Ledger ledger = new Ledger(countingLoads(store, loads));
    Scope scope = new Scope(ThreadLocalRandom.current().nextLong(9_000_000_000L, 9_900_000_000L), "ap-guangzhou");
    List<Long> committed = new ArrayList<>();
    ledger.addListener(change -> {
      synchronized (committed) {
        committed.add(change.after().revision());
      }
    });
    Set<String> kept = ConcurrentHashMap.newKeySet();
    try {
      ledger.read(scope);
      CountDownLatch started = new CountDownLatch(1);
      queueBehindOne(started, () -> ledger.write(scope, (Change change) -> {
        started.countDown();
        kept.add(change.put(vpc("first")).id());
        awaitQueued(store, scope);
        return null;
      }), i -> () -> {
        try {
          ledger.write(scope, (Change change) -> {
            assertThat(change.base().revision()).isEqualTo(kept.size());
            assertThat(change.base().all(Vpc.class)).extracting(Vpc::id).containsExactlyInAnyOrderElementsOf(kept);
            Vpc v = change.put(vpc("queued " + i));
            if (i == FAILING) {
              throw new IllegalStateException("refused after writing");
            }
            kept.add(v.id());
            return null;
          });
        } catch (IllegalStateException expected) {
          assertThat(i).isEqualTo(FAILING);
        }
      });
      Topology read = ledger.read(scope);
      assertThat(read.revision()).isEqualTo(QUEUED);
      assertThat(read.all(Vpc.class)).extracting(Vpc::id).containsExactlyInAnyOrderElementsOf(kept);
      assertThat(store.load(scope).all(Vpc.class)).extracting(Vpc::id).containsExactlyInAnyOrderElementsOf(kept);
      assertThat(committed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
      assertThat(loads).as("snapshots loaded inside a write").hasValue(0);
    } finally {
      store.close();
    }
  }

  /** {@code store}, counting the loads that write transactions make. */
  private static Store countingLoads(Store store, java.util.concurrent.atomic.AtomicInteger loads) {
    return new Store() {
      @Override
      public long revision(Scope scope) {
        return store.revision(scope);
      }

      @Override
      public Topology load(Scope scope) {
        return store.load(scope);
      }

      @Override
      public <T> T write(Scope scope, WriteWork<T> work) {
        return store.write(scope, tx -> work.run(new StoreTransaction() {
          @Override
          public long revision() {
            return tx.revision();
          }

          @Override
          public Object batch() {
            return tx.batch();
          }

          @Override
          public Topology load() {
            loads.incrementAndGet();
            return tx.load();
          }

          @Override
          public void put(Resource resource) {
            tx.put(resource);
          }

          @Override
          public void put(Resource resource, Resource previous) {
            tx.put(resource, previous);
          }

          @Override
          public void delete(Class<? extends Resource> type, String id) {
            tx.delete(type, id);
          }

          @Override
          public void claim(String namespace, String key, String owner) {
            tx.claim(namespace, key, owner);
          }

          @Override
          public void release(String namespace, String key) {
            tx.release(namespace, key);
          }

          @Override
          public void afterCommit(Runnable action) {
            tx.afterCommit(action);
          }
        }));
      }

      @Override
      public AccountStore accounts() {
        return store.accounts();
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }
}
