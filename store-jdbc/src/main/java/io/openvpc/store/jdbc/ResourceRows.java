package io.openvpc.store.jdbc;

import io.openvpc.model.Resource;
import io.openvpc.model.ResourceTypes;
import io.openvpc.model.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resources as rows: a JSON document per resource in {@code resource}, and for the kinds with a
 * {@link ListLayout} their lists as splices in {@code resource_splice}. Writing a changed resource
 * writes its document and, for those kinds, only the splice that changed its lists; when a resource's
 * splices outgrow a quarter of its elements, they are rewritten as the few rows that build the lists
 * from empty (compaction), so reading stays proportional to the resource's size.
 */
final class ResourceRows {
  /** Elements per splice row at most, to keep rows far below H2's 1,000,000-character VARCHAR limit. */
  static final int MAX_ITEMS = 256;
  /** Splices a resource may accumulate beyond a quarter of its elements before they are compacted. */
  static final int COMPACT_SLACK = 64;

  private final ResourceCodec codec;
  private final Dialect dialect;

  ResourceRows(ResourceCodec codec, Dialect dialect) {
    this.codec = codec;
    this.dialect = dialect;
  }

  /**
   * Every resource of a scope, in one statement, so that the documents and the splices come from one
   * snapshot of the database.
   */
  List<Resource> load(Connection c, Scope scope) throws SQLException {
    Map<String, String[]> documents = new LinkedHashMap<>();
    Map<String, List<Object[]>> splices = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT r.id, r.kind, r.body, CAST(-1 AS BIGINT) AS seq, CAST(NULL AS VARCHAR(32)) AS list_name,"
            + " 0 AS at_index, 0 AS removed FROM resource r WHERE r.app_id = ? AND r.region = ?"
            + " UNION ALL SELECT s.resource_id, r.kind, s.items, s.seq, s.list_name, s.at_index, s.removed"
            + " FROM resource_splice s JOIN resource r ON r.id = s.resource_id WHERE r.app_id = ? AND r.region = ?")) {
      ps.setLong(1, scope.appId());
      ps.setString(2, scope.region());
      ps.setLong(3, scope.appId());
      ps.setString(4, scope.region());
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(4);
          if (seq < 0) {
            documents.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
          } else {
            splices.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new Object[] {seq, rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(3)});
          }
        }
      }
    }
    List<Resource> out = new ArrayList<>(documents.size());
    documents.forEach((id, row) -> out.add(assemble(row[0], row[1], splices.getOrDefault(id, List.of()))));
    return out;
  }

  private Resource assemble(String kind, String body, List<Object[]> splices) {
    Resource head = codec.decode(kind, body);
    ListLayout<?> layout = ListLayout.of(head.getClass());
    return layout == null ? head : assemble(layout, head, splices);
  }

  private <R extends Resource> R assemble(ListLayout<R> layout, Resource head, List<Object[]> rows) {
    R stored = layout.type().cast(head);
    Map<String, List<?>> lists = new HashMap<>();
    for (String name : layout.lists()) {
      // A document written before the lists moved to splices still holds them (and has no splices).
      lists.put(name, new ArrayList<>(layout.list(stored, name)));
    }
    if (rows.size() > 1) {
      rows.sort(Comparator.comparingLong(r -> (Long) r[0]));
    }
    for (Object[] r : rows) {
      List<?> target = lists.get((String) r[1]);
      if (target == null) {
        throw new IllegalStateException("stored splice of " + head.id() + " names an unknown list " + r[1]);
      }
      new Splice((String) r[1], (Integer) r[2], (Integer) r[3], codec.decodeItems((String) r[4], layout.element()))
          .applyTo(target);
    }
    return layout.assemble(stored, lists);
  }

  /**
   * Writes {@code resource} over {@code previous}, the version stored now (null when there is none or
   * it is unknown: then the lists are written whole).
   */
  void put(Connection c, Scope scope, Resource resource, Resource previous) throws SQLException {
    ListLayout<?> layout = ListLayout.of(resource.getClass());
    if (layout == null) {
      upsert(c, scope, resource);
      return;
    }
    putListed(c, scope, layout, resource, previous);
  }

  private <R extends Resource> void putListed(Connection c, Scope scope, ListLayout<R> layout, Resource resource,
      Resource previous) throws SQLException {
    R next = layout.type().cast(resource);
    R head = layout.head(next);
    List<Splice> edits = previous != null && previous.getClass() == resource.getClass()
        ? edits(layout, layout.type().cast(previous), next) : null;
    long last = edits == null ? -1 : updateHead(c, scope, head, edits.size());
    if (last < 0) { // new, previous version unknown, or not stored after all: write it whole
      upsert(c, scope, head);
      rewrite(c, layout, next);
    } else if (last == edits.size() || last > COMPACT_SLACK + layout.size(next) / 4) {
      // No splice before this write: the lists are empty, or still in a document written before they
      // moved to splices (which the head just replaced); either way write them whole. Or the log grew
      // long: compact it.
      rewrite(c, layout, next);
    } else {
      insert(c, next.id(), last - edits.size() + 1, edits);
    }
  }

  /** The splices, at most {@link #MAX_ITEMS} elements each, that turn {@code before}'s lists into {@code next}'s. */
  private static <R extends Resource> List<Splice> edits(ListLayout<R> layout, R before, R next) {
    List<Splice> edits = new ArrayList<>();
    for (String name : layout.lists()) {
      Splice s = Splice.between(name, layout.list(before, name), layout.list(next, name));
      if (s != null) {
        edits.addAll(s.pieces(MAX_ITEMS));
      }
    }
    return edits;
  }

  /** Writes a stored resource's head and advances its last splice seq by {@code added}; -1 when not stored. */
  private long updateHead(Connection c, Scope scope, Resource head, int added) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect.updateListedResource())) {
      ps.setString(1, ResourceTypes.kind(head.getClass()));
      ps.setString(2, codec.encode(head));
      ps.setInt(3, added);
      ps.setString(4, head.id());
      ps.setLong(5, scope.appId());
      ps.setString(6, scope.region());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  /** Replaces a resource's splices with the few that build its lists from empty. */
  private <R extends Resource> void rewrite(Connection c, ListLayout<R> layout, R resource) throws SQLException {
    deleteSplices(c, resource.id());
    List<Splice> whole = new ArrayList<>();
    for (String name : layout.lists()) {
      List<?> items = layout.list(resource, name);
      if (!items.isEmpty()) {
        whole.addAll(Splice.whole(name, items, MAX_ITEMS));
      }
    }
    insert(c, resource.id(), 1, whole);
    try (PreparedStatement ps = c.prepareStatement("UPDATE resource SET splice_seq = ? WHERE id = ?")) {
      ps.setLong(1, whole.size());
      ps.setString(2, resource.id());
      ps.executeUpdate();
    }
  }

  private void insert(Connection c, String id, long firstSeq, List<Splice> splices) throws SQLException {
    if (splices.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO resource_splice"
        + " (resource_id, seq, list_name, at_index, removed, items) VALUES (?, ?, ?, ?, ?, ?)")) {
      long seq = firstSeq;
      for (Splice s : splices) {
        ps.setString(1, id);
        ps.setLong(2, seq++);
        ps.setString(3, s.list());
        ps.setInt(4, s.at());
        ps.setInt(5, s.removed());
        ps.setString(6, codec.encodeItems(s.items()));
        if (splices.size() == 1) {
          ps.executeUpdate();
        } else {
          ps.addBatch();
        }
      }
      if (splices.size() > 1) {
        ps.executeBatch();
      }
    }
  }

  private void upsert(Connection c, Scope scope, Resource resource) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect.upsertResource())) {
      ps.setString(1, resource.id());
      ps.setLong(2, scope.appId());
      ps.setString(3, scope.region());
      ps.setString(4, ResourceTypes.kind(resource.getClass()));
      ps.setString(5, codec.encode(resource));
      if (ps.executeUpdate() != 1) {
        throw new SQLException("the ID " + resource.id() + " belongs to a resource of another scope");
      }
    }
  }

  void delete(Connection c, Scope scope, Class<? extends Resource> type, String id) throws SQLException {
    int deleted;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM resource WHERE id = ? AND app_id = ? AND region = ?")) {
      ps.setString(1, id);
      ps.setLong(2, scope.appId());
      ps.setString(3, scope.region());
      deleted = ps.executeUpdate();
    }
    if (deleted > 0 && ListLayout.of(type) != null) {
      deleteSplices(c, id);
    }
  }

  private static void deleteSplices(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM resource_splice WHERE resource_id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
  }
}
