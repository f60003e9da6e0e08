package io.openvpc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The port text of a security group policy or network ACL entry, parsed: {@code ALL}, a single port
 * ({@code 80}), a range ({@code 80-90}) or a comma list ({@code 22,80,443}, items may be ranges).
 * {@code ranges} are sorted and merged; {@code text} is what the user wrote, kept for explanations.
 */
public record PortSpec(List<PortRange> ranges, String text) {
  public static final PortSpec ALL = new PortSpec(List.of(PortRange.ALL), "ALL");

  public PortSpec {
    ranges = normalize(ranges);
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("a port spec needs at least one range");
    }
  }

  /**
   * Parses port text as Tencent accepts it; an empty text means {@code ALL}. Ports are 1-65535.
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static PortSpec parse(String text) {
    PortSpec canonical = parseCanonical(text);
    if (canonical != null) {
      return canonical;
    }
    if (text == null || text.isBlank() || text.trim().toUpperCase(Locale.ROOT).equals("ALL")) {
      return ALL;
    }
    String t = text.trim();
    List<PortRange> out = new ArrayList<>();
    for (String item : t.split(",", -1)) {
      out.add(item(item.trim(), t));
    }
    return new PortSpec(out, t);
  }

  /**
   * The canonical text the control plane stores ({@link #canonical()}: ascending, disjoint, not
   * adjacent), read in one pass without splitting: rules are compiled by the hundred thousand. Null
   * for anything else, which {@link #parse} reads the general way.
   */
  private static PortSpec parseCanonical(String t) {
    if (t == null || t.isEmpty()) {
      return null;
    }
    if (t.equals("ALL")) {
      return ALL;
    }
    List<PortRange> ranges = new ArrayList<>(2);
    int n = t.length();
    int i = 0;
    int last = -2;
    while (true) {
      int from = 0;
      int start = i;
      while (i < n && i - start < 5 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        from = from * 10 + (t.charAt(i++) - '0');
      }
      if (i == start || t.charAt(start) == '0' || from > PortRange.MAX) {
        return null;
      }
      int to = from;
      if (i < n && t.charAt(i) == '-') {
        start = ++i;
        to = 0;
        while (i < n && i - start < 5 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
          to = to * 10 + (t.charAt(i++) - '0');
        }
        if (i == start || t.charAt(start) == '0' || to > PortRange.MAX || to <= from) {
          return null;
        }
      }
      if (from <= last + 1) {
        return null; // out of order or touching: not canonical
      }
      ranges.add(new PortRange(from, to));
      last = to;
      if (i == n) {
        return new PortSpec(ranges, t);
      }
      if (t.charAt(i++) != ',' || i == n) {
        return null;
      }
    }
  }

  /** Whether {@code text} is port text this class accepts. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static PortRange item(String item, String whole) {
    int dash = item.indexOf('-');
    if (dash < 0) {
      return PortRange.single(port(item, whole));
    }
    int from = port(item.substring(0, dash).trim(), whole);
    int to = port(item.substring(dash + 1).trim(), whole);
    if (from > to) {
      throw new IllegalArgumentException("`" + whole + "`: the range " + item + " ends before it starts");
    }
    return new PortRange(from, to);
  }

  private static int port(String s, String whole) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("`" + whole + "` is not a port spec; expected ALL, 80, 80-90 or 22,80,443");
    }
    int p = Integer.parseInt(s);
    if (p < 1 || p > PortRange.MAX) {
      throw new IllegalArgumentException("`" + whole + "`: port " + p + " is outside 1-65535");
    }
    return p;
  }

  /**
   * The canonical text OpenVPC stores: {@code ALL} (also for 1-65535), else the merged ranges in
   * ascending order ({@code 22,80-81,443}), so equal port sets have equal text.
   */
  public String canonical() {
    if (isAll() || (ranges.size() == 1 && ranges.get(0).from() <= 1 && ranges.get(0).to() == PortRange.MAX)) {
      return "ALL";
    }
    StringBuilder sb = new StringBuilder();
    for (PortRange r : ranges) {
      sb.append(sb.length() == 0 ? "" : ",").append(r.from() == r.to() ? Integer.toString(r.from()) : r.from() + "-" + r.to());
    }
    return sb.toString();
  }

  /** Whether this is one port or one range (all a network ACL entry may name). */
  public boolean isSingleRange() {
    return ranges.size() == 1;
  }

  public boolean isAll() {
    return ranges.size() == 1 && ranges.get(0).isAll();
  }

  public boolean contains(int port) {
    for (int i = 0, n = ranges.size(); i < n; i++) {
      PortRange r = ranges.get(i);
      if (port <= r.to()) {
        return port >= r.from(); // sorted and disjoint: no later range holds it
      }
    }
    return false;
  }

  private static List<PortRange> normalize(List<PortRange> in) {
    if (normalized(in)) {
      return List.copyOf(in);
    }
    List<PortRange> sorted = new ArrayList<>(in);
    sorted.sort(null);
    List<PortRange> out = new ArrayList<>();
    for (PortRange r : sorted) {
      if (!out.isEmpty() && out.get(out.size() - 1).to() + 1 >= r.from()) {
        PortRange last = out.remove(out.size() - 1);
        out.add(new PortRange(last.from(), Math.max(last.to(), r.to())));
      } else {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /** Whether ranges are ascending and neither overlap nor touch (what parsing canonical text gives). */
  private static boolean normalized(List<PortRange> in) {
    for (int i = 1; i < in.size(); i++) {
      if (in.get(i - 1).to() + 1 >= in.get(i).from()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }
}
