package io.openvpc.dataplane.linux;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.Route;
import io.openvpc.dataplane.host.RoutingRule;
import io.openvpc.dataplane.render.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The driver: reads namespaces back and applies {@link NetnsPlan}s with {@code ip} and {@code nft}.
 * Every namespace it creates is marked with a file {@code /run/openvpc/netns/<name>} holding the owner
 * (the agent that created it), and it only ever deletes namespaces that carry its own mark, by exact
 * name.
 */
public final class LinuxHost {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NETNS_ETC = Path.of("/etc/netns");
  private static final Path MARKS = Path.of("/run/openvpc/netns");

  private final String owner;

  /** A driver acting for {@code owner} (e.g. {@code server}, or a test's unique name). */
  public LinuxHost(String owner) {
    this.owner = owner;
  }

  public String owner() {
    return owner;
  }

  /** Why the data plane cannot run here, or empty when it can (root, {@code ip netns}, {@code nft}). */
  public static Optional<String> unavailableReason() {
    try {
      if (!"root".equals(System.getProperty("user.name")) && !Command.run("id", "-u").stdout().strip().equals("0")) {
        return Optional.of("the Linux data plane needs root (network namespaces, nftables)");
      }
      if (!Command.run("ip", "netns", "list").ok()) {
        return Optional.of("`ip netns` does not work here (iproute2 missing or no namespace support)");
      }
      if (!Command.run("nft", "--version").ok()) {
        return Optional.of("`nft` is missing (install nftables)");
      }
      return Optional.empty();
    } catch (UncheckedIOException e) {
      return Optional.of("a data plane tool is missing: " + e.getMessage());
    }
  }

  /** The OpenVPC namespaces on this host that this owner created. */
  public List<String> ownedNamespaces() {
    List<String> out = new ArrayList<>();
    for (String ns : namespaces()) {
      if (owner.equals(markOf(ns))) {
        out.add(ns);
      }
    }
    return out;
  }

  /**
   * Deletes, by exact name, the namespaces whose owner mark satisfies {@code owner}: the leftovers of
   * a crashed run (tests pass their owner prefix). Returns the names deleted.
   */
  public static List<String> deleteLeftovers(java.util.function.Predicate<String> owner) {
    List<String> gone = new ArrayList<>();
    LinuxHost any = new LinuxHost("");
    for (String ns : any.namespaces()) {
      String mark = markOf(ns);
      if (!mark.isEmpty() && owner.test(mark)) {
        any.deleteNamespace(ns);
        gone.add(ns);
      }
    }
    return gone;
  }

  /** Every namespace on the host whose name OpenVPC could have given. */
  public List<String> namespaces() {
    List<String> out = new ArrayList<>();
    String text = Command.run("ip", "-j", "netns", "list").orThrow().stdout();
    for (JsonNode n : parse(text)) {
      for (JsonNode e : n) {
        String name = e.path("name").asText();
        if (Names.isOurs(name)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  private static String markOf(String ns) {
    try {
      return Files.readString(MARKS.resolve(ns)).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** Creates a namespace, marks it, sets its sysctls, brings {@code lo} up. */
  public void createNamespace(String name, List<String> sysctls) {
    Command.run("ip", "netns", "add", name).orThrow();
    try {
      Files.createDirectories(MARKS);
      Files.writeString(MARKS.resolve(name), owner + "\n");
      Files.createDirectories(NETNS_ETC.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> all = new ArrayList<>(sysctls);
    all.addAll(List.of("net.ipv4.conf.all.promote_secondaries=1", "net.ipv4.conf.default.promote_secondaries=1"));
    // One process for both: starting processes is most of what realising an instance costs.
    Command.run(List.of("ip", "netns", "exec", name, "sh", "-c", "sysctl -qw " + String.join(" ", all)
        + " && ip link set lo up"), null).orThrow();
  }

  /**
   * Deletes a namespace and its files, by exact name. Processes still running in it (an instance's
   * servers, an {@code openvpc exec}) would keep the namespace, and so its veths and its addresses,
   * alive after {@code ip netns del}: a terminated instance would go on answering. So its own links are
   * deleted first (which removes both ends of each veth) and its processes are killed.
   */
  public void deleteNamespace(String name) {
    if (!Names.isOurs(name)) {
      throw new IllegalArgumentException("not an OpenVPC namespace: " + name);
    }
    for (String link : ownLinks(name)) {
      Command.run("ip", "-n", name, "link", "del", link);
    }
    for (String pid : Command.run("ip", "netns", "pids", name).stdout().split("\\s+")) {
      if (pid.matches("[0-9]+")) {
        Command.run("kill", "-9", pid);
      }
    }
    Command.run("ip", "netns", "del", name);
    deleteQuietly(NETNS_ETC.resolve(name).resolve("resolv.conf"));
    deleteQuietly(NETNS_ETC.resolve(name));
    deleteQuietly(MARKS.resolve(name));
  }

  /** The {@code ovpc-} links inside a namespace, by name ({@code ip -o link} prints "N: name@peer: ..."). */
  private static List<String> ownLinks(String namespace) {
    List<String> links = new java.util.ArrayList<>();
    for (String line : Command.run("ip", "-n", namespace, "-o", "link", "show").stdout().split("\n")) {
      String[] f = line.split(":\\s+", 3);
      if (f.length >= 2) {
        String link = f[1].contains("@") ? f[1].substring(0, f[1].indexOf('@')) : f[1];
        if (link.startsWith("ovpc-")) {
          links.add(link);
        }
      }
    }
    return links;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a directory someone else put files in stays
    }
  }

  /** Applies a plan to an existing namespace. */
  public void apply(NetnsPlan plan) {
    String ns = plan.namespace();
    if (!plan.removeLinks().isEmpty()) {
      // A link may already be gone with its peer; the rest must still go.
      List<String> argv = new ArrayList<>(List.of("ip", "-force", "-n", ns, "-batch", "-"));
      Command.run(argv, String.join("\n", plan.removeLinks()) + "\n");
    }
    if (!plan.createLinks().isEmpty()) {
      batch(ns, false, plan.createLinks());
    }
    if (!plan.batch().isEmpty()) {
      batch(ns, false, plan.batch());
    }
    if (!plan.batch6().isEmpty()) {
      batch(ns, true, plan.batch6());
    }
    if (plan.nftables() != null) {
      String script = plan.nftables().isEmpty()
          ? "table inet ovpc\ndelete table inet ovpc\n"
          : "table inet ovpc\ndelete table inet ovpc\n" + plan.nftables();
      Command.Result r = Command.run(List.of("ip", "netns", "exec", ns, "nft", "-f", "-"), script);
      if (!r.ok()) {
        throw new IllegalStateException("nft refused the ruleset of " + ns + ": " + r.stderr().strip()
            + NftErrors.context(script, r.stderr()));
      }
    }
    if (plan.resolvConf() != null) {
      try {
        Files.createDirectories(NETNS_ETC.resolve(ns));
        Files.writeString(NETNS_ETC.resolve(ns).resolve("resolv.conf"), plan.resolvConf());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void batch(String ns, boolean ipv6, List<String> lines) {
    List<String> argv = new ArrayList<>(List.of("ip", "-n", ns));
    if (ipv6) {
      argv.add("-6");
    }
    argv.addAll(List.of("-batch", "-"));
    Command.run(argv, String.join("\n", lines) + "\n").orThrow();
  }

  /** Reads a namespace back in the form the renderer produces (sysctls are not read). */
  public Netns read(String ns, Netns.Role role) {
    List<JsonNode> four = parse(Command.run(List.of("ip", "-n", ns, "-j", "-batch", "-"),
        "link show\naddress show\n").orThrow().stdout());
    four.addAll(parse(Command.run(List.of("ip", "-n", ns, "-4", "-j", "-batch", "-"),
        "route show table all proto " + Route.PROTOCOL + "\nrule show\n").orThrow().stdout()));
    List<JsonNode> six = parse(Command.run(List.of("ip", "-n", ns, "-6", "-j", "-batch", "-"),
        "route show table all proto " + Route.PROTOCOL + "\nrule show\n").orThrow().stdout());
    List<Link> links = new ArrayList<>();
    for (JsonNode l : four.get(0)) {
      String name = l.path("ifname").asText();
      if (name.startsWith(Names.PREFIX)) {
        boolean up = false;
        for (JsonNode f : l.path("flags")) {
          up |= f.asText().equals("UP");
        }
        links.add(new Link(name, l.path("ifalias").asText(""), "", "", up));
      }
    }
    List<Address> addresses = new ArrayList<>();
    for (JsonNode l : four.get(1)) {
      String dev = l.path("ifname").asText();
      for (JsonNode a : l.path("addr_info")) {
        String local = a.path("local").asText();
        boolean kernelOwn = local.startsWith("127.") || local.equals("::1")
            || a.path("scope").asText().equals("link") && !local.equals("fe80::1");
        if (!kernelOwn) {
          addresses.add(new Address(dev, local, a.path("prefixlen").asInt(), a.path("noprefixroute").asBoolean(false)));
        }
      }
    }
    List<Route> routes = new ArrayList<>();
    routes(four.get(2), false, routes);
    routes(six.get(0), true, routes);
    List<RoutingRule> rules = new ArrayList<>();
    rules(four.get(3), false, rules);
    rules(six.get(1), true, rules);
    String nft = "";
    String resolv = "";
    if (role == Netns.Role.ROUTER) {
      Command.Result r = Command.run("ip", "netns", "exec", ns, "nft", "list", "table", "inet", "ovpc");
      nft = r.ok() ? r.stdout() : "";
    }
    try {
      resolv = Files.readString(NETNS_ETC.resolve(ns).resolve("resolv.conf"));
    } catch (IOException e) {
      resolv = "";
    }
    return new Netns(ns, role, List.of(), links, addresses, routes, rules, nft, resolv);
  }

  private static void routes(JsonNode list, boolean v6, List<Route> out) {
    for (JsonNode r : list) {
      String type = r.path("type").asText("unicast");
      String dst = r.path("dst").asText();
      if (dst.equals("default")) {
        dst = v6 ? "::/0" : "0.0.0.0/0";
      } else if (!dst.contains("/")) {
        dst = dst + (v6 ? "/128" : "/32");
      }
      int table = table(r.path("table").asText("main"));
      String dev = type.equals("blackhole") ? "" : r.path("dev").asText("");
      out.add(new Route(table, dst, type, r.path("gateway").asText(""), dev));
    }
  }

  private static void rules(JsonNode list, boolean v6, List<RoutingRule> out) {
    for (JsonNode r : list) {
      if (!r.path("protocol").asText().equals(Integer.toString(Route.PROTOCOL))) {
        continue;
      }
      String from = r.path("src").asText("all");
      from = from.equals("all") ? "" : from + "/" + r.path("srclen").asInt(v6 ? 128 : 32);
      String to = r.has("dst") ? r.path("dst").asText() + "/" + r.path("dstlen").asInt(v6 ? 128 : 32) : "";
      out.add(new RoutingRule(v6, r.path("priority").asInt(), from, to, r.path("iif").asText(""),
          table(r.path("table").asText("main"))));
    }
  }

  private static int table(String t) {
    return switch (t) {
      case "main" -> Route.MAIN;
      case "local" -> 255;
      case "default" -> 253;
      default -> Integer.parseInt(t);
    };
  }

  /** The JSON values {@code ip -j -batch} prints one after another (one array per command). */
  static List<JsonNode> parse(String concatenated) {
    List<JsonNode> out = new ArrayList<>();
    try (JsonParser p = JSON.getFactory().createParser(concatenated)) {
      while (p.nextToken() != null) {
        out.add(JSON.readTree(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse ip -j output", e);
    }
    return out;
  }
}
