package io.openvpc.model;

/** An inclusive range of TCP/UDP ports, {@code 0 <= from <= to <= 65535}. */
public record PortRange(int from, int to) implements Comparable<PortRange> {
  public static final int MAX = 65535;
  public static final PortRange ALL = new PortRange(0, MAX);

  public PortRange {
    if (from < 0 || to > MAX || from > to) {
      throw new IllegalArgumentException("port range " + from + "-" + to + " is not within 0-65535 in ascending order");
    }
  }

  public static PortRange single(int port) {
    return new PortRange(port, port);
  }

  public boolean contains(int port) {
    return port >= from && port <= to;
  }

  public boolean isAll() {
    return from == 0 && to == MAX;
  }

  public int size() {
    return to - from + 1;
  }

  @Override
  public int compareTo(PortRange o) {
    return from != o.from ? Integer.compare(from, o.from) : Integer.compare(to, o.to);
  }

  /** {@code 80}, {@code 80-90} or {@code ALL}. */
  @Override
  public String toString() {
    return isAll() ? "ALL" : from == to ? Integer.toString(from) : from + "-" + to;
  }
}
