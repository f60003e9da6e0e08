package io.openvpc.engine.symbolic;

import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.model.PortRange;

/**
 * The variable layout of a header set, most significant bit first in each field: the family of the
 * free address (1, IPv6 true), the free ("peer") address (128; IPv4 uses the first 32), protocol (8),
 * the forward packet's destination port (16) and source port (16). An analysis fixes one end's address
 * concretely and leaves the other end free, so one address field suffices. The address comes first so
 * that restricting a set to one peer address costs a walk down 33 (or 129) nodes, not a copy.
 */
public final class HeaderSpace {
  public static final int FAMILY = 0;
  public static final int IP = 1;
  /** The first variable after the address. */
  public static final int ADDRESS_END = 129;
  public static final int PROTO = 129;
  public static final int DPORT = 137;
  public static final int SPORT = 153;
  public static final int VARS = 169;

  private final Bdd bdd;

  public HeaderSpace(Bdd bdd) {
    this.bdd = bdd;
  }

  public Bdd bdd() {
    return bdd;
  }

  public int protocol(int number) {
    return eq(PROTO, 8, number);
  }

  public int family(boolean v6) {
    return v6 ? bdd.ithVar(FAMILY) : bdd.nithVar(FAMILY);
  }

  /** The free address within a prefix (of the prefix's family). */
  public int prefix(Prefix p) {
    int node = Bdd.TRUE;
    for (int i = p.length() - 1; i >= 0; i--) {
      boolean bit = i < 64 ? ((p.hi() >>> (63 - i)) & 1) != 0 : ((p.lo() >>> (127 - i)) & 1) != 0;
      node = bit ? bdd.mk(IP + i, Bdd.FALSE, node) : bdd.mk(IP + i, node, Bdd.FALSE);
    }
    return p.v6() ? bdd.mk(FAMILY, Bdd.FALSE, node) : bdd.mk(FAMILY, node, Bdd.FALSE);
  }

  public int address(Addr a) {
    return address(a, Bdd.TRUE);
  }

  /**
   * The free address {@code a} with {@code then} over the variables after the address: the same set as
   * {@code address(a) & then} when {@code then} tests none of the address's, built without the conjunction.
   */
  public int address(Addr a, int then) {
    int node = then;
    for (int i = a.bits() - 1; i >= 0; i--) {
      node = a.bit(i) ? bdd.mk(IP + i, Bdd.FALSE, node) : bdd.mk(IP + i, node, Bdd.FALSE);
    }
    return a.v6() ? bdd.mk(FAMILY, Bdd.FALSE, node) : bdd.mk(FAMILY, node, Bdd.FALSE);
  }

  /**
   * The part of {@code set} at the free address {@code a}: what it allows packets of that address, over
   * the variables after the address, so that {@code address(a) & set == address(a) & at(set, a)}.
   * Walks down the address without building a node. -1 when the set tests address bits {@code a} does
   * not fix (bits past an IPv4 address's 32).
   */
  public int at(int set, Addr a) {
    int node = set;
    while (node >= 2 && bdd.var(node) < ADDRESS_END) {
      int v = bdd.var(node);
      boolean bit;
      if (v == FAMILY) {
        bit = a.v6();
      } else if (v - IP < a.bits()) {
        bit = a.bit(v - IP);
      } else {
        return -1;
      }
      node = bit ? bdd.high(node) : bdd.low(node);
    }
    return node;
  }

  /** {@code from <= field <= to} over a port field ({@link #DPORT} or {@link #SPORT}). */
  public int ports(int field, PortRange r) {
    if (r.isAll()) {
      return Bdd.TRUE;
    }
    return bdd.and(geq(field, 16, r.from()), leq(field, 16, r.to()));
  }

  private int eq(int field, int width, int value) {
    int node = Bdd.TRUE;
    for (int i = width - 1; i >= 0; i--) {
      boolean bit = ((value >>> (width - 1 - i)) & 1) != 0;
      node = bit ? bdd.mk(field + i, Bdd.FALSE, node) : bdd.mk(field + i, node, Bdd.FALSE);
    }
    return node;
  }

  private int leq(int field, int width, int value) {
    int node = Bdd.TRUE;
    for (int i = width - 1; i >= 0; i--) {
      boolean bit = ((value >>> (width - 1 - i)) & 1) != 0;
      node = bit ? bdd.mk(field + i, Bdd.TRUE, node) : bdd.mk(field + i, node, Bdd.FALSE);
    }
    return node;
  }

  private int geq(int field, int width, int value) {
    int node = Bdd.TRUE;
    for (int i = width - 1; i >= 0; i--) {
      boolean bit = ((value >>> (width - 1 - i)) & 1) != 0;
      node = bit ? bdd.mk(field + i, Bdd.FALSE, node) : bdd.mk(field + i, node, Bdd.TRUE);
    }
    return node;
  }

  /**
   * The assignment of a forward packet whose free end is {@code peerIsSource ? source : destination}.
   */
  public static boolean[] bits(Packet p, boolean peerIsSource) {
    boolean[] b = new boolean[VARS];
    put(b, PROTO, 8, p.protocol());
    put(b, DPORT, 16, p.destinationPort());
    put(b, SPORT, 16, p.sourcePort());
    Addr peer = peerIsSource ? p.source() : p.destination();
    b[FAMILY] = peer.v6();
    for (int i = 0; i < peer.bits(); i++) {
      b[IP + i] = peer.bit(i);
    }
    return b;
  }

  private static void put(boolean[] b, int field, int width, int value) {
    for (int i = 0; i < width; i++) {
      b[field + i] = ((value >>> (width - 1 - i)) & 1) != 0;
    }
  }

  /** Reads a field's value from an assignment. */
  public static int value(boolean[] b, int field, int width) {
    int v = 0;
    for (int i = 0; i < width; i++) {
      v = (v << 1) | (b[field + i] ? 1 : 0);
    }
    return v;
  }
}
