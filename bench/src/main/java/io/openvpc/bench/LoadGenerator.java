package io.openvpc.bench;

import io.openvpc.server.auth.Tc3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Drives a running OpenVPC with TC3-signed calls, as the SDKs sign them, over keep-alive connections:
 * N concurrent clients for a fixed time after a warm-up, then calls per second and latency percentiles.
 *
 * <pre>
 * java -cp ... io.openvpc.bench.LoadGenerator --endpoint 127.0.0.1:4650 --secret-id ID --secret-key KEY \
 *     --scenario describe|create-delete --clients 8 --seconds 20 --warmup 5
 * </pre>
 *
 * A create-delete call is one CreateVpc followed by one DeleteVpc of the VPC it made; its latency is
 * the pair's. {@code sg-insert} adds one rule per CreateSecurityGroupPolicies call to one security
 * group (every client, the same group, which grows by one rule per call); {@code sg-insert-top} does
 * the same at PolicyIndex 0, so every existing rule moves down one place; {@code sg-describe}
 * reads a group of {@link #DESCRIBED_RULES} rules with DescribeSecurityGroupPolicies. Both need the
 * server's {@code security-group-max-policies} quota raised.
 */
public final class LoadGenerator {
  private static final Pattern VPC_ID = Pattern.compile("\"VpcId\":\"(vpc-[a-z0-9]{8})\"");
  private static final Pattern SG_ID = Pattern.compile("\"SecurityGroupId\":\"(sg-[a-z0-9]{8})\"");
  static final int DESCRIBED_RULES = 1000;

  private final String host;
  private final int port;
  private final String secretId;
  private final String secretKey;
  private final String region;
  /** The group of the sg- scenarios, made by {@link #prepare}; rules count unique peers. */
  private String securityGroupId;
  private final AtomicInteger rules = new AtomicInteger();

  LoadGenerator(String endpoint, String secretId, String secretKey, String region) {
    int colon = endpoint.lastIndexOf(':');
    this.host = endpoint.substring(0, colon);
    this.port = Integer.parseInt(endpoint.substring(colon + 1));
    this.secretId = secretId;
    this.secretKey = secretKey;
    this.region = region;
  }

  /** The outcome of one run. */
  record Result(String scenario, int clients, long calls, long errors, double seconds, Histogram latency,
      String firstError) {
    double perSecond() {
      return calls / seconds;
    }

    String row() {
      return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %.2f | %d |", scenario, clients, perSecond(),
          latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
          latency.getValueAtPercentile(99.9) / 1000.0, errors);
    }
  }

  /** Signs and formats one POST; the host signed is the one sent, with the port, as the Java SDK does. */
  byte[] head(String action, byte[] body) {
    long now = System.currentTimeMillis() / 1000;
    String hostHeader = host + ":" + port;
    String auth = Tc3.authorization(secretId, secretKey, "openvpc", now, "POST", "", "application/json", hostHeader, body);
    return ("POST / HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: application/json\r\nAuthorization: " + auth
        + "\r\nX-TC-Action: " + action + "\r\nX-TC-Version: 2017-03-12\r\nX-TC-Region: " + region
        + "\r\nX-TC-Timestamp: " + now + "\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Makes a fresh security group for an sg- scenario, filled with {@link #DESCRIBED_RULES} rules for sg-describe. */
  void prepare(String scenario) throws IOException {
    if (!scenario.startsWith("sg-")) {
      return;
    }
    try (KeepAliveConnection c = new KeepAliveConnection(host, port)) {
      byte[] body = ("{\"GroupName\":\"bench " + scenario + "\",\"GroupDescription\":\"load\"}").getBytes(StandardCharsets.UTF_8);
      String reply = c.exchange(head("CreateSecurityGroup", body), body);
      Matcher m = SG_ID.matcher(reply);
      if (!m.find()) {
        throw new IOException("CreateSecurityGroup failed: " + reply);
      }
      securityGroupId = m.group(1);
      rules.set(0);
      while (scenario.equals("sg-describe") && rules.get() < DESCRIBED_RULES) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 100; i++) {
          batch.append(i == 0 ? "" : ",").append(rule(rules.getAndIncrement()));
        }
        String added = insert("[" + batch + "]", c);
        if (added != null) {
          throw new IOException("CreateSecurityGroupPolicies failed: " + added);
        }
      }
    }
  }

  /** Rule {@code n}: ACCEPT TCP:80 from a /32 of its own, so that no two rules are duplicates. */
  private static String rule(int n) {
    return "{\"Protocol\":\"TCP\",\"Port\":\"80\",\"CidrBlock\":\"10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "."
        + (n & 255) + "\",\"Action\":\"ACCEPT\"}";
  }

  private String insert(String ingress, KeepAliveConnection c) throws IOException {
    byte[] body = ("{\"SecurityGroupId\":\"" + securityGroupId + "\",\"SecurityGroupPolicySet\":{\"Ingress\":" + ingress
        + "}}").getBytes(StandardCharsets.UTF_8);
    String reply = c.exchange(head("CreateSecurityGroupPolicies", body), body);
    return reply.contains("\"Error\"") ? reply : null;
  }

  /** One unit of work of a scenario; returns null or an error text. */
  String call(String scenario, KeepAliveConnection c, int client) throws IOException {
    if (scenario.equals("sg-insert")) {
      return insert("[" + rule(rules.getAndIncrement()) + "]", c);
    }
    if (scenario.equals("sg-insert-top")) {
      String r = rule(rules.getAndIncrement());
      return insert("[" + r.substring(0, r.length() - 1) + ",\"PolicyIndex\":0}]", c);
    }
    if (scenario.equals("sg-describe")) {
      byte[] body = ("{\"SecurityGroupId\":\"" + securityGroupId + "\"}").getBytes(StandardCharsets.UTF_8);
      String reply = c.exchange(head("DescribeSecurityGroupPolicies", body), body);
      return reply.contains("\"Error\"") || !reply.contains("\"PolicyIndex\":" + (DESCRIBED_RULES - 1) + ",") ? reply : null;
    }
    if (scenario.equals("describe")) {
      byte[] body = "{\"Limit\":\"20\"}".getBytes(StandardCharsets.UTF_8);
      String reply = c.exchange(head("DescribeVpcs", body), body);
      return reply.contains("\"Error\"") ? reply : null;
    }
    byte[] create = ("{\"VpcName\":\"bench-" + client + "\",\"CidrBlock\":\"10." + client % 256 + ".0.0/16\"}")
        .getBytes(StandardCharsets.UTF_8);
    String reply = c.exchange(head("CreateVpc", create), create);
    Matcher m = VPC_ID.matcher(reply);
    if (!m.find()) {
      return reply;
    }
    byte[] delete = ("{\"VpcId\":\"" + m.group(1) + "\"}").getBytes(StandardCharsets.UTF_8);
    String deleted = c.exchange(head("DeleteVpc", delete), delete);
    return deleted.contains("\"Error\"") ? deleted : null;
  }

  Result run(String scenario, int clients, double warmupSeconds, double seconds) throws InterruptedException {
    Histogram total = new Histogram(60_000_000L, 3);
    AtomicLong errors = new AtomicLong();
    String[] firstError = new String[1];
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    long end = warmupEnd + (long) (seconds * 1e9);
    CountDownLatch done = new CountDownLatch(clients);
    List<Histogram> perClient = new ArrayList<>();
    long[] counts = new long[clients];
    for (int i = 0; i < clients; i++) {
      Histogram h = new Histogram(60_000_000L, 3);
      perClient.add(h);
      int client = i;
      Thread t = new Thread(() -> {
        try (KeepAliveConnection c = new KeepAliveConnection(host, port)) {
          while (true) {
            long start = System.nanoTime();
            if (start >= end) {
              break;
            }
            String error = call(scenario, c, client);
            long micros = (System.nanoTime() - start) / 1000;
            if (start >= warmupEnd) {
              h.recordValue(Math.min(micros, 60_000_000L));
              counts[client]++;
              if (error != null) {
                errors.incrementAndGet();
                synchronized (firstError) {
                  if (firstError[0] == null) {
                    firstError[0] = error;
                  }
                }
              }
            }
          }
        } catch (IOException e) {
          errors.incrementAndGet();
          synchronized (firstError) {
            firstError[0] = String.valueOf(e);
          }
        } finally {
          done.countDown();
        }
      }, "load-" + i);
      t.start();
    }
    done.await();
    long calls = 0;
    for (int i = 0; i < clients; i++) {
      total.add(perClient.get(i));
      calls += counts[i];
    }
    return new Result(scenario, clients, calls, errors.get(), seconds, total, firstError[0]);
  }

  public static void main(String[] args) throws Exception {
    String endpoint = "127.0.0.1:4650";
    String secretId = System.getenv("OPENVPC_SECRET_ID");
    String secretKey = System.getenv("OPENVPC_SECRET_KEY");
    String region = "ap-guangzhou";
    List<String> scenarios = List.of("describe", "create-delete");
    List<Integer> clientCounts = List.of(1, 8);
    double seconds = 20;
    double warmup = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--endpoint" -> endpoint = args[++i];
        case "--secret-id" -> secretId = args[++i];
        case "--secret-key" -> secretKey = args[++i];
        case "--region" -> region = args[++i];
        case "--scenario" -> scenarios = List.of(args[++i].split(","));
        case "--clients" -> clientCounts = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        default -> {
          System.err.println("unknown option " + args[i] + "; options: --endpoint HOST:PORT --secret-id ID --secret-key KEY"
              + " --region R --scenario describe,create-delete,sg-insert,sg-insert-top,sg-describe --clients 1,8 --seconds S --warmup S");
          System.exit(2);
        }
      }
    }
    if (secretId == null || secretKey == null) {
      System.err.println("give --secret-id and --secret-key (or OPENVPC_SECRET_ID and OPENVPC_SECRET_KEY)");
      System.exit(2);
    }
    LoadGenerator load = new LoadGenerator(endpoint, secretId, secretKey, region);
    System.out.println("| scenario | clients | calls/s | p50 ms | p99 ms | p99.9 ms | errors |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    boolean failed = false;
    List<String> notes = new ArrayList<>();
    for (String scenario : scenarios) {
      for (int clients : clientCounts) {
        load.prepare(scenario);
        Result r = load.run(scenario, clients, warmup, seconds);
        System.out.println(r.row());
        if (scenario.startsWith("sg-insert")) {
          notes.add(String.format(Locale.ROOT, "%s with %d client(s): the group held %,d rules at the end", scenario, clients,
              load.rules.get()));
        }
        if (r.errors() > 0) {
          System.err.println("first error: " + r.firstError());
          failed = true;
        }
      }
    }
    notes.forEach(n -> System.out.println("\n" + n));
    System.exit(failed ? 1 : 0);
  }
}
