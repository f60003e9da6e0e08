package io.openvpc.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.dataplane.host.NftTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deltas against the kernel: random sequences of tables are applied to one namespace through {@link
 * NftDelta} (each one transaction), and after each step the table must be the one a second namespace
 * holds after loading the desired table from scratch, compared by listing both ({@code nft -j list},
 * canonicalised). The tables look like a router's: content-named filter chains with concatenated and
 * auto-merged interval sets, a verdict map from ports to chains, a plain set, a stable chain whose
 * set's declaration changes, and a base chain whose policy changes. The seed is printed;
 * {@code -Dovpc.nftdelta.seed} replays it, {@code -Dovpc.nftdelta.steps} sets the length (default 60).
 */
class NftDeltaKernelTest {
  private LinuxHost host;
  private final String viaDelta = "ovpc-nd-" + io.openvpc.dataplane.Fixtures.suffix();
  private final String fromScratch = "ovpc-ns-" + io.openvpc.dataplane.Fixtures.suffix();

  @BeforeEach
  void setUp() {
    KernelTests.assumeKernel();
    host = new LinuxHost(KernelTests.owner("nftdelta"));
    host.createNamespace(viaDelta, List.of());
    host.createNamespace(fromScratch, List.of());
  }

  @AfterEach
  void tearDown() {
    if (host != null) {
      host.deleteNamespaces(host.ownedNamespaces());
      assertThat(host.ownedNamespaces()).isEmpty();
    }
  }

  @Test
  void randomSequences_deltaEqualsLoadingFromScratch() {
    long seed = Long.getLong("ovpc.nftdelta.seed", System.nanoTime());
    int steps = Integer.getInteger("ovpc.nftdelta.steps", 60);
    System.err.println("nft delta: " + steps + " steps from seed " + seed + " (-Dovpc.nftdelta.seed=" + seed + ")");
    Generator g = new Generator(new Random(seed));
    NftTable known = NftTable.EMPTY;
    int renames = 0;
    int statements = 0;
    for (int step = 0; step < steps; step++) {
      NftTable desired = g.next();
      String script = NftDelta.between(desired, known);
      try {
        if (!script.isEmpty()) {
          Nft.apply(viaDelta, script);
        }
      } catch (Nft.Refused e) {
        throw new AssertionError("seed " + seed + " step " + step + ": the kernel refused the delta:\n" + e.error()
            + "\nscript:\n" + script + "\nfrom:\n" + known.text() + "\nto:\n" + desired.text(), e);
      }
      Nft.apply(fromScratch, NftDelta.full(desired));
      NftListing got = LinuxHost.listing(viaDelta);
      NftListing want = LinuxHost.listing(fromScratch);
      assertThat(got.canonical()).as("seed %d step %d: after the delta\n%s", seed, step, script)
          .isEqualTo(want.canonical());
      assertThat(got.marker()).isEqualTo(desired.isEmpty() ? "" : desired.digest());
      renames += (int) script.lines().filter(l -> l.startsWith("rename chain")).count();
      statements += (int) script.lines().count();
      known = desired;
    }
    System.err.println("nft delta: " + statements + " statements, " + renames + " chains renamed in place");
    assertThat(renames).as("some changes were renames (else that path is untested)").isPositive();
  }

  /** Random router-like tables, each a few mutations away from the one before. */
  private static final class Generator {
    private final Random r;
    /** Filters: each is a list of sets (elements) and a default verdict; the chain is named by content. */
    private final List<Filter> filters = new ArrayList<>();
    private final Map<String, Integer> portFilter = new LinkedHashMap<>();
    private final List<String> ifs = new ArrayList<>();
    private boolean allowInterval;
    private List<String> allow = new ArrayList<>();
    private boolean extraDrops;
    private String policy = "drop";
    private boolean empty;
    private int portCounter;

    Generator(Random r) {
      this.r = r;
      filters.add(Filter.random(r));
    }

    record Filter(List<String> concat, List<String> merged, boolean acceptByDefault) {
      static Filter random(Random r) {
        List<String> concat = new ArrayList<>();
        int n = r.nextInt(6);
        int base = r.nextInt(200);
        for (int i = 0; i < n; i++) {
          // Distinct source blocks, so that no two elements overlap (the kernel refuses that).
          concat.add("10." + (base + i) + "." + r.nextInt(256) + ".0/24 . " + (r.nextBoolean() ? 6 : 17) + " . "
              + (r.nextBoolean() ? Integer.toString(1 + r.nextInt(1000)) : (100 + r.nextInt(100)) + "-" + (300 + r.nextInt(100))));
        }
        List<String> merged = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          merged.add("172." + (16 + r.nextInt(4)) + "." + r.nextInt(4) + ".0/" + (22 + r.nextInt(3)));
        }
        return new Filter(concat, merged, r.nextBoolean());
      }

      List<NftSet> sets(String chain) {
        List<NftSet> out = new ArrayList<>();
        out.add(new NftSet(chain + "-0", "type ipv4_addr . inet_proto . inet_service; flags interval;", concat));
        out.add(new NftSet(chain + "-1", "type ipv4_addr; flags interval; auto-merge;", merged));
        return out;
      }

      NftChain chain(String name) {
        return new NftChain(name, "", List.of("ip saddr . meta l4proto . th dport @" + name + "-0 return comment \"run 0\"",
            "ip saddr @" + name + "-1 drop comment \"run 1\"", acceptByDefault ? "return" : "drop"));
      }

      String name() {
        NftChain c = chain("x");
        return "sg-" + NftTable.digest(new NftTable(sets("x"), List.of(c)).text()).substring(0, 10);
      }
    }

    NftTable next() {
      for (int m = 1 + r.nextInt(3); m > 0; m--) {
        mutate();
      }
      if (empty) {
        return NftTable.EMPTY;
      }
      List<NftSet> sets = new ArrayList<>();
      List<NftChain> chains = new ArrayList<>();
      Map<String, String> chainOf = new LinkedHashMap<>();
      for (int i = 0; i < filters.size(); i++) {
        Filter f = filters.get(i);
        String name = f.name();
        if (!chainOf.containsValue(name)) {
          sets.addAll(f.sets(name));
          chains.add(f.chain(name));
        }
        chainOf.put(Integer.toString(i), name);
      }
      List<String> dispatch = new ArrayList<>();
      portFilter.forEach((port, f) -> dispatch.add("\"" + port + "\" : jump " + chainOf.get(Integer.toString(f))));
      sets.add(new NftSet("ifs-a", "type ifname;", ifs.stream().map(i -> "\"" + i + "\"").toList()));
      sets.add(new NftSet("allow", allowInterval ? "type ipv4_addr; flags interval;" : "type ipv4_addr;", allow));
      chains.add(new NftChain("extra", "", extraDrops ? List.of("ip saddr @allow return", "drop")
          : List.of("ip saddr @allow accept")));
      List<String> forward = new ArrayList<>();
      forward.add("iifname @ifs-a accept");
      if (!dispatch.isEmpty()) {
        sets.add(new NftSet("dispatch-sg-in", "type ifname : verdict;", dispatch));
        forward.add("oifname vmap @dispatch-sg-in comment \"security group ingress\"");
      }
      forward.add("jump extra");
      forward.add("accept");
      chains.add(new NftChain("forward", "type filter hook forward priority filter; policy " + policy + ";", forward));
      return new NftTable(sets, chains);
    }

    private void mutate() {
      switch (r.nextInt(12)) {
        case 0, 1, 2 -> {
          // A filter changes: its chain gets a new name (a renamed chain when all its ports follow).
          int i = r.nextInt(filters.size());
          filters.set(i, Filter.random(r));
        }
        case 3 -> filters.add(Filter.random(r));
        case 4 -> {
          if (filters.size() > 1) {
            int gone = r.nextInt(filters.size());
            filters.remove(gone);
            portFilter.replaceAll((p, f) -> f == gone ? 0 : f > gone ? f - 1 : f);
          }
        }
        case 5, 6 -> portFilter.put("ovpc-p" + portCounter++, r.nextInt(filters.size()));
        case 7 -> {
          if (!portFilter.isEmpty()) {
            String p = new ArrayList<>(portFilter.keySet()).get(r.nextInt(portFilter.size()));
            if (r.nextBoolean()) {
              portFilter.remove(p);
            } else {
              portFilter.put(p, r.nextInt(filters.size()));
            }
          }
        }
        case 8 -> {
          String p = "ovpc-p" + r.nextInt(Math.max(1, portCounter));
          if (!ifs.remove(p)) {
            ifs.add(p);
          }
        }
        case 9 -> {
          allowInterval = !allowInterval;
          allow = new ArrayList<>();
          for (int i = r.nextInt(4); i > 0; i--) {
            allow.add("192.168." + r.nextInt(256) + "." + (allowInterval ? "0/24" : Integer.toString(r.nextInt(256))));
          }
          allow = new ArrayList<>(new java.util.LinkedHashSet<>(allow));
        }
        case 10 -> {
          if (r.nextInt(4) == 0) {
            policy = policy.equals("drop") ? "accept" : "drop";
          } else {
            extraDrops = !extraDrops;
          }
        }
        default -> empty = r.nextInt(5) == 0 && !empty;
      }
    }
  }
}
