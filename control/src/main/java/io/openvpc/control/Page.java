package io.openvpc.control;

import io.openvpc.model.Rejection;
import java.util.List;

/** One page of a listing: the total before paging and the items of the page. */
public record Page<R>(long totalCount, List<R> items) {
  public static final long DEFAULT_LIMIT = 20;
  public static final long MAX_LIMIT = 100;

  /** Cuts a page from {@code all} by Tencent's Offset (default 0) and Limit (default 20, at most 100). */
  public static <R> Page<R> of(List<R> all, Long offset, Long limit) {
    long off = offset == null ? 0 : offset;
    long lim = limit == null ? DEFAULT_LIMIT : limit;
    if (off < 0) {
      throw Rejection.value("InvalidParameterValue.Range", "Offset", "must not be negative, got " + off + ".");
    }
    if (lim < 0 || lim > MAX_LIMIT) {
      throw Rejection.value("InvalidParameterValue.Range", "Limit", "must be from 0 to " + MAX_LIMIT + ", got " + lim + ".");
    }
    if (lim == 0) {
      lim = DEFAULT_LIMIT;
    }
    int from = (int) Math.min(off, all.size());
    int to = (int) Math.min(all.size(), from + lim);
    return new Page<>(all.size(), List.copyOf(all.subList(from, to)));
  }
}
