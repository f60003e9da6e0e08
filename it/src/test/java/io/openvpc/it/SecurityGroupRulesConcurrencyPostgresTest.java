package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicySet;
import io.openvpc.it.AddressConcurrencyPostgresTest.Attempt;
import io.openvpc.server.OpenVpcServer;
import io.openvpc.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database editing the rules of one security group at once, through the
 * SDK: each server batches its own writers into shared transactions (group commit) and stores a rule
 * as one row of the group's list; the database's row lock orders the two. Every accepted rule is there
 * exactly once, a rule sent to both servers wins once, a deleted rule is gone, Version counts the
 * accepted calls, and both servers and a third one started afterwards read the same list.
 */
class SecurityGroupRulesConcurrencyPostgresTest {
  @TempDir
  Path tmp;

  private static SecurityGroupPolicy rule(int n, Long index) {
    SecurityGroupPolicy p = SdkFixture.rule("TCP", String.valueOf(1000 + n), "10.77." + (n / 256) + "." + (n % 256),
        "ACCEPT");
    p.setPolicyIndex(index);
    return p;
  }

  private static CreateSecurityGroupPoliciesRequest insert(String sg, SecurityGroupPolicy p) {
    CreateSecurityGroupPoliciesRequest r = new CreateSecurityGroupPoliciesRequest();
    r.setSecurityGroupId(sg);
    r.setSecurityGroupPolicySet(SdkFixture.ingress(p));
    return r;
  }

  private static List<String> ports(VpcClient c, String sg) throws Exception {
    SecurityGroupPolicySet set = SdkFixture.policies(c, sg);
    return Arrays.stream(set.getIngress()).map(SecurityGroupPolicy::getPort).toList();
  }

  @Test
  void twoServers_editOneGroup_everyAcceptedRuleOnceInOneOrder() throws Exception {
    TwoServersPostgresTest.requirePostgres();
    String secretId = "AKIDsgrc" + UUID.randomUUID().toString().replace("-", "");
    String secretKey = UUID.randomUUID().toString().replace("-", "");
    ServerConfig config = ServerConfig.forTests(tmp, TwoServersPostgresTest.URL)
        .withQuotas(Map.of("security-group-max-policies", 1000L)).withBootstrapKey(secretId, secretKey);
    try (OpenVpcServer a = OpenVpcServer.start(config); OpenVpcServer b = OpenVpcServer.start(config)) {
      List<VpcClient> clients = List.of(TwoServersPostgresTest.client(a, secretId, secretKey),
          TwoServersPostgresTest.client(b, secretId, secretKey));
      CreateSecurityGroupRequest g = new CreateSecurityGroupRequest();
      g.setGroupName("contended");
      g.setGroupDescription("two servers");
      String sg = clients.get(0).CreateSecurityGroup(g).getSecurityGroup().getSecurityGroupId();
      for (int n = 0; n < 20; n++) { // rules to delete later, on the other server
        clients.get(1).CreateSecurityGroupPolicies(insert(sg, rule(n, null)));
      }
      long version = Long.parseLong(SdkFixture.policies(clients.get(0), sg).getVersion());

      List<Attempt> attempts = new ArrayList<>();
      List<String> expectedPorts = new ArrayList<>();
      for (int n = 100; n < 160; n++) { // distinct rules, half at the top, half appended, alternating servers
        VpcClient c = clients.get(n % 2);
        CreateSecurityGroupPoliciesRequest r = insert(sg, rule(n, n % 4 < 2 ? 0L : null));
        attempts.add(() -> c.CreateSecurityGroupPolicies(r));
        expectedPorts.add(String.valueOf(1000 + n));
      }
      for (int n = 200; n < 210; n++) { // the same rule sent to both servers: exactly one is accepted
        for (VpcClient c : clients) {
          CreateSecurityGroupPoliciesRequest r = insert(sg, rule(n, null));
          attempts.add(() -> c.CreateSecurityGroupPolicies(r));
        }
        expectedPorts.add(String.valueOf(1000 + n));
      }
      for (int n = 0; n < 20; n += 2) { // delete half of the first rules by content
        VpcClient c = clients.get(n / 2 % 2);
        DeleteSecurityGroupPoliciesRequest r = new DeleteSecurityGroupPoliciesRequest();
        r.setSecurityGroupId(sg);
        r.setSecurityGroupPolicySet(SdkFixture.ingress(rule(n, null)));
        attempts.add(() -> c.DeleteSecurityGroupPolicies(r));
      }
      for (int n = 1; n < 20; n += 2) {
        expectedPorts.add(String.valueOf(1000 + n));
      }
      Collections.shuffle(attempts);
      List<String> outcomes = AddressConcurrencyPostgresTest.race(attempts);

      long accepted = outcomes.stream().filter(o -> o == null).count();
      assertThat(outcomes.stream().filter(o -> o != null)).hasSize(10).containsOnly("UnsupportedOperation.DuplicatePolicy");
      assertThat(accepted).isEqualTo(60 + 10 + 10);
      List<String> seen = ports(clients.get(0), sg);
      assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedPorts);
      assertThat(ports(clients.get(1), sg)).isEqualTo(seen);
      assertThat(Long.parseLong(SdkFixture.policies(clients.get(1), sg).getVersion()))
          .isEqualTo(version + accepted);
      try (OpenVpcServer c = OpenVpcServer.start(config)) {
        assertThat(ports(TwoServersPostgresTest.client(c, secretId, secretKey), sg)).isEqualTo(seen);
      }
    }
  }
}
