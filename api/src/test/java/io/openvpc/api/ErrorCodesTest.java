package io.openvpc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.api.types.DocumentedErrors;
import org.junit.jupiter.api.Test;

/** The code a refusal answers follows the action's documented codes (Tencent's Go SDK tables). */
class ErrorCodesTest {
  @Test
  void documentedCode_isAnsweredAsIs() {
    assertThat(DocumentedErrors.of("vpc", "DeleteSecurityGroup").orElseThrow()).contains("InvalidSecurityGroupID.NotFound");
    assertThat(ErrorCodes.answer("vpc", "DeleteSecurityGroup", "InvalidSecurityGroupID.NotFound"))
        .isEqualTo("InvalidSecurityGroupID.NotFound");
    assertThat(ErrorCodes.answer("cvm", "RunInstances", "InvalidSecurityGroupId.NotFound"))
        .isEqualTo("InvalidSecurityGroupId.NotFound");
  }

  @Test
  void familyCode_becomesTheGenericOneTheActionDocuments() {
    assertThat(DocumentedErrors.of("vpc", "DescribeSecurityGroups").orElseThrow())
        .contains("ResourceNotFound", "InvalidParameterValue.Malformed").doesNotContain("InvalidSecurityGroupID.NotFound");
    assertThat(ErrorCodes.answer("vpc", "DescribeSecurityGroups", "InvalidSecurityGroupID.NotFound")).isEqualTo("ResourceNotFound");
    assertThat(ErrorCodes.answer("vpc", "DescribeSecurityGroups", "InvalidSecurityGroupID.Malformed"))
        .isEqualTo("InvalidParameterValue.Malformed");
    assertThat(ErrorCodes.answer("vpc", "DescribeVpcPrivateIpAddresses", "InvalidVpcId.Malformed"))
        .isEqualTo("InvalidParameterValue.Malformed");
    assertThat(ErrorCodes.answer("vpc", "DescribeNetworkInterfaceLimit", "InvalidParameterValue.InstanceIdMalformed"))
        .isEqualTo("InvalidParameterValue.Malformed");
  }

  @Test
  void finerCode_becomesItsDocumentedParent_elseStays() {
    assertThat(ErrorCodes.answer("vpc", "AssignPrivateIpAddresses", "ResourceInUse.Address")).isEqualTo("ResourceInUse");
    assertThat(ErrorCodes.answer("vpc", "CreateVpc", "InvalidParameterValue.Range")).isEqualTo("InvalidParameterValue");
    // DescribeUsedIpAddress documents neither InvalidParameterValue nor the range code: it stays, and is listed
    assertThat(ErrorCodes.answer("vpc", "DescribeUsedIpAddress", "InvalidParameterValue.Range"))
        .isEqualTo("InvalidParameterValue.Range");
  }

  @Test
  void actionsWithoutATable_keepTheirCodes() {
    assertThat(DocumentedErrors.of("openvpc", "TracePacket")).isEmpty();
    assertThat(ErrorCodes.answer("openvpc", "TracePacket", "InvalidInstanceId.NotFound")).isEqualTo("InvalidInstanceId.NotFound");
    assertThat(DocumentedErrors.common("AuthFailure.SignatureFailure")).isTrue();
    assertThat(DocumentedErrors.common("ResourceInUse.Address")).isFalse();
  }
}
