package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupWithPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicySet;
import io.openvpc.dataplane.LinuxDataplane;
import io.openvpc.dataplane.linux.Command;
import io.openvpc.dataplane.linux.LinuxHost;
import io.openvpc.dataplane.render.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README walk-through with real packets: a server started with the Linux data plane, two
 * instances and a security group made through the official SDK, a blocked and an allowed TCP
 * connection between their namespaces, a rule added through the API taking effect, TracePacket
 * agreeing, and a terminated instance's namespace going away. Needs root and {@code ip netns}; skips
 * with the reason otherwise.
 */
class DataplaneSdkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static SdkFixture sdk;
  static VpcClient vpc;
  static CvmClient cvm;
  static final List<Process> servers = new ArrayList<>();

  @BeforeAll
  static void start() {
    Optional<String> why = LinuxHost.unavailableReason();
    if (why.isPresent()) {
      System.err.println("SKIPPED DataplaneSdkTest: " + why.get());
    }
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    // Namespaces of an earlier run of this test that crashed before its clean-up (their data directory is a temp dir).
    String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize() + "/openvpc-it";
    LinuxHost.deleteLeftovers(owner -> owner.startsWith("server " + tmp));
    sdk = SdkFixture.startWithLinuxDataplane();
    vpc = sdk.vpc;
    cvm = sdk.cvm;
  }

  @AfterAll
  static void stop() {
    servers.forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    });
    if (sdk != null) {
      sdk.live.server().dataplane().ifPresent(LinuxDataplane::teardown);
      sdk.close();
    }
  }

  private static boolean tcp(String fromInstance, String ip, int port) {
    return Command.run("ip", "netns", "exec", Names.instanceNamespace(fromInstance), "nc", "-z", "-w", "1", ip,
        Integer.toString(port)).ok();
  }

  private static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  @Test
  void walkThrough_securityGroupBlocksThenAllows() throws Exception {
    SdkFixture.Network net = sdk.network("10.77.0.0/16", "10.77.1.0/24");
    CreateSecurityGroupWithPoliciesRequest c = new CreateSecurityGroupWithPoliciesRequest();
    c.setGroupName("web");
    c.setGroupDescription("ssh from the VPC");
    SecurityGroupPolicySet set = new SecurityGroupPolicySet();
    set.setIngress(new SecurityGroupPolicy[] {SdkFixture.rule("TCP", "22", "10.77.0.0/16", "ACCEPT")});
    set.setEgress(new SecurityGroupPolicy[] {SdkFixture.rule("ALL", "ALL", "0.0.0.0/0", "ACCEPT")});
    c.setSecurityGroupPolicySet(set);
    String sg = vpc.CreateSecurityGroupWithPolicies(c).getSecurityGroup().getSecurityGroupId();

    var run = SdkFixture.runRequest(net.vpcId(), net.subnetId(), 2, "web");
    run.setSecurityGroupIds(new String[] {sg});
    run.getVirtualPrivateCloud().setPrivateIpAddresses(new String[] {"10.77.1.10", "10.77.1.11"});
    String[] ids = cvm.RunInstances(run).getInstanceIdSet();
    String a = ids[0];
    String b = ids[1];
    String bIp = sdk.describeInstance(b).getPrivateIpAddresses()[0];

    assertThat(within(10_000, () -> new LinuxHost("probe").namespaces().containsAll(
        List.of(Names.instanceNamespace(a), Names.instanceNamespace(b))))).as("instances realised").isTrue();
    // A namespace is listed as soon as it is made: wait for the pass that makes it to end.
    LinuxDataplane dataplane = sdk.live.server().dataplane().orElseThrow();
    assertThat(dataplane.awaitApplied(dataplane.latestTicket(), 30, java.util.concurrent.TimeUnit.SECONDS))
        .as("the pass that realises them ended").isTrue();
    for (int port : new int[] {22, 80}) {
      servers.add(new ProcessBuilder("ip", "netns", "exec", Names.instanceNamespace(b), "nc", "-k", "-l", "-p",
          Integer.toString(port)).redirectErrorStream(true).start());
      // a refused connection must mean the group, not a listener that is not up yet
      assertThat(within(10_000, () -> Command.run("ip", "netns", "exec", Names.instanceNamespace(b), "ss", "-Hltn",
          "sport = :" + port).stdout().contains(":" + port))).as("listener on TCP " + port + " in " + b).isTrue();
    }
    assertThat(within(10_000, () -> tcp(a, bIp, 22))).as("TCP 22 allowed by " + sg + " ingress #0").isTrue();
    assertThat(tcp(a, bIp, 80)).as("TCP 80: no rule matches, the group denies").isFalse();

    CommonClient common = sdk.common;
    JsonNode trace = JSON.readTree(common.call("TracePacket", "{\"Source\":{\"InstanceId\":\"" + a
        + "\"},\"Destination\":{\"InstanceId\":\"" + b + "\"},\"Protocol\":\"TCP\",\"DestinationPort\":80}"))
        .path("Response");
    assertThat(trace.path("Disposition").asText()).isEqualTo("DENIED_SECURITY_GROUP_INGRESS");

    CreateSecurityGroupPoliciesRequest add = new CreateSecurityGroupPoliciesRequest();
    add.setSecurityGroupId(sg);
    SecurityGroupPolicySet more = new SecurityGroupPolicySet();
    more.setIngress(new SecurityGroupPolicy[] {SdkFixture.rule("TCP", "80", "10.77.1.0/24", "ACCEPT")});
    add.setSecurityGroupPolicySet(more);
    long t0 = System.nanoTime();
    vpc.CreateSecurityGroupPolicies(add);
    assertThat(dataplane.awaitApplied(dataplane.latestTicket(), 30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    System.out.printf("data plane: CreateSecurityGroupPolicies to the rule in force: %.1f ms%n",
        (System.nanoTime() - t0) / 1e6);
    assertThat(tcp(a, bIp, 80)).as("TCP 80 allowed once the rule is in force").isTrue();

    // openvpc exec runs a command in the instance's namespace, with its exit code.
    var cli = io.openvpc.server.cli.Main.commandLine();
    assertThat(cli.execute("exec", a, "--", "ping", "-c", "1", "-W", "1", "10.77.1.1")).isZero();
    assertThat(cli.execute("exec", a, "--", "sh", "-c", "ip -o addr show dev ovpc-eth0 | grep -q 10.77.1.10/24"))
        .as("the instance holds its address with the subnet's prefix").isZero();
    assertThat(cli.execute("exec", a, "--", "sh", "-c", "! grep -q nameserver /etc/resolv.conf"))
        .as("the namespace sees its own resolver file, without the host's resolver").isZero();
    assertThat(cli.execute("exec", "ins-00000000", "--", "true")).as("no such namespace").isEqualTo(1);
    assertThat(cli.execute("exec", "../../etc", "--", "true")).as("not an instance ID").isEqualTo(2);

    TerminateInstancesRequest t = new TerminateInstancesRequest();
    t.setInstanceIds(new String[] {b});
    cvm.TerminateInstances(t);
    assertThat(within(10_000, () -> !new LinuxHost("probe").namespaces().contains(Names.instanceNamespace(b))))
        .as("a terminated instance's namespace is removed").isTrue();
    assertThat(tcp(a, bIp, 22)).isFalse();
  }
}
