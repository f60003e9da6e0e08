package io.openvpc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The ports a rule matches, parsed once from Tencent's port text: {@code ALL}, one port ({@code 80}),
 * a range ({@code 8000-8010}) or a comma list of ports and ranges ({@code 22,80,443}). {@link #text()}
 * is the canonical form that is stored: {@code ALL}, or the items in ascending order without
 * duplicates, a one-port range written as the port.
 */
public record PortSpec(List<PortRange> ranges) {
  /** Every port. */
  public static final PortSpec ALL = new PortSpec(List.of());
  public static final int MAX_ITEMS = 15;

  /** An inclusive port range; {@code from == to} for one port. */
  public record PortRange(int from, int to) implements Comparable<PortRange> {
    public PortRange {
      if (from < 1 || to > 65535 || from > to) {
        throw new IllegalArgumentException("port range " + from + "-" + to + " is outside 1-65535 or reversed");
      }
    }

    public boolean contains(int port) {
      return port >= from && port <= to;
    }

    @Override
    public int compareTo(PortRange o) {
      return from != o.from ? Integer.compare(from, o.from) : Integer.compare(to, o.to);
    }

    @Override
    public String toString() {
      return from == to ? Integer.toString(from) : from + "-" + to;
    }
  }

  public PortSpec {
    ranges = List.copyOf(new TreeSet<>(ranges));
  }

  /** Whether this matches every port. */
  public boolean isAll() {
    return ranges.isEmpty();
  }

  public boolean contains(int port) {
    return isAll() ? port >= 0 && port <= 65535 : ranges.stream().anyMatch(r -> r.contains(port));
  }

  /**
   * Parses port text, case-insensitively for {@code ALL}; {@code 1-65535} also means every port.
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static PortSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the port is empty");
    }
    String t = text.trim();
    if (t.equalsIgnoreCase("ALL")) {
      return ALL;
    }
    String[] items = t.split(",", -1);
    if (items.length > MAX_ITEMS) {
      throw new IllegalArgumentException("at most " + MAX_ITEMS + " comma-separated ports or ranges");
    }
    List<PortRange> out = new ArrayList<>();
    for (String item : items) {
      out.add(item(item.trim(), t));
    }
    if (out.size() == 1 && out.get(0).from() == 1 && out.get(0).to() == 65535) {
      return ALL;
    }
    return new PortSpec(out);
  }

  private static PortRange item(String item, String whole) {
    int dash = item.indexOf('-');
    int from = port(dash < 0 ? item : item.substring(0, dash), whole);
    int to = dash < 0 ? from : port(item.substring(dash + 1), whole);
    if (from > to) {
      throw new IllegalArgumentException("the range `" + item + "` ends below its start");
    }
    return new PortRange(from, to);
  }

  private static int port(String digits, String whole) {
    String d = digits.trim();
    if (d.isEmpty() || d.length() > 5 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("`" + whole + "` is not ALL, a port, a range a-b or a comma list of them");
    }
    int p = Integer.parseInt(d);
    if (p < 1 || p > 65535) {
      throw new IllegalArgumentException("port " + d + " is outside 1-65535");
    }
    return p;
  }

  /** The canonical text: {@code ALL}, {@code 80}, {@code 80-90}, {@code 22,80,443}. */
  public String text() {
    if (isAll()) {
      return "ALL";
    }
    StringBuilder sb = new StringBuilder();
    for (PortRange r : ranges) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(r);
    }
    return sb.toString();
  }

  /** Whether this is one port or one range (what network ACL entries allow). */
  public boolean isSingleRange() {
    return ranges.size() == 1;
  }

  @Override
  public String toString() {
    return text();
  }
}
