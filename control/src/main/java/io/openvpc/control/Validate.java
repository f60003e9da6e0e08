package io.openvpc.control;

import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Rejection;
import io.openvpc.model.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks shared by every service: names, descriptions, tags, ID lists, addresses. */
public final class Validate {
  private Validate() {}

  /** A required name of at most {@code max} characters. */
  public static String name(String parameter, String value, int max) {
    if (value == null) {
      throw Rejection.missing(parameter);
    }
    if (value.isBlank()) {
      throw Rejection.value("InvalidParameterValue.Empty", parameter, "must not be empty.");
    }
    return optionalText(parameter, value, max);
  }

  /** An optional text of at most {@code max} characters ({@code null} stays {@code null}). */
  public static String optionalText(String parameter, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw Rejection.value("InvalidParameterValue.TooLong", parameter,
          "must be at most " + max + " characters, got " + value.codePointCount(0, value.length()) + ".");
    }
    return value;
  }

  public static <T> T required(String parameter, T value) {
    if (value == null) {
      throw Rejection.missing(parameter);
    }
    return value;
  }

  public static List<Tag> tags(String parameter, List<Tag> tags) {
    if (tags == null) {
      return List.of();
    }
    if (tags.size() > 50) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", parameter, "at most 50 tags.");
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < tags.size(); i++) {
      Tag t = tags.get(i);
      if (t.key() == null || t.key().isEmpty()) {
        throw Rejection.missing(parameter + "." + i + ".Key");
      }
      optionalText(parameter + "." + i + ".Key", t.key(), 127);
      optionalText(parameter + "." + i + ".Value", t.value(), 255);
      if (!keys.add(t.key())) {
        throw Rejection.value("InvalidParameterValue.Duplicate", parameter + "." + i + ".Key",
            "tag key `" + t.key() + "` is given twice.");
      }
    }
    return List.copyOf(tags);
  }

  /** A list of IDs: at most {@code max}, each well formed, no duplicates. */
  public static List<String> ids(String parameter, List<String> ids, String prefix, String malformedCode, int max) {
    if (ids == null) {
      return List.of();
    }
    if (ids.size() > max) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", parameter, "at most " + max + " IDs per call.");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      out.add(Ids.requireWellFormed(prefix, ids.get(i), parameter + "." + i, malformedCode));
    }
    return out;
  }

  public static Cidr cidr(String parameter, String value) {
    if (value == null) {
      throw Rejection.missing(parameter);
    }
    try {
      return Cidr.parse(value);
    } catch (IllegalArgumentException e) {
      throw Rejection.malformed(parameter, value, "a CIDR block such as 10.0.0.0/16 (" + e.getMessage() + ")");
    }
  }

  public static IpAddr ip(String parameter, String value) {
    if (value == null) {
      throw Rejection.missing(parameter);
    }
    try {
      return IpAddr.parse(value);
    } catch (IllegalArgumentException e) {
      throw Rejection.malformed(parameter, value, "an IP address (" + e.getMessage() + ")");
    }
  }

  /** Parses Tencent's string booleans ({@code "true"}/{@code "false"}, any case). */
  public static Boolean stringBool(String parameter, String value) {
    if (value == null) {
      return null;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw Rejection.malformed(parameter, value, "`true` or `false`");
  }

  /** A rule's action, ACCEPT or DROP in any case, returned upper case. */
  public static String action(String parameter, String action) {
    if (action == null || action.isBlank()) {
      throw Rejection.missing(parameter);
    }
    String a = action.trim().toUpperCase(Locale.ROOT);
    if (!a.equals("ACCEPT") && !a.equals("DROP")) {
      throw Rejection.value("InvalidParameterValue.Range", parameter, "`" + action + "` is not ACCEPT or DROP.");
    }
    return a;
  }

  /**
   * The peer block of a security group rule or ACL entry in canonical form, as Tencent normalises it:
   * host bits are dropped, a bare address is a /32 or /128, and any block of {@code 0.0.0.0} or
   * {@code ::} means everything ({@code 0.0.0.0/0}, {@code ::/0}).
   */
  public static String ruleBlock(String parameter, String text, boolean ipv4) {
    Cidr c;
    try {
      c = Cidr.parseLenient(text);
    } catch (IllegalArgumentException e) {
      throw Rejection.malformed(parameter, text, (ipv4 ? "an IPv4" : "an IPv6") + " address or CIDR block ("
          + e.getMessage() + ")");
    }
    if (c.isIpv4() != ipv4) {
      throw Rejection.malformed(parameter, text, ipv4 ? "an IPv4 block (IPv6 blocks go in the Ipv6 member)"
          : "an IPv6 block (IPv4 blocks go in the IPv4 member)");
    }
    if (c.block().getLower().isZero()) {
      return ipv4 ? "0.0.0.0/0" : "::/0";
    }
    return c.toString();
  }
}
