package io.openvpc.dataplane.linux;

import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.dataplane.host.NftTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One nft script, applied as one atomic transaction, that brings table {@code inet ovpc} from a known
 * state to a desired one by touching only the parts that differ. Pure: computed from two {@link
 * NftTable} values.
 *
 * <p>The statements come in an order that keeps every reference valid inside the transaction (rules
 * refer to sets with {@code @name}, verdict maps and rules to chains with {@code jump name}):
 *
 * <ol>
 *   <li>new chains, empty, so that new elements and rules can jump to them;
 *   <li>new sets and maps, with their elements;
 *   <li>chains whose rules change (or that refer to a part being replaced) are flushed, as are chains
 *       and maps that go away or are replaced, so that nothing refers to what is deleted next;
 *   <li>sets and chains whose declaration changed are deleted and declared again;
 *   <li>element changes: a set whose elements cannot be deleted one by one (interval or concatenated
 *       sets, whose elements the kernel merges, and elements with comments) was flushed above and is
 *       filled again; other sets and maps get {@code delete element} for what went or changed and
 *       {@code add element} for what came or changed;
 *   <li>the rules of flushed, replaced and new chains;
 *   <li>sets, maps and then chains that are no longer wanted are deleted;
 *   <li>chains renamed (see below), then the marker set {@value NftTable#MARKER} is given the desired
 *       table's digest, so the kernel says which table it holds.
 * </ol>
 *
 * <p>Renames: the renderer names a filter's chain (and its sets) by a digest of its content, so a
 * changed security group is a chain of a new name, and every verdict-map element that jumped to the
 * old chain would have to change. When every part that refers to the new chain is otherwise unchanged
 * (all the ports that used the old chain use the new one), the old chain is flushed, filled with the new
 * rules and renamed at the end of the transaction instead: the elements follow the chain, and a
 * security-group change stays a script of the changed chain and its sets, whatever the number of ports.
 *
 * <p>A table whose content is not known ({@link NftTable#UNKNOWN}) or absent is loaded whole, after
 * deleting whatever is there, in the same transaction.
 */
public final class NftDelta {
  private static final String T = NftTable.TABLE;
  /** Removes the table whether it exists or not ({@code add table} does nothing to an existing one). */
  static final String DROP_TABLE = "table " + T + "\ndelete table " + T + "\n";

  private NftDelta() {}

  /** The script that takes the kernel from {@code known} to {@code desired}; "" when they are equal. */
  public static String between(NftTable desired, NftTable known) {
    if (desired.unknown()) {
      throw new IllegalArgumentException("the desired table must be known");
    }
    if (desired.equals(known)) {
      return "";
    }
    if (desired.isEmpty()) {
      return known.isEmpty() ? "" : DROP_TABLE;
    }
    if (known.isEmpty() || known.unknown()) {
      return full(desired);
    }
    return incremental(desired, known);
  }

  /** The script that replaces whatever table is there by {@code desired}, in one transaction. */
  public static String full(NftTable desired) {
    if (desired.isEmpty()) {
      return DROP_TABLE;
    }
    return DROP_TABLE + desired.text("  set " + NftTable.MARKER + " {\n    type inet_service;\n"
        + "    elements = { 1 comment \"" + desired.digest() + "\" }\n  }\n");
  }

  /** The statements that make the marker say {@code digest}. */
  static String marker(String digest) {
    return "flush set " + T + " " + NftTable.MARKER + "\nadd element " + T + " " + NftTable.MARKER + " { 1 comment \""
        + digest + "\" }\n";
  }

  private static String incremental(NftTable d, NftTable k0) {
    Map<String, String> renames = renames(d, k0);
    while (true) {
      Diff diff = new Diff(d, rename(k0, renames), renames);
      Set<String> conflicts = diff.renameConflicts();
      if (conflicts.isEmpty()) {
        return diff.script();
      }
      renames.values().removeAll(conflicts);
    }
  }

  /** What changes between the desired table and the known one (with renamed chains under their new names). */
  private static final class Diff {
    final NftTable d;
    final Map<String, NftSet> ds;
    final Map<String, NftChain> dc;
    final Map<String, NftSet> ks;
    final Map<String, NftChain> kc;
    /** Kernel name of each chain under its desired name (differs only for a renamed chain). */
    final Map<String, String> physical = new HashMap<>();
    final Map<String, String> renames;
    final Set<String> addedSets = new LinkedHashSet<>();
    final Set<String> removedSets = new LinkedHashSet<>();
    final Set<String> replacedSets = new LinkedHashSet<>();
    final Set<String> refillSets = new LinkedHashSet<>();
    final Set<String> elementSets = new LinkedHashSet<>();
    final Set<String> addedChains = new LinkedHashSet<>();
    final Set<String> removedChains = new LinkedHashSet<>();
    final Set<String> replacedChains = new LinkedHashSet<>();
    final Set<String> refillChains = new LinkedHashSet<>();

    Diff(NftTable d, NftTable k, Map<String, String> renames) {
      this.d = d;
      this.renames = renames;
      ds = byName(d.sets(), NftSet::name);
      dc = byName(d.chains(), NftChain::name);
      ks = byName(k.sets(), NftSet::name);
      kc = byName(k.chains(), NftChain::name);
      renames.forEach((from, to) -> physical.put(to, from));
      for (NftSet s : d.sets()) {
        NftSet h = ks.get(s.name());
        if (h == null) {
          addedSets.add(s.name());
        } else if (!h.declaration().equals(s.declaration()) || h.map() != s.map()) {
          replacedSets.add(s.name());
        }
      }
      for (String name : ks.keySet()) {
        if (!ds.containsKey(name)) {
          removedSets.add(name);
        }
      }
      for (NftChain c : d.chains()) {
        NftChain h = kc.get(c.name());
        if (h == null) {
          addedChains.add(c.name());
        } else if (!h.declaration().equals(c.declaration())) {
          replacedChains.add(c.name());
        }
      }
      for (String name : kc.keySet()) {
        if (!dc.containsKey(name)) {
          removedChains.add(name);
        }
      }
      Set<String> replaced = new LinkedHashSet<>(replacedSets);
      replaced.addAll(replacedChains);
      for (NftChain c : d.chains()) {
        NftChain h = kc.get(c.name());
        if (h != null && !replacedChains.contains(c.name())
            && (!h.rules().equals(c.rules()) || refersTo(c.rules(), replaced) || refersTo(h.rules(), replaced))) {
          refillChains.add(c.name());
        }
      }
      for (NftSet s : d.sets()) {
        NftSet h = ks.get(s.name());
        if (h == null || replacedSets.contains(s.name())) {
          continue;
        }
        boolean same = new LinkedHashSet<>(h.elements()).equals(new LinkedHashSet<>(s.elements()));
        if (refersTo(h.elements(), replacedChains) || !same && (s.refilledWhole() || h.refilledWhole())) {
          refillSets.add(s.name());
        } else if (!same) {
          elementSets.add(s.name());
        }
      }
    }

    /** Renamed chains whose new name a changed part refers to (the kernel knows it only after the commit). */
    Set<String> renameConflicts() {
      Set<String> out = new LinkedHashSet<>();
      for (String to : renames.values()) {
        for (NftChain c : d.chains()) {
          boolean changed = addedChains.contains(c.name()) || replacedChains.contains(c.name())
              || refillChains.contains(c.name()) && !c.name().equals(to);
          if (changed && refersTo(c.rules(), Set.of(to))) {
            out.add(to);
          }
        }
        for (NftSet s : d.sets()) {
          boolean changed = addedSets.contains(s.name()) || replacedSets.contains(s.name())
              || refillSets.contains(s.name()) || elementSets.contains(s.name());
          if (changed && refersTo(s.elements(), Set.of(to))) {
            out.add(to);
          }
        }
      }
      return out;
    }

    String script() {
      StringBuilder sb = new StringBuilder();
      for (String c : addedChains) {
        sb.append(addChain(dc.get(c), c));
      }
      for (String s : addedSets) {
        NftSet set = ds.get(s);
        sb.append("add ").append(set.keyword()).append(' ').append(T).append(' ').append(s).append(" { ")
            .append(set.declaration()).append(" }\n");
        addElements(sb, set, set.elements());
      }
      for (String c : concat(refillChains, replacedChains, removedChains)) {
        sb.append("flush chain ").append(T).append(' ').append(physical.getOrDefault(c, c)).append('\n');
      }
      for (String s : concat(refillSets, replacedSets, removedSets)) {
        // A map going away is emptied first: its elements hold the chains they jump to.
        if (refillSets.contains(s) || ks.get(s).map()) {
          sb.append("flush ").append(ks.get(s).keyword()).append(' ').append(T).append(' ').append(s).append('\n');
        }
      }
      for (String s : replacedSets) {
        NftSet set = ds.get(s);
        sb.append("delete ").append(ks.get(s).keyword()).append(' ').append(T).append(' ').append(s).append('\n');
        sb.append("add ").append(set.keyword()).append(' ').append(T).append(' ').append(s).append(" { ")
            .append(set.declaration()).append(" }\n");
      }
      for (String c : replacedChains) {
        sb.append("delete chain ").append(T).append(' ').append(physical.getOrDefault(c, c)).append('\n');
        sb.append(addChain(dc.get(c), c));
      }
      for (String s : concat(refillSets, replacedSets)) {
        addElements(sb, ds.get(s), ds.get(s).elements());
      }
      for (String s : elementSets) {
        NftSet want = ds.get(s);
        NftSet have = ks.get(s);
        Map<String, String> wantByKey = byName(want.elements(), want::key);
        Set<String> haveAll = new LinkedHashSet<>(have.elements());
        List<String> delete = new ArrayList<>();
        for (String e : have.elements()) {
          String w = wantByKey.get(have.key(e));
          if (w == null || !w.equals(e)) {
            delete.add(have.key(e));
          }
        }
        if (!delete.isEmpty()) {
          sb.append("delete element ").append(T).append(' ').append(s).append(" { ")
              .append(String.join(", ", new LinkedHashSet<>(delete))).append(" }\n");
        }
        addElements(sb, want, want.elements().stream().filter(e -> !haveAll.contains(e)).toList());
      }
      for (String c : concat(refillChains, replacedChains, addedChains)) {
        String name = physical.getOrDefault(c, c);
        for (String r : dc.get(c).rules()) {
          sb.append("add rule ").append(T).append(' ').append(name).append(' ').append(r).append('\n');
        }
      }
      for (String s : removedSets) {
        sb.append("delete ").append(ks.get(s).keyword()).append(' ').append(T).append(' ').append(s).append('\n');
      }
      for (String c : removedChains) {
        sb.append("delete chain ").append(T).append(' ').append(physical.getOrDefault(c, c)).append('\n');
      }
      renames.forEach((from, to) ->
          sb.append("rename chain ").append(T).append(' ').append(from).append(' ').append(to).append('\n'));
      if (sb.length() == 0) {
        return "";
      }
      return sb.append(marker(d.digest())).toString();
    }
  }

  private static String addChain(NftChain c, String name) {
    return "add chain " + T + " " + name + (c.declaration().isEmpty() ? "" : " { " + c.declaration() + " }") + "\n";
  }

  private static void addElements(StringBuilder sb, NftSet set, List<String> elements) {
    if (!elements.isEmpty()) {
      sb.append("add element ").append(T).append(' ').append(set.name()).append(" { ")
          .append(String.join(", ", elements)).append(" }\n");
    }
  }

  @SafeVarargs
  private static Set<String> concat(Set<String>... sets) {
    Set<String> out = new LinkedHashSet<>();
    for (Set<String> s : sets) {
      out.addAll(s);
    }
    return out;
  }

  private static boolean refersTo(List<String> texts, Set<String> names) {
    if (names.isEmpty()) {
      return false;
    }
    for (String t : texts) {
      for (String ref : NftTable.references(t)) {
        if (names.contains(ref)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Chains of the known table that the desired table has under another name, {@code old -> new}: a
   * chain that went away and one that came, with the same declaration, where every element or rule
   * that jumped to the old one jumps to the new one instead and is otherwise unchanged.
   */
  static Map<String, String> renames(NftTable d, NftTable k) {
    Map<String, NftChain> dc = byName(d.chains(), NftChain::name);
    Map<String, NftChain> kc = byName(k.chains(), NftChain::name);
    Map<String, NftSet> ks = byName(k.sets(), NftSet::name);
    Map<String, Set<String>> votes = new LinkedHashMap<>();
    for (NftSet s : d.sets()) {
      NftSet h = ks.get(s.name());
      if (h == null || !h.map()) {
        continue;
      }
      Map<String, String> have = byName(h.elements(), h::key);
      for (String e : s.elements()) {
        String was = have.get(s.key(e));
        if (was != null && !was.equals(e)) {
          vote(votes, NftTable.references(was), NftTable.references(e), dc, kc);
        }
      }
    }
    for (NftChain c : d.chains()) {
      NftChain h = kc.get(c.name());
      if (h != null && h.rules().size() == c.rules().size()) {
        for (int i = 0; i < c.rules().size(); i++) {
          if (!c.rules().get(i).equals(h.rules().get(i))) {
            vote(votes, NftTable.references(h.rules().get(i)), NftTable.references(c.rules().get(i)), dc, kc);
          }
        }
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> taken = new LinkedHashSet<>();
    for (Map.Entry<String, Set<String>> v : votes.entrySet()) {
      if (v.getValue().size() == 1) {
        String to = v.getValue().iterator().next();
        if (taken.add(to) && kc.get(v.getKey()).declaration().equals(dc.get(to).declaration())) {
          out.put(v.getKey(), to);
        }
      }
    }
    // Keep a rename only if the parts referring to the new name are, renamed, exactly as known.
    NftTable renamed = rename(k, out);
    Map<String, NftSet> rs = byName(renamed.sets(), NftSet::name);
    Map<String, NftChain> rc = byName(renamed.chains(), NftChain::name);
    out.entrySet().removeIf(e -> {
      String to = e.getValue();
      for (NftSet s : d.sets()) {
        if (refersTo(s.elements(), Set.of(to)) && !sameElements(s, rs.get(s.name()))) {
          return true;
        }
      }
      for (NftChain c : d.chains()) {
        if (!c.name().equals(to) && refersTo(c.rules(), Set.of(to)) && !c.equals(rc.get(c.name()))) {
          return true;
        }
      }
      return false;
    });
    return out;
  }

  private static boolean sameElements(NftSet a, NftSet b) {
    return b != null && a.declaration().equals(b.declaration())
        && new LinkedHashSet<>(a.elements()).equals(new LinkedHashSet<>(b.elements()));
  }

  /** Records that where the known text refers to {@code was}, the desired one refers to {@code now}. */
  private static void vote(Map<String, Set<String>> votes, List<String> was, List<String> now,
      Map<String, NftChain> dc, Map<String, NftChain> kc) {
    if (was.size() != now.size()) {
      return;
    }
    for (int i = 0; i < was.size(); i++) {
      String from = was.get(i);
      String to = now.get(i);
      if (!from.equals(to) && kc.containsKey(from) && !dc.containsKey(from) && dc.containsKey(to)
          && !kc.containsKey(to)) {
        votes.computeIfAbsent(from, x -> new LinkedHashSet<>()).add(to);
      }
    }
  }

  /** The table with chains renamed and every jump or goto to them following. */
  static NftTable rename(NftTable t, Map<String, String> renames) {
    if (renames.isEmpty()) {
      return t;
    }
    Function<String, String> fix = text -> {
      Matcher m = JUMP.matcher(text);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String to = renames.get(m.group(2));
        m.appendReplacement(sb, Matcher.quoteReplacement(to == null ? m.group() : m.group(1) + to));
      }
      m.appendTail(sb);
      return sb.toString();
    };
    List<NftSet> sets = t.sets().stream().map(s -> s.map()
        ? new NftSet(s.name(), s.declaration(), s.elements().stream().map(fix).toList()) : s).toList();
    List<NftChain> chains = t.chains().stream().map(c -> new NftChain(renames.getOrDefault(c.name(), c.name()),
        c.declaration(), c.rules().stream().map(fix).toList())).toList();
    return new NftTable(sets, chains);
  }

  private static final Pattern JUMP = Pattern.compile("\\b((?:jump|goto)\\s+)([A-Za-z][A-Za-z0-9_.-]*)");

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> m = new LinkedHashMap<>();
    for (T t : items) {
      m.putIfAbsent(name.apply(t), t);
    }
    return m;
  }
}
