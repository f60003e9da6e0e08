package io.openvpc.dataplane.linux;

import com.sun.jna.LastErrorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route netlink socket of the namespace it was opened in (open it inside {@link InNetns#call}): dumps
 * of links, addresses, routes and rules, read in-process instead of by {@code ip -j} processes, and
 * requests (built with {@link Message}, answered with the kernel's extended error message) for the
 * changes {@link IpLines} makes. The kernel's structures are read and written as {@code
 * linux/rtnetlink.h} lays them out.
 */
final class Rtnl implements AutoCloseable {
  private static final int AF_NETLINK = 16;
  private static final int SOCK_RAW = 3;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int NETLINK_ROUTE = 0;
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;

  private static final short NLMSG_ERROR = 2;
  private static final short NLMSG_DONE = 3;
  private static final short NLM_F_REQUEST = 1;
  private static final short NLM_F_ACK = 4;
  private static final short NLM_F_DUMP = 0x300;
  static final short RTM_NEWLINK = 16;
  static final short RTM_DELLINK = 17;
  private static final short RTM_GETLINK = 18;
  private static final short RTM_GETADDR = 22;
  private static final short RTM_GETROUTE = 26;
  private static final short RTM_GETRULE = 34;
  static final short RTM_NEWADDR = 20;
  static final short RTM_DELADDR = 21;
  static final short RTM_NEWROUTE = 24;
  static final short RTM_DELROUTE = 25;
  static final short RTM_NEWRULE = 32;
  static final short RTM_DELRULE = 33;
  static final short NLM_F_REPLACE = 0x100;
  static final short NLM_F_EXCL = 0x200;
  static final short NLM_F_CREATE = 0x400;
  private static final int SOL_NETLINK = 270;
  private static final int NETLINK_CAP_ACK = 10;
  private static final int NETLINK_EXT_ACK = 11;
  static final int IFF_UP = 1;

  private final int fd;
  private final com.sun.jna.Memory buf = new com.sun.jna.Memory(1 << 18);
  private int seq;

  private Rtnl(int fd) {
    this.fd = fd;
  }

  /** A socket in the calling thread's namespace. */
  static Rtnl open() {
    int fd = Syscalls.LibC.I.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    try {
      // Errors come back with the kernel's message, and without a copy of the request.
      Syscalls.LibC.I.setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, new int[] {1}, 4);
      Syscalls.LibC.I.setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, new int[] {1}, 4);
    } catch (LastErrorException e) {
      // older kernels: plain errno
    }
    return new Rtnl(fd);
  }

  @Override
  public void close() {
    Syscalls.LibC.I.close(fd);
  }

  /** A network device: index, name, alias ("" for none), and whether it is up. */
  record LinkInfo(int index, String name, String alias, boolean up) {}

  /** An address: the device's index, family, address text, prefix length, flags (IFA_F_*), scope. */
  record AddrInfo(int index, int family, String address, int prefixLength, int flags, int scope) {
    static final int NOPREFIXROUTE = 0x200;
  }

  /** A route: table, protocol, type (RTN_*), destination CIDR, gateway ("" for none), output device index. */
  record RouteInfo(int family, int table, int protocol, int type, String destination, String gateway, int oif) {
    static final int UNICAST = 1;
    static final int BLACKHOLE = 6;
  }

  /** A routing rule: priority, source and destination CIDR ("" for any), input device, table, protocol. */
  record RuleInfo(int family, int priority, String from, String to, String iif, int table, int protocol) {}

  List<LinkInfo> links() {
    List<LinkInfo> out = new ArrayList<>();
    for (ByteBuffer m : dump(RTM_GETLINK, 16, 0)) {
      int index = m.getInt(4);
      int flags = m.getInt(8);
      Map<Integer, ByteBuffer> a = attributes(m, 16);
      out.add(new LinkInfo(index, string(a.get(3)), string(a.get(20)), (flags & IFF_UP) != 0));
    }
    return out;
  }

  List<AddrInfo> addresses() {
    List<AddrInfo> out = new ArrayList<>();
    for (ByteBuffer m : dump(RTM_GETADDR, 8, 0)) {
      int family = m.get(0) & 0xff;
      int prefix = m.get(1) & 0xff;
      int flags = m.get(2) & 0xff;
      int scope = m.get(3) & 0xff;
      int index = m.getInt(4);
      Map<Integer, ByteBuffer> a = attributes(m, 8);
      ByteBuffer addr = a.containsKey(2) ? a.get(2) : a.get(1);
      if (a.containsKey(8)) {
        flags = a.get(8).getInt(0);
      }
      if (addr != null) {
        out.add(new AddrInfo(index, family, address(addr), prefix, flags, scope));
      }
    }
    return out;
  }

  List<RouteInfo> routes() {
    List<RouteInfo> out = new ArrayList<>();
    for (ByteBuffer m : dump(RTM_GETROUTE, 12, 0)) {
      int family = m.get(0) & 0xff;
      int dstLen = m.get(1) & 0xff;
      int table = m.get(4) & 0xff;
      int protocol = m.get(5) & 0xff;
      int type = m.get(7) & 0xff;
      if (family != AF_INET && family != AF_INET6) {
        continue;
      }
      Map<Integer, ByteBuffer> a = attributes(m, 12);
      if (a.containsKey(15)) {
        table = a.get(15).getInt(0);
      }
      String dst = a.containsKey(1) ? address(a.get(1)) : family == AF_INET ? "0.0.0.0" : "::";
      out.add(new RouteInfo(family, table, protocol, type, dst + "/" + dstLen,
          a.containsKey(5) ? address(a.get(5)) : "", a.containsKey(4) ? a.get(4).getInt(0) : 0));
    }
    return out;
  }

  List<RuleInfo> rules() {
    List<RuleInfo> out = new ArrayList<>();
    for (ByteBuffer m : dump(RTM_GETRULE, 12, 0)) {
      int family = m.get(0) & 0xff;
      int dstLen = m.get(1) & 0xff;
      int srcLen = m.get(2) & 0xff;
      int table = m.get(4) & 0xff;
      Map<Integer, ByteBuffer> a = attributes(m, 12);
      if (a.containsKey(15)) {
        table = a.get(15).getInt(0);
      }
      String from = a.containsKey(2) ? address(a.get(2)) + "/" + srcLen : "";
      String to = a.containsKey(1) ? address(a.get(1)) + "/" + dstLen : "";
      int priority = a.containsKey(6) ? a.get(6).getInt(0) : 0;
      int protocol = a.containsKey(21) ? a.get(21).get(0) & 0xff : 0;
      out.add(new RuleInfo(family, priority, from, to, string(a.get(3)), table, protocol));
    }
    return out;
  }

  /** Sets a device up. */
  void setUp(int index) {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
    b.put(0, (byte) 0).putInt(4, index).putInt(8, IFF_UP).putInt(12, IFF_UP);
    request(RTM_NEWLINK, (short) 0, b.array());
  }

  /** Deletes a device (both ends, for a veth). */
  void deleteLink(int index) {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
    b.putInt(4, index);
    request(RTM_DELLINK, (short) 0, b.array());
  }

  /** A netlink request the kernel refused: errno and, where it gave one, its message. */
  static final class Refused extends RuntimeException {
    final int errno;

    Refused(int errno, String message) {
      super(message);
      this.errno = errno;
    }
  }

  /** A message body: a family header followed by attributes, built in the kernel's layout. */
  static final class Message {
    private final ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    private final java.util.ArrayDeque<Integer> nests = new java.util.ArrayDeque<>();

    Message(byte[] header) {
      b.put(header);
      pad();
    }

    Message u32(int type, int value) {
      return attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    Message u8(int type, int value) {
      return attr(type, new byte[] {(byte) value});
    }

    Message string(int type, String value) {
      byte[] s = value.getBytes(StandardCharsets.UTF_8);
      return attr(type, java.util.Arrays.copyOf(s, s.length + 1));
    }

    Message attr(int type, byte[] data) {
      b.putShort((short) (4 + data.length)).putShort((short) type).put(data);
      pad();
      return this;
    }

    /** Opens a nested attribute; {@link #end} closes it. */
    Message begin(int type) {
      nests.push(b.position());
      b.putShort((short) 0).putShort((short) type);
      return this;
    }

    /** Raw bytes inside a nested attribute (a family header of a nested message). */
    Message raw(byte[] data) {
      b.put(data);
      pad();
      return this;
    }

    Message end() {
      int start = nests.pop();
      b.putShort(start, (short) (b.position() - start));
      return this;
    }

    private void pad() {
      while (b.position() % 4 != 0) {
        b.put((byte) 0);
      }
    }

    byte[] bytes() {
      return java.util.Arrays.copyOf(b.array(), b.position());
    }
  }

  /** Sends a change and waits for the kernel's answer; throws {@link Refused} if it says no. */
  void change(short type, short flags, Message m) {
    request(type, flags, m.bytes());
  }

  private void request(short type, short flags, byte[] body) {
    int s = ++seq;
    send(type, (short) (NLM_F_REQUEST | NLM_F_ACK | flags), s, body);
    while (true) {
      for (ByteBuffer m : receive()) {
        if (m.getInt(8) != s) {
          continue;
        }
        if (m.getShort(4) == NLMSG_ERROR) {
          int error = m.getInt(16);
          if (error != 0) {
            throw new Refused(-error, errorText(m, -error));
          }
          return;
        }
      }
    }
  }

  /** The kernel's extended message (NLMSGERR_ATTR_MSG) if it sent one, else the errno's text. */
  private static String errorText(ByteBuffer m, int errno) {
    String text = Syscalls.LibC.I.strerror(errno);
    short flags = m.getShort(6);
    if ((flags & 0x200) != 0 && m.limit() > 36) {
      ByteBuffer tlvs = m.slice(36, m.limit() - 36).order(ByteOrder.nativeOrder());
      String msg = string(attributes(tlvs, 0).get(1));
      if (!msg.isEmpty()) {
        return msg + " (" + text + ")";
      }
    }
    return text;
  }

  /** Every message of a dump, each positioned at its family header (after the netlink header). */
  private List<ByteBuffer> dump(short type, int headerLength, int family) {
    byte[] body = new byte[headerLength];
    body[0] = (byte) family;
    int s = ++seq;
    send(type, (short) (NLM_F_REQUEST | NLM_F_DUMP), s, body);
    List<ByteBuffer> out = new ArrayList<>();
    while (true) {
      for (ByteBuffer m : receive()) {
        if (m.getInt(8) != s) {
          continue;
        }
        short t = m.getShort(4);
        if (t == NLMSG_DONE) {
          return out;
        }
        if (t == NLMSG_ERROR) {
          int error = m.getInt(16);
          if (error != 0) {
            throw new IllegalStateException("netlink dump " + type + " failed: errno " + -error);
          }
          return out;
        }
        out.add(m.slice(16, m.getInt(0) - 16).order(ByteOrder.nativeOrder()));
      }
    }
  }

  private void send(short type, short flags, int s, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(16 + body.length).order(ByteOrder.nativeOrder());
    b.putInt(16 + body.length).putShort(type).putShort(flags).putInt(s).putInt(0).put(body);
    try {
      Syscalls.LibC.I.send(fd, b.array(), b.capacity(), 0);
    } catch (LastErrorException e) {
      throw new IllegalStateException("netlink send: " + e.getMessage(), e);
    }
  }

  /** The messages of one datagram, each a buffer starting at its netlink header. */
  private List<ByteBuffer> receive() {
    long n;
    try {
      n = Syscalls.LibC.I.recv(fd, buf, buf.size(), 0);
    } catch (LastErrorException e) {
      throw new IllegalStateException("netlink receive: " + e.getMessage(), e);
    }
    ByteBuffer all = ByteBuffer.wrap(buf.getByteArray(0, (int) n)).order(ByteOrder.nativeOrder());
    List<ByteBuffer> out = new ArrayList<>();
    int at = 0;
    while (at + 16 <= n) {
      int len = all.getInt(at);
      if (len < 16 || at + len > n) {
        break;
      }
      out.add(all.slice(at, len).order(ByteOrder.nativeOrder()));
      at += align(len);
    }
    return out;
  }

  /** The attributes after a family header of {@code headerLength} bytes, by type (nested flag cleared). */
  private static Map<Integer, ByteBuffer> attributes(ByteBuffer m, int headerLength) {
    Map<Integer, ByteBuffer> out = new HashMap<>();
    int at = align(headerLength);
    while (at + 4 <= m.limit()) {
      int len = m.getShort(at) & 0xffff;
      int type = m.getShort(at + 2) & 0x3fff;
      if (len < 4 || at + len > m.limit()) {
        break;
      }
      out.putIfAbsent(type, m.slice(at + 4, len - 4).order(ByteOrder.nativeOrder()));
      at += align(len);
    }
    return out;
  }

  private static int align(int n) {
    return (n + 3) & ~3;
  }

  private static String string(ByteBuffer b) {
    if (b == null) {
      return "";
    }
    byte[] bytes = new byte[b.remaining()];
    b.duplicate().get(bytes);
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /** An IPv4 or IPv6 address as {@code ip} prints it (IPv6 with its longest run of zero groups as {@code ::}). */
  static String address(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    if (a.length == 4) {
      return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
    if (a.length != 16) {
      return "";
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = (a[2 * i] & 0xff) << 8 | a[2 * i + 1] & 0xff;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
