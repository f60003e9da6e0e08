package io.openvpc.it;

import static io.openvpc.it.SdkFixture.assertError;
import static io.openvpc.it.SdkFixture.vpcRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpcResponse;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcLimitsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsResponse;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.ModifyVpcAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.Tag;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VPC actions through the official Java SDK, over every transport and signature it offers. */
class VpcSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start(Map.of("appid-max-vpcs", 5L));
  /** The server itself, for the transports, signatures and accounts these tests vary. */
  static final LiveServer live = sdk.live;

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "true,POST,TC3-HMAC-SHA256", "false,POST,TC3-HMAC-SHA256", "true,GET,TC3-HMAC-SHA256",
      "false,GET,TC3-HMAC-SHA256", "false,POST,HmacSHA256", "true,GET,HmacSHA1"})
  void createDescribeDelete_everyTransport(boolean localhost, String method, String signMethod) throws Exception {
    VpcClient client = live.vpc(live.endpoint(localhost), method, signMethod);
    CreateVpcRequest create = vpcRequest("it vpc " + method, "10.20.0.0/16");
    Tag tag = new Tag();
    tag.setKey("env");
    tag.setValue("it test");
    create.setTags(new Tag[] {tag});
    CreateVpcResponse created = client.CreateVpc(create);
    String id = created.getVpc().getVpcId();
    assertThat(id).matches("vpc-[a-z0-9]{8}");
    assertThat(created.getVpc().getCidrBlock()).isEqualTo("10.20.0.0/16");
    assertThat(created.getRequestId()).isNotBlank();

    DescribeVpcsRequest byId = new DescribeVpcsRequest();
    byId.setVpcIds(new String[] {id});
    DescribeVpcsResponse found = client.DescribeVpcs(byId);
    assertThat(found.getTotalCount()).isEqualTo(1L);
    assertThat(found.getVpcSet()[0].getVpcName()).isEqualTo("it vpc " + method);
    assertThat(found.getVpcSet()[0].getTagSet()[0].getValue()).isEqualTo("it test");

    DescribeVpcsRequest byTag = new DescribeVpcsRequest();
    Filter f = new Filter();
    f.setName("tag:env");
    f.setValues(new String[] {"it test"});
    byTag.setFilters(new Filter[] {f});
    assertThat(client.DescribeVpcs(byTag).getVpcSet()).extracting(v -> v.getVpcId()).contains(id);

    DeleteVpcRequest delete = new DeleteVpcRequest();
    delete.setVpcId(id);
    client.DeleteVpc(delete);
    assertThatThrownBy(() -> client.DescribeVpcs(byId))
        .isInstanceOfSatisfying(TencentCloudSDKException.class, e -> assertThat(e.getErrorCode()).isEqualTo("ResourceNotFound"));
  }

  @Test
  void modifyVpcAttribute_renames() throws Exception {
    VpcClient client = sdk.vpc;
    String id = client.CreateVpc(vpcRequest("before", "172.16.0.0/16")).getVpc().getVpcId();
    ModifyVpcAttributeRequest m = new ModifyVpcAttributeRequest();
    m.setVpcId(id);
    m.setVpcName("after");
    m.setDnsServers(new String[] {"10.1.1.1"});
    client.ModifyVpcAttribute(m);
    DescribeVpcsRequest d = new DescribeVpcsRequest();
    d.setVpcIds(new String[] {id});
    var vpc = client.DescribeVpcs(d).getVpcSet()[0];
    assertThat(vpc.getVpcName()).isEqualTo("after");
    assertThat(vpc.getDnsServerSet()).containsExactly("10.1.1.1");
    DeleteVpcRequest delete = new DeleteVpcRequest();
    delete.setVpcId(id);
    client.DeleteVpc(delete);
  }

  @Test
  void createVpc_badCidr_namesTheParameter() {
    assertError(() -> sdk.vpc.CreateVpc(vpcRequest("x", "10.0.0.1/16")), "InvalidParameterValue.Malformed", "CidrBlock");
    assertError(() -> sdk.vpc.CreateVpc(vpcRequest("x", "8.8.0.0/16")), "InvalidParameterValue", "CidrBlock");
    assertError(() -> sdk.vpc.CreateVpc(vpcRequest("x", "10.0.0.0/29")), "InvalidParameterValue", "CidrBlock");
    assertError(() -> sdk.vpc.CreateVpc(vpcRequest(null, "10.0.0.0/16")), "MissingParameter", "VpcName");
  }

  @Test
  void createVpc_quota_limitExceeded() throws Exception {
    try (SdkFixture small = SdkFixture.start(Map.of("appid-max-vpcs", 1L))) {
      small.vpc.CreateVpc(vpcRequest("one", "10.0.0.0/16"));
      assertError(() -> small.vpc.CreateVpc(vpcRequest("two", "10.1.0.0/16")), "LimitExceeded", "appid-max-vpcs");
    }
  }

  @Test
  void describeVpcLimits() throws Exception {
    DescribeVpcLimitsRequest r = new DescribeVpcLimitsRequest();
    r.setLimitTypes(new String[] {"appid-max-vpcs", "vpc-max-subnets"});
    var set = sdk.vpc.DescribeVpcLimits(r).getVpcLimitSet();
    assertThat(set[0].getLimitType()).isEqualTo("appid-max-vpcs");
    assertThat(set[0].getLimitValue()).isEqualTo(5L);
  }

  @Test
  void wrongSecretKey_signatureFailure() {
    VpcClient bad = new VpcClient(new Credential(live.secretId, "wrong"), LiveServer.REGION,
        live.profile(live.endpoint(false), "POST", null));
    assertError(() -> bad.DescribeVpcs(new DescribeVpcsRequest()), "AuthFailure.SignatureFailure", "");
    VpcClient unknown = new VpcClient(new Credential("AKIDnobody", "x"), LiveServer.REGION,
        live.profile(live.endpoint(false), "POST", null));
    assertError(() -> unknown.DescribeVpcs(new DescribeVpcsRequest()), "AuthFailure.SecretIdNotFound", "AKIDnobody");
  }

  @Test
  void unsupportedRegion() {
    VpcClient client = new VpcClient(live.credential(), "mars-north-1", live.profile(live.endpoint(false), "POST", null));
    assertError(() -> client.DescribeVpcs(new DescribeVpcsRequest()), "UnsupportedRegion", "mars-north-1");
  }

  @Test
  void anotherAccount_seesResourceNotFound() throws Exception {
    String id = sdk.vpc.CreateVpc(vpcRequest("mine", "10.9.0.0/16")).getVpc().getVpcId();
    var other = live.server().control().accounts().create("other", null, null);
    VpcClient theirs = new VpcClient(new Credential(other.secretId(), other.secretKey()), LiveServer.REGION,
        live.profile(live.endpoint(false), "POST", null));
    DescribeVpcsRequest d = new DescribeVpcsRequest();
    d.setVpcIds(new String[] {id});
    assertError(() -> theirs.DescribeVpcs(d), "ResourceNotFound", id);
    assertThat(theirs.DescribeVpcs(new DescribeVpcsRequest()).getTotalCount()).isZero();
    DeleteVpcRequest del = new DeleteVpcRequest();
    del.setVpcId(id);
    assertError(() -> theirs.DeleteVpc(del), "ResourceNotFound", id);
    sdk.vpc.DeleteVpc(del);
  }
}
