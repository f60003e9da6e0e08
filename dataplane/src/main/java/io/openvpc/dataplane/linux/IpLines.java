package io.openvpc.dataplane.linux;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the lines of a {@link NetnsPlan} ({@code ip -batch} syntax, the subset the plan writes:
 * {@code link add/del/set}, {@code address replace/del}, {@code route replace/del}, {@code rule
 * add/del}) as netlink requests over one socket of the namespace, in-process. Like {@code ip -force
 * -batch}, every line is tried; each failure is reported with the line and the kernel's reason. A line
 * it does not understand is handed back for {@code ip} to run.
 */
final class IpLines {
  private static final int IFLA_IFNAME = 3;
  private static final int IFLA_LINKINFO = 18;
  private static final int IFLA_IFALIAS = 20;
  private static final int IFLA_NET_NS_FD = 28;
  private static final int IFLA_INFO_KIND = 1;
  private static final int IFLA_INFO_DATA = 2;
  private static final int VETH_INFO_PEER = 1;
  private static final int IFA_ADDRESS = 1;
  private static final int IFA_LOCAL = 2;
  private static final int IFA_FLAGS = 8;
  private static final int IFA_F_NODAD = 0x02;
  private static final int IFA_F_NOPREFIXROUTE = 0x200;
  private static final int RTA_DST = 1;
  private static final int RTA_OIF = 4;
  private static final int RTA_GATEWAY = 5;
  private static final int RTA_TABLE = 15;
  private static final int RTNH_F_ONLINK = 4;
  private static final int FRA_DST = 1;
  private static final int FRA_SRC = 2;
  private static final int FRA_IIFNAME = 3;
  private static final int FRA_PRIORITY = 6;
  private static final int FRA_TABLE = 15;
  private static final int FRA_PROTOCOL = 21;
  private static final int FR_ACT_TO_TBL = 1;

  /** Create, or replace what is there ({@code ip ... replace}). */
  private static final short REPLACE = (short) (Rtnl.NLM_F_CREATE | Rtnl.NLM_F_REPLACE);

  private final Rtnl rtnl;
  private Map<String, Integer> index;

  private IpLines(Rtnl rtnl) {
    this.rtnl = rtnl;
  }

  /** What applying some lines left: the failures ("`line`: reason") and the lines for {@code ip} to run. */
  record Result(List<String> errors, List<String> unsupported) {}

  /**
   * Applies {@code lines} in the calling thread's namespace; {@code ipv6} gives the family of rules
   * without addresses.
   */
  static Result apply(List<String> lines, boolean ipv6) {
    List<String> errors = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    try (Rtnl r = Rtnl.open()) {
      IpLines ip = new IpLines(r);
      for (String line : lines) {
        try {
          if (!ip.run(line.strip().split("\\s+"), ipv6)) {
            unsupported.add(line);
          }
        } catch (Rtnl.Refused | IllegalArgumentException e) {
          errors.add("`" + line + "`: " + e.getMessage());
        }
      }
    }
    return new Result(errors, unsupported);
  }

  private boolean run(String[] w, boolean ipv6) {
    if (w.length < 3) {
      return false;
    }
    return switch (w[0] + " " + w[1]) {
      case "link del" -> {
        rtnl.change(Rtnl.RTM_DELLINK, (short) 0, new Rtnl.Message(ifinfo(device(w[2]), 0, 0)));
        index = null;
        yield true;
      }
      case "link add" -> addVeth(w);
      case "link set" -> setLink(w);
      case "address replace", "address del" -> address(w);
      case "route replace", "route del" -> route(w);
      case "rule add", "rule del" -> rule(w, ipv6);
      default -> false;
    };
  }

  /** {@code link add NAME type veth peer name PEER netns NS}. */
  private boolean addVeth(String[] w) {
    if (w.length != 10 || !w[3].equals("type") || !w[4].equals("veth") || !w[5].equals("peer") || !w[6].equals("name")
        || !w[8].equals("netns")) {
      return false;
    }
    int fd = InNetns.open(InNetns.RUN_NETNS.resolve(w[9]).toString(), w[9]);
    try {
      Rtnl.Message m = new Rtnl.Message(ifinfo(0, 0, 0)).string(IFLA_IFNAME, w[2])
          .begin(IFLA_LINKINFO).string(IFLA_INFO_KIND, "veth").begin(IFLA_INFO_DATA).begin(VETH_INFO_PEER)
          .raw(ifinfo(0, 0, 0)).string(IFLA_IFNAME, w[7]).u32(IFLA_NET_NS_FD, fd).end().end().end();
      rtnl.change(Rtnl.RTM_NEWLINK, (short) (Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL), m);
    } finally {
      Syscalls.LibC.I.close(fd);
    }
    index = null;
    return true;
  }

  /** {@code link set NAME alias ALIAS}, {@code link set NAME up|down}. */
  private boolean setLink(String[] w) {
    if (w.length == 5 && w[3].equals("alias")) {
      rtnl.change(Rtnl.RTM_NEWLINK, (short) 0, new Rtnl.Message(ifinfo(device(w[2]), 0, 0)).string(IFLA_IFALIAS, w[4]));
      return true;
    }
    if (w.length == 4 && (w[3].equals("up") || w[3].equals("down"))) {
      int flags = w[3].equals("up") ? Rtnl.IFF_UP : 0;
      rtnl.change(Rtnl.RTM_NEWLINK, (short) 0, new Rtnl.Message(ifinfo(device(w[2]), flags, Rtnl.IFF_UP)));
      return true;
    }
    return false;
  }

  /** {@code address replace|del CIDR dev DEV [noprefixroute] [nodad]}. */
  private boolean address(String[] w) {
    if (w.length < 5 || !w[3].equals("dev")) {
      return false;
    }
    String[] cidr = w[2].split("/");
    byte[] addr = bytes(cidr[0]);
    int flags = 0;
    for (int i = 5; i < w.length; i++) {
      switch (w[i]) {
        case "noprefixroute" -> flags |= IFA_F_NOPREFIXROUTE;
        case "nodad" -> flags |= IFA_F_NODAD;
        default -> {
          return false;
        }
      }
    }
    ByteBuffer h = header(8);
    h.put(0, (byte) family(addr)).put(1, (byte) Integer.parseInt(cidr[1])).put(2, (byte) (flags & 0xff))
        .put(3, (byte) (addr.length == 4 && (addr[0] & 0xff) == 127 ? 254 : 0)).putInt(4, device(w[4]));
    Rtnl.Message m = new Rtnl.Message(h.array()).attr(IFA_LOCAL, addr).attr(IFA_ADDRESS, addr);
    if (flags != 0) {
      m.u32(IFA_FLAGS, flags);
    }
    boolean add = w[1].equals("replace");
    rtnl.change(add ? Rtnl.RTM_NEWADDR : Rtnl.RTM_DELADDR, add ? REPLACE : 0, m);
    return true;
  }

  /** {@code route replace|del [blackhole] DST [via GW] [dev DEV] [onlink] table N [proto P]}. */
  private boolean route(String[] w) {
    int i = 2;
    int type = Rtnl.RouteInfo.UNICAST;
    if (w[i].equals("blackhole")) {
      type = Rtnl.RouteInfo.BLACKHOLE;
      i++;
    }
    String[] dst = w[i++].split("/");
    byte[] dstAddr = bytes(dst[0]);
    byte[] via = null;
    int dev = 0;
    boolean onlink = false;
    int table = -1;
    int proto = 0;
    while (i < w.length) {
      switch (w[i]) {
        case "via" -> via = bytes(w[++i]);
        case "dev" -> dev = device(w[++i]);
        case "onlink" -> onlink = true;
        case "table" -> table = Integer.parseInt(w[++i]);
        case "proto" -> proto = Integer.parseInt(w[++i]);
        default -> {
          return false;
        }
      }
      i++;
    }
    if (table < 0 || dst.length != 2) {
      return false;
    }
    boolean add = w[1].equals("replace");
    int dstLen = Integer.parseInt(dst[1]);
    int scope = !add ? 255 : type == Rtnl.RouteInfo.UNICAST && via == null ? 253 : 0;
    ByteBuffer h = header(12);
    h.put(0, (byte) family(dstAddr)).put(1, (byte) dstLen).put(4, (byte) (table < 256 ? table : 0))
        .put(5, (byte) proto).put(6, (byte) scope).put(7, (byte) (add || type != Rtnl.RouteInfo.UNICAST ? type : 0))
        .putInt(8, onlink ? RTNH_F_ONLINK : 0);
    Rtnl.Message m = new Rtnl.Message(h.array());
    if (dstLen > 0) {
      m.attr(RTA_DST, dstAddr);
    }
    m.u32(RTA_TABLE, table);
    if (via != null) {
      m.attr(RTA_GATEWAY, via);
    }
    if (dev != 0) {
      m.u32(RTA_OIF, dev);
    }
    rtnl.change(add ? Rtnl.RTM_NEWROUTE : Rtnl.RTM_DELROUTE, add ? REPLACE : 0, m);
    return true;
  }

  /** {@code rule add|del pref P [from CIDR] [to CIDR] [iif DEV] lookup T [proto P]}. */
  private boolean rule(String[] w, boolean ipv6) {
    int family = ipv6 ? Rtnl.AF_INET6 : Rtnl.AF_INET;
    int pref = -1;
    int table = -1;
    int proto = -1;
    String iif = null;
    byte[] from = null;
    byte[] to = null;
    int fromLen = 0;
    int toLen = 0;
    for (int i = 2; i < w.length; i += 2) {
      if (i + 1 >= w.length) {
        return false;
      }
      String v = w[i + 1];
      switch (w[i]) {
        case "pref" -> pref = Integer.parseInt(v);
        case "lookup" -> table = Integer.parseInt(v);
        case "proto" -> proto = Integer.parseInt(v);
        case "iif" -> iif = v;
        case "from", "to" -> {
          String[] c = v.split("/");
          byte[] a = bytes(c[0]);
          family = family(a);
          int len = c.length > 1 ? Integer.parseInt(c[1]) : a.length * 8;
          if (w[i].equals("from")) {
            from = a;
            fromLen = len;
          } else {
            to = a;
            toLen = len;
          }
        }
        default -> {
          return false;
        }
      }
    }
    if (table < 0) {
      return false;
    }
    ByteBuffer h = header(12);
    h.put(0, (byte) family).put(1, (byte) toLen).put(2, (byte) fromLen).put(4, (byte) (table < 256 ? table : 0))
        .put(7, (byte) FR_ACT_TO_TBL);
    Rtnl.Message m = new Rtnl.Message(h.array());
    if (pref >= 0) {
      m.u32(FRA_PRIORITY, pref);
    }
    if (from != null) {
      m.attr(FRA_SRC, from);
    }
    if (to != null) {
      m.attr(FRA_DST, to);
    }
    if (iif != null) {
      m.string(FRA_IIFNAME, iif);
    }
    m.u32(FRA_TABLE, table);
    if (proto >= 0) {
      m.u8(FRA_PROTOCOL, proto);
    }
    boolean add = w[1].equals("add");
    rtnl.change(add ? Rtnl.RTM_NEWRULE : Rtnl.RTM_DELRULE, add ? (short) (Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL) : 0, m);
    return true;
  }

  /** The index of a device of this namespace, as {@code ip} complains when it has none. */
  private int device(String name) {
    if (index == null || !index.containsKey(name)) {
      index = new HashMap<>();
      for (Rtnl.LinkInfo l : rtnl.links()) {
        index.put(l.name(), l.index());
      }
    }
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("Cannot find device \"" + name + "\"");
    }
    return i;
  }

  private static byte[] ifinfo(int index, int flags, int change) {
    ByteBuffer b = header(16);
    b.putInt(4, index).putInt(8, flags).putInt(12, change);
    return b.array();
  }

  private static ByteBuffer header(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
  }

  private static int family(byte[] addr) {
    return addr.length == 4 ? Rtnl.AF_INET : Rtnl.AF_INET6;
  }

  /** An address literal's bytes (never a name lookup: only literals are accepted). */
  private static byte[] bytes(String literal) {
    if (!literal.matches("[0-9a-fA-F.:]+")) {
      throw new IllegalArgumentException("not an address: " + literal);
    }
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + literal);
    }
  }
}
