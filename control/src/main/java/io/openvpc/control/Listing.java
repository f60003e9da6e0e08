package io.openvpc.control;

import io.openvpc.model.Rejection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The selection every Describe action makes: either the resources named by ID (each must exist, in the
 * order given) or those passing the filters, in {@code order}; IDs and filters together are refused.
 */
public final class Listing {
  private Listing() {}

  /**
   * @param idsParameter the IDs' parameter name ({@code SubnetIds}), for messages
   * @param byId finds one resource from its ID and the parameter naming it, or rejects
   */
  public static <R> List<R> select(String idsParameter, List<String> ids, List<Filter> filters,
      BiFunction<String, String, R> byId, Collection<R> all, Filters<R> rules, Comparator<R> order) {
    if (!ids.isEmpty() && filters != null && !filters.isEmpty()) {
      throw new Rejection("InvalidParameterValue.Combination", "`" + idsParameter + "` and `Filters` cannot be given "
          + "together.", "`" + idsParameter + "` 与 `Filters` 不能同时指定。");
    }
    if (!ids.isEmpty()) {
      List<R> found = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        found.add(byId.apply(ids.get(i), idsParameter + "." + i));
      }
      return found;
    }
    List<R> found = rules.apply(all, filters);
    found.sort(order);
    return found;
  }
}
