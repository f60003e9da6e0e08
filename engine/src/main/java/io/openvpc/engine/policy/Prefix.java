package io.openvpc.engine.policy;

import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import java.math.BigInteger;

/**
 * A CIDR block in the {@link Addr} form: family, the network bits, and the prefix length. Matching
 * needs only the longs; the {@link Cidr} for rendering is made on demand.
 */
public record Prefix(boolean v6, long hi, long lo, int length) implements Comparable<Prefix> {
  public Prefix {
    if (length < 0 || length > (v6 ? 128 : 32)) {
      throw new IllegalArgumentException("prefix length " + length + " out of range");
    }
    if (length <= 64) {
      hi &= length == 0 ? 0 : -1L << (64 - length);
      lo = 0;
    } else {
      lo &= length == 128 ? -1L : -1L << (128 - length);
    }
  }

  public static Prefix of(Cidr c) {
    Addr a = Addr.of(c.first());
    return new Prefix(a.v6(), a.hi(), a.lo(), c.prefixLength());
  }

  public static Prefix of(Addr a) {
    return new Prefix(a.v6(), a.hi(), a.lo(), a.bits());
  }

  /**
   * Parses a block leniently (host bits dropped), with a fast path for IPv4 {@code a.b.c.d[/n]}.
   *
   * @throws IllegalArgumentException when it is not a block
   */
  public static Prefix parse(String text) {
    Prefix fast = parseIpv4(text);
    return fast != null ? fast : of(Cidr.parseLenient(text));
  }

  private static Prefix parseIpv4(String s) {
    long value = 0;
    int octets = 0;
    int i = 0;
    int n = s.length();
    while (octets < 4) {
      int start = i;
      int v = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        v = v * 10 + (s.charAt(i++) - '0');
      }
      if (i == start || v > 255 || (i - start > 1 && s.charAt(start) == '0')) {
        return null;
      }
      value = (value << 8) | v;
      octets++;
      if (octets < 4) {
        if (i >= n || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    int len = 32;
    if (i < n) {
      if (s.charAt(i) != '/' || i + 1 >= n || n - i - 1 > 2) {
        return null;
      }
      len = 0;
      for (int k = i + 1; k < n; k++) {
        char c = s.charAt(k);
        if (c < '0' || c > '9') {
          return null;
        }
        len = len * 10 + (c - '0');
      }
      if (len > 32 || (n - i - 1 == 2 && s.charAt(i + 1) == '0')) {
        return null;
      }
    }
    return new Prefix(false, value << 32, 0, len);
  }

  public boolean contains(Addr a) {
    if (a.v6() != v6) {
      return false;
    }
    if (length <= 64) {
      long mask = length == 0 ? 0 : -1L << (64 - length);
      return (a.hi() & mask) == hi;
    }
    long mask = length == 128 ? -1L : -1L << (128 - length);
    return a.hi() == hi && (a.lo() & mask) == lo;
  }

  /** The block as a {@link Cidr}, for rendering. */
  public Cidr cidr() {
    BigInteger v = v6 ? new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)))
        : BigInteger.valueOf(hi >>> 32);
    IpAddr first = IpAddr.fromValue(v, !v6);
    return new Cidr(first.address().setPrefixLength(length, false).toPrefixBlock());
  }

  @Override
  public int compareTo(Prefix o) {
    if (v6 != o.v6) {
      return v6 ? 1 : -1;
    }
    int c = Long.compareUnsigned(hi, o.hi);
    if (c == 0) {
      c = Long.compareUnsigned(lo, o.lo);
    }
    return c != 0 ? c : Integer.compare(length, o.length);
  }

  @Override
  public String toString() {
    return cidr().toString();
  }
}
