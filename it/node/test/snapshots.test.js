"use strict";
// Security group snapshot policies through the Node SDK: every action of the family. Backups of an
// "operate" policy are taken on every change of an attached group; ResumeSnapshotInstance restores one.
// (No VPC is needed: snapshot policies back up security groups, which are account-wide.)
const test = require("node:test");
const assert = require("node:assert/strict");
const { client, rejects, unique, region } = require("../lib/openvpc");

const policy = (BackupType, more = {}) => ({
  SnapshotPolicyName: unique(`nightly-${BackupType}`),
  BackupType,
  KeepTime: 7,
  CreateNewCos: false,
  CosRegion: region,
  CosBucket: "backups-1250000000",
  ...more,
});
const instance = (sg) => ({ InstanceId: sg, InstanceType: "securitygroup", InstanceRegion: region });
const rule = (Port) => ({ Protocol: "TCP", Port, CidrBlock: "10.0.0.0/8", Action: "ACCEPT" });

async function create(vpc, p) {
  return (await vpc.CreateSnapshotPolicies({ SnapshotPolicies: [p] })).SnapshotPolicies[0].SnapshotPolicyId;
}

async function group(vpc, name) {
  return (await vpc.CreateSecurityGroup({ GroupName: unique(name), GroupDescription: "node" })).SecurityGroup.SecurityGroupId;
}

async function files(vpc, sg) {
  const r = await vpc.DescribeSnapshotFiles({ BusinessType: "securitygroup", InstanceId: sg, StartDate: "2020-01-01", EndDate: "2099-12-31" });
  return r.SnapshotFileSet;
}

async function ingress(vpc, sg) {
  const set = (await vpc.DescribeSecurityGroupPolicies({ SecurityGroupId: sg })).SecurityGroupPolicySet;
  return { version: Number(set.Version), text: set.Ingress.map((p) => `${p.PolicyIndex}:${p.Action} ${p.Protocol} ${p.Port} ${p.CidrBlock}`) };
}

test("operate policy: attach, a backup on every change, file content, resume, disable/enable, detach, delete", async () => {
  const vpc = client("vpc");
  const sg = await group(vpc, "guarded");
  await vpc.CreateSecurityGroupPolicies({ SecurityGroupId: sg, SecurityGroupPolicySet: { Ingress: [rule("22")] } });
  const id = await create(vpc, policy("operate"));
  assert.match(id, /^sspolicy-[a-z0-9]{8}$/);

  await vpc.AttachSnapshotInstances({ SnapshotPolicyId: id, Instances: [instance(sg)] });
  const twice = await rejects(vpc.AttachSnapshotInstances({ SnapshotPolicyId: id, Instances: [instance(sg)] }), "ResourceInUse");
  assert.match(twice.message, new RegExp(id));
  const attached = await vpc.DescribeSnapshotAttachedInstances({ SnapshotPolicyId: id });
  assert.deepEqual(attached.InstanceSet.map((i) => i.InstanceId), [sg]);

  // Attaching backs the group up once; each change backs it up again.
  const first = await files(vpc, sg);
  assert.equal(first.length, 1);
  const original = first[0].SnapshotFileId;
  assert.match(original, /^ssfile-[a-z0-9]{10}$/);
  await vpc.CreateSecurityGroupPolicies({ SecurityGroupId: sg, SecurityGroupPolicySet: { Ingress: [rule("80"), rule("443")] } });
  assert.equal((await files(vpc, sg)).length, 2);
  const before = await ingress(vpc, sg);
  assert.equal(before.text.length, 3);

  const content = await vpc.DescribeSgSnapshotFileContent({ SnapshotPolicyId: id, SnapshotFileId: original, SecurityGroupId: sg });
  assert.deepEqual(content.BackupData.map((p) => p.Port), ["22"]);
  assert.deepEqual(content.OriginalData.map((p) => p.Port), ["22", "80", "443"]);

  await vpc.ResumeSnapshotInstance({ SnapshotPolicyId: id, SnapshotFileId: original, InstanceId: sg });
  const after = await ingress(vpc, sg);
  assert.deepEqual(after.text, ["0:ACCEPT TCP 22 10.0.0.0/8"]);
  assert.equal(after.version, before.version + 1);
  const unknown = await rejects(vpc.ResumeSnapshotInstance({ SnapshotPolicyId: id, SnapshotFileId: "ssfile-zzzzzzzzzz", InstanceId: sg }),
    "ResourceNotFound");
  assert.match(unknown.message, /ssfile-zzzzzzzzzz/);

  // A disabled policy takes no backups.
  await vpc.DisableSnapshotPolicies({ SnapshotPolicyIds: [id] });
  assert.equal((await vpc.DescribeSnapshotPolicies({ SnapshotPolicyIds: [id] })).SnapshotPolicySet[0].Enable, false);
  const count = (await files(vpc, sg)).length;
  await vpc.CreateSecurityGroupPolicies({ SecurityGroupId: sg, SecurityGroupPolicySet: { Ingress: [rule("8080")] } });
  assert.equal((await files(vpc, sg)).length, count);
  await vpc.EnableSnapshotPolicies({ SnapshotPolicyIds: [id] });
  assert.equal((await vpc.DescribeSnapshotPolicies({ SnapshotPolicyIds: [id] })).SnapshotPolicySet[0].Enable, true);
  await vpc.CreateSecurityGroupPolicies({ SecurityGroupId: sg, SecurityGroupPolicySet: { Ingress: [rule("8081")] } });
  assert.equal((await files(vpc, sg)).length, count + 1, "enabled again, the policy backs up changes");

  const inUse = await rejects(vpc.DeleteSnapshotPolicies({ SnapshotPolicyIds: [id] }), "ResourceInUse");
  assert.match(inUse.message, new RegExp(sg));
  await vpc.DetachSnapshotInstances({ SnapshotPolicyId: id, Instances: [instance(sg)] });
  assert.deepEqual((await vpc.DescribeSnapshotAttachedInstances({ SnapshotPolicyId: id })).InstanceSet, []);
  await vpc.DeleteSnapshotPolicies({ SnapshotPolicyIds: [id] });
  assert.deepEqual(await files(vpc, sg), [], "a deleted policy's backups go with it");
  await rejects(vpc.DescribeSnapshotPolicies({ SnapshotPolicyIds: [id] }), "ResourceNotFound");
  await vpc.DeleteSecurityGroup({ SecurityGroupId: sg });
});

test("time policy: schedule, modify, describe; validation errors", async () => {
  const vpc = client("vpc");
  const sg = await group(vpc, "scheduled");
  const id = await create(vpc, policy("time", { BackupPolicies: [{ BackupDay: "monday", BackupTime: "01:00:00" }] }));
  assert.match(id, /^sspolicy-[a-z0-9]{8}$/);
  await vpc.AttachSnapshotInstances({ SnapshotPolicyId: id, Instances: [instance(sg)] });
  assert.deepEqual(await files(vpc, sg), [], "a time policy backs up when its schedule comes, not on attach");

  const renamed = unique("weekly");
  await vpc.ModifySnapshotPolicies({ SnapshotPoliciesInfo: [{ SnapshotPolicyId: id, SnapshotPolicyName: renamed, KeepTime: 30 }] });
  const got = (await vpc.DescribeSnapshotPolicies({ SnapshotPolicyIds: [id] })).SnapshotPolicySet[0];
  assert.equal(got.SnapshotPolicyName, renamed);
  assert.equal(got.KeepTime, 30);
  assert.equal(got.BackupType, "time");
  assert.equal(got.BackupPolicies[0].BackupDay, "monday");
  assert.equal(got.BackupPolicies[0].BackupTime, "01:00:00");

  const noSchedule = await rejects(vpc.CreateSnapshotPolicies({ SnapshotPolicies: [policy("time")] }), "MissingParameter");
  assert.match(noSchedule.message, /BackupPolicies/);
  const keep = await rejects(vpc.CreateSnapshotPolicies({ SnapshotPolicies: [policy("operate", { KeepTime: 400 })] }),
    "InvalidParameterValue.Range");
  assert.match(keep.message, /KeepTime/);
  await rejects(vpc.AttachSnapshotInstances({ SnapshotPolicyId: id, Instances: [instance("sg-zzzzzzzz")] }), "ResourceNotFound");

  await vpc.DetachSnapshotInstances({ SnapshotPolicyId: id, Instances: [instance(sg)] });
  await vpc.DeleteSnapshotPolicies({ SnapshotPolicyIds: [id] });
  await vpc.DeleteSecurityGroup({ SecurityGroupId: sg });
});
