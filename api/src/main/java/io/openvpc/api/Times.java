package io.openvpc.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Tencent's two time formats: {@code 2026-11-27 10:25:43} (Beijing time) and ISO 8601 UTC. */
public final class Times {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  public static String local(Instant t) {
    return t == null ? "0000-00-00 00:00:00" : LOCAL.format(t);
  }

  public static String iso(Instant t) {
    return t == null ? null : ISO.format(t);
  }
}
