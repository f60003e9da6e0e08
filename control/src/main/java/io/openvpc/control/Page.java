package io.openvpc.control;

import io.openvpc.model.Order;
import io.openvpc.model.Rejection;
import io.openvpc.model.Resource;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a listing: the total before paging and the items of the page. */
public record Page<R>(long totalCount, List<R> items) {
  public static final long DEFAULT_LIMIT = 20;
  public static final long MAX_LIMIT = 100;

  /** Cuts a page from {@code all} by Tencent's Offset (default 0) and Limit (default 20, at most 100). */
  public static <R> Page<R> of(List<R> all, Long offset, Long limit) {
    long off = offset(offset);
    long lim = limit(limit);
    int from = (int) Math.min(off, all.size());
    int to = (int) Math.min(all.size(), from + lim);
    return new Page<>(all.size(), List.copyOf(all.subList(from, to)));
  }

  /**
   * Cuts a page from every resource of {@code order}'s kind in that order (or backwards), as kept by
   * the snapshot: nothing is sorted or scanned, so the cost is the page's, whatever the region's size.
   */
  public static <R extends Resource> Page<R> of(Topology t, Order<R> order, boolean reversed, Long offset, Long limit) {
    long off = offset(offset);
    long lim = limit(limit);
    return new Page<>(t.count(order.type()), List.copyOf(t.range(order, reversed, off, off + lim)));
  }

  /** The same page with each item mapped (views built for the page only). */
  public <T> Page<T> map(Function<? super R, ? extends T> f) {
    List<T> out = new ArrayList<>(items.size());
    for (R r : items) {
      out.add(f.apply(r));
    }
    return new Page<>(totalCount, List.copyOf(out));
  }

  private static long offset(Long offset) {
    long off = offset == null ? 0 : offset;
    if (off < 0) {
      throw Rejection.value("InvalidParameterValue.Range", "Offset", "must not be negative, got " + off + ".");
    }
    return off;
  }

  private static long limit(Long limit) {
    long lim = limit == null ? DEFAULT_LIMIT : limit;
    if (lim < 0 || lim > MAX_LIMIT) {
      throw Rejection.value("InvalidParameterValue.Range", "Limit", "must be from 0 to " + MAX_LIMIT + ", got " + lim + ".");
    }
    return lim == 0 ? DEFAULT_LIMIT : lim;
  }
}
