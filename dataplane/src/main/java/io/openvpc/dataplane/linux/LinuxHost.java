package io.openvpc.dataplane.linux;

import com.sun.jna.LastErrorException;
import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.NftTable;
import io.openvpc.dataplane.host.Route;
import io.openvpc.dataplane.host.RoutingRule;
import io.openvpc.dataplane.render.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver: creates, reads back, changes and deletes namespaces. Most of it runs in-process (see
 * docs/dataplane.md, "The driver"): namespaces are made with {@code unshare(2)} and a bind mount as
 * {@code ip netns add} makes them, read with netlink dumps, and their nftables tables changed through
 * libnftables, and changed with netlink requests (links, addresses, routes, rules: {@link IpLines})
 * and libnftables (tables: {@link Nft}), all from threads that enter the namespace ({@link InNetns}),
 * without starting a process. Every step is tried even when one fails.
 *
 * <p>Every namespace it creates is marked with a file {@code /run/openvpc/netns/<name>} whose first line
 * is the owner (the agent that created it), written before the namespace exists, and it only ever
 * deletes namespaces that carry its own mark, by exact name. The mark also records, once a namespace
 * holds exactly a desired state, that state's digest and the fingerprint of its nftables table, so a
 * restarted agent can trust it without reading it back.
 */
public final class LinuxHost {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LinuxHost.class);
  private static final Path NETNS_ETC = Path.of("/etc/netns");
  private static final Path MARKS = Path.of("/run/openvpc/netns");
  /** Set in every namespace besides what the renderer asks for: keep addresses when the primary goes. */
  private static final List<String> DRIVER_SYSCTLS =
      List.of("net.ipv4.conf.all.promote_secondaries=1", "net.ipv4.conf.default.promote_secondaries=1");
  private static volatile boolean netnsDirReady;

  private final String owner;
  /**
   * The fingerprint of each namespace's table right after this driver last changed it (or found it as
   * recorded), for {@link #recordApplied}; reads compare with the mark.
   */
  private final Map<String, String> prints = new ConcurrentHashMap<>();
  /** Tables changed by this driver whose fingerprint has not been taken yet. */
  private final java.util.Set<String> unprinted = ConcurrentHashMap.newKeySet();

  /** A driver acting for {@code owner} (e.g. {@code server <data dir>}, or a test's unique name). */
  public LinuxHost(String owner) {
    if (owner.contains("\n")) {
      throw new IllegalArgumentException("an owner is one line");
    }
    this.owner = owner;
  }

  public String owner() {
    return owner;
  }

  /** Why the data plane cannot run here, or empty when it can (root, {@code ip netns}, libnftables, setns). */
  public static Optional<String> unavailableReason() {
    try {
      if (!"root".equals(System.getProperty("user.name")) && !Command.run("id", "-u").stdout().strip().equals("0")) {
        return Optional.of("the Linux data plane needs root (network namespaces, nftables)");
      }
      if (!Command.run("ip", "netns", "list").ok()) {
        return Optional.of("`ip netns` does not work here (iproute2 missing or no namespace support)");
      }
    } catch (UncheckedIOException e) {
      return Optional.of("a data plane tool is missing: " + e.getMessage());
    }
    try {
      Syscalls.nftables();
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return Optional.of("libnftables is missing (install Debian's nftables, which brings libnftables1): "
          + e.getMessage());
    }
    try {
      Syscalls.LibC.I.close(Syscalls.LibC.I.open("/proc/thread-self/ns/net", Syscalls.O_RDONLY | Syscalls.O_CLOEXEC));
    } catch (LastErrorException | UnsatisfiedLinkError e) {
      return Optional.of("network namespaces cannot be entered here: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** What a namespace's mark says: its owner, and the digest and table fingerprint last recorded ("" if none). */
  public record Mark(String owner, String applied, String nftPrint) {
    static Mark parse(String text) {
      String[] lines = text.split("\n");
      String applied = "";
      String print = "";
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].startsWith("applied ")) {
          applied = lines[i].substring(8).strip();
        } else if (lines[i].startsWith("nft ")) {
          print = lines[i].substring(4).strip();
        }
      }
      return new Mark(lines.length == 0 ? "" : lines[0].strip(), applied, print);
    }

    String text() {
      return owner + "\n" + (applied.isEmpty() ? "" : "applied " + applied + "\n")
          + (nftPrint.isEmpty() ? "" : "nft " + nftPrint + "\n");
    }
  }

  /** The OpenVPC namespaces on this host that this owner created. */
  public List<String> ownedNamespaces() {
    return new ArrayList<>(ownedMarks().keySet());
  }

  /** The marks of the namespaces on this host that this owner created, by name. */
  public Map<String, Mark> ownedMarks() {
    Map<String, Mark> out = new java.util.TreeMap<>();
    for (String ns : namespaces()) {
      Optional<Mark> m = mark(ns);
      if (m.isPresent() && m.get().owner().equals(owner)) {
        out.put(ns, m.get());
      }
    }
    return out;
  }

  /**
   * Deletes, by exact name, the namespaces whose owner mark satisfies {@code owner}: the leftovers of
   * a crashed run (tests pass a test of their own owners). Returns the names deleted.
   */
  public static List<String> deleteLeftovers(Predicate<String> owner) {
    List<String> gone = new ArrayList<>();
    LinuxHost any = new LinuxHost("");
    List<String> doomed = new ArrayList<>();
    for (String ns : any.namespaces()) {
      String mark = mark(ns).map(Mark::owner).orElse("");
      if (!mark.isEmpty() && owner.test(mark)) {
        doomed.add(ns);
      }
    }
    any.deleteNamespaces(doomed);
    gone.addAll(doomed);
    return gone;
  }

  /** Every namespace on the host whose name OpenVPC could have given. */
  public List<String> namespaces() {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(InNetns.RUN_NETNS)) {
      return out;
    }
    try (DirectoryStream<Path> d = Files.newDirectoryStream(InNetns.RUN_NETNS)) {
      for (Path p : d) {
        String name = p.getFileName().toString();
        if (Names.isOurs(name)) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }

  /** The mark of a namespace, if it has one. */
  public static Optional<Mark> mark(String ns) {
    try {
      return Optional.of(Mark.parse(Files.readString(MARKS.resolve(ns))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Marks a namespace as this owner's; the mark file is replaced whole, never seen half written. */
  private void writeMark(String ns, String applied, String print) {
    try {
      Files.createDirectories(MARKS);
      Path tmp = MARKS.resolve("." + ns + ".tmp");
      Files.writeString(tmp, new Mark(owner, applied, print).text());
      try {
        Files.move(tmp, MARKS.resolve(ns), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, MARKS.resolve(ns), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the owner mark of " + ns, e);
    }
  }

  /**
   * Records that {@code ns} holds exactly the desired state of this digest (after a successful apply),
   * listing its table back first if this driver changed it since.
   */
  public void recordApplied(String ns, String digest) {
    if (unprinted.contains(ns)) {
      fingerprint(ns);
    }
    String print = prints.get(ns);
    if (print == null) {
      // Its table was not changed by this driver: what the kernel vouched for, or what was recorded.
      print = mark(ns).map(Mark::nftPrint).orElse("");
    }
    writeMark(ns, digest, print);
  }

  /** Records that what {@code ns} holds is not known to be any desired state (before changing it). */
  public void forgetApplied(String ns) {
    Optional<Mark> m = mark(ns);
    if (m.isEmpty() || !m.get().applied().isEmpty()) {
      writeMark(ns, "", m.map(Mark::nftPrint).orElse(""));
    }
  }

  /**
   * Adopts a namespace of an OpenVPC name that carries no mark at all (its creation was interrupted
   * between the namespace and its mark by an earlier version): it is marked as this owner's.
   */
  public void adopt(String ns) {
    if (mark(ns).isPresent()) {
      throw new IllegalStateException("namespace " + ns + " is marked already");
    }
    writeMark(ns, "", "");
  }

  /**
   * Deletes the marks of this owner whose namespace is gone (a creation interrupted after the mark),
   * and its mark files left half written by a crash.
   */
  public void deleteStaleMarks() {
    if (!Files.isDirectory(MARKS)) {
      return;
    }
    List<String> live = namespaces();
    try (DirectoryStream<Path> d = Files.newDirectoryStream(MARKS)) {
      for (Path p : d) {
        String ns = p.getFileName().toString();
        boolean stale = Names.isOurs(ns) && !live.contains(ns) || ns.startsWith(".") && ns.endsWith(".tmp");
        if (stale && mark(ns).map(m -> m.owner().equals(owner)).orElse(false)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates a namespace in-process, as {@code ip netns add} does (a thread unshares a new network
   * namespace, which a bind mount on {@code /run/netns/<name>} keeps), marks it first, sets its sysctls
   * and brings {@code lo} up, without starting a process.
   */
  public void createNamespace(String name, List<String> sysctls) {
    if (!Names.isOurs(name)) {
      throw new IllegalArgumentException("not an OpenVPC namespace name: " + name);
    }
    ensureNetnsDir();
    writeMark(name, "", "");
    Path file = InNetns.RUN_NETNS.resolve(name);
    try {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("namespace " + name + " exists already");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      InNetns.inNewNamespace(() -> {
        Syscalls.LibC.I.mount("/proc/thread-self/ns/net", file.toString(), "none", Syscalls.MS_BIND, null);
        writeSysctls(all(sysctls));
        try (Rtnl r = Rtnl.open()) {
          r.setUp(1);
        }
        return null;
      });
      Files.createDirectories(NETNS_ETC.resolve(name));
    } catch (RuntimeException | IOException e) {
      unmount(file);
      throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }
  }

  private static List<String> all(List<String> sysctls) {
    List<String> all = new ArrayList<>(sysctls);
    all.addAll(DRIVER_SYSCTLS);
    return all;
  }

  /** Writes {@code key=value} sysctls of the calling thread's namespace. */
  private static void writeSysctls(List<String> sysctls) throws IOException {
    for (String s : sysctls) {
      int eq = s.indexOf('=');
      Files.writeString(sysctlPath(s.substring(0, eq)), s.substring(eq + 1));
    }
  }

  private static Path sysctlPath(String key) {
    return Path.of("/proc/sys", key.replace('.', '/'));
  }

  /**
   * What {@code ip netns add} does first: {@code /run/netns} exists and is a shared mount point, so a
   * namespace mounted there is seen from every mount namespace.
   */
  private static synchronized void ensureNetnsDir() {
    if (netnsDirReady) {
      return;
    }
    try {
      Files.createDirectories(InNetns.RUN_NETNS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String dir = InNetns.RUN_NETNS.toString();
    try {
      Syscalls.LibC.I.mount("", dir, "none", Syscalls.MS_SHARED | Syscalls.MS_REC, null);
    } catch (LastErrorException e) {
      if (e.getErrorCode() != Syscalls.EINVAL) {
        throw new IllegalStateException("cannot share " + dir + ": " + e.getMessage());
      }
      Syscalls.LibC.I.mount(dir, dir, "none", Syscalls.MS_BIND | Syscalls.MS_REC, null);
      Syscalls.LibC.I.mount("", dir, "none", Syscalls.MS_SHARED | Syscalls.MS_REC, null);
    }
    netnsDirReady = true;
  }

  private static void unmount(Path file) {
    try {
      Syscalls.LibC.I.umount2(file.toString(), Syscalls.MNT_DETACH);
    } catch (LastErrorException ignored) {
      // not mounted (any more)
    }
    deleteQuietly(file);
  }

  /** Deletes one namespace; see {@link #deleteNamespaces}. */
  public void deleteNamespace(String name) {
    deleteNamespaces(List.of(name));
  }

  /**
   * Deletes namespaces and their files, by exact name. Processes still running in one (an instance's
   * servers, an {@code openvpc exec}) would keep it, and so its veths and its addresses, alive after
   * its mount is gone: a terminated instance would go on answering. So its processes are killed first
   * (one scan of {@code /proc} for all the namespaces) and waited for; only if one outlives that are its
   * own links deleted one by one (which removes both ends of each veth, at about 20 ms a link). Then
   * the mount goes, and the kernel destroys the namespace and all its devices at once.
   */
  public void deleteNamespaces(Collection<String> names) {
    for (String name : names) {
      if (!Names.isOurs(name)) {
        throw new IllegalArgumentException("not an OpenVPC namespace: " + name);
      }
    }
    if (names.isEmpty()) {
      return;
    }
    Map<String, List<Long>> pids = pidsByNamespace();
    for (String name : names) {
      Nft.forget(name);
      prints.remove(name);
      Path file = InNetns.RUN_NETNS.resolve(name);
      String id;
      try {
        id = inode(file);
      } catch (IOException e) {
        id = "";
      }
      List<ProcessHandle> inside = new ArrayList<>();
      for (long pid : pids.getOrDefault(id, List.of())) {
        ProcessHandle.of(pid).ifPresent(p -> {
          p.destroyForcibly();
          inside.add(p);
        });
      }
      if (!inside.isEmpty() && !allExit(inside)) {
        deleteLinks(name);
      }
      unmount(file);
      deleteQuietly(NETNS_ETC.resolve(name).resolve("resolv.conf"));
      deleteQuietly(NETNS_ETC.resolve(name));
      deleteQuietly(MARKS.resolve(name));
    }
  }

  /** Whether every process has exited within a few seconds of being killed. */
  private static boolean allExit(List<ProcessHandle> processes) {
    long deadline = System.nanoTime() + 3_000_000_000L;
    for (ProcessHandle p : processes) {
      try {
        p.onExit().get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return false;
      } catch (java.util.concurrent.ExecutionException e) {
        // it is gone
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Deletes a namespace's own links, one by one (both ends of each veth go). */
  private static void deleteLinks(String name) {
    try {
      InNetns.call(name, () -> {
        try (Rtnl r = Rtnl.open()) {
          for (Rtnl.LinkInfo l : r.links()) {
            if (l.name().startsWith(Names.PREFIX)) {
              try {
                r.deleteLink(l.index());
              } catch (IllegalStateException gone) {
                // went with its peer
              }
            }
          }
        }
        return null;
      });
    } catch (InNetns.NoSuchNamespace e) {
      // only the file is left
    }
  }

  /** The processes of this host by the inode of their network namespace (all but this one). */
  private static Map<String, List<Long>> pidsByNamespace() {
    Map<String, List<Long>> out = new HashMap<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
        .chars().allMatch(Character::isDigit))) {
      for (Path p : d) {
        long pid = Long.parseLong(p.getFileName().toString());
        if (pid == self) {
          continue;
        }
        try {
          out.computeIfAbsent(inode(p.resolve("ns/net")), k -> new ArrayList<>()).add(pid);
        } catch (IOException | RuntimeException ignored) {
          // the process ended, or is a kernel thread
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String inode(Path p) throws IOException {
    return String.valueOf(Files.getAttribute(p, "unix:ino"));
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a directory someone else put files in stays
    }
  }

  /** A plan that did not apply whole: every step that failed, with the host's words for why. */
  public static final class ApplyFailed extends RuntimeException {
    private final List<String> reasons;

    ApplyFailed(String ns, List<String> reasons) {
      super(ns + ": " + String.join("; ", reasons));
      this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
      return reasons;
    }
  }

  /**
   * Applies a plan to an existing namespace. Every step is tried even when one before it failed (a
   * missing device must not keep the routes of the others, or the table, from being made); what failed
   * is thrown at the end as {@link ApplyFailed}.
   */
  public void apply(NetnsPlan plan) {
    String ns = plan.namespace();
    List<String> errors = new ArrayList<>();
    if (!plan.sysctls().isEmpty()) {
      // What creating the namespace does (a creation cut short may have stopped before): sysctls, lo up.
      try {
        InNetns.call(ns, () -> {
          writeSysctls(all(plan.sysctls()));
          try (Rtnl r = Rtnl.open()) {
            r.setUp(1);
          }
          return null;
        });
      } catch (RuntimeException e) {
        errors.add("sysctls: " + e.getMessage());
      }
    }
    if (!plan.removeLinks().isEmpty() || !plan.createLinks().isEmpty() || !plan.batch().isEmpty()
        || !plan.batch6().isEmpty()) {
      try {
        List<IpLines.Result> results = InNetns.call(ns, () -> List.of(IpLines.apply(plan.removeLinks(), false),
            IpLines.apply(plan.createLinks(), false), IpLines.apply(plan.batch(), false),
            IpLines.apply(plan.batch6(), true)));
        for (int i = 0; i < results.size(); i++) {
          IpLines.Result r = results.get(i);
          // A link to remove may already be gone with its peer.
          r.errors().stream().filter(e -> !e.startsWith("`link del ") || !e.contains("Cannot find device"))
              .forEach(errors::add);
          batch(ns, i == 3, r.unsupported(), errors, null);
        }
      } catch (RuntimeException e) {
        errors.add("links, addresses, routes and rules: " + e.getMessage());
      }
    }
    if (plan.nftables() != null) {
      applyNft(ns, plan, errors);
    }
    if (plan.resolvConf() != null) {
      try {
        Files.createDirectories(NETNS_ETC.resolve(ns));
        Files.writeString(NETNS_ETC.resolve(ns).resolve("resolv.conf"), plan.resolvConf());
      } catch (IOException e) {
        errors.add("resolv.conf: " + e);
      }
    }
    if (!errors.isEmpty()) {
      throw new ApplyFailed(ns, errors);
    }
  }

  /** The delta, or the whole table if the kernel refuses the delta; then the fingerprint of what is there. */
  private void applyNft(String ns, NetnsPlan plan, List<String> errors) {
    prints.remove(ns);
    long t0 = System.nanoTime();
    try {
      Nft.apply(ns, plan.nftables());
      LOG.debug("{}: nft script of {} lines applied in {} ms", ns, plan.nftables().lines().count(),
          (System.nanoTime() - t0) / 1_000_000);
    } catch (Nft.Refused e) {
      if (plan.nftablesFull() == null) {
        errors.add("nftables: " + e.error().strip());
        return;
      }
      try {
        Nft.apply(ns, plan.nftablesFull());
      } catch (Nft.Refused again) {
        errors.add("nftables: " + again.error().strip());
        return;
      }
    } catch (RuntimeException e) {
      errors.add("nftables: " + e.getMessage());
      return;
    }
    // the table is in force; its fingerprint is taken when the state is recorded (recordApplied)
    unprinted.add(ns);
  }

  /** Lists a changed table back and keeps its fingerprint for the mark. */
  private void fingerprint(String ns) {
    long l0 = System.nanoTime();
    String json = Nft.listJson(ns);
    long t1 = System.nanoTime();
    prints.put(ns, NftListing.parse(json).fingerprint());
    unprinted.remove(ns);
    LOG.debug("{}: table listed in {} ms ({} KB), fingerprinted in {} ms", ns, (t1 - l0) / 1_000_000,
        json.length() / 1024, (System.nanoTime() - t1) / 1_000_000);
  }

  private static final Pattern FAILED_LINE = Pattern.compile("Command failed -:(\\d+)");

  /**
   * Runs {@code ip -force -batch} (every line is tried) for lines {@link IpLines} does not understand;
   * a line that fails is reported with the error the kernel gave, unless it contains {@code ignore}.
   */
  private static void batch(String ns, boolean ipv6, List<String> lines, List<String> errors, String ignore) {
    if (lines.isEmpty()) {
      return;
    }
    LOG.debug("{}: {} lines left to ip: {}", ns, lines.size(), lines);
    List<String> argv = new ArrayList<>(List.of("ip", "-force", "-n", ns));
    if (ipv6) {
      argv.add("-6");
    }
    argv.addAll(List.of("-batch", "-"));
    Command.Result r = Command.run(argv, String.join("\n", lines) + "\n");
    if (r.ok()) {
      return;
    }
    List<String> why = new ArrayList<>();
    boolean any = false;
    for (String line : r.stderr().split("\n")) {
      Matcher m = FAILED_LINE.matcher(line);
      if (m.find()) {
        int n = Integer.parseInt(m.group(1));
        String text = String.join(" / ", why);
        if (ignore == null || !text.contains(ignore)) {
          errors.add("`" + (n >= 1 && n <= lines.size() ? lines.get(n - 1) : "line " + n) + "`: " + text);
        }
        any = true;
        why.clear();
      } else if (!line.isBlank()) {
        why.add(line.strip());
      }
    }
    if (!any && (ignore == null || !r.stderr().contains(ignore))) {
      errors.add(String.join(" ", argv) + " exited " + r.exitCode() + ": " + r.stderr().strip());
    }
  }

  /**
   * Reads a namespace back in the form the renderer produces, in-process (netlink dumps, sysctls,
   * libnftables). {@code expected} gives the role, the sysctls to read, and the table the namespace
   * should hold: the table read back is that one when the kernel's marker names it and its content has
   * the fingerprint recorded when it was applied, {@link NftTable#EMPTY} when there is none, and
   * {@link NftTable#UNKNOWN} otherwise.
   */
  public Netns read(String ns, Netns expected) {
    record Raw(List<Rtnl.LinkInfo> links, List<Rtnl.AddrInfo> addresses, List<Rtnl.RouteInfo> routes,
        List<Rtnl.RuleInfo> rules, List<String> sysctls) {}
    Raw raw = InNetns.call(ns, () -> {
      List<String> sysctls = new ArrayList<>();
      for (String s : expected.sysctls()) {
        String key = s.substring(0, s.indexOf('='));
        String value;
        try {
          value = Files.readString(sysctlPath(key)).strip();
        } catch (NoSuchFileException e) {
          value = "";
        }
        sysctls.add(key + "=" + value);
      }
      try (Rtnl r = Rtnl.open()) {
        return new Raw(r.links(), r.addresses(), r.routes(), r.rules(), sysctls);
      }
    });
    Map<Integer, String> names = new HashMap<>();
    List<Link> links = new ArrayList<>();
    List<String> sysctls = raw.sysctls();
    for (Rtnl.LinkInfo l : raw.links()) {
      names.put(l.index(), l.name());
      if (l.name().equals("lo") && !l.up()) {
        // lo is brought up with the sysctls when the namespace is made: down, both are made again.
        sysctls = List.of("lo=down");
      }
      if (l.name().startsWith(Names.PREFIX)) {
        links.add(new Link(l.name(), l.alias(), "", "", l.up()));
      }
    }
    List<Address> addresses = new ArrayList<>();
    for (Rtnl.AddrInfo a : raw.addresses()) {
      String local = a.address();
      boolean kernelOwn = local.startsWith("127.") || local.equals("::1")
          || a.scope() == 253 && !local.equals("fe80::1");
      if (!kernelOwn) {
        addresses.add(new Address(names.getOrDefault(a.index(), "?"), local, a.prefixLength(),
            (a.flags() & Rtnl.AddrInfo.NOPREFIXROUTE) != 0));
      }
    }
    List<Route> routes = new ArrayList<>();
    for (Rtnl.RouteInfo r : raw.routes()) {
      if (r.protocol() != Route.PROTOCOL) {
        continue;
      }
      String type = switch (r.type()) {
        case Rtnl.RouteInfo.UNICAST -> "unicast";
        case Rtnl.RouteInfo.BLACKHOLE -> "blackhole";
        case 7 -> "unreachable";
        case 8 -> "prohibit";
        default -> "type" + r.type();
      };
      String dev = r.type() == Rtnl.RouteInfo.BLACKHOLE ? "" : names.getOrDefault(r.oif(), "");
      routes.add(new Route(r.table(), r.destination(), type, r.gateway(), dev));
    }
    List<RoutingRule> rules = new ArrayList<>();
    for (Rtnl.RuleInfo r : raw.rules()) {
      if (r.protocol() == Route.PROTOCOL) {
        rules.add(new RoutingRule(r.family() == Rtnl.AF_INET6, r.priority(), r.from(), r.to(), r.iif(), r.table()));
      }
    }
    NftTable nft = NftTable.EMPTY;
    if (expected.role() == Netns.Role.ROUTER || !expected.nftables().isEmpty()) {
      nft = table(ns, expected.nftables());
    }
    String resolv;
    try {
      resolv = Files.readString(NETNS_ETC.resolve(ns).resolve("resolv.conf"));
    } catch (IOException e) {
      resolv = "";
    }
    return new Netns(ns, expected.role(), sysctls, links, addresses, routes, rules, nft, resolv);
  }

  /** The table a namespace holds: {@code expected} if the kernel vouches for it, else EMPTY or UNKNOWN. */
  private NftTable table(String ns, NftTable expected) {
    NftListing now = NftListing.parse(Nft.listJson(ns));
    if (!now.present()) {
      return NftTable.EMPTY;
    }
    // The mark is the record (another driver of this owner, a restarted one, may have written it).
    String recorded = mark(ns).map(Mark::nftPrint).orElse("");
    if (!expected.isEmpty() && now.marker().equals(expected.digest()) && now.fingerprint().equals(recorded)) {
      prints.put(ns, recorded);
      return expected;
    }
    return NftTable.UNKNOWN;
  }

  /** The canonical listing of a namespace's table (for tests that compare two tables' effect). */
  static NftListing listing(String ns) {
    return NftListing.parse(Nft.listJson(ns));
  }
}
