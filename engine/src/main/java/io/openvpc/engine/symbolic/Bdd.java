package io.openvpc.engine.symbolic;

import java.util.Arrays;

/**
 * A small reduced ordered binary decision diagram package: nodes are ints ({@link #FALSE},
 * {@link #TRUE}, then internal nodes), hash-consed so that equal sets are equal ints, with memoised
 * and/or/difference and existential quantification over a contiguous range of variables. Single
 * threaded: each analysis builds its own.
 */
public final class Bdd {
  public static final int FALSE = 0;
  public static final int TRUE = 1;
  private static final int OP_AND = 1;
  private static final int OP_OR = 2;
  private static final int OP_DIFF = 3;
  private static final int OP_EXISTS = 4;

  private final int numVars;
  private int[] var;
  private int[] low;
  private int[] high;
  private int[] next;
  private int[] buckets;
  private int size;
  private final int[] cacheOp;
  private final int[] cacheA;
  private final int[] cacheB;
  private final int[] cacheR;
  private final int cacheMask;

  public Bdd(int numVars) {
    this.numVars = numVars;
    int cap = 1 << 14;
    var = new int[cap];
    low = new int[cap];
    high = new int[cap];
    next = new int[cap];
    buckets = new int[cap];
    Arrays.fill(buckets, -1);
    var[FALSE] = numVars;
    var[TRUE] = numVars;
    size = 2;
    int cacheSize = 1 << 16;
    cacheMask = cacheSize - 1;
    cacheOp = new int[cacheSize];
    cacheA = new int[cacheSize];
    cacheB = new int[cacheSize];
    cacheR = new int[cacheSize];
  }

  public int numVars() {
    return numVars;
  }

  /** The number of nodes allocated so far (a measure of work). */
  public int size() {
    return size;
  }

  public int var(int node) {
    return var[node];
  }

  public int low(int node) {
    return low[node];
  }

  public int high(int node) {
    return high[node];
  }

  /** The node testing {@code v} with children {@code l} (v false) and {@code h} (v true). */
  public int mk(int v, int l, int h) {
    if (l == h) {
      return l;
    }
    int hash = hash(v, l, h) & (buckets.length - 1);
    for (int n = buckets[hash]; n >= 0; n = next[n]) {
      if (var[n] == v && low[n] == l && high[n] == h) {
        return n;
      }
    }
    if (size == var.length) {
      grow();
      hash = hash(v, l, h) & (buckets.length - 1);
    }
    int n = size++;
    var[n] = v;
    low[n] = l;
    high[n] = h;
    next[n] = buckets[hash];
    buckets[hash] = n;
    return n;
  }

  private static int hash(int v, int l, int h) {
    int x = v * 0x9E3779B1 + l * 0x85EBCA77 + h * 0xC2B2AE3D;
    return x ^ (x >>> 15);
  }

  private void grow() {
    int cap = var.length * 2;
    var = Arrays.copyOf(var, cap);
    low = Arrays.copyOf(low, cap);
    high = Arrays.copyOf(high, cap);
    next = Arrays.copyOf(next, cap);
    buckets = new int[cap];
    Arrays.fill(buckets, -1);
    for (int n = 2; n < size; n++) {
      int b = hash(var[n], low[n], high[n]) & (cap - 1);
      next[n] = buckets[b];
      buckets[b] = n;
    }
  }

  public int ithVar(int v) {
    return mk(v, FALSE, TRUE);
  }

  public int nithVar(int v) {
    return mk(v, TRUE, FALSE);
  }

  public int and(int a, int b) {
    if (a == FALSE || b == FALSE) {
      return FALSE;
    }
    if (a == TRUE) {
      return b;
    }
    if (b == TRUE || a == b) {
      return a;
    }
    if (a > b) {
      int t = a;
      a = b;
      b = t;
    }
    return apply(OP_AND, a, b);
  }

  public int or(int a, int b) {
    if (a == TRUE || b == TRUE) {
      return TRUE;
    }
    if (a == FALSE) {
      return b;
    }
    if (b == FALSE || a == b) {
      return a;
    }
    if (a > b) {
      int t = a;
      a = b;
      b = t;
    }
    return apply(OP_OR, a, b);
  }

  /** {@code a} and not {@code b}. */
  public int diff(int a, int b) {
    if (a == FALSE || b == TRUE || a == b) {
      return FALSE;
    }
    if (b == FALSE) {
      return a;
    }
    return apply(OP_DIFF, a, b);
  }

  public int not(int a) {
    return diff(TRUE, a);
  }

  private int apply(int op, int a, int b) {
    int slot = (hash(op, a, b)) & cacheMask;
    if (cacheOp[slot] == op && cacheA[slot] == a && cacheB[slot] == b) {
      return cacheR[slot];
    }
    int va = var[a];
    int vb = var[b];
    int v = Math.min(va, vb);
    int al = va == v ? low[a] : a;
    int ah = va == v ? high[a] : a;
    int bl = vb == v ? low[b] : b;
    int bh = vb == v ? high[b] : b;
    int l;
    int h;
    switch (op) {
      case OP_AND -> {
        l = and(al, bl);
        h = and(ah, bh);
      }
      case OP_OR -> {
        l = or(al, bl);
        h = or(ah, bh);
      }
      default -> {
        l = diff(al, bl);
        h = diff(ah, bh);
      }
    }
    int r = mk(v, l, h);
    cacheOp[slot] = op;
    cacheA[slot] = a;
    cacheB[slot] = b;
    cacheR[slot] = r;
    return r;
  }

  /** Existentially quantifies the variables {@code from <= v < to}. */
  public int exists(int a, int from, int to) {
    if (a < 2 || var[a] >= to) {
      return a;
    }
    int key = from * 4096 + to;
    int slot = hash(OP_EXISTS, a, key) & cacheMask;
    if (cacheOp[slot] == OP_EXISTS && cacheA[slot] == a && cacheB[slot] == key) {
      return cacheR[slot];
    }
    int l = exists(low[a], from, to);
    int h = exists(high[a], from, to);
    int r = var[a] >= from ? or(l, h) : mk(var[a], l, h);
    cacheOp[slot] = OP_EXISTS;
    cacheA[slot] = a;
    cacheB[slot] = key;
    cacheR[slot] = r;
    return r;
  }

  /** Whether the assignment {@code bits} (indexed by variable) is in the set. */
  public boolean eval(int a, boolean[] bits) {
    while (a >= 2) {
      a = bits[var[a]] ? high[a] : low[a];
    }
    return a == TRUE;
  }

  /** One assignment in the set (unconstrained variables false), or null when it is empty. */
  public boolean[] anySat(int a) {
    if (a == FALSE) {
      return null;
    }
    boolean[] bits = new boolean[numVars];
    while (a >= 2) {
      if (low[a] != FALSE) {
        a = low[a];
      } else {
        bits[var[a]] = true;
        a = high[a];
      }
    }
    return bits;
  }
}
