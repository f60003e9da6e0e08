package io.openvpc.control.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.control.Account;
import io.openvpc.control.ApiKey;
import io.openvpc.model.Cidr;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Store} honours, run against each implementation by a subclass: the
 * in-memory one here, H2 and PostgreSQL in store-jdbc. Every test works in fresh scopes and accounts
 * (random AppIds), so that it can share a database with other tests.
 */
public abstract class StoreContract {
  protected Store store;
  private Scope scope;

  /** A store to test; called before each test. */
  protected abstract Store createStore() throws Exception;

  /**
   * A second store on the same database as {@link #store} (another server, say), or null when the
   * implementation cannot share its data (the in-memory one).
   */
  protected Store openSecondStore() throws Exception {
    return null;
  }

  @BeforeEach
  void open() throws Exception {
    store = createStore();
    scope = freshScope("ap-guangzhou");
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  protected static Scope freshScope(String region) {
    return new Scope(ThreadLocalRandom.current().nextLong(9_000_000_000L, 9_900_000_000L), region);
  }

  static Vpc vpc(String id, String name) {
    return new Vpc(id, name, Cidr.parse("10.0.0.0/16"), List.of(), null, false, false, false,
        List.of("183.60.83.19"), "", List.of(), Instant.parse("2026-01-02T03:04:05Z"));
  }

  static RouteTable routeTable(String id, String vpcId) {
    return new RouteTable(id, vpcId, "default", true, List.of(), 1, List.of(), Instant.parse("2026-01-02T03:04:05Z"));
  }

  static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  @Test
  void revision_ofNewScope_isZeroAndLoadIsEmpty() {
    assertThat(store.revision(scope)).isZero();
    Topology t = store.load(scope);
    assertThat(t.revision()).isZero();
    assertThat(t.count(Vpc.class)).isZero();
    assertThat(t.scope()).isEqualTo(scope);
  }

  @Test
  void write_commits_revisionIncreasesByOneEachTime() {
    for (int i = 1; i <= 3; i++) {
      long seen = store.write(scope, StoreTransaction::revision);
      assertThat(seen).isEqualTo(i - 1);
      assertThat(store.revision(scope)).isEqualTo(i);
    }
    assertThat(store.load(scope).revision()).isEqualTo(3);
  }

  @Test
  void load_returnsWhatWasPutUpdatedAndDeleted() {
    Vpc a = vpc(id("vpc"), "a");
    Vpc b = vpc(id("vpc"), "b");
    RouteTable rtb = routeTable(id("rtb"), a.id());
    store.write(scope, tx -> {
      tx.put(a);
      tx.put(b);
      tx.put(rtb);
      return null;
    });
    store.write(scope, tx -> {
      tx.put(a.withName("a2"));
      tx.delete(Vpc.class, b.id());
      return null;
    });
    Topology t = store.load(scope);
    assertThat(t.revision()).isEqualTo(2);
    assertThat(t.find(Vpc.class, a.id())).contains(a.withName("a2"));
    assertThat(t.find(Vpc.class, b.id())).isEmpty();
    assertThat(t.find(RouteTable.class, rtb.id())).contains(rtb);
    assertThat(t.count(Vpc.class)).isEqualTo(1);
  }

  @Test
  void transaction_seesTheCommittedStateAndRevision() {
    Vpc a = vpc(id("vpc"), "a");
    store.write(scope, tx -> {
      tx.put(a);
      return null;
    });
    store.write(scope, tx -> {
      assertThat(tx.revision()).isEqualTo(1);
      assertThat(tx.load().find(Vpc.class, a.id())).contains(a);
      return null;
    });
  }

  @Test
  void write_throwing_writesNothing() {
    Vpc kept = vpc(id("vpc"), "kept");
    store.write(scope, tx -> {
      tx.put(kept);
      return null;
    });
    Vpc half = vpc(id("vpc"), "half");
    String key = "10.0.0." + ThreadLocalRandom.current().nextInt(1, 250);
    String ns = "ip:" + half.id();
    assertThatThrownBy(() -> store.write(scope, tx -> {
      tx.put(half);
      tx.put(routeTable(id("rtb"), half.id()));
      tx.put(kept.withName("changed"));
      tx.delete(Vpc.class, kept.id());
      tx.claim(ns, key, half.id());
      throw new IllegalStateException("validation failed half-way");
    })).isInstanceOf(IllegalStateException.class).hasMessage("validation failed half-way");

    assertThat(store.revision(scope)).isEqualTo(1);
    Topology t = store.load(scope);
    assertThat(t.find(Vpc.class, half.id())).isEmpty();
    assertThat(t.count(RouteTable.class)).isZero();
    assertThat(t.find(Vpc.class, kept.id())).contains(kept);
    // the claim went with the rest: another owner can take the key
    store.write(scope, tx -> {
      tx.claim(ns, key, "someone-else");
      return null;
    });
  }

  @Test
  void claim_heldByAnotherOwner_throwsClaimConflictAndNothingIsWritten() {
    String ns = "ip:" + id("vpc");
    store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.5", "eni-first");
      return null;
    });
    Vpc loser = vpc(id("vpc"), "loser");
    assertThatThrownBy(() -> store.write(scope, tx -> {
      tx.put(loser);
      tx.claim(ns, "10.0.0.5", "eni-second");
      return null;
    })).isInstanceOf(ClaimConflict.class).hasMessageContaining("10.0.0.5");
    assertThat(store.load(scope).find(Vpc.class, loser.id())).isEmpty();
    assertThat(store.revision(scope)).isEqualTo(1);
  }

  @Test
  void claim_conflictCaught_transactionStillCommitsItsOtherWrites() {
    String ns = "ip:" + id("vpc");
    store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.5", "eni-first");
      return null;
    });
    Vpc v = vpc(id("vpc"), "v");
    String taken = store.write(scope, tx -> {
      tx.put(v);
      try {
        tx.claim(ns, "10.0.0.5", "eni-second");
        return "10.0.0.5";
      } catch (ClaimConflict e) {
        tx.claim(ns, "10.0.0.6", "eni-second"); // the next free one, as an allocator would
        return "10.0.0.6";
      }
    });
    assertThat(taken).isEqualTo("10.0.0.6");
    assertThat(store.load(scope).find(Vpc.class, v.id())).contains(v);
    assertThatThrownBy(() -> store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.6", "eni-third");
      return null;
    })).isInstanceOf(ClaimConflict.class);
  }

  @Test
  void claim_bySameOwnerAgain_isNoConflict() {
    String ns = "ip:" + id("vpc");
    store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.7", "eni-a");
      return null;
    });
    store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.7", "eni-a");
      return null;
    });
    assertThat(store.revision(scope)).isEqualTo(2);
  }

  @Test
  void release_makesTheKeyClaimableAgain() {
    String ns = "ip:" + id("vpc");
    store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.8", "eni-a");
      return null;
    });
    store.write(scope, tx -> {
      tx.release(ns, "10.0.0.8");
      return null;
    });
    store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.8", "eni-b");
      return null;
    });
  }

  @Test
  void release_rolledBack_keepsTheClaim() {
    String ns = "ip:" + id("vpc");
    store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.9", "eni-a");
      return null;
    });
    assertThatThrownBy(() -> store.write(scope, tx -> {
      tx.release(ns, "10.0.0.9");
      throw new IllegalStateException("abort");
    })).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.9", "eni-b");
      return null;
    })).isInstanceOf(ClaimConflict.class);
  }

  @Test
  void claims_areUniqueAcrossScopes() {
    String ns = "ip:" + id("vpc");
    Scope other = freshScope("ap-shanghai");
    store.write(scope, tx -> {
      tx.claim(ns, "10.0.0.10", "eni-a");
      return null;
    });
    assertThatThrownBy(() -> store.write(other, tx -> {
      tx.claim(ns, "10.0.0.10", "eni-b");
      return null;
    })).isInstanceOf(ClaimConflict.class);
  }

  @Test
  void put_anIdHeldInAnotherScope_failsAndWritesNothing() {
    Vpc mine = vpc(id("vpc"), "mine");
    store.write(scope, tx -> {
      tx.put(mine);
      return null;
    });
    Scope other = freshScope(scope.region());
    assertThatThrownBy(() -> store.write(other, tx -> {
      tx.put(vpc(id("vpc"), "fine"));
      tx.put(mine.withName("hijack"));
      return null;
    })).isInstanceOf(RuntimeException.class).hasMessageContaining(mine.id());
    assertThat(store.load(scope).find(Vpc.class, mine.id())).contains(mine);
    assertThat(store.load(other).count(Vpc.class)).isZero();
    assertThat(store.revision(other)).isZero();
  }

  @Test
  void scopes_areIsolated_byAccountAndRegion() {
    Scope sameAccountOtherRegion = new Scope(scope.appId(), "ap-beijing");
    Scope otherAccountSameRegion = freshScope(scope.region());
    Vpc mine = vpc(id("vpc"), "mine");
    store.write(scope, tx -> {
      tx.put(mine);
      return null;
    });
    store.write(scope, tx -> null);
    store.write(otherAccountSameRegion, tx -> {
      tx.put(vpc(id("vpc"), "theirs"));
      return null;
    });
    assertThat(store.revision(scope)).isEqualTo(2);
    assertThat(store.revision(otherAccountSameRegion)).isEqualTo(1);
    assertThat(store.revision(sameAccountOtherRegion)).isZero();
    assertThat(store.load(sameAccountOtherRegion).count(Vpc.class)).isZero();
    assertThat(store.load(otherAccountSameRegion).all(Vpc.class)).extracting(Vpc::name).containsExactly("theirs");
    assertThat(store.load(scope).all(Vpc.class)).containsExactly(mine);
    // a delete in another scope does not reach this one's resource
    store.write(otherAccountSameRegion, tx -> {
      tx.delete(Vpc.class, mine.id());
      return null;
    });
    assertThat(store.load(scope).find(Vpc.class, mine.id())).contains(mine);
  }

  @Test
  void concurrentWriters_onOneScope_noLostUpdate() throws Exception {
    Vpc counter = vpc(id("vpc"), "0");
    store.write(scope, tx -> {
      tx.put(counter);
      return null;
    });
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          for (int n = 0; n < perThread; n++) {
            store.write(scope, tx -> {
              Vpc v = tx.load().find(Vpc.class, counter.id()).orElseThrow();
              tx.put(v.withName(String.valueOf(Integer.parseInt(v.name()) + 1)));
              return null;
            });
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    int commits = threads * perThread;
    assertThat(store.revision(scope)).isEqualTo(1 + commits);
    assertThat(store.load(scope).find(Vpc.class, counter.id()).orElseThrow().name()).isEqualTo(String.valueOf(commits));
  }

  @Test
  void concurrentWriters_onTwoStoresSharingTheDatabase_noLostUpdate() throws Exception {
    Store second = openSecondStore();
    org.junit.jupiter.api.Assumptions.assumeTrue(second != null, "this store keeps its data to itself");
    try {
      Vpc counter = vpc(id("vpc"), "0");
      store.write(scope, tx -> {
        tx.put(counter);
        return null;
      });
      List<Store> stores = List.of(store, second);
      int threads = 6;
      int perThread = 15;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          Store s = stores.get(i % 2);
          futures.add(pool.submit(() -> {
            go.await();
            for (int n = 0; n < perThread; n++) {
              s.write(scope, tx -> {
                Vpc v = tx.load().find(Vpc.class, counter.id()).orElseThrow();
                tx.put(v.withName(String.valueOf(Integer.parseInt(v.name()) + 1)));
                return null;
              });
            }
            return null;
          }));
        }
        go.countDown();
        for (Future<?> f : futures) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      int commits = threads * perThread;
      for (Store s : stores) {
        assertThat(s.revision(scope)).isEqualTo(1 + commits);
        assertThat(s.load(scope).find(Vpc.class, counter.id()).orElseThrow().name()).isEqualTo(String.valueOf(commits));
      }
    } finally {
      second.close();
    }
  }

  @Test
  void accounts_createFindListAndKeys() {
    long appId = ThreadLocalRandom.current().nextLong(9_000_000_000L, 9_900_000_000L);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Account account = new Account(appId, "u" + appId, "contract", now);
    ApiKey first = new ApiKey("AKIDc" + UUID.randomUUID().toString().replace("-", ""), "secret1", appId, now);
    store.accounts().create(account, first);
    ApiKey second = new ApiKey("AKIDc" + UUID.randomUUID().toString().replace("-", ""), "secret2", appId,
        now.plusSeconds(1));
    store.accounts().addKey(second);

    assertThat(store.accounts().find(appId)).hasValueSatisfying(a -> {
      assertThat(a.ownerUin()).isEqualTo("u" + appId);
      assertThat(a.name()).isEqualTo("contract");
    });
    assertThat(store.accounts().list()).extracting(Account::appId).contains(appId);
    assertThat(store.accounts().keys(appId)).extracting(ApiKey::secretId).containsExactly(first.secretId(), second.secretId());
    assertThat(store.accounts().findKey(second.secretId())).hasValueSatisfying(k -> {
      assertThat(k.secretKey()).isEqualTo("secret2");
      assertThat(k.appId()).isEqualTo(appId);
    });
    assertThat(store.accounts().findKey("AKIDnobody" + UUID.randomUUID())).isEmpty();
    assertThat(store.accounts().find(appId + 1_000_000_000L)).isEmpty();
  }

  @Test
  void accounts_duplicateSecretId_isRefusedAndCreatesNothing() {
    long appId = ThreadLocalRandom.current().nextLong(9_000_000_000L, 9_900_000_000L);
    Instant now = Instant.now();
    ApiKey key = new ApiKey("AKIDd" + UUID.randomUUID().toString().replace("-", ""), "s", appId, now);
    store.accounts().create(new Account(appId, "u" + appId, "one", now), key);
    long otherId = appId + 1;
    assertThatThrownBy(() -> store.accounts().create(new Account(otherId, "u" + otherId, "two", now),
        new ApiKey(key.secretId(), "s2", otherId, now))).isInstanceOf(RuntimeException.class);
    assertThat(store.accounts().find(otherId)).isEmpty();
    assertThat(store.accounts().findKey(key.secretId()).orElseThrow().appId()).isEqualTo(appId);
  }

  static SecurityGroup group(String id, long version, List<SecurityGroupPolicy> ingress, List<SecurityGroupPolicy> egress) {
    return new SecurityGroup(id, "g", "", "0", false, version, ingress, egress, List.of(),
        Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z").plusSeconds(version));
  }

  static SecurityGroupPolicy policy(int n, String description) {
    return new SecurityGroupPolicy("TCP", String.valueOf(1 + n % 65535), "", "", "10." + (n >> 16 & 255) + "."
        + (n >> 8 & 255) + "." + (n & 255), "", "", "", "", n % 5 == 0 ? "DROP" : "ACCEPT", description,
        Instant.ofEpochMilli(1_780_000_000_000L + n));
  }

  /**
   * A security group edited call by call as the control plane does (each version put over the one the
   * store holds): inserts at any position, deletions of ranges, replacements, whole-list rewrites, a
   * group past 256 rules a call and past a megabyte in all. After every transaction the group read back
   * from the database is exactly the one in memory, and a deleted group leaves nothing behind for a new
   * group of the same ID.
   */
  @Test
  void securityGroupRules_editedInPlace_readBackExactly() throws Exception {
    Random random = new Random(42);
    String id = id("sg");
    SecurityGroup[] held = {group(id, 1, List.of(), List.of())};
    store.write(scope, tx -> {
      tx.put(held[0], null);
      return null;
    });
    int[] next = {0};
    String padding = "x".repeat(90);
    for (int step = 0; step < 400; step++) {
      SecurityGroup before = held[0];
      List<SecurityGroupPolicy> in = new ArrayList<>(before.ingress());
      List<SecurityGroupPolicy> out = new ArrayList<>(before.egress());
      List<SecurityGroupPolicy> list = random.nextInt(4) == 0 ? out : in;
      int op = step == 150 ? 9 : step == 300 ? 10 : random.nextInt(8);
      switch (op) {
        case 0, 1, 2, 3 -> list.add(list.isEmpty() ? 0 : random.nextInt(list.size() + 1), policy(next[0]++, padding));
        case 4 -> list.add(policy(next[0]++, ""));
        case 5 -> {
          if (!list.isEmpty()) {
            int from = random.nextInt(list.size());
            list.subList(from, Math.min(list.size(), from + 1 + random.nextInt(3))).clear();
          }
        }
        case 6 -> {
          if (!list.isEmpty()) {
            list.set(random.nextInt(list.size()), policy(next[0]++, "replaced"));
          }
        }
        case 7 -> { // nothing but the version changes
        }
        case 9 -> { // one call adds 3,000 rules in the middle: several rows, past H2's VARCHAR limit in all
          List<SecurityGroupPolicy> many = new ArrayList<>();
          for (int i = 0; i < 3000; i++) {
            many.add(policy(next[0]++, padding + padding));
          }
          list.addAll(list.size() / 2, many);
        }
        default -> java.util.Collections.reverse(list); // the whole list in a new order
      }
      SecurityGroup after = group(id, before.version() + 1, in, out);
      store.write(scope, tx -> {
        tx.put(after, before);
        return null;
      });
      held[0] = after;
      if (step % 25 == 0 || op >= 9) {
        assertThat(store.load(scope).find(SecurityGroup.class, id)).contains(after);
      }
    }
    assertThat(store.load(scope).find(SecurityGroup.class, id)).contains(held[0]);
    Store second = openSecondStore();
    if (second != null) {
      try {
        assertThat(second.load(scope).find(SecurityGroup.class, id)).contains(held[0]);
      } finally {
        second.close();
      }
    }
    SecurityGroup reborn = group(id, 1, List.of(policy(7, "")), List.of());
    store.write(scope, tx -> {
      tx.delete(SecurityGroup.class, id);
      return null;
    });
    store.write(scope, tx -> {
      tx.put(reborn, null);
      return null;
    });
    assertThat(store.load(scope).find(SecurityGroup.class, id)).contains(reborn);
  }

  /** A group without rules, and one whose rules were all deleted, read back as such. */
  @Test
  void securityGroupRules_emptyGroups_readBack() {
    SecurityGroup empty = group(id("sg"), 1, List.of(), List.of());
    SecurityGroup full = group(id("sg"), 1, List.of(policy(1, "")), List.of(policy(2, "")));
    SecurityGroup emptied = group(full.id(), 2, List.of(), List.of());
    store.write(scope, tx -> {
      tx.put(empty, null);
      tx.put(full, null);
      return null;
    });
    store.write(scope, tx -> {
      tx.put(emptied, full);
      return null;
    });
    Topology t = store.load(scope);
    assertThat(t.find(SecurityGroup.class, empty.id())).contains(empty);
    assertThat(t.find(SecurityGroup.class, full.id())).contains(emptied);
  }

  /** A put without the previous version (a store cannot know what changed) writes the group whole. */
  @Test
  void securityGroupRules_putWithoutPrevious_replacesEverything() {
    String id = id("sg");
    SecurityGroup first = group(id, 1, List.of(policy(1, ""), policy(2, "")), List.of(policy(3, "")));
    SecurityGroup second = group(id, 2, List.of(policy(4, "")), List.of());
    store.write(scope, tx -> {
      tx.put(first);
      return null;
    });
    store.write(scope, tx -> {
      tx.put(second);
      return null;
    });
    assertThat(store.load(scope).find(SecurityGroup.class, id)).contains(second);
  }

  /** A transaction that fails after writing a rule leaves the group as it was. */
  @Test
  void securityGroupRules_failedTransaction_leavesNoRule() {
    String id = id("sg");
    SecurityGroup first = group(id, 1, List.of(policy(1, "")), List.of());
    store.write(scope, tx -> {
      tx.put(first, null);
      return null;
    });
    SecurityGroup second = group(id, 2, List.of(policy(1, ""), policy(2, "")), List.of());
    assertThatThrownBy(() -> store.write(scope, tx -> {
      tx.put(second, first);
      throw new IllegalStateException("refused after the write");
    })).isInstanceOf(IllegalStateException.class);
    SecurityGroup third = group(id, 2, List.of(policy(1, ""), policy(3, "")), List.of());
    store.write(scope, tx -> {
      tx.put(third, first);
      return null;
    });
    assertThat(store.load(scope).find(SecurityGroup.class, id)).contains(third);
  }

  /**
   * Concurrent writers of one scope, a third of whose works fail (half of those after writing): the
   * store keeps exactly the writes of the works that returned, the revision counts them, and each saw a
   * revision of its own, one after another, whether or not the store committed several together.
   */
  @Test
  void concurrentWriters_someFailing_keepExactlyTheSuccessfulWrites() throws Exception {
    int threads = 8;
    int each = 60;
    java.util.Map<Long, String> byRevision = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.Set<String> succeeded = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            Vpc v = vpc(id("vpc"), "w" + i);
            boolean fail = i % 3 == 0;
            boolean writeFirst = i % 6 == 0 || !fail;
            try {
              store.write(scope, tx -> {
                if (writeFirst) {
                  tx.put(v);
                }
                if (fail) {
                  throw new IllegalStateException("refused");
                }
                byRevision.put(tx.revision(), v.id());
                return null;
              });
              succeeded.add(v.id());
            } catch (IllegalStateException e) {
              failed.add(v.id());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failed).hasSize(threads * each / 3);
    assertThat(store.revision(scope)).isEqualTo(succeeded.size());
    Topology t = store.load(scope);
    assertThat(t.all(Vpc.class)).extracting(Vpc::id).containsExactlyInAnyOrderElementsOf(succeeded);
    assertThat(byRevision.keySet()).containsExactlyInAnyOrderElementsOf(
        java.util.stream.LongStream.range(0, succeeded.size()).boxed().toList());
    assertThat(List.copyOf(byRevision.values())).containsExactlyInAnyOrderElementsOf(succeeded);
  }
}
