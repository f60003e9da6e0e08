package io.openvpc.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request bodies the server holds in memory at once, across all requests. A body is admitted only
 * while the total stays within the budget, so that many large bodies at once are refused one by one
 * ({@code RequestLimitExceeded}, which the SDKs may retry) instead of exhausting the heap for everyone.
 * Bodies up to {@value #ALWAYS_ADMITTED} bytes are not counted: the request threads bound what they
 * hold, and a burst of large bodies must not lock out ordinary calls.
 */
final class InflightBytes {
  static final int ALWAYS_ADMITTED = 64 * 1024;
  private final long budget;
  private final AtomicLong held = new AtomicLong();

  InflightBytes(long budget) {
    this.budget = budget;
  }

  /**
   * An eighth of the heap, and at least room for one body of the largest size: parsing a body takes a
   * few times its size again, and the rest of the heap serves everything else.
   */
  static InflightBytes forThisHeap() {
    return new InflightBytes(Math.max(Gateway.MAX_BODY, Runtime.getRuntime().maxMemory() / 8));
  }

  long budget() {
    return budget;
  }

  /** Takes {@code n} bytes of the budget if they fit; returns how many were taken (0 for a small body), or -1. */
  long take(long n) {
    return n <= ALWAYS_ADMITTED ? 0 : takeCounted(n);
  }

  /** Takes {@code n} bytes, however few, if they fit (a body of unknown length, step by step); else -1. */
  long takeCounted(long n) {
    while (true) {
      long now = held.get();
      if (now + n > budget) {
        return -1;
      }
      if (held.compareAndSet(now, now + n)) {
        return n;
      }
    }
  }

  void give(long n) {
    if (n > 0) {
      held.addAndGet(-n);
    }
  }

  long held() {
    return held.get();
  }
}
