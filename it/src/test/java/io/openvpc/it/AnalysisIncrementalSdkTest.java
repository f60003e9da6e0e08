package io.openvpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateSecurityGroupWithPoliciesRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicy;
import com.tencentcloudapi.vpc.v20170312.models.SecurityGroupPolicySet;
import io.openvpc.model.Scope;
import org.junit.jupiter.api.Test;

/** After a query, SDK writes reach the engine as incremental changes and the next answer reflects them. */
class AnalysisIncrementalSdkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ruleAddedThroughSdk_changesTheVerdict_withoutRecompile() throws Exception {
    try (SdkFixture sdk = SdkFixture.start()) {
      VpcClient vpc = sdk.vpc;
      SdkFixture.Network net = sdk.network("10.30.0.0/16", "10.30.1.0/24");
      String[] ins = sdk.instances(net, 2, "x");
      CreateSecurityGroupWithPoliciesRequest create = new CreateSecurityGroupWithPoliciesRequest();
      create.setGroupName("ssh");
      create.setGroupDescription("d");
      create.setSecurityGroupPolicySet(new SecurityGroupPolicySet());
      String sg = vpc.CreateSecurityGroupWithPolicies(create).getSecurityGroup().getSecurityGroupId();
      var bind = new com.tencentcloudapi.cvm.v20170312.models.ModifyInstancesAttributeRequest();
      bind.setInstanceIds(new String[] {ins[1]});
      bind.setSecurityGroups(new String[] {sg});
      sdk.cvm.ModifyInstancesAttribute(bind);
      CommonClient client = sdk.common;
      String body = "{\"Source\":{\"InstanceId\":\"" + ins[0] + "\"},\"Destination\":{\"InstanceId\":\"" + ins[1]
          + "\"},\"Protocol\":\"TCP\",\"DestinationPort\":22}";
      assertThat(JSON.readTree(client.call("TracePacket", body)).path("Response").path("Disposition").asText())
          .isEqualTo("DENIED_SECURITY_GROUP_INGRESS");

      CreateSecurityGroupPoliciesRequest add = new CreateSecurityGroupPoliciesRequest();
      add.setSecurityGroupId(sg);
      SecurityGroupPolicy ssh = new SecurityGroupPolicy();
      ssh.setProtocol("TCP");
      ssh.setPort("22");
      ssh.setCidrBlock("10.30.0.0/16");
      ssh.setAction("ACCEPT");
      SecurityGroupPolicySet set = new SecurityGroupPolicySet();
      set.setIngress(new SecurityGroupPolicy[] {ssh});
      add.setSecurityGroupPolicySet(set);
      vpc.CreateSecurityGroupPolicies(add);

      Scope scope = sdk.scope();
      long revision = sdk.live.server().control().ledger().read(scope).revision();
      assertThat(sdk.live.server().control().analysis().engine().cachedRevision(scope))
          .as("the committed change was applied to the cached model").isEqualTo(revision);
      assertThat(JSON.readTree(client.call("TracePacket", body)).path("Response").path("Disposition").asText())
          .isEqualTo("ACCEPTED");
    }
  }
}
