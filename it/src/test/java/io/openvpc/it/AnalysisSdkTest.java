package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AssociateNetworkInterfaceSecurityGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DisassociateNetworkInterfaceSecurityGroupsRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupWithPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicySet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TracePacket, CheckInstancePorts and AnalyzeReachability through the official Java SDK's CommonClient,
 * on instances created with RunInstances and a security group created and bound with the SDK.
 */
class AnalysisSdkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start();
  static final CommonClient client = sdk.common;
  static String vpcId;
  static String a;
  static String b;
  static String c;
  static String web;

  @BeforeAll
  static void network() throws Exception {
    VpcClient vpc = sdk.vpc;
    SdkFixture.Network net = sdk.network("10.20.0.0/16", "10.20.1.0/24");
    vpcId = net.vpcId();
    String other = sdk.subnet(vpcId, "other", "10.20.2.0/24", SdkFixture.ZONE);
    String[] two = sdk.instances(net, 2, "app");
    a = two[0];
    b = two[1];
    c = sdk.instances(vpcId, other, 1, "other")[0];
    CreateSecurityGroupWithPoliciesRequest sg = new CreateSecurityGroupWithPoliciesRequest();
    sg.setGroupName("web");
    sg.setGroupDescription("web tier");
    SecurityGroupPolicy http = new SecurityGroupPolicy();
    http.setProtocol("TCP");
    http.setPort("80");
    http.setCidrBlock("10.20.0.0/16");
    http.setAction("ACCEPT");
    http.setPolicyDescription("http");
    SecurityGroupPolicySet set = new SecurityGroupPolicySet();
    set.setIngress(new SecurityGroupPolicy[] {http});
    sg.setSecurityGroupPolicySet(set);
    web = vpc.CreateSecurityGroupWithPolicies(sg).getSecurityGroup().getSecurityGroupId();
    AssociateNetworkInterfaceSecurityGroupsRequest bind = new AssociateNetworkInterfaceSecurityGroupsRequest();
    bind.setNetworkInterfaceIds(new String[] {sdk.primaryEniOf(b)});
    bind.setSecurityGroupIds(new String[] {web});
    vpc.AssociateNetworkInterfaceSecurityGroups(bind);
    // RunInstances bound the project's default group (every IPv4 flow accepted), as Tencent does: b keeps
    // only web, so that web decides what reaches it
    DisassociateNetworkInterfaceSecurityGroupsRequest unbind = new DisassociateNetworkInterfaceSecurityGroupsRequest();
    unbind.setNetworkInterfaceIds(new String[] {sdk.primaryEniOf(b)});
    unbind.setSecurityGroupIds(java.util.Arrays.stream(sdk.describeInstance(b).getSecurityGroupIds())
        .filter(g -> !g.equals(web)).toArray(String[]::new));
    vpc.DisassociateNetworkInterfaceSecurityGroups(unbind);
  }

  static JsonNode call(String action, String body) throws Exception {
    return JSON.readTree(client.call(action, body)).path("Response");
  }

  static void assertError(String action, String body, String code, String messagePart) {
    assertThatThrownBy(() -> client.call(action, body)).isInstanceOfSatisfying(TencentCloudSDKException.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo(code);
      assertThat(e.getMessage()).contains(messagePart);
    });
  }

  private static List<String> steps(JsonNode hops) {
    List<String> out = new ArrayList<>();
    hops.forEach(h -> out.add(h.path("Step").asText() + ":" + h.path("Result").asText()));
    return out;
  }

  @Test
  void tracePacket_openInstances_reachableBothWays() throws Exception {
    JsonNode r = call("TracePacket", "{\"Source\":{\"InstanceId\":\"" + a + "\"},\"Destination\":{\"InstanceId\":\"" + c
        + "\"},\"Protocol\":\"TCP\",\"DestinationPort\":22}");
    assertThat(r.path("Reachable").asBoolean()).isTrue();
    assertThat(r.path("Disposition").asText()).isEqualTo("ACCEPTED");
    assertThat(steps(r.path("Hops"))).containsExactly("ORIGINATED:SENT", "SECURITY_GROUP_EGRESS:PERMITTED",
        "ROUTE_LOOKUP:FORWARDED", "NETWORK_ACL_OUTBOUND:PERMITTED", "NETWORK_ACL_INBOUND:PERMITTED",
        "SECURITY_GROUP_INGRESS:PERMITTED", "DELIVERED:ACCEPTED");
    assertThat(r.path("ReturnPath").path("Disposition").asText()).isEqualTo("ACCEPTED");
  }

  @Test
  void tracePacket_securityGroup_namesTheDecidingRule() throws Exception {
    String base = "{\"Source\":{\"InstanceId\":\"" + a + "\"},\"Destination\":{\"InstanceId\":\"" + b
        + "\"},\"Protocol\":\"TCP\",\"DestinationPort\":";
    JsonNode denied = call("TracePacket", base + "22}");
    assertThat(denied.path("Reachable").asBoolean()).isFalse();
    assertThat(denied.path("Disposition").asText()).isEqualTo("DENIED_SECURITY_GROUP_INGRESS");
    JsonNode last = denied.path("Hops").get(denied.path("Hops").size() - 1);
    assertThat(last.path("Rule").path("ResourceId").asText()).isEqualTo(web);
    assertThat(last.path("Rule").path("Index").asInt()).isEqualTo(-1);
    JsonNode allowed = call("TracePacket", base + "80}");
    assertThat(allowed.path("Reachable").asBoolean()).isTrue();
    JsonNode sg = allowed.path("Hops").get(allowed.path("Hops").size() - 2);
    assertThat(sg.path("Rule").path("Index").asInt()).isZero();
    assertThat(sg.path("Rule").path("Text").asText()).isEqualTo("ACCEPT TCP:80 from 10.20.0.0/16 (http)");
  }

  @Test
  void tracePacket_toAddress_destinationNotFoundAndNoRoute() throws Exception {
    String base = "{\"Source\":{\"InstanceId\":\"" + a + "\"},\"Protocol\":\"UDP\",\"DestinationPort\":53,"
        + "\"Destination\":{\"VpcId\":\"" + vpcId + "\",\"IpAddress\":";
    assertThat(call("TracePacket", base + "\"10.20.1.250\"}}").path("Disposition").asText())
        .isEqualTo("DESTINATION_NOT_FOUND");
    assertThat(call("TracePacket", base + "\"8.8.8.8\"}}").path("Disposition").asText()).isEqualTo("NO_ROUTE");
  }

  @Test
  void tracePacket_badInput_namesTheParameter() {
    String src = "{\"Source\":{\"InstanceId\":\"" + a + "\"},\"Destination\":{\"InstanceId\":\"" + b + "\"}";
    assertError("TracePacket", src + "}", "MissingParameter", "Protocol");
    assertError("TracePacket", src + ",\"Protocol\":\"SCTP\",\"DestinationPort\":1}", "InvalidParameterValue", "Protocol");
    assertError("TracePacket", src + ",\"Protocol\":\"TCP\"}", "MissingParameter", "DestinationPort");
    assertError("TracePacket", src + ",\"Protocol\":\"TCP\",\"DestinationPort\":70000}", "InvalidParameterValue.Range",
        "DestinationPort");
    assertError("TracePacket", "{\"Source\":{\"InstanceId\":\"ins-nothere1\"},\"Destination\":{\"InstanceId\":\"" + b
        + "\"},\"Protocol\":\"TCP\",\"DestinationPort\":1}", "InvalidInstanceId.NotFound", "Source.InstanceId");
    assertError("TracePacket", "{\"Source\":{\"InstanceId\":\"" + a + "\",\"NetworkInterfaceId\":\"eni-1\"},"
        + "\"Destination\":{\"InstanceId\":\"" + b + "\"},\"Protocol\":\"TCP\",\"DestinationPort\":1}",
        "InvalidParameter", "Source");
    assertError("TracePacket", src.replace("{\"InstanceId\":\"" + b + "\"}", "{\"IpAddress\":\"10.20.1.300\",\"VpcId\":\""
        + vpcId + "\"}") + ",\"Protocol\":\"TCP\",\"DestinationPort\":1}", "InvalidParameterValue.Malformed",
        "Destination.IpAddress");
  }

  @Test
  void checkInstancePorts_defaultPorts_withDecidingRules() throws Exception {
    JsonNode r = call("CheckInstancePorts", "{\"InstanceId\":\"" + b + "\",\"Source\":{\"CidrBlock\":\"10.20.0.0/16\"}}");
    List<String> ports = new ArrayList<>();
    r.path("PortSet").forEach(p -> ports.add(p.path("Port").asText() + "=" + p.path("Open").asBoolean()));
    assertThat(ports).containsExactly("22=false", "3389=false", "80=true", "443=false", "20-21=false", "ICMP=false");
    JsonNode http = r.path("PortSet").get(2);
    assertThat(http.path("Rule").path("ResourceId").asText()).isEqualTo(web);
    assertThat(http.path("Rule").path("Index").asInt()).isZero();
    JsonNode any = call("CheckInstancePorts", "{\"InstanceId\":\"" + b + "\",\"Ports\":[\"80\"]}");
    assertThat(any.path("PortSet").get(0).path("Open").asBoolean()).as("not open to the whole internet").isFalse();
    JsonNode fromA = call("CheckInstancePorts", "{\"InstanceId\":\"" + b + "\",\"Ports\":[\"80\",\"UDP:53\"],"
        + "\"Source\":{\"InstanceId\":\"" + a + "\"}}");
    assertThat(fromA.path("PortSet").get(0).path("Open").asBoolean()).isTrue();
    assertThat(fromA.path("PortSet").get(1).path("Open").asBoolean()).isFalse();
    assertThat(fromA.path("PortSet").get(1).path("Protocol").asText()).isEqualTo("UDP");
  }

  @Test
  void checkInstancePorts_badInput() {
    assertError("CheckInstancePorts", "{\"InstanceId\":\"" + b + "\",\"Ports\":[\"22\",\"abc\"]}",
        "InvalidParameterValue", "Ports.1");
    assertError("CheckInstancePorts", "{}", "MissingParameter", "InstanceId");
    assertError("CheckInstancePorts", "{\"InstanceId\":\"ins-zzzzzzzz\"}", "InvalidInstanceId.NotFound", "InstanceId");
    assertError("CheckInstancePorts", "{\"InstanceId\":\"" + b + "\",\"Source\":{\"CidrBlock\":\"10.0.0.0/33\"}}",
        "InvalidParameterValue.Malformed", "Source.CidrBlock");
  }

  @Test
  void analyzeReachability_sourcesOfAPort() throws Exception {
    JsonNode r = call("AnalyzeReachability", "{\"Destination\":{\"InstanceId\":\"" + b + "\"},\"Protocol\":\"TCP\","
        + "\"PortRange\":\"80\"}");
    List<String> sources = new ArrayList<>();
    r.path("SourceSet").forEach(s -> sources.add(s.path("InstanceId").asText() + " " + s.path("Protocol").asText() + ":"
        + s.path("PortRange").asText()));
    assertThat(sources).containsExactlyInAnyOrder(a + " TCP:80", c + " TCP:80");
    assertThat(r.path("SourceSet").get(0).path("Rules").toString()).contains(web);
    JsonNode none = call("AnalyzeReachability", "{\"Destination\":{\"InstanceId\":\"" + b + "\"},\"PortRange\":\"22\"}");
    assertThat(none.path("SourceSet")).isEmpty();
  }

  @Test
  void analyzeReachability_whatASourceReaches() throws Exception {
    JsonNode r = call("AnalyzeReachability", "{\"Source\":{\"InstanceId\":\"" + a + "\"}}");
    List<String> dests = new ArrayList<>();
    r.path("DestinationSet").forEach(s -> dests.add(s.path("InstanceId").asText() + " " + s.path("Protocol").asText()
        + ":" + s.path("PortRange").asText("-")));
    assertThat(dests).containsExactlyInAnyOrder(b + " TCP:80", c + " ALL:-");
  }

  @Test
  void analyzeReachability_badInput() {
    assertError("AnalyzeReachability", "{}", "InvalidParameter", "Destination");
    assertError("AnalyzeReachability", "{\"Destination\":{\"InstanceId\":\"" + b + "\"},\"PortRange\":\"90-80\"}",
        "InvalidParameterValue", "PortRange");
    assertError("AnalyzeReachability", "{\"Destination\":{\"NetworkInterfaceId\":\"eni-zzzzzzzz\"}}",
        "ResourceNotFound", "Destination.NetworkInterfaceId");
  }

  /** Runs the openvpc CLI against the live server with a credentials file; returns {exit code, stdout}. */
  static String[] cli(String... args) throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("openvpc-cli");
    java.nio.file.Files.writeString(dir.resolve("credentials"), "SecretId=" + sdk.live.secretId + "\nSecretKey=" + sdk.live.secretKey + "\n");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", sdk.live.endpoint(false), "--data-dir", dir.toString()));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.out;
    System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      int code = io.openvpc.server.cli.Main.commandLine().execute(all.toArray(String[]::new));
      return new String[] {Integer.toString(code), out.toString(java.nio.charset.StandardCharsets.UTF_8)};
    } finally {
      System.setOut(saved);
    }
  }

  @Test
  void cli_traceReadableAndJson() throws Exception {
    String[] text = cli("trace", a, b, "tcp/22");
    assertThat(text[0]).isEqualTo("1");
    assertThat(text[1]).contains("DENIED_SECURITY_GROUP_INGRESS", "(not reachable)", "SECURITY_GROUP_INGRESS", web);
    String[] json = cli("trace", a, vpcId + "/10.20.1.250", "udp/53", "--json");
    assertThat(JSON.readTree(json[1]).path("Disposition").asText()).isEqualTo("DESTINATION_NOT_FOUND");
  }

  @Test
  void cli_portsAndReach() throws Exception {
    String[] ports = cli("ports", b, "--from", "10.20.0.0/16");
    assertThat(ports[0]).isEqualTo("0");
    assertThat(ports[1]).contains("PORT", "80", "open", web + " ingress #0: ACCEPT TCP:80 from 10.20.0.0/16 (http)");
    String[] reach = cli("reach", b, "--port", "80", "--json");
    assertThat(JSON.readTree(reach[1]).path("SourceSet")).hasSize(2);
    String[] table = cli("reach", a, "--from");
    assertThat(table[1]).contains("DESTINATION", b, c, "TCP", "80");
  }
}
