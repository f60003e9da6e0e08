package io.openvpc.control.acl;

import io.openvpc.control.RuleEdit;
import io.openvpc.model.Direction;
import io.openvpc.model.NetworkAclEntry;
import io.openvpc.model.NetworkAclQuintupleEntry;
import io.openvpc.model.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Resolves the entry-editing requests of network ACLs into {@link RuleEdit}s of one entry list, checked
 * once: every entry validated by {@link AclRules}, every entry named by ID found. A deletion that names
 * an entry twice finds nothing the second time (the entry is gone); an update that names it twice
 * replaces it with the later one. Nothing changes here: {@link NetworkAclService} applies the edits.
 */
final class AclRequests {
  private AclRequests() {}

  // ---- three-tuple entries, one direction's list

  /** CreateNetworkAclEntries: the entries appended, each with a new ID (an ID given with one is not used). */
  static RuleEdit<NetworkAclEntry> append(String member, List<AclInputs.Entry> given, Instant now) {
    return RuleEdit.append(newEntries(member, given, now));
  }

  /** ModifyNetworkAclEntries: the direction becomes the entries given, each with a new ID. */
  static RuleEdit<NetworkAclEntry> replaceWhole(List<NetworkAclEntry> current, String member,
      List<AclInputs.Entry> given, Instant now) {
    return RuleEdit.replaceAll(current.size(), newEntries(member, given, now));
  }

  /**
   * ModifyNetworkAclEntries with EnableUpdateAclEntries: an entry naming an existing entry ID replaces it
   * in place, keeping the ID; the others are appended with new IDs.
   */
  static RuleEdit<NetworkAclEntry> update(List<NetworkAclEntry> current, String member, List<AclInputs.Entry> given,
      Instant now) {
    RuleEdit<NetworkAclEntry> edit = RuleEdit.none();
    for (int i = 0; i < given.size(); i++) {
      AclInputs.Entry e = given.get(i);
      String m = member + "." + i;
      if (entryId(e) != null) {
        int at = entryIndex(current, e, m, List.of());
        edit = edit.replacing(at, AclRules.entry(m, e, current.get(at).entryId(), now));
      } else {
        edit = edit.appending(AclRules.entry(m, e, AclRules.newEntryId(), now));
      }
    }
    return edit;
  }

  /** DeleteNetworkAclEntries: the entries named by ID go; the others keep their order. */
  static RuleEdit<NetworkAclEntry> delete(List<NetworkAclEntry> current, String member, List<AclInputs.Entry> given) {
    RuleEdit<NetworkAclEntry> edit = RuleEdit.none();
    for (int i = 0; i < given.size(); i++) {
      edit = edit.deleting(entryIndex(current, given.get(i), member + "." + i, edit.deletedAt()));
    }
    return edit;
  }

  private static List<NetworkAclEntry> newEntries(String member, List<AclInputs.Entry> given, Instant now) {
    List<NetworkAclEntry> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      out.add(AclRules.entry(member + "." + i, given.get(i), AclRules.newEntryId(), now));
    }
    return out;
  }

  /** The entry ID an entry names ({@code NetworkAclIpv4EntryId}, else {@code NetworkAclIpv6EntryId}), or null. */
  private static String entryId(AclInputs.Entry e) {
    return AclRules.present(e.ipv4EntryId()) ? e.ipv4EntryId() : AclRules.present(e.ipv6EntryId()) ? e.ipv6EntryId() : null;
  }

  /** The position, outside {@code taken}, of the entry that {@code e} names by ID. */
  private static int entryIndex(List<NetworkAclEntry> entries, AclInputs.Entry e, String member, Collection<Integer> taken) {
    String id = entryId(e);
    if (id == null) {
      throw AclErrors.entryNamesNoId(member);
    }
    int at = RuleEdit.firstFree(entries, x -> x.entryId().equals(id), taken);
    if (at < 0) {
      throw AclErrors.entryNotFound(member + (AclRules.present(e.ipv4EntryId()) ? ".NetworkAclIpv4EntryId"
          : ".NetworkAclIpv6EntryId"), id);
    }
    return at;
  }

  // ---- five-tuple entries: one list of both directions, named across it by entry ID

  /** ModifyNetworkAclEntries: each direction given becomes the entries given; a direction left out stays. */
  static RuleEdit<NetworkAclQuintupleEntry> replaceDirections(List<NetworkAclQuintupleEntry> current,
      AclInputs.QuintupleSet set, Instant now) {
    List<NetworkAclQuintupleEntry> next = new ArrayList<>();
    for (Direction d : Direction.values()) {
      List<AclInputs.Quintuple> given = given(set, d);
      next.addAll(given == null ? direction(current, d) : newQuintuples(d, given, List.of(), now));
    }
    return RuleEdit.replaceAll(current.size(), next);
  }

  /** CreateNetworkAclQuintupleEntries: the entries appended, prioritised after their direction's unless they name a priority. */
  static RuleEdit<NetworkAclQuintupleEntry> appendQuintuples(List<NetworkAclQuintupleEntry> current,
      AclInputs.QuintupleSet set, Instant now) {
    List<NetworkAclQuintupleEntry> added = new ArrayList<>();
    for (Direction d : Direction.values()) {
      List<AclInputs.Quintuple> given = given(set, d);
      if (given != null) {
        added.addAll(newQuintuples(d, given, direction(current, d), now));
      }
    }
    return RuleEdit.append(added);
  }

  /** ModifyNetworkAclQuintupleEntries: each entry replaces the one its NetworkAclQuintupleEntryId names. */
  static RuleEdit<NetworkAclQuintupleEntry> updateQuintuples(List<NetworkAclQuintupleEntry> current,
      AclInputs.QuintupleSet set, Instant now) {
    RuleEdit<NetworkAclQuintupleEntry> edit = RuleEdit.none();
    for (Direction d : Direction.values()) {
      List<AclInputs.Quintuple> given = given(set, d);
      for (int i = 0; given != null && i < given.size(); i++) {
        String m = member(d) + "." + i;
        AclInputs.Quintuple q = given.get(i);
        int at = quintupleIndex(current, q.entryId(), m + ".NetworkAclQuintupleEntryId", List.of());
        NetworkAclQuintupleEntry old = edit.at(current, at);
        edit = edit.replacing(at, AclRules.quintuple(m, d, q, old.entryId(),
            priority(m + ".Priority", q.priority(), old.priority()), now));
      }
    }
    return edit;
  }

  /** DeleteNetworkAclQuintupleEntries: the entries named by ID go. */
  static RuleEdit<NetworkAclQuintupleEntry> deleteQuintuples(List<NetworkAclQuintupleEntry> current,
      AclInputs.QuintupleSet set) {
    RuleEdit<NetworkAclQuintupleEntry> edit = RuleEdit.none();
    for (Direction d : Direction.values()) {
      List<AclInputs.Quintuple> given = given(set, d);
      for (int i = 0; given != null && i < given.size(); i++) {
        edit = edit.deleting(quintupleIndex(current, given.get(i).entryId(),
            member(d) + "." + i + ".NetworkAclQuintupleEntryId", edit.deletedAt()));
      }
    }
    return edit;
  }

  static List<NetworkAclQuintupleEntry> direction(List<NetworkAclQuintupleEntry> entries, Direction d) {
    return entries.stream().filter(e -> e.direction() == d).toList();
  }

  private static List<AclInputs.Quintuple> given(AclInputs.QuintupleSet set, Direction d) {
    return d == Direction.INGRESS ? set.ingress() : set.egress();
  }

  private static String member(Direction d) {
    return "NetworkAclQuintupleSet." + (d == Direction.INGRESS ? "Ingress" : "Egress");
  }

  /** New five-tuple entries, prioritised after {@code existing} unless they name a priority. */
  private static List<NetworkAclQuintupleEntry> newQuintuples(Direction d, List<AclInputs.Quintuple> given,
      List<NetworkAclQuintupleEntry> existing, Instant now) {
    long next = existing.stream().mapToLong(NetworkAclQuintupleEntry::priority).max().orElse(0) + 1;
    List<NetworkAclQuintupleEntry> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String m = member(d) + "." + i;
      AclInputs.Quintuple q = given.get(i);
      long priority = priority(m + ".Priority", q.priority(), next);
      next = Math.max(next, priority + 1);
      out.add(AclRules.quintuple(m, d, q, AclRules.newEntryId(), priority, now));
    }
    return out;
  }

  private static long priority(String member, Long given, long fallback) {
    if (given == null) {
      return fallback;
    }
    if (given < 1 || given > 32766) {
      throw AclErrors.priorityOutOfRange(member, given);
    }
    return given;
  }

  private static int quintupleIndex(List<NetworkAclQuintupleEntry> entries, String id, String member,
      Collection<Integer> taken) {
    if (!AclRules.present(id)) {
      throw Rejection.missing(member);
    }
    int at = RuleEdit.firstFree(entries, x -> x.entryId().equals(id), taken);
    if (at < 0) {
      throw AclErrors.entryNotFound(member, id);
    }
    return at;
  }
}
