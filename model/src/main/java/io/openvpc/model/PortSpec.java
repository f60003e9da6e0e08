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
    for (PortRange r : ranges) {
      if (r.contains(port)) {
        return true;
      }
    }
    return false;
  }

  private static List<PortRange> normalize(List<PortRange> in) {
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

  @Override
  public String toString() {
    return text;
  }
}
