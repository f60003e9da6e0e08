package io.openvpc.engine.policy;

import io.openvpc.model.Cidr;

/** A {@link Cidr} in the {@link Addr} form: family, the network bits, and the prefix length. */
public record Prefix(Cidr cidr, boolean v6, long hi, long lo, int length) {
  public static Prefix of(Cidr c) {
    Addr a = Addr.of(c.first());
    return new Prefix(c, a.v6(), a.hi(), a.lo(), c.prefixLength());
  }

  public boolean contains(Addr a) {
    if (a.v6() != v6) {
      return false;
    }
    if (length == 0) {
      return true;
    }
    if (length <= 64) {
      long mask = -1L << (64 - length);
      return (a.hi() & mask) == (hi & mask);
    }
    long mask = length == 128 ? -1L : -1L << (128 - length);
    return a.hi() == hi && (a.lo() & mask) == (lo & mask);
  }

  @Override
  public String toString() {
    return cidr.toString();
  }
}
