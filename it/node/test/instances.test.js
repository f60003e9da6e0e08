"use strict";
// CVM instances, their security groups, and the analysis actions through the Node SDK (the analysis
// actions are OpenVPC's own: the SDK's CommonClient calls them).
const test = require("node:test");
const assert = require("node:assert/strict");
const { client, common, rejects, network, runInstances, unique, ZONE } = require("../lib/openvpc");

const rule = (Protocol, Port, CidrBlock, Action) => ({ Protocol, Port, CidrBlock, Action });

async function groupWith(vpc, ingress) {
  return (await vpc.CreateSecurityGroupWithPolicies({
    GroupName: unique("node"),
    GroupDescription: "d",
    SecurityGroupPolicySet: { Ingress: ingress, Egress: [rule("ALL", "ALL", "0.0.0.0/0", "ACCEPT")] },
  })).SecurityGroup.SecurityGroupId;
}

test("images, instance types, run, describe, status, stop, start, reboot, modify, terminate", async () => {
  const cvm = client("cvm");
  const images = await cvm.DescribeImages({});
  assert.ok(images.TotalCount > 0 && images.ImageSet.every((i) => /^img-[a-z0-9]{8}$/.test(i.ImageId)));
  const types = await cvm.DescribeInstanceTypeConfigs({ Filters: [{ Name: "zone", Values: [ZONE] }] });
  assert.ok(types.InstanceTypeConfigSet.some((t) => t.InstanceType === "S5.MEDIUM4"));

  const { vpcId, subnetId } = await network("10.58.0.0/16", "10.58.1.0/24");
  const ids = await runInstances(vpcId, subnetId, 2, {
    TagSpecification: [{ ResourceType: "instance", Tags: [{ Key: "team", Value: "node" }] }],
    VirtualPrivateCloud: { PrivateIpAddresses: ["10.58.1.50"] },
  });
  assert.equal(ids.length, 2);
  ids.forEach((id) => assert.match(id, /^ins-[a-z0-9]{8}$/));
  const byIp = await cvm.DescribeInstances({ Filters: [{ Name: "private-ip-address", Values: ["10.58.1.50"] }, { Name: "vpc-id", Values: [vpcId] }] });
  assert.deepEqual(byIp.InstanceSet.map((i) => i.InstanceId), [ids[0]]);
  const byTag = await cvm.DescribeInstances({ Filters: [{ Name: "tag:team", Values: ["node"] }, { Name: "vpc-id", Values: [vpcId] }] });
  assert.equal(byTag.TotalCount, 2);

  await rejects(cvm.StartInstances({ InstanceIds: ids }), "UnsupportedOperation.InstanceStateRunning");
  await cvm.StopInstances({ InstanceIds: ids });
  const status = await cvm.DescribeInstancesStatus({ InstanceIds: ids });
  assert.deepEqual(status.InstanceStatusSet.map((s) => s.InstanceState), ["STOPPED", "STOPPED"]);
  await rejects(cvm.RebootInstances({ InstanceIds: ids }), "UnsupportedOperation.InstanceStateStopped");
  await cvm.StartInstances({ InstanceIds: ids });
  await cvm.RebootInstances({ InstanceIds: ids });

  await cvm.ModifyInstancesAttribute({ InstanceIds: [ids[0]], InstanceName: "renamed" });
  assert.equal((await cvm.DescribeInstances({ InstanceIds: [ids[0]] })).InstanceSet[0].InstanceName, "renamed");
  await rejects(cvm.RunInstances({
    Placement: { Zone: ZONE }, ImageId: "img-00000000", InstanceType: "S5.MEDIUM4",
    VirtualPrivateCloud: { VpcId: vpcId, SubnetId: subnetId },
  }), "InvalidImageId.NotFound");

  await cvm.TerminateInstances({ InstanceIds: ids });
  await rejects(cvm.TerminateInstances({ InstanceIds: ids }), "InvalidInstanceId.NotFound");
  assert.equal((await cvm.DescribeInstances({ InstanceIds: ids })).TotalCount, 0);
});

test("an instance's security groups: associate and disassociate", async () => {
  const vpc = client("vpc");
  const cvm = client("cvm");
  const { vpcId, subnetId } = await network("10.59.0.0/16", "10.59.1.0/24");
  const first = await groupWith(vpc, []);
  const second = await groupWith(vpc, []);
  const [id] = await runInstances(vpcId, subnetId, 1, { SecurityGroupIds: [first] });
  await cvm.AssociateSecurityGroups({ SecurityGroupIds: [second], InstanceIds: [id] });
  const groups = async () => (await cvm.DescribeInstances({ InstanceIds: [id] })).InstanceSet[0].SecurityGroupIds;
  assert.deepEqual(await groups(), [first, second]);
  await cvm.DisassociateSecurityGroups({ SecurityGroupIds: [first], InstanceIds: [id] });
  assert.deepEqual(await groups(), [second]);
  await rejects(cvm.AssociateSecurityGroups({ SecurityGroupIds: ["sg-00000000"], InstanceIds: [id] }), "InvalidSecurityGroupId.NotFound");
  await cvm.TerminateInstances({ InstanceIds: [id] });
});

test("analysis: TracePacket names the deciding rule, CheckInstancePorts and AnalyzeReachability agree", async () => {
  const vpc = client("vpc");
  const analysis = common();
  const { vpcId, subnetId } = await network("10.60.0.0/16", "10.60.1.0/24");
  const open = await groupWith(vpc, [rule("ALL", "ALL", "0.0.0.0/0", "ACCEPT")]);
  const web = await groupWith(vpc, [rule("TCP", "80", "10.60.0.0/16", "ACCEPT")]);
  const [a] = await runInstances(vpcId, subnetId, 1, { SecurityGroupIds: [open] });
  const [b] = await runInstances(vpcId, subnetId, 1, { SecurityGroupIds: [web] });

  const trace = (port) => analysis.request("TracePacket", {
    Source: { InstanceId: a }, Destination: { InstanceId: b }, Protocol: "TCP", DestinationPort: port,
  });
  const denied = await trace(22);
  assert.equal(denied.Reachable, false);
  assert.equal(denied.Disposition, "DENIED_SECURITY_GROUP_INGRESS");
  assert.equal(denied.Hops[denied.Hops.length - 1].Rule.ResourceId, web);
  const allowed = await trace(80);
  assert.equal(allowed.Reachable, true);
  assert.equal(allowed.Disposition, "ACCEPTED");
  assert.equal(allowed.Hops[allowed.Hops.length - 2].Rule.Index, 0);

  const ports = await analysis.request("CheckInstancePorts", { InstanceId: b, Ports: ["80", "22"], Source: { InstanceId: a } });
  assert.deepEqual(ports.PortSet.map((p) => `${p.Port}=${p.Open}`), ["80=true", "22=false"]);
  assert.equal(ports.PortSet[0].Rule.ResourceId, web);

  const reach = await analysis.request("AnalyzeReachability", { Destination: { InstanceId: b }, Protocol: "TCP", PortRange: "80" });
  assert.deepEqual(reach.SourceSet.map((s) => s.InstanceId), [a]);
  await rejects(analysis.request("CheckInstancePorts", { InstanceId: b, Ports: ["abc"] }), "InvalidParameterValue");
  await client("cvm").TerminateInstances({ InstanceIds: [a, b] });
});
