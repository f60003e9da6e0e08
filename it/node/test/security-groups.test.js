"use strict";
// Security groups and their rules through the Node SDK: every action of the family.
const test = require("node:test");
const assert = require("node:assert/strict");
const { client, rejects, unique } = require("../lib/openvpc");

const rule = (Protocol, Port, CidrBlock, Action, more = {}) => ({ Protocol, Port, CidrBlock, Action, ...more });
const text = (set) => set.Ingress.map((p) => `${p.PolicyIndex}:${p.Action} ${p.Protocol} ${p.Port} ${p.CidrBlock}`);

async function group(vpc, name) {
  return (await vpc.CreateSecurityGroup({ GroupName: unique(name), GroupDescription: "node" })).SecurityGroup.SecurityGroupId;
}

async function policies(vpc, sg) {
  return (await vpc.DescribeSecurityGroupPolicies({ SecurityGroupId: sg })).SecurityGroupPolicySet;
}

test("groups: create, create with rules, default group, describe, modify, clone, delete", async () => {
  const vpc = client("vpc");
  const sg = await group(vpc, "web");
  assert.match(sg, /^sg-[a-z0-9]{8}$/);
  await vpc.ModifySecurityGroupAttribute({ SecurityGroupId: sg, GroupName: "web-renamed", GroupDescription: "renamed" });
  const found = (await vpc.DescribeSecurityGroups({ SecurityGroupIds: [sg] })).SecurityGroupSet[0];
  assert.equal(found.SecurityGroupName, "web-renamed");
  assert.equal(found.SecurityGroupDesc, "renamed");

  const withRules = (await vpc.CreateSecurityGroupWithPolicies({
    GroupName: unique("with-rules"),
    GroupDescription: "d",
    SecurityGroupPolicySet: { Ingress: [rule("TCP", "22", "10.0.0.0/8", "ACCEPT")], Egress: [rule("ALL", "ALL", "0.0.0.0/0", "ACCEPT")] },
  })).SecurityGroup.SecurityGroupId;
  const set = await policies(vpc, withRules);
  assert.deepEqual(text(set), ["0:ACCEPT TCP 22 10.0.0.0/8"]);
  assert.equal(set.Egress.length, 1);
  await rejects(vpc.CreateSecurityGroupWithPolicies({
    GroupName: "bad", GroupDescription: "d", SecurityGroupPolicySet: { Ingress: [rule("TCP", "99999", "10.0.0.0/8", "ACCEPT")] },
  }), "InvalidParameterValue.Malformed");

  const def = (await vpc.CreateDefaultSecurityGroup({ ProjectId: "0" })).SecurityGroup;
  assert.equal(def.IsDefault, true);
  assert.equal((await vpc.CreateDefaultSecurityGroup({ ProjectId: "0" })).SecurityGroup.SecurityGroupId, def.SecurityGroupId,
    "the project's default group is made once");

  const copy = (await vpc.CloneSecurityGroup({ SecurityGroupId: withRules, GroupName: unique("copy") })).SecurityGroup
    .SecurityGroupId;
  assert.deepEqual(text(await policies(vpc, copy)), ["0:ACCEPT TCP 22 10.0.0.0/8"]);

  for (const id of [sg, withRules, copy]) {
    await vpc.DeleteSecurityGroup({ SecurityGroupId: id });
  }
  await rejects(vpc.DescribeSecurityGroups({ SecurityGroupIds: [sg] }), "ResourceNotFound");
});

test("rules: create at an index, replace one and several, modify the whole set, delete by index and by content", async () => {
  const vpc = client("vpc");
  const sg = await group(vpc, "edit");
  await vpc.CreateSecurityGroupPolicies({
    SecurityGroupId: sg,
    SecurityGroupPolicySet: { Ingress: ["1", "2", "3"].map((p) => rule("TCP", p, "10.0.0.0/8", "ACCEPT")) },
  });
  await vpc.CreateSecurityGroupPolicies({
    SecurityGroupId: sg,
    SecurityGroupPolicySet: { Ingress: [rule("TCP", "4", "10.0.0.0/8", "ACCEPT", { PolicyIndex: 0 })] },
  });
  assert.deepEqual(text(await policies(vpc, sg)),
    ["0:ACCEPT TCP 4 10.0.0.0/8", "1:ACCEPT TCP 1 10.0.0.0/8", "2:ACCEPT TCP 2 10.0.0.0/8", "3:ACCEPT TCP 3 10.0.0.0/8"]);

  await vpc.ReplaceSecurityGroupPolicy({
    SecurityGroupId: sg,
    SecurityGroupPolicySet: { Ingress: [rule("UDP", "20", "10.0.0.0/8", "DROP", { PolicyIndex: 1 })] },
  });
  await vpc.ReplaceSecurityGroupPolicies({
    SecurityGroupId: sg,
    SecurityGroupPolicySet: {
      Ingress: [rule("TCP", "30", "10.0.0.0/8", "ACCEPT", { PolicyIndex: 0 }), rule("TCP", "40", "10.0.0.0/8", "ACCEPT", { PolicyIndex: 3 })],
    },
  });
  assert.deepEqual(text(await policies(vpc, sg)),
    ["0:ACCEPT TCP 30 10.0.0.0/8", "1:DROP UDP 20 10.0.0.0/8", "2:ACCEPT TCP 2 10.0.0.0/8", "3:ACCEPT TCP 40 10.0.0.0/8"]);
  const dup = await rejects(vpc.ReplaceSecurityGroupPolicy({
    SecurityGroupId: sg,
    SecurityGroupPolicySet: { Ingress: [rule("TCP", "2", "10.0.0.0/8", "ACCEPT", { PolicyIndex: 0 })] },
  }), "UnsupportedOperation.DuplicatePolicy");
  assert.match(dup.message, /Ingress\.0/);

  await vpc.DeleteSecurityGroupPolicies({ SecurityGroupId: sg, SecurityGroupPolicySet: { Ingress: [{ PolicyIndex: 2 }, { PolicyIndex: 0 }] } });
  await vpc.DeleteSecurityGroupPolicies({ SecurityGroupId: sg, SecurityGroupPolicySet: { Ingress: [rule("tcp", "40", "10.0.0.0/8", "accept")] } });
  assert.deepEqual(text(await policies(vpc, sg)), ["0:DROP UDP 20 10.0.0.0/8"]);

  const version = (await policies(vpc, sg)).Version;
  await vpc.ModifySecurityGroupPolicies({
    SecurityGroupId: sg,
    SecurityGroupPolicySet: { Version: version, Ingress: [rule("TCP", "8080", "10.0.0.0/8", "ACCEPT"), rule("ALL", "ALL", "0.0.0.0/0", "DROP")] },
  });
  const after = await policies(vpc, sg);
  assert.deepEqual(text(after), ["0:ACCEPT TCP 8080 10.0.0.0/8", "1:DROP ALL ALL 0.0.0.0/0"]);
  assert.equal(Number(after.Version), Number(version) + 1);
  await rejects(vpc.ModifySecurityGroupPolicies({
    SecurityGroupId: sg, SecurityGroupPolicySet: { Version: version, Ingress: [] },
  }), "UnsupportedOperation.VersionMismatch");
  await vpc.DeleteSecurityGroup({ SecurityGroupId: sg });
});

test("references, association statistics, expanded rules and limits", async () => {
  const vpc = client("vpc");
  const other = await group(vpc, "other");
  const sg = await group(vpc, "refers");
  const ipm = (await vpc.CreateAddressTemplate({ AddressTemplateName: unique("ipm"), Addresses: ["10.9.0.0/16", "10.8.0.1"] }))
    .AddressTemplate.AddressTemplateId;
  await vpc.CreateSecurityGroupPolicies({
    SecurityGroupId: sg,
    SecurityGroupPolicySet: {
      Ingress: [
        { Protocol: "TCP", Port: "443", SecurityGroupId: other, Action: "ACCEPT" },
        { Protocol: "TCP", Port: "22", AddressTemplate: { AddressId: ipm }, Action: "ACCEPT" },
      ],
    },
  });

  const refs = await vpc.DescribeSecurityGroupReferences({ SecurityGroupIds: [other, sg] });
  assert.deepEqual(refs.ReferredSecurityGroupSet.map((r) => r.ReferredSecurityGroupIds), [[sg], []]);
  const stats = await vpc.DescribeSecurityGroupAssociationStatistics({ SecurityGroupIds: [other] });
  assert.equal(stats.SecurityGroupAssociationStatisticsSet[0].SG, 1);
  const inUse = await rejects(vpc.DeleteSecurityGroup({ SecurityGroupId: other }), "ResourceInUse");
  assert.match(inUse.message, new RegExp(sg));

  // The template becomes its addresses in the expanded view.
  const expanded = (await vpc.DescribeSecurityGroupExpandedPolicies({ SecurityGroupId: sg })).SecurityGroupPolicySet.Ingress;
  const blocks = expanded.filter((p) => p.Port === "22").map((p) => p.CidrBlock).sort();
  assert.deepEqual(blocks, ["10.8.0.1/32", "10.9.0.0/16"]);

  const limits = (await vpc.DescribeSecurityGroupLimits({})).SecurityGroupLimitSet;
  assert.ok(limits.SecurityGroupLimit > 0 && limits.SecurityGroupPolicyLimit > 0, JSON.stringify(limits));
});
