"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { client, rejects, endpoints, unique } = require("../lib/openvpc");

for (const endpoint of endpoints) {
  for (const method of ["POST", "GET"]) {
    test(`VPC create/describe/modify/delete via ${method} ${endpoint}`, async () => {
      const vpc = client("vpc", { endpoint, method });
      const name = unique("node");
      const created = await vpc.CreateVpc({
        VpcName: name,
        CidrBlock: "10.30.0.0/16",
        Tags: [{ Key: "env", Value: "node test" }],
      });
      const id = created.Vpc.VpcId;
      assert.match(id, /^vpc-[a-z0-9]{8}$/);
      assert.equal(created.Vpc.CidrBlock, "10.30.0.0/16");
      assert.ok(created.RequestId);

      const found = await vpc.DescribeVpcs({ VpcIds: [id] });
      assert.equal(found.TotalCount, 1);
      assert.equal(found.VpcSet[0].VpcName, name);
      assert.deepEqual(found.VpcSet[0].TagSet, [{ Key: "env", Value: "node test" }]);

      const byName = await vpc.DescribeVpcs({ Filters: [{ Name: "vpc-name", Values: [name] }], Offset: 0, Limit: 10 });
      assert.deepEqual(byName.VpcSet.map((v) => v.VpcId), [id]);

      await vpc.ModifyVpcAttribute({ VpcId: id, VpcName: `${name}-renamed`, DnsServers: ["10.1.1.1"] });
      const modified = (await vpc.DescribeVpcs({ VpcIds: [id] })).VpcSet[0];
      assert.equal(modified.VpcName, `${name}-renamed`);
      assert.deepEqual(modified.DnsServerSet, ["10.1.1.1"]);

      await vpc.DeleteVpc({ VpcId: id });
      await rejects(vpc.DescribeVpcs({ VpcIds: [id] }), "ResourceNotFound");
    });
  }
}

test("legacy HmacSHA256 and HmacSHA1 signatures", async () => {
  for (const signMethod of ["HmacSHA256", "HmacSHA1"]) {
    const vpc = client("vpc", { signMethod, method: "GET" });
    const limits = await vpc.DescribeVpcLimits({ LimitTypes: ["appid-max-vpcs"] });
    assert.equal(limits.VpcLimitSet[0].LimitType, "appid-max-vpcs");
  }
});

test("errors surface as TencentCloudSDKHttpException with code, request id and trace id", async () => {
  const vpc = client("vpc");
  const range = await rejects(vpc.CreateVpc({ VpcName: "x", CidrBlock: "8.8.0.0/16" }), "InvalidParameterValue");
  assert.match(range.message, /CidrBlock/);
  assert.ok(range.traceId, "the SDK reads X-TC-TraceId back from the response");

  await rejects(vpc.CreateVpc({ CidrBlock: "10.0.0.0/16" }), "MissingParameter");
  await rejects(vpc.DescribeVpcs({ VpcIds: ["vpc-bad"] }), "InvalidParameterValue.Malformed");
  await rejects(vpc.CreateVpnGateway({ VpcId: "vpc-12345678" }), "UnsupportedOperation");

  const wrongKey = client("vpc", { credential: { secretId: process.env.OPENVPC_SECRET_ID, secretKey: "wrong" } });
  await rejects(wrongKey.DescribeVpcs({}), "AuthFailure.SignatureFailure");
  const unknownKey = client("vpc", { credential: { secretId: "AKIDnobody", secretKey: "x" } });
  await rejects(unknownKey.DescribeVpcs({}), "AuthFailure.SecretIdNotFound");
  await rejects(client("vpc", { region: "mars-north-1" }).DescribeVpcs({}), "UnsupportedRegion");
});

test("zh-CN messages", async () => {
  const e = await rejects(client("vpc", { language: "zh-CN" }).CreateVpc({ CidrBlock: "10.0.0.0/16" }), "MissingParameter");
  assert.match(e.message, /\p{Script=Han}/u);
});
