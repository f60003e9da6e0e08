package io.openvpc.control.security;

import io.openvpc.model.Direction;
import io.openvpc.model.SecurityGroupPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link RuleMatches} of the rule lists edited lately, each valid for the one list object it was
 * built from: rule lists are immutable and a change makes a new list, so an entry can never describe
 * another version of the rules, and an entry for a list that was never committed (the call failed
 * later) is simply not found again and gets replaced. The writers of a group take turns (the scope's
 * write lock), so an entry is used by one call at a time.
 */
final class RuleMatchCache {
  /** Rules indexed at most, over all entries (about 100 bytes each); the least recently used go first. */
  static final int MAX_RULES = 1_000_000;
  private final int maxRules;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long indexed;

  RuleMatchCache() {
    this(MAX_RULES);
  }

  RuleMatchCache(int maxRules) {
    this.maxRules = maxRules;
  }

  private record Entry(List<SecurityGroupPolicy> rules, RuleMatches matches) {}

  /** The number of rules the cached entries index. */
  long indexed() {
    synchronized (entries) {
      return indexed;
    }
  }

  /** The matches of exactly {@code rules}, a direction's list of group {@code groupId}. */
  RuleMatches of(String groupId, Direction direction, List<SecurityGroupPolicy> rules) {
    String key = groupId + "/" + direction;
    synchronized (entries) {
      Entry e = entries.get(key);
      if (e != null && e.rules() == rules) {
        return e.matches();
      }
    }
    RuleMatches built = RuleMatches.of(rules);
    remember(groupId, direction, rules, built);
    return built;
  }

  /** Records {@code matches} as those of {@code rules}, replacing the group direction's entry. */
  void remember(String groupId, Direction direction, List<SecurityGroupPolicy> rules, RuleMatches matches) {
    synchronized (entries) {
      Entry old = entries.put(groupId + "/" + direction, new Entry(rules, matches));
      indexed += rules.size() - (old == null ? 0 : old.rules().size());
      var eldest = entries.entrySet().iterator();
      while (indexed > maxRules && entries.size() > 1) {
        indexed -= eldest.next().getValue().rules().size();
        eldest.remove();
      }
    }
  }
}
