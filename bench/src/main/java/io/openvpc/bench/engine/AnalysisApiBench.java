package io.openvpc.bench.engine;

import io.openvpc.bench.KeepAliveConnection;
import io.openvpc.model.Resource;
import io.openvpc.model.Scope;
import io.openvpc.server.OpenVpcServer;
import io.openvpc.server.ServerConfig;
import io.openvpc.server.auth.Tc3;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

/**
 * The analysis actions as a client sees them: an in-process server holding the synthetic region
 * ({@link SyntheticRegion}, written into its store in one change), then TC3-signed {@code
 * AnalyzeReachability} and {@code TracePacket} calls over a keep-alive HTTP connection, each timed from
 * the request to the last byte of the answer; the server's CPU per call beside it. The first call of a
 * scope compiles its graph; it is reported apart.
 * {@code java -cp ... io.openvpc.bench.engine.AnalysisApiBench 10000 [calls]}
 */
public final class AnalysisApiBench {
  private static final String REGION = "ap-guangzhou";

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path dir = Files.createTempDirectory("openvpc-bench");
    String secretId = "AKIDbench" + UUID.randomUUID().toString().replace("-", "");
    String secretKey = "k" + UUID.randomUUID().toString().replace("-", "");
    OpenVpcServer server = OpenVpcServer.start(ServerConfig.forTests(dir, null).withBootstrapKey(secretId, secretKey));
    try {
      SyntheticRegion region = new SyntheticRegion(n);
      Scope scope = new Scope(server.bootstrapKey().orElseThrow().appId(), REGION);
      long w0 = System.nanoTime();
      server.control().ledger().write(scope, change -> {
        for (Resource r : region.resources) {
          change.put(r);
        }
        return null;
      });
      System.out.printf("%d instances written in %.1f s%n", n, (System.nanoTime() - w0) / 1e9);
      Random random = new Random(11);
      try (KeepAliveConnection c = new KeepAliveConnection("127.0.0.1", server.port())) {
        long f0 = System.nanoTime();
        String first = call(c, server.port(), secretId, secretKey, "AnalyzeReachability",
            "{\"Destination\":{\"InstanceId\":\"" + region.instanceIds.get(0) + "\"}}");
        System.out.printf("first AnalyzeReachability (compiles the scope): %.0f ms, %d bytes%n",
            (System.nanoTime() - f0) / 1e6, first.length());
        double[] reach = new double[calls];
        double[] reachCpu = new double[calls];
        double[] trace = new double[calls];
        for (int i = 0; i < calls; i++) {
          String target = region.instanceIds.get(random.nextInt(n));
          long cpu0 = processCpu();
          long t0 = System.nanoTime();
          String reply = call(c, server.port(), secretId, secretKey, "AnalyzeReachability",
              "{\"Destination\":{\"InstanceId\":\"" + target + "\"}}");
          reach[i] = (System.nanoTime() - t0) / 1e6;
          reachCpu[i] = (processCpu() - cpu0) / 1e6;
          if (!reply.contains("SourceSet")) {
            throw new IllegalStateException("AnalyzeReachability failed: " + reply);
          }
          int a = random.nextInt(n);
          int b = (a / 1000) * 1000 + random.nextInt(Math.min(1000, n));
          t0 = System.nanoTime();
          reply = call(c, server.port(), secretId, secretKey, "TracePacket", "{\"Source\":{\"InstanceId\":\""
              + region.instanceIds.get(a) + "\"},\"Destination\":{\"InstanceId\":\"" + region.instanceIds.get(b)
              + "\"},\"Protocol\":\"TCP\",\"DestinationPort\":22}");
          trace[i] = (System.nanoTime() - t0) / 1e6;
          if (!reply.contains("Disposition")) {
            throw new IllegalStateException("TracePacket failed: " + reply);
          }
        }
        Arrays.sort(reach);
        Arrays.sort(reachCpu);
        Arrays.sort(trace);
        System.out.printf("AnalyzeReachability at %d instances, %d calls: wall p50 %.1f ms, p90 %.1f ms, max %.1f ms;"
            + " server CPU p50 %.1f ms%n", n, calls, reach[calls / 2], reach[(int) (calls * 0.9)], reach[calls - 1],
            reachCpu[calls / 2]);
        System.out.printf("TracePacket at %d instances, %d calls: wall p50 %.2f ms, p90 %.2f ms, max %.2f ms%n", n,
            calls, trace[calls / 2], trace[(int) (calls * 0.9)], trace[calls - 1]);
      }
    } finally {
      server.close();
    }
  }

  /** The CPU time of this process (the server and this client share it; the client's share is small). */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String call(KeepAliveConnection c, int port, String secretId, String secretKey, String action,
      String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    long now = System.currentTimeMillis() / 1000;
    String host = "127.0.0.1:" + port;
    String auth = Tc3.authorization(secretId, secretKey, "vpc", now, "POST", "", "application/json", host, body);
    byte[] head = ("POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nAuthorization: " + auth
        + "\r\nX-TC-Action: " + action + "\r\nX-TC-Version: 2017-03-12\r\nX-TC-Region: " + REGION
        + "\r\nX-TC-Timestamp: " + now + "\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    return c.exchange(head, body);
  }
}
