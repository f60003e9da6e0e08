package io.openvpc.control;

import io.openvpc.model.Rejection;
import io.openvpc.model.Topology;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Tencent-style resource IDs: a prefix, a dash and eight lowercase letters or digits. */
public final class Ids {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]{8}");

  private Ids() {}

  /** A new ID with {@code prefix}, unused in {@code topology}. */
  public static String next(String prefix, Topology topology) {
    while (true) {
      String id = random(prefix, 8);
      if (topology.anyById(id).isEmpty()) {
        return id;
      }
    }
  }

  public static String random(String prefix, int length) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder sb = new StringBuilder(prefix.length() + 1 + length).append(prefix).append('-');
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  public static boolean wellFormed(String prefix, String id) {
    return id != null && id.startsWith(prefix + "-") && SUFFIX.matcher(id.substring(prefix.length() + 1)).matches();
  }

  /**
   * Checks an ID's form.
   *
   * @param code the malformed code, e.g. {@code InvalidVpcId.Malformed}
   */
  public static String requireWellFormed(String prefix, String id, String parameter, String code) {
    if (id == null || id.isEmpty()) {
      throw Rejection.missing(parameter);
    }
    if (!wellFormed(prefix, id)) {
      throw Rejection.value(code, parameter, "`" + id + "` is not a well-formed ID; expected " + prefix
          + "- followed by 8 lowercase letters or digits.");
    }
    return id;
  }
}
