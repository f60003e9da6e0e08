package io.openvpc.engine.compile;

import io.openvpc.engine.graph.Filter;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.engine.policy.RuleRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The rule lists of the graph's filters: filters built from the same segment list and default share
 * one list object (ENIs bound to the same groups do), so that analyses can cache what a list accepts by
 * identity and the evaluator lays each list out once; and a list's parts, one per segment, are shared
 * by every list naming the segment. A list is kept across changes that do not touch its segments: a
 * rule change makes only the lists naming that group's segment again, not all of them. Read
 * concurrently; {@link #changed} is called by the graph's single writer, never during reads.
 */
final class FilterRules {
  private final Map<Key, Cached> lists = new ConcurrentHashMap<>();
  private final Map<String, Cached> parts = new ConcurrentHashMap<>();
  /** When each segment last changed, counted in segment changes. */
  private final Map<String, Long> changedAt = new HashMap<>();
  private long changes;

  /** A filter's segment list and default rule, by identity: compilers share both between equal filters. */
  private record Key(List<String> segments, RuleRef defaultRule) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.segments == segments && k.defaultRule == defaultRule;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(segments) * 31 + System.identityHashCode(defaultRule);
    }
  }

  /** A list and the count of segment changes at which it was last known current. */
  private static final class Cached {
    final RuleList list;
    volatile long current;

    Cached(RuleList list, long current) {
      this.list = list;
      this.current = current;
    }
  }

  /** The rules of segment {@code name} changed. */
  void changed(String name) {
    changedAt.put(name, ++changes);
  }

  /** The rule list of {@code f}, made of the rules {@code segment} gives when there is none current. */
  RuleList of(Filter f, Function<String, List<PolicyRule>> segment) {
    Key key = new Key(f.segments(), f.defaultRule());
    Cached cached = lists.get(key);
    long now = changes;
    if (cached != null && cached.current != now) {
      if (unchangedSince(f.segments(), cached.current)) {
        cached.current = now;
      } else {
        cached = null;
      }
    }
    if (cached == null) {
      if (lists.size() > 100_000) {
        lists.clear(); // recompiled filters leave keys behind; the next reads make what is used
      }
      List<RuleList> made = new ArrayList<>(f.segments().size());
      for (String s : f.segments()) {
        made.add(part(s, segment, now));
      }
      cached = new Cached(RuleList.of(made, f.defaultAction(), f.defaultRule()), now);
      lists.put(key, cached);
    }
    return cached.list;
  }

  /** The part of segment {@code name}, current at count {@code now}. */
  private RuleList part(String name, Function<String, List<PolicyRule>> segment, long now) {
    Cached cached = parts.get(name);
    if (cached == null || changedAt.getOrDefault(name, 0L) > cached.current) {
      if (parts.size() > 100_000) {
        parts.clear();
      }
      cached = new Cached(RuleList.part(segment.apply(name)), now);
      parts.put(name, cached);
    }
    return cached.list;
  }

  private boolean unchangedSince(List<String> segments, long at) {
    for (String s : segments) {
      Long c = changedAt.get(s);
      if (c != null && c > at) {
        return false;
      }
    }
    return true;
  }
}
