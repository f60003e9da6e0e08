package io.openvpc.control;

import io.openvpc.model.Index;
import io.openvpc.model.Order;
import io.openvpc.model.Rejection;
import io.openvpc.model.Resource;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The selection every Describe action makes: either the resources named by ID or those passing the
 * filters, in {@code order}. IDs and filters together are refused with one code for every action,
 * {@code InvalidParameter.Coexist}, the one Tencent documents for it (DescribeVpcs, DescribeSubnets,
 * DescribeSecurityGroups, DescribeNetworkAcls, DescribeAssistantCidr, ...).
 */
public final class Listing {
  private Listing() {}

  /**
   * The resources named by {@code ids}, in the order given, or those passing {@code filters}.
   *
   * @param idsParameter the IDs' parameter name ({@code SubnetIds}), for messages
   * @param byId finds one resource from its ID and the parameter naming it, or rejects; it may answer
   *     null to leave an unknown ID out (DescribeInstances does, as Tencent's does)
   */
  public static <R> List<R> select(String idsParameter, List<String> ids, List<Filter> filters,
      BiFunction<String, String, R> byId, Collection<R> all, Filters<R> rules, Comparator<R> order) {
    requireIdsOrFilters(idsParameter, ids, filters);
    if (ids.isEmpty()) {
      return filtered(all, filters, rules, order);
    }
    List<R> found = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      R r = byId.apply(ids.get(i), idsParameter + "." + i);
      if (r != null) {
        found.add(r);
      }
    }
    return found;
  }

  /**
   * One page of the resources named by {@code ids} (in the order given) or of those passing
   * {@code filters} (in {@code order}, or backwards when {@code reversed}). With neither, the page is cut
   * from the order the snapshot keeps: no scan, no sort, so its cost does not grow with the region.
   */
  public static <R extends Resource> Page<R> page(Topology t, String idsParameter, List<String> ids,
      List<Filter> filters, BiFunction<String, String, R> byId, Filters<R> rules, Order<R> order, boolean reversed,
      Long offset, Long limit) {
    return page(t, idsParameter, ids, filters, byId, rules, Map.of(), order, reversed, offset, limit);
  }

  /**
   * The same, where a filter named in {@code narrowing} (an exact filter on the key of that index, such
   * as {@code vpc-id}) first narrows the candidates to those the index finds by its values; every
   * filter, that one included, still decides, so the answer is the scan's.
   */
  @SuppressWarnings("unchecked")
  public static <R extends Resource> Page<R> page(Topology t, String idsParameter, List<String> ids,
      List<Filter> filters, BiFunction<String, String, R> byId, Filters<R> rules, Map<String, Index<R>> narrowing,
      Order<R> order, boolean reversed, Long offset, Long limit) {
    requireIdsOrFilters(idsParameter, ids, filters);
    if ((ids == null || ids.isEmpty()) && (filters == null || filters.isEmpty())) {
      return Page.of(t, order, reversed, offset, limit);
    }
    Comparator<R> c = (Comparator<R>) order.comparator();
    return Page.of(select(idsParameter, ids == null ? List.of() : ids, filters, byId,
        candidates(t, order.type(), filters, narrowing), rules, reversed ? c.reversed() : c), offset, limit);
  }

  /**
   * The resources a narrowing filter's index finds by its values (each once), or every resource of the
   * kind when no filter narrows: when a value is empty (an index has no empty keys) or the filters are
   * out of bounds (refused later, naming the filter).
   */
  static <R extends Resource> Collection<R> candidates(Topology t, Class<R> type, List<Filter> filters,
      Map<String, Index<R>> narrowing) {
    if (filters == null || filters.size() > Filters.MAX_FILTERS) {
      return t.all(type);
    }
    for (Filter f : filters) {
      Index<R> index = f.name() == null ? null : narrowing.get(f.name());
      if (index == null || f.values() == null || f.values().size() > Filters.MAX_VALUES
          || f.values().stream().anyMatch(v -> v == null || v.isEmpty())) {
        continue;
      }
      Map<String, R> found = new LinkedHashMap<>();
      for (String v : f.values()) {
        for (R r : t.by(index, v)) {
          found.putIfAbsent(r.id(), r);
        }
      }
      return found.values();
    }
    return t.all(type);
  }

  /**
   * The rows whose {@code key} is one of {@code keys}, or those passing {@code filters}, in {@code order}
   * either way: for actions whose list names something the rows belong to rather than the rows
   * themselves (DescribeAssistantCidr's VpcIds name VPCs, the rows are their blocks). A key that no row
   * has selects nothing.
   */
  public static <R> List<R> selectWhere(String keysParameter, List<String> keys, Function<R, String> key,
      List<Filter> filters, Collection<R> all, Filters<R> rules, Comparator<R> order) {
    requireIdsOrFilters(keysParameter, keys, filters);
    if (keys.isEmpty()) {
      return filtered(all, filters, rules, order);
    }
    Set<String> wanted = new HashSet<>(keys);
    List<R> found = new ArrayList<>(all.stream().filter(r -> wanted.contains(key.apply(r))).toList());
    found.sort(order);
    return found;
  }

  /** Refuses a listing that gives both {@code idsParameter} and {@code Filters}. */
  public static void requireIdsOrFilters(String idsParameter, List<?> ids, List<Filter> filters) {
    if (ids != null && !ids.isEmpty() && filters != null && !filters.isEmpty()) {
      throw new Rejection("InvalidParameter.Coexist", "`" + idsParameter + "` and `Filters` cannot be given "
          + "together.", "`" + idsParameter + "` 与 `Filters` 不能同时指定。");
    }
  }

  private static <R> List<R> filtered(Collection<R> all, List<Filter> filters, Filters<R> rules, Comparator<R> order) {
    List<R> found = rules.apply(all, filters);
    found.sort(order);
    return found;
  }
}
