package io.openvpc.bench.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvpc.api.Dispatcher;
import io.openvpc.dataplane.LinuxDataplane;
import io.openvpc.dataplane.linux.LinuxHost;
import io.openvpc.dataplane.render.Names;
import io.openvpc.server.OpenVpcServer;
import io.openvpc.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * API change to rule in force, at N instances: an in-process server with the Linux data plane, N
 * instances made with RunInstances, then security-group rule changes (CreateSecurityGroupPolicies and
 * DeleteSecurityGroupPolicies through the API dispatcher, as a signed request reaches it) timed from the
 * call until the agent has applied them to the kernel (100 by default, {@code -Dchanges=N}), one in
 * five confirmed with a real TCP probe (between calls, not timed).
 * {@code java -cp ... io.openvpc.bench.dataplane.ApiLatencyBench 1000}
 */
public final class ApiLatencyBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGION = "ap-guangzhou";

  private final OpenVpcServer server;
  private final long appId;
  private int requests;

  private ApiLatencyBench(OpenVpcServer server) {
    this.server = server;
    this.appId = server.bootstrapKey().orElseThrow().appId();
  }

  private JsonNode call(String action, String params) throws Exception {
    Dispatcher.Reply r = server.dispatcher().dispatch(new Dispatcher.Request("bench-" + requests++, appId, "2017-03-12",
        action, REGION, "en-US", JSON.readTree(params)));
    JsonNode resp = r.tree().path("Response");
    if (resp.has("Error")) {
      throw new IllegalStateException(action + ": " + resp.path("Error"));
    }
    return resp;
  }

  public static void main(String[] args) throws Exception {
    LinuxHost.unavailableReason().ifPresent(why -> {
      System.err.println("cannot run: " + why);
      System.exit(1);
    });
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path dir = Files.createTempDirectory("openvpc-bench");
    OpenVpcServer server = OpenVpcServer.start(ServerConfig.forTests(dir, null).withLinuxDataplane(true)
        .withBootstrapKey("AKIDbench" + UUID.randomUUID().toString().replace("-", ""), "k" + UUID.randomUUID()));
    LinuxDataplane dp = server.dataplane().orElseThrow();
    try {
      new ApiLatencyBench(server).run(n, dp);
    } finally {
      long t0 = System.nanoTime();
      dp.teardown();
      System.out.printf("teardown: %.1f s%n", (System.nanoTime() - t0) / 1e9);
      server.close();
    }
  }

  private void run(int n, LinuxDataplane dp) throws Exception {
    String vpc = call("CreateVpc", "{\"VpcName\":\"bench\",\"CidrBlock\":\"10.98.0.0/16\"}").path("Vpc").path("VpcId")
        .asText();
    String sg = call("CreateSecurityGroupWithPolicies", "{\"GroupName\":\"web\",\"GroupDescription\":\"bench\","
        + "\"SecurityGroupPolicySet\":{\"Ingress\":[{\"Protocol\":\"TCP\",\"Port\":\"22\",\"CidrBlock\":\"10.98.0.0/16\","
        + "\"Action\":\"ACCEPT\"}],\"Egress\":[{\"Protocol\":\"ALL\",\"Port\":\"ALL\",\"CidrBlock\":\"0.0.0.0/0\","
        + "\"Action\":\"ACCEPT\"}]}}").path("SecurityGroup").path("SecurityGroupId").asText();
    String first = null;
    String last = null;
    String lastIp = null;
    long t0 = System.nanoTime();
    for (int made = 0; made < n; ) {
      int subnetIndex = made / 200 + 1;
      String subnet = call("CreateSubnet", "{\"VpcId\":\"" + vpc + "\",\"SubnetName\":\"s" + subnetIndex
          + "\",\"CidrBlock\":\"10.98." + subnetIndex + ".0/24\",\"Zone\":\"ap-guangzhou-3\"}").path("Subnet")
          .path("SubnetId").asText();
      for (int k = 0; k < 2 && made < n; k++) {
        int count = Math.min(100, n - made);
        JsonNode ids = call("RunInstances", "{\"Placement\":{\"Zone\":\"ap-guangzhou-3\"},\"ImageId\":\"img-487zeit5\","
            + "\"InstanceType\":\"S5.SMALL2\",\"InstanceCount\":" + count + ",\"SecurityGroupIds\":[\"" + sg + "\"],"
            + "\"VirtualPrivateCloud\":{\"VpcId\":\"" + vpc + "\",\"SubnetId\":\"" + subnet + "\"}}")
            .path("InstanceIdSet");
        if (first == null) {
          first = ids.get(0).asText();
        }
        last = ids.get(ids.size() - 1).asText();
        made += count;
      }
    }
    JsonNode d = call("DescribeInstances", "{\"InstanceIds\":[\"" + last + "\"]}");
    lastIp = d.path("InstanceSet").get(0).path("PrivateIpAddresses").get(0).asText();
    double api = (System.nanoTime() - t0) / 1e9;
    dp.awaitApplied(dp.latestTicket(), 60, TimeUnit.MINUTES);
    System.out.printf("%d instances through the API in %.1f s; all realised %.1f s after the first call%n", n, api,
        (System.nanoTime() - t0) / 1e9);

    Process listener = new ProcessBuilder("ip", "netns", "exec", Names.instanceNamespace(last), "nc", "-k", "-l", "-p",
        "80").redirectErrorStream(true).start();
    try {
      Thread.sleep(200);
      Probes.check(!Probes.tcpOpen(first, lastIp, 80), "port 80 closed at first");
      double[] ms = new double[Integer.getInteger("changes", 100)];
      for (int k = 0; k < ms.length; k++) {
        boolean open = k % 2 == 0;
        long c0 = System.nanoTime();
        String rule = "{\"SecurityGroupId\":\"" + sg + "\",\"SecurityGroupPolicySet\":{\"Ingress\":[{\"Protocol\":\"TCP\","
            + "\"Port\":\"80\",\"CidrBlock\":\"10.98.0.0/16\",\"Action\":\"ACCEPT\"}]}}";
        call(open ? "CreateSecurityGroupPolicies" : "DeleteSecurityGroupPolicies", rule);
        dp.awaitApplied(dp.latestTicket(), 1, TimeUnit.MINUTES);
        ms[k] = (System.nanoTime() - c0) / 1e6;
        if (k % 10 < 2) {
          Probes.check(Probes.tcpOpen(first, lastIp, 80) == open,
              "port 80 " + (open ? "open" : "closed") + " after change " + k);
        }
      }
      Arrays.sort(ms);
      System.out.printf("API change to rule in force at %d instances (%d changes): p50 %.1f ms, p90 %.1f ms, "
          + "p99 %.1f ms, max %.1f ms%n", n, ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.9)],
          ms[Math.min(ms.length - 1, (int) (ms.length * 0.99))], ms[ms.length - 1]);
    } finally {
      listener.destroy();
    }
  }
}
