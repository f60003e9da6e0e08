"use strict";
// The harness of OpenVPC's Node SDK tests. NodeSdkTest (JUnit) starts a server and runs every
// test/*.test.js with node's built-in test runner, passing the server in the environment:
//   OPENVPC_PORT, OPENVPC_SECRET_ID, OPENVPC_SECRET_KEY, OPENVPC_REGION
// To test your actions from Node, drop a file test/<family>.test.js that requires this module.
const assert = require("node:assert/strict");
const fs = require("node:fs");
const tencentcloud = require("tencentcloud-sdk-nodejs");
const { CommonClient } = require("tencentcloud-sdk-nodejs/tencentcloud/common/common_client");
const TencentCloudSDKHttpException =
  require("tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception").default;

const env = (name) => {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set: run these tests through NodeSdkTest (mvn -pl it -am verify -Dtest=NodeSdkTest)`);
  }
  return v;
};

const port = env("OPENVPC_PORT");
const region = process.env.OPENVPC_REGION || "ap-guangzhou";
const credential = { secretId: env("OPENVPC_SECRET_ID"), secretKey: env("OPENVPC_SECRET_KEY") };

/** Both ways a user writes the endpoint; Node signs the host without the port in both. */
const endpoints = [`127.0.0.1:${port}`, `localhost:${port}`];

const versions = { vpc: "v20170312", cvm: "v20170312", clb: "v20180317", dc: "v20180410" };

/**
 * An SDK client of a product against the test server.
 * options: endpoint (default 127.0.0.1:PORT), method ("POST" or "GET"), signMethod ("TC3-HMAC-SHA256",
 * "HmacSHA256", "HmacSHA1"), language ("zh-CN", "en-US"), credential (another key).
 */
function client(product, options = {}) {
  const Client = tencentcloud[product][versions[product]].Client;
  return recorded(product, new Client(config(options)));
}

/**
 * The SDK's CommonClient for OpenVPC's own actions (TracePacket, AnalyzeReachability, ...), which
 * the product clients do not list: `await common().request("TracePacket", {...})`.
 */
function common(options = {}) {
  return recorded("vpc", new CommonClient("vpc.tencentcloudapi.com", "2017-03-12", config(options)));
}

function config(options) {
  return {
    credential: options.credential || credential,
    region: options.region || region,
    profile: {
      signMethod: options.signMethod,
      language: options.language,
      httpProfile: {
        endpoint: options.endpoint || endpoints[0],
        protocol: "http://",
        reqMethod: options.method || "POST",
        reqTimeout: 30,
      },
    },
  };
}

/**
 * Notes every action a client called and whether it succeeded, one line per call ("vpc CreateVpc ok"),
 * in the file OPENVPC_NODE_CALLS names: NodeSdkTest checks that every action the server implements
 * succeeded at least once through this SDK.
 */
function recorded(product, c) {
  const file = process.env.OPENVPC_NODE_CALLS;
  if (!file) {
    return c;
  }
  const request = c.request.bind(c);
  c.request = async (action, req, ...rest) => {
    try {
      const result = await request(action, req, ...rest);
      fs.appendFileSync(file, `${product} ${action} ok\n`);
      return result;
    } catch (e) {
      fs.appendFileSync(file, `${product} ${action} error\n`);
      throw e;
    }
  };
  return c;
}

/** Awaits a call that must fail as TencentCloudSDKHttpException with `code`; returns the exception. */
async function rejects(promise, code) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected ${code}, but the call succeeded`);
  assert.ok(error instanceof TencentCloudSDKHttpException, `expected TencentCloudSDKHttpException, got ${error}`);
  assert.equal(error.code, code, error.message);
  assert.match(error.requestId, /^[0-9a-f-]{36}$/);
  return error;
}

/** What RunInstances needs that no test cares about: a zone of the region, an image OpenVPC offers, a type. */
const ZONE = "ap-guangzhou-3";
const IMAGE = "img-487zeit5";
const INSTANCE_TYPE = "S5.MEDIUM4";

/** RunInstances of `count` instances in a subnet; `more` adds or overrides members. Returns their IDs. */
async function runInstances(vpcId, subnetId, count = 1, more = {}) {
  const cvm = client("cvm");
  const r = await cvm.RunInstances({
    Placement: { Zone: ZONE },
    ImageId: IMAGE,
    InstanceType: INSTANCE_TYPE,
    InstanceCount: count,
    InstanceName: unique("node"),
    ...more,
    VirtualPrivateCloud: { VpcId: vpcId, SubnetId: subnetId, ...(more.VirtualPrivateCloud || {}) },
  });
  return r.InstanceIdSet;
}

/** A VPC and one subnet in it: { vpcId, subnetId }. */
async function network(vpcCidr, subnetCidr) {
  const vpc = client("vpc");
  const vpcId = (await vpc.CreateVpc({ VpcName: unique("node-net"), CidrBlock: vpcCidr })).Vpc.VpcId;
  const subnetId = (await vpc.CreateSubnet({ VpcId: vpcId, SubnetName: "main", CidrBlock: subnetCidr, Zone: ZONE })).Subnet
    .SubnetId;
  return { vpcId, subnetId };
}

/** A name unique to this run, for resources tests create. */
const unique = (prefix) => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

module.exports = { client, common, rejects, runInstances, network, ZONE, IMAGE, INSTANCE_TYPE, endpoints, region, credential, unique, TencentCloudSDKHttpException };
