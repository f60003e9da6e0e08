"use strict";
// Elastic network interfaces and HAVIPs through the Node SDK: every action of both families.
const test = require("node:test");
const assert = require("node:assert/strict");
const { client, rejects, network, runInstances, unique } = require("../lib/openvpc");

const addresses = (eni) => eni.PrivateIpAddressSet.map((a) => a.PrivateIpAddress);

async function describeEni(vpc, id) {
  return (await vpc.DescribeNetworkInterfaces({ NetworkInterfaceIds: [id] })).NetworkInterfaceSet[0];
}

async function primaryEniOf(vpc, instanceId) {
  const set = (await vpc.DescribeNetworkInterfaces({ Filters: [{ Name: "attachment.instance-id", Values: [instanceId] }] }))
    .NetworkInterfaceSet;
  return set.find((e) => e.Primary).NetworkInterfaceId;
}

/** Polls DescribeVpcTaskResult for an asynchronous call's request ID until it succeeds. */
async function taskSucceeded(vpc, requestId) {
  for (let i = 0; i < 50; i++) {
    const t = await vpc.DescribeVpcTaskResult({ TaskId: requestId });
    if (t.Status !== "RUNNING") {
      return t;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`task ${requestId} still running`);
}

test("ENI addresses: create, assign by address and by count, modify, unassign, IPv6, delete", async () => {
  const vpc = client("vpc");
  const { vpcId, subnetId } = await network("10.55.0.0/16", "10.55.1.0/24");
  const eni = (await vpc.CreateNetworkInterface({
    VpcId: vpcId,
    SubnetId: subnetId,
    NetworkInterfaceName: unique("eni"),
    PrivateIpAddresses: [{ PrivateIpAddress: "10.55.1.10", Primary: true }],
    SecondaryPrivateIpAddressCount: 1,
  })).NetworkInterface;
  const id = eni.NetworkInterfaceId;
  assert.match(id, /^eni-[a-z0-9]{8}$/);
  assert.deepEqual(addresses(eni), ["10.55.1.10", "10.55.1.2"]);

  const assigned = await vpc.AssignPrivateIpAddresses({ NetworkInterfaceId: id, PrivateIpAddresses: [{ PrivateIpAddress: "10.55.1.77" }] });
  assert.equal((await taskSucceeded(vpc, assigned.RequestId)).Status, "SUCCESS");
  const byCount = await vpc.AssignPrivateIpAddresses({ NetworkInterfaceId: id, SecondaryPrivateIpAddressCount: 1 });
  assert.equal(byCount.PrivateIpAddressSet[0].PrivateIpAddress, "10.55.1.3");
  await rejects(vpc.AssignPrivateIpAddresses({ NetworkInterfaceId: id, PrivateIpAddresses: [{ PrivateIpAddress: "10.55.1.10" }] }),
    "ResourceInUse");

  await vpc.ModifyPrivateIpAddressesAttribute({ NetworkInterfaceId: id, PrivateIpAddresses: [{ PrivateIpAddress: "10.55.1.77", Description: "vip" }] });
  assert.equal((await describeEni(vpc, id)).PrivateIpAddressSet.find((a) => a.PrivateIpAddress === "10.55.1.77").Description, "vip");
  await rejects(vpc.UnassignPrivateIpAddresses({ NetworkInterfaceId: id, PrivateIpAddresses: [{ PrivateIpAddress: "10.55.1.10" }] }),
    "UnsupportedOperation");
  await vpc.UnassignPrivateIpAddresses({ NetworkInterfaceId: id, PrivateIpAddresses: [{ PrivateIpAddress: "10.55.1.3" }] });
  assert.ok(!addresses(await describeEni(vpc, id)).includes("10.55.1.3"));

  await vpc.ModifyNetworkInterfaceAttribute({ NetworkInterfaceId: id, NetworkInterfaceName: "renamed" });
  const byIp = await vpc.DescribeNetworkInterfaces({ Filters: [{ Name: "address-ip", Values: ["10.55.1.77"] }] });
  assert.deepEqual(byIp.NetworkInterfaceSet.map((e) => e.NetworkInterfaceName), ["renamed"]);

  await vpc.AssignIpv6CidrBlock({ VpcId: vpcId });
  await vpc.AssignIpv6SubnetCidrBlock({ VpcId: vpcId, Ipv6SubnetCidrBlocks: [{ SubnetId: subnetId }] });
  const v6 = (await vpc.AssignIpv6Addresses({ NetworkInterfaceId: id, Ipv6AddressCount: 2 })).Ipv6AddressSet.map((a) => a.Address);
  assert.equal(v6.length, 2);
  await vpc.ModifyIpv6AddressesAttribute({ NetworkInterfaceId: id, Ipv6Addresses: [{ Address: v6[1], Description: "second" }] });
  const shown = (await describeEni(vpc, id)).Ipv6AddressSet;
  assert.equal(shown.find((a) => a.Address === v6[1]).Description, "second");
  await vpc.UnassignIpv6Addresses({ NetworkInterfaceId: id, Ipv6Addresses: [{ Address: v6[0] }] });
  await rejects(vpc.UnassignIpv6Addresses({ NetworkInterfaceId: id, Ipv6Addresses: [{ Address: v6[0] }] }),
    "InvalidParameterValue.AddressIpNotFound");

  const deleted = await vpc.DeleteNetworkInterface({ NetworkInterfaceId: id });
  assert.equal((await taskSucceeded(vpc, deleted.RequestId)).Status, "SUCCESS");
  await rejects(vpc.DescribeNetworkInterfaces({ NetworkInterfaceIds: [id] }), "ResourceNotFound");
});

test("ENIs on instances: attach, limits, migrate an ENI and an address, detach, create-and-attach, groups", async () => {
  const vpc = client("vpc");
  const { vpcId, subnetId } = await network("10.56.0.0/16", "10.56.1.0/24");
  const ins = await runInstances(vpcId, subnetId, 2);
  const eni = (await vpc.CreateNetworkInterface({ VpcId: vpcId, SubnetId: subnetId, NetworkInterfaceName: "extra" }))
    .NetworkInterface.NetworkInterfaceId;
  const eni2 = (await vpc.CreateNetworkInterface({ VpcId: vpcId, SubnetId: subnetId, NetworkInterfaceName: "extra2" }))
    .NetworkInterface.NetworkInterfaceId;

  const attach = await vpc.AttachNetworkInterface({ NetworkInterfaceId: eni, InstanceId: ins[0] });
  assert.equal((await taskSucceeded(vpc, attach.RequestId)).Status, "SUCCESS");
  assert.equal((await describeEni(vpc, eni)).Attachment.InstanceId, ins[0]);
  await rejects(vpc.AttachNetworkInterface({ NetworkInterfaceId: eni, InstanceId: ins[0] }), "UnsupportedOperation.AttachmentAlreadyExists");

  const limit = await vpc.DescribeNetworkInterfaceLimit({ InstanceId: ins[0] });
  assert.ok(limit.EniQuantity >= 1 && limit.EniPrivateIpAddressQuantity >= 1, JSON.stringify(limit));

  await vpc.MigrateNetworkInterface({ NetworkInterfaceId: eni, SourceInstanceId: ins[0], DestinationInstanceId: ins[1] });
  assert.equal((await describeEni(vpc, eni)).Attachment.InstanceId, ins[1]);

  await vpc.AssignPrivateIpAddresses({ NetworkInterfaceId: eni, PrivateIpAddresses: [{ PrivateIpAddress: "10.56.1.100" }] });
  await vpc.MigratePrivateIpAddress({ SourceNetworkInterfaceId: eni, DestinationNetworkInterfaceId: eni2, PrivateIpAddress: "10.56.1.100" });
  assert.ok(addresses(await describeEni(vpc, eni2)).includes("10.56.1.100"));
  assert.ok(!addresses(await describeEni(vpc, eni)).includes("10.56.1.100"));

  const primary = await primaryEniOf(vpc, ins[1]);
  await rejects(vpc.DetachNetworkInterface({ NetworkInterfaceId: primary, InstanceId: ins[1] }), "UnsupportedOperation.InvalidState");
  await vpc.DetachNetworkInterface({ NetworkInterfaceId: eni, InstanceId: ins[1] });
  assert.ok(!(await describeEni(vpc, eni)).Attachment || !(await describeEni(vpc, eni)).Attachment.InstanceId);

  const made = (await vpc.CreateAndAttachNetworkInterface({
    VpcId: vpcId, SubnetId: subnetId, NetworkInterfaceName: "made", InstanceId: ins[0],
  })).NetworkInterface;
  assert.equal(made.Attachment.InstanceId, ins[0]);

  const sg = (await vpc.CreateSecurityGroup({ GroupName: unique("eni-sg"), GroupDescription: "d" })).SecurityGroup.SecurityGroupId;
  await vpc.AssociateNetworkInterfaceSecurityGroups({ NetworkInterfaceIds: [eni, eni2], SecurityGroupIds: [sg] });
  assert.deepEqual((await describeEni(vpc, eni)).GroupSet, [sg]);
  await vpc.DisassociateNetworkInterfaceSecurityGroups({ NetworkInterfaceIds: [eni], SecurityGroupIds: [sg] });
  assert.deepEqual((await describeEni(vpc, eni)).GroupSet, []);
  await rejects(vpc.AssociateNetworkInterfaceSecurityGroups({ NetworkInterfaceIds: [eni], SecurityGroupIds: ["sg-00000000"] }),
    "ResourceNotFound");

  await client("cvm").TerminateInstances({ InstanceIds: ins });
});

test("HAVIPs: create, announce from an instance, fail over, describe, modify, withdraw, delete", async () => {
  const vpc = client("vpc");
  const { vpcId, subnetId } = await network("10.57.0.0/16", "10.57.1.0/24");
  const ins = await runInstances(vpcId, subnetId, 2);
  const havip = (await vpc.CreateHaVip({ VpcId: vpcId, SubnetId: subnetId, HaVipName: "db-vip", Vip: "10.57.1.100" })).HaVip;
  assert.match(havip.HaVipId, /^havip-[a-z0-9]{8}$/);
  assert.equal(havip.Vip, "10.57.1.100");
  await rejects(vpc.CreateHaVip({ VpcId: vpcId, SubnetId: subnetId, HaVipName: "again", Vip: "10.57.1.100" }), "ResourceInUse");

  const association = (instanceId) => ({ HaVipId: havip.HaVipId, InstanceId: instanceId, InstanceType: "CVM" });
  const announced = await vpc.AssociateHaVipInstance({ HaVipAssociationSet: [association(ins[0])] });
  assert.equal((await taskSucceeded(vpc, announced.RequestId)).Status, "SUCCESS");
  const describe = async () => (await vpc.DescribeHaVips({ HaVipIds: [havip.HaVipId] })).HaVipSet[0];
  assert.equal((await describe()).InstanceId, ins[0]);
  await vpc.AssociateHaVipInstance({ HaVipAssociationSet: [association(ins[1])] });
  assert.equal((await describe()).InstanceId, ins[1]);

  const byVpc = await vpc.DescribeHaVips({ Filters: [{ Name: "vpc-id", Values: [vpcId] }, { Name: "vip", Values: ["10.57.1.100"] }] });
  assert.equal(byVpc.TotalCount, 1);
  await vpc.ModifyHaVipAttribute({ HaVipId: havip.HaVipId, HaVipName: "renamed" });
  assert.equal((await describe()).HaVipName, "renamed");

  await vpc.DisassociateHaVipInstance({ HaVipAssociationSet: [association(ins[1])] });
  await vpc.DeleteHaVip({ HaVipId: havip.HaVipId });
  await rejects(vpc.DescribeHaVips({ HaVipIds: [havip.HaVipId] }), "ResourceNotFound");
  await client("cvm").TerminateInstances({ InstanceIds: ins });
});
