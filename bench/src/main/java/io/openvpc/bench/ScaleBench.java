package io.openvpc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The cost of calls as a region grows: builds a region of N resources of each kind through the API
 * (N VPCs, each with its default route table, one subnet, one network ACL, one HAVIP and one instance
 * with its primary ENI; N security groups, address templates and service templates), then, with one
 * client, times every implemented Describe* with Limit 20 and 100 on the first and the last page, each
 * create, and a RunInstances of 100, and reports the server's live heap (after a full GC) and resident
 * memory. Run by {@code bench/scale.sh}, which starts the server.
 *
 * <pre>
 * java [-Dscale.histogram=true] -cp ... io.openvpc.bench.ScaleBench --endpoint 127.0.0.1:4650 --n 10000
 *     --pid SERVER_PID [--calls 200] [--builders 4] [--runs 5] [--reps 3]
 * </pre>
 *
 * Each repetition ({@code --reps}) times every cell again ({@code --calls} calls after a tenth as many
 * untimed); a cell reports the median of the repetitions' figures and their range.
 *
 * <pre>
 * </pre>
 */
public final class ScaleBench {
  private static final String ZONE = "ap-guangzhou-3";
  private static final Pattern TOTAL = Pattern.compile("\"TotalCount\":(\\d+)");

  private final LoadGenerator signer;
  private final String host;
  private final int port;

  ScaleBench(LoadGenerator signer, String host, int port) {
    this.signer = signer;
    this.host = host;
    this.port = port;
  }

  /** One call; the reply, or an exception naming the action and the error. */
  String call(KeepAliveConnection c, String action, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String reply = c.exchange(signer.head(action, body), body);
    if (reply.contains("\"Error\"")) {
      throw new IOException(action + " " + json + " failed: " + reply);
    }
    return reply;
  }

  static String field(String reply, String name) throws IOException {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(reply);
    if (!m.find()) {
      throw new IOException("no " + name + " in " + reply);
    }
    return m.group(1);
  }

  static List<String> all(String reply, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(reply);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The creates of one unit of the region, in order; each returns the ID it made. */
  String createVpc(KeepAliveConnection c, int i) throws IOException {
    return field(call(c, "CreateVpc", "{\"VpcName\":\"v" + i + "\",\"CidrBlock\":\"10.0.0.0/16\"}"), "VpcId");
  }

  String createSubnet(KeepAliveConnection c, String vpc, int third) throws IOException {
    return field(call(c, "CreateSubnet", "{\"VpcId\":\"" + vpc + "\",\"SubnetName\":\"s\",\"CidrBlock\":\"10.0." + third
        + ".0/24\",\"Zone\":\"" + ZONE + "\"}"), "SubnetId");
  }

  List<String> runInstances(KeepAliveConnection c, String vpc, String subnet, int count) throws IOException {
    String reply = call(c, "RunInstances", "{\"Placement\":{\"Zone\":\"" + ZONE + "\"},\"ImageId\":\"img-487zeit5\","
        + "\"InstanceType\":\"S5.SMALL2\",\"InstanceCount\":" + count + ",\"InstanceName\":\"i\","
        + "\"VirtualPrivateCloud\":{\"VpcId\":\"" + vpc + "\",\"SubnetId\":\"" + subnet + "\"}}");
    Matcher m = Pattern.compile("\"InstanceIdSet\":\\[([^\\]]*)\\]").matcher(reply);
    if (!m.find()) {
      throw new IOException("no InstanceIdSet in " + reply);
    }
    List<String> ids = new ArrayList<>();
    for (String q : m.group(1).split(",")) {
      ids.add(q.replace("\"", "").trim());
    }
    return ids;
  }

  String createAcl(KeepAliveConnection c, String vpc) throws IOException {
    return field(call(c, "CreateNetworkAcl", "{\"VpcId\":\"" + vpc + "\",\"NetworkAclName\":\"a\"}"), "NetworkAclId");
  }

  String createHaVip(KeepAliveConnection c, String vpc, String subnet) throws IOException {
    return field(call(c, "CreateHaVip", "{\"VpcId\":\"" + vpc + "\",\"SubnetId\":\"" + subnet
        + "\",\"HaVipName\":\"h\"}"), "HaVipId");
  }

  String createGroup(KeepAliveConnection c, int i) throws IOException {
    return field(call(c, "CreateSecurityGroup", "{\"GroupName\":\"g" + i + "\",\"GroupDescription\":\"d\"}"),
        "SecurityGroupId");
  }

  String createAddressTemplate(KeepAliveConnection c, int i) throws IOException {
    return field(call(c, "CreateAddressTemplate", "{\"AddressTemplateName\":\"a" + i + "\",\"Addresses\":[\"10.1."
        + (i >> 8 & 255) + "." + (i & 255) + "\"]}"), "AddressTemplateId");
  }

  String createServiceTemplate(KeepAliveConnection c, int i) throws IOException {
    return field(call(c, "CreateServiceTemplate", "{\"ServiceTemplateName\":\"p" + i + "\",\"Services\":[\"tcp:"
        + (1 + i % 65535) + "\"]}"), "ServiceTemplateId");
  }

  /** One unit: a VPC with a subnet, an ACL, a HAVIP and an instance; a group, an address and a service template. */
  void unit(KeepAliveConnection c, int i) throws IOException {
    String vpc = createVpc(c, i);
    String subnet = createSubnet(c, vpc, 0);
    runInstances(c, vpc, subnet, 1);
    createAcl(c, vpc);
    createHaVip(c, vpc, subnet);
    createGroup(c, i);
    createAddressTemplate(c, i);
    createServiceTemplate(c, i);
  }

  /** Builds N units with {@code builders} clients (writers of the region take turns; group commit batches them). */
  void build(int n, int builders) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int b = 0; b < builders; b++) {
      Thread t = new Thread(() -> {
        try (KeepAliveConnection c = new KeepAliveConnection(host, port)) {
          for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
            unit(c, i);
            if ((i + 1) % 10_000 == 0) {
              System.err.printf(Locale.ROOT, "built %,d units in %.0f s%n", i + 1, (System.nanoTime() - start) / 1e9);
            }
          }
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        }
      }, "build-" + b);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    System.out.printf(Locale.ROOT, "built %,d units (%,d creates) with %d clients in %.1f s%n%n", n, n * 8L, builders,
        (System.nanoTime() - start) / 1e9);
  }

  interface Call {
    void run(KeepAliveConnection c, int i) throws IOException;
  }

  /** {@code calls} timed calls after {@code calls / 10} untimed ones, one client. */
  Histogram time(KeepAliveConnection c, int calls, Call call) throws IOException {
    for (int i = 0; i < Math.max(5, calls / 10); i++) {
      call.run(c, -1 - i);
    }
    Histogram h = new Histogram(60_000_000L, 3);
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      call.run(c, i);
      h.recordValue(Math.min(60_000_000L, (System.nanoTime() - t0) / 1000));
    }
    return h;
  }

  static String ms(double micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }

  record Describe(String action, String product) {}

  static final List<Describe> DESCRIBES = List.of(
      new Describe("DescribeVpcs", "vpc"),
      new Describe("DescribeSubnets", "vpc"),
      new Describe("DescribeRouteTables", "vpc"),
      new Describe("DescribeNetworkInterfaces", "vpc"),
      new Describe("DescribeInstances", "cvm"),
      new Describe("DescribeSecurityGroups", "vpc"),
      new Describe("DescribeNetworkAcls", "vpc"),
      new Describe("DescribeHaVips", "vpc"),
      new Describe("DescribeAddressTemplates", "vpc"),
      new Describe("DescribeServiceTemplates", "vpc"));

  /** Figures of one cell of a table over the repetitions: each repetition's p50, p99 and max, in ms. */
  static final class Cell {
    final List<double[]> reps = new ArrayList<>();

    void add(Histogram h) {
      reps.add(new double[] {h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
          h.getMaxValue() / 1000.0});
    }

    /** The median of a figure over the repetitions, with its range when there are several. */
    String figure(int which) {
      List<Double> v = new ArrayList<>();
      reps.forEach(r -> v.add(r[which]));
      v.sort(null);
      String median = String.format(Locale.ROOT, "%.2f", v.get(v.size() / 2));
      return v.size() == 1 ? median : String.format(Locale.ROOT, "%s (%.2f-%.2f)", median, v.get(0), v.get(v.size() - 1));
    }
  }

  private final java.util.Map<String, Cell> describeCells = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, String> describeRows = new java.util.HashMap<>();
  private final java.util.Map<String, Cell> createCells = new java.util.LinkedHashMap<>();
  private final List<Double> hundreds = new ArrayList<>();

  private Cell cell(java.util.Map<String, Cell> table, String key) {
    return table.computeIfAbsent(key, k -> new Cell());
  }

  void describes(KeepAliveConnection c, int calls) throws IOException {
    for (Describe d : DESCRIBES) {
      String first = call(c, d.action(), "{\"Limit\":20}");
      Matcher m = TOTAL.matcher(first);
      long total = m.find() ? Long.parseLong(m.group(1)) : -1;
      for (int limit : new int[] {20, 100}) {
        for (boolean last : new boolean[] {false, true}) {
          long offset = last ? Math.max(0, total - limit) : 0;
          String body = "{\"Limit\":" + limit + ",\"Offset\":" + offset + "}";
          Histogram h = time(c, calls, (x, i) -> call(x, d.action(), body));
          // one row per call, Limit and page; its total and offset are the first repetition's (creates add some)
          String key = d.action() + " " + limit + " " + last;
          cell(describeCells, key).add(h);
          describeRows.putIfAbsent(key, String.format(Locale.ROOT, "| %s | %,d | %d | %s (%,d) |", d.action(), total,
              limit, last ? "last" : "first", offset));
        }
      }
    }
  }

  void printTables(int reps) {
    String what = reps == 1 ? "" : " (median of " + reps + " repetitions, range)";
    System.out.println("| call | total | Limit | page (Offset) | p50 ms" + what + " | p99 ms | max ms |");
    System.out.println("|---|---:|---:|---|---:|---:|---:|");
    describeCells.forEach((k, v) -> System.out.println(describeRows.get(k) + " " + v.figure(0) + " | " + v.figure(1) + " | "
        + v.figure(2) + " |"));
    System.out.println();
    System.out.println("| create | p50 ms" + what + " | p99 ms |");
    System.out.println("|---|---:|---:|");
    createCells.forEach((k, v) -> System.out.println("| " + k + " | " + v.figure(0) + " | " + v.figure(1) + " |"));
    System.out.println();
    List<Double> sorted = new ArrayList<>(hundreds);
    sorted.sort(null);
    System.out.printf(Locale.ROOT, "RunInstances of 100 (%d runs, each after one warm-up run and terminated after):"
        + " median %.1f ms, min %.1f, max %.1f%n%n", sorted.size(), sorted.get(sorted.size() / 2), sorted.get(0),
        sorted.get(sorted.size() - 1));
  }

  String createEni(KeepAliveConnection c, String vpc, String subnet) throws IOException {
    return field(call(c, "CreateNetworkInterface", "{\"VpcId\":\"" + vpc + "\",\"SubnetId\":\"" + subnet
        + "\",\"NetworkInterfaceName\":\"e\"}"), "NetworkInterfaceId");
  }

  /** Each create's latency, one client, in a VPC of its own (subnets of a /24 hold 253 addresses: calls <= 200). */
  void creates(KeepAliveConnection c, int calls, int n) throws IOException {
    int k = Math.min(calls, 200);
    String vpc = createVpc(c, n);
    String forInstances = createSubnet(c, vpc, 0);
    String forEnis = createSubnet(c, vpc, 1);
    String forHaVips = createSubnet(c, vpc, 2);
    int[] third = {3};
    cell(createCells, "CreateVpc").add(time(c, calls, (x, i) -> createVpc(x, n + 1 + Math.abs(i))));
    cell(createCells, "CreateSubnet").add(time(c, k, (x, i) -> createSubnet(x, vpc, third[0]++)));
    cell(createCells, "CreateSecurityGroup").add(time(c, calls, (x, i) -> createGroup(x, n + Math.abs(i))));
    cell(createCells, "CreateNetworkAcl").add(time(c, calls, (x, i) -> createAcl(x, vpc)));
    cell(createCells, "CreateHaVip").add(time(c, k, (x, i) -> createHaVip(x, vpc, forHaVips)));
    cell(createCells, "CreateNetworkInterface").add(time(c, k, (x, i) -> createEni(x, vpc, forEnis)));
    cell(createCells, "CreateAddressTemplate").add(time(c, calls,
        (x, i) -> createAddressTemplate(x, n + Math.abs(i))));
    cell(createCells, "CreateServiceTemplate").add(time(c, calls,
        (x, i) -> createServiceTemplate(x, n + Math.abs(i))));
    cell(createCells, "RunInstances of 1").add(time(c, k, (x, i) -> runInstances(x, vpc, forInstances, 1)));
  }

  void runHundred(KeepAliveConnection c, int runs, int n) throws IOException {
    String vpc = createVpc(c, n + 7);
    String subnet = createSubnet(c, vpc, 0);
    List<Double> times = new ArrayList<>();
    for (int r = 0; r < runs + 1; r++) {
      long t0 = System.nanoTime();
      List<String> ids = runInstances(c, vpc, subnet, 100);
      double took = (System.nanoTime() - t0) / 1e6;
      if (r > 0) {  // the first is a warm-up
        times.add(took);
      }
      StringBuilder q = new StringBuilder();
      for (String id : ids) {
        q.append(q.length() == 0 ? "" : ",").append('"').append(id).append('"');
      }
      call(c, "TerminateInstances", "{\"InstanceIds\":[" + q + "]}");
    }
    hundreds.addAll(times);
  }

  /** Live heap after a full GC (jcmd GC.run, GC.heap_info) and resident memory of the server. */
  static void memory(long pid) throws Exception {
    if (pid <= 0) {
      return;
    }
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
    String heap = m.find() ? String.format(Locale.ROOT, "%,d MiB live (heap committed %,d MiB)",
        Long.parseLong(m.group(2)) / 1024, Long.parseLong(m.group(1)) / 1024) : info.trim();
    long rssKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    String xmx = "";
    for (String arg : new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
        .split("\0")) {
      if (arg.startsWith("-Xmx")) {
        xmx = ", " + arg;
      }
    }
    System.out.printf(Locale.ROOT, "server memory: %s; resident %,d MiB%s%n", heap, rssKb / 1024, xmx);
    if (Boolean.getBoolean("scale.histogram")) {
      String[] lines = jcmd(pid, "GC.class_histogram").split("\n");
      System.out.println("largest classes on the heap (jcmd GC.class_histogram):");
      for (int i = 0; i < Math.min(lines.length, 22); i++) {
        System.out.println("    " + lines[i]);
      }
    }
  }

  static String jcmd(long pid, String command) throws Exception {
    Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  public static void main(String[] args) throws Exception {
    String endpoint = "127.0.0.1:4650";
    String secretId = System.getenv("OPENVPC_SECRET_ID");
    String secretKey = System.getenv("OPENVPC_SECRET_KEY");
    int n = 1000;
    int calls = 200;
    int builders = 4;
    int runs = 5;
    int reps = 3;
    long pid = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--endpoint" -> endpoint = args[++i];
        case "--n" -> n = Integer.parseInt(args[++i]);
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        case "--builders" -> builders = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--pid" -> pid = Long.parseLong(args[++i]);
        default -> {
          System.err.println("options: --endpoint HOST:PORT --n N --calls C --builders B --runs R --reps R"
              + " --pid SERVER_PID");
          System.exit(2);
        }
      }
    }
    int colon = endpoint.lastIndexOf(':');
    ScaleBench bench = new ScaleBench(new LoadGenerator(endpoint, secretId, secretKey, "ap-guangzhou"),
        endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1)));
    System.out.printf(Locale.ROOT, "## N = %,d (load %s)%n%n", n, loadAverage());
    bench.build(n, builders);
    memory(pid);
    System.out.println();
    try (KeepAliveConnection c = new KeepAliveConnection(bench.host, bench.port)) {
      for (Describe d : DESCRIBES) {  // warm the JIT on every Describe before any is timed
        for (int i = 0; i < 100; i++) {
          bench.call(c, d.action(), "{\"Limit\":100,\"Offset\":" + (i % 2 == 0 ? 0 : Math.max(0, n - 100)) + "}");
        }
      }
      for (int r = 0; r < reps; r++) {
        bench.describes(c, calls);
        bench.creates(c, calls, n);
        bench.runHundred(c, runs, n);
      }
    }
    bench.printTables(reps);
    memory(pid);
    System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
  }

  static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }
}
