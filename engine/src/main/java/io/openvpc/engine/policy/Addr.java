package io.openvpc.engine.policy;

import io.openvpc.model.IpAddr;
import java.math.BigInteger;

/**
 * An IPv4 or IPv6 address as two longs, for fast matching: an IPv6 address is its 128 bits; an IPv4
 * address sits in the top 32 bits of {@code hi}. The family is part of the value, so the two spaces
 * never overlap ({@code ::/0} does not contain IPv4 addresses).
 */
public record Addr(boolean v6, long hi, long lo) {
  private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  public static Addr of(IpAddr a) {
    BigInteger v = a.value();
    if (a.isIpv4()) {
      return new Addr(false, v.longValue() << 32, 0);
    }
    return new Addr(true, v.shiftRight(64).longValue(), v.and(MASK64).longValue());
  }

  public IpAddr toIpAddr() {
    if (!v6) {
      return IpAddr.fromValue(BigInteger.valueOf(hi >>> 32), true);
    }
    BigInteger v = new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
    return IpAddr.fromValue(v, false);
  }

  /** Bit {@code i} of the address, 0 being the most significant. */
  public boolean bit(int i) {
    return i < 64 ? ((hi >>> (63 - i)) & 1) != 0 : ((lo >>> (127 - i)) & 1) != 0;
  }

  /** The number of address bits of the family (32 or 128). */
  public int bits() {
    return v6 ? 128 : 32;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Addr a && hi == a.hi && lo == a.lo && v6 == a.v6;
  }

  /** Mixed well: addresses of a region share most of their bits, and hash tables key on them. */
  @Override
  public int hashCode() {
    long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL) ^ (v6 ? 1 : 0);
    return (int) (h ^ (h >>> 32));
  }

  /** The canonical text; IPv4's dotted quad is written here, traces name addresses at every step. */
  @Override
  public String toString() {
    if (!v6) {
      long v = hi >>> 32;
      return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
    }
    return toIpAddr().toString();
  }
}
