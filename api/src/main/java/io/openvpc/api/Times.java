package io.openvpc.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Tencent's two time formats: {@code 2026-11-27 10:25:43} (Beijing time) and ISO 8601 UTC. */
public final class Times {
  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  /** Formats a LocalDateTime: formatting an Instant through a zone built zone rules on every call. */
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  public static String local(Instant t) {
    return t == null ? "0000-00-00 00:00:00" : LOCAL.format(LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, BEIJING));
  }

  public static String iso(Instant t) {
    return t == null ? null : ISO.format(t);
  }
}
