"use strict";
// The harness of OpenVPC's Node SDK tests. NodeSdkTest (JUnit) starts a server and runs every
// test/*.test.js with node's built-in test runner, passing the server in the environment:
//   OPENVPC_PORT, OPENVPC_SECRET_ID, OPENVPC_SECRET_KEY, OPENVPC_REGION
// To test your actions from Node, drop a file test/<family>.test.js that requires this module.
const assert = require("node:assert/strict");
const tencentcloud = require("tencentcloud-sdk-nodejs");
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
  return new Client({
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
  });
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

/** A name unique to this run, for resources tests create. */
const unique = (prefix) => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

module.exports = { client, rejects, endpoints, region, credential, unique, TencentCloudSDKHttpException };
