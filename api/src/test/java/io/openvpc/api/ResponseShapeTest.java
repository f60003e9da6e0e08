package io.openvpc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.api.types.ApiSchema;
import io.openvpc.api.types.vpc.NetworkInterface;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseShapeTest {
  private final ResponseShape shape = new ResponseShape(ApiSchema.get());

  private List<String> check(String service, String action, String json) throws Exception {
    return shape.check(service, action, Json.MAPPER.readTree(json));
  }

  @Test
  void missingOutputMember_isNamedByItsPath() throws Exception {
    assertThat(check("vpc", "DescribeAssistantCidr", "{\"TotalCount\":1,\"RequestId\":\"r\",\"AssistantCidrSet\":"
        + "[{\"VpcId\":\"vpc-1\",\"CidrBlock\":\"10.0.0.0/16\",\"AssistantType\":0}]}"))
        .containsExactly("DescribeAssistantCidr.AssistantCidrSet[0].SubnetSet: missing (AssistantCidr always has it)");
  }

  @Test
  void nullOnlyWhereAllowed_typesChecked_extraMembersRefused() throws Exception {
    assertThat(check("vpc", "DescribeVpcTaskResult", "{\"Status\":null,\"Output\":1,\"Result\":[],\"RequestId\":\"r\",\"X\":1}"))
        .containsExactlyInAnyOrder(
            "DescribeVpcTaskResult.Status: null, which DescribeVpcTaskResultResponse.Status may not be",
            "DescribeVpcTaskResult.Output: expected string, got number 1",
            "DescribeVpcTaskResult.X: not a member of DescribeVpcTaskResultResponse");
    assertThat(check("vpc", "DescribeVpcTaskResult", "{\"Status\":\"SUCCESS\",\"Output\":\"\",\"Result\":[],\"RequestId\":\"r\"}"))
        .isEmpty();
  }

  @Test
  void nullableOutputMember_isWrittenAsNull() throws Exception {
    // an unattached ENI's Attachment: Tencent answers it, as null
    String json = Json.MAPPER.writeValueAsString(new NetworkInterface().setNetworkInterfaceId("eni-1"));
    assertThat(json).contains("\"Attachment\":null").doesNotContain("\"MacAddress\"");
  }
}
