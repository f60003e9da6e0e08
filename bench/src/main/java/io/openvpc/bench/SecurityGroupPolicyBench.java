package io.openvpc.bench;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicySet;
import io.openvpc.server.OpenVpcServer;
import io.openvpc.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for security group rules: {@code clients} threads, each with its own SDK client,
 * insert rules one per CreateSecurityGroupPolicies call into one group until it holds {@code rules},
 * then read the whole group with DescribeSecurityGroupPolicies. Prints calls/s and latency
 * percentiles per phase. Usage: {@code SecurityGroupPolicyBench [--database-url URL] [--clients 8]
 * [--rules 1000] [--describes 2000]}; without a URL the server uses a fresh embedded H2 file.
 */
public final class SecurityGroupPolicyBench {
  private SecurityGroupPolicyBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    int clients = Integer.parseInt(opt.getOrDefault("clients", "8"));
    int rules = Integer.parseInt(opt.getOrDefault("rules", "1000"));
    int describes = Integer.parseInt(opt.getOrDefault("describes", "2000"));
    String url = opt.get("database-url");
    String id = "AKIDbench" + UUID.randomUUID().toString().replace("-", "");
    String key = UUID.randomUUID().toString().replace("-", "");
    Path dir = Files.createTempDirectory("openvpc-bench");
    ServerConfig config = ServerConfig.forTests(dir, url)
        .withQuotas(Map.of("security-group-max-policies", (long) rules))
        .withBootstrapKey(id, key);
    try (OpenVpcServer server = OpenVpcServer.start(config)) {
      VpcClient setup = client(server, id, key);
      CreateSecurityGroupRequest c = new CreateSecurityGroupRequest();
      c.setGroupName("bench");
      c.setGroupDescription("rules benchmark");
      String sg = setup.CreateSecurityGroup(c).getSecurityGroup().getSecurityGroupId();
      System.out.printf("database: %s%nclients: %d, rules: %d%n", url == null ? "H2 (embedded file)" : url, clients, rules);

      AtomicInteger next = new AtomicInteger();
      Result inserts = run(clients, client -> {
        List<Long> lat = new ArrayList<>();
        VpcClient vpc = client(server, id, key);
        for (int i = next.getAndIncrement(); i < rules; i = next.getAndIncrement()) {
          CreateSecurityGroupPoliciesRequest r = new CreateSecurityGroupPoliciesRequest();
          r.setSecurityGroupId(sg);
          SecurityGroupPolicy p = new SecurityGroupPolicy();
          p.setProtocol("TCP");
          p.setPort(Integer.toString(1 + i));
          p.setCidrBlock("10.0.0.0/8");
          p.setAction("ACCEPT");
          SecurityGroupPolicySet set = new SecurityGroupPolicySet();
          set.setIngress(new SecurityGroupPolicy[] {p});
          r.setSecurityGroupPolicySet(set);
          long t0 = System.nanoTime();
          vpc.CreateSecurityGroupPolicies(r);
          lat.add(System.nanoTime() - t0);
        }
        return lat;
      });
      inserts.print("CreateSecurityGroupPolicies (one rule per call)");

      AtomicInteger left = new AtomicInteger(describes);
      Result reads = run(clients, client -> {
        List<Long> lat = new ArrayList<>();
        VpcClient vpc = client(server, id, key);
        DescribeSecurityGroupPoliciesRequest d = new DescribeSecurityGroupPoliciesRequest();
        d.setSecurityGroupId(sg);
        while (left.getAndDecrement() > 0) {
          long t0 = System.nanoTime();
          int n = vpc.DescribeSecurityGroupPolicies(d).getSecurityGroupPolicySet().getIngress().length;
          lat.add(System.nanoTime() - t0);
          if (n != rules) {
            throw new IllegalStateException("expected " + rules + " rules, read " + n);
          }
        }
        return lat;
      });
      reads.print("DescribeSecurityGroupPolicies (" + rules + " rules)");
    }
  }

  @FunctionalInterface
  private interface Worker {
    List<Long> run(int client) throws Exception;
  }

  private record Result(int calls, long wallNanos, long[] sorted) {
    void print(String what) {
      double seconds = wallNanos / 1e9;
      System.out.printf("%s: %d calls in %.2f s = %.0f calls/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          what, calls, seconds, calls / seconds, pct(0.50), pct(0.99), sorted[sorted.length - 1] / 1e6);
    }

    double pct(double q) {
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
  }

  private static Result run(int clients, Worker worker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(pool.submit(() -> worker.run(client)));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    long wall = System.nanoTime() - t0;
    pool.shutdown();
    long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Result(sorted.length, wall, sorted);
  }

  private static VpcClient client(OpenVpcServer server, String id, String key) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint(server.endpoint());
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new VpcClient(new Credential(id, key), "ap-guangzhou", profile);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }
}
