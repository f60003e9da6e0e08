"use strict";
// Subnets, a VPC's secondary and IPv6 blocks, and who uses which address, through the Node SDK.
const test = require("node:test");
const assert = require("node:assert/strict");
const { client, rejects, unique, runInstances, ZONE } = require("../lib/openvpc");

async function newVpc(vpc, cidr) {
  return (await vpc.CreateVpc({ VpcName: unique("node-net"), CidrBlock: cidr })).Vpc.VpcId;
}

test("subnets: create, create several at once, describe, modify, delete", async () => {
  const vpc = client("vpc");
  const vpcId = await newVpc(vpc, "10.51.0.0/16");
  const created = (await vpc.CreateSubnet({ VpcId: vpcId, SubnetName: "web", CidrBlock: "10.51.1.0/24", Zone: ZONE }))
    .Subnet;
  assert.match(created.SubnetId, /^subnet-[a-z0-9]{8}$/);
  assert.equal(created.CidrBlock, "10.51.1.0/24");
  assert.equal(created.Zone, ZONE);
  assert.match(created.RouteTableId, /^rtb-/);

  // CreateSubnets is all or nothing: a conflict names the member and leaves nothing behind.
  const conflict = await rejects(vpc.CreateSubnets({
    VpcId: vpcId,
    Subnets: [{ SubnetName: "a", CidrBlock: "10.51.2.0/24", Zone: ZONE }, { SubnetName: "b", CidrBlock: "10.51.1.128/25", Zone: ZONE }],
  }), "InvalidParameterValue.SubnetConflict");
  assert.match(conflict.message, /Subnets\.1\.CidrBlock/);
  const several = await vpc.CreateSubnets({
    VpcId: vpcId,
    Subnets: [{ SubnetName: "a", CidrBlock: "10.51.2.0/24", Zone: ZONE }, { SubnetName: "b", CidrBlock: "10.51.3.0/24", Zone: ZONE }],
  });
  assert.deepEqual(several.SubnetSet.map((s) => s.CidrBlock), ["10.51.2.0/24", "10.51.3.0/24"]);

  const inVpc = await vpc.DescribeSubnets({ Filters: [{ Name: "vpc-id", Values: [vpcId] }], Limit: "100" });
  assert.equal(inVpc.TotalCount, 3);
  await vpc.ModifySubnetAttribute({ SubnetId: created.SubnetId, SubnetName: "web2", EnableBroadcast: "true" });
  const after = (await vpc.DescribeSubnets({ SubnetIds: [created.SubnetId] })).SubnetSet[0];
  assert.equal(after.SubnetName, "web2");
  assert.equal(after.EnableBroadcast, true);

  const inUse = await rejects(vpc.DeleteVpc({ VpcId: vpcId }), "ResourceInUse");
  assert.match(inUse.message, /subnet-/);
  for (const s of [created, ...several.SubnetSet]) {
    await vpc.DeleteSubnet({ SubnetId: s.SubnetId });
  }
  await rejects(vpc.DescribeSubnets({ SubnetIds: [created.SubnetId] }), "ResourceNotFound");
  await vpc.DeleteVpc({ VpcId: vpcId });
});

test("a VPC's secondary block: create, describe, modify, delete, guarded while a subnet uses it", async () => {
  const vpc = client("vpc");
  const vpcId = await newVpc(vpc, "10.52.0.0/16");
  const added = await vpc.CreateAssistantCidr({ VpcId: vpcId, CidrBlocks: ["172.21.0.0/16"] });
  assert.equal(added.AssistantCidrSet[0].CidrBlock, "172.21.0.0/16");
  await rejects(vpc.CreateAssistantCidr({ VpcId: vpcId, CidrBlocks: ["10.52.128.0/17"] }), "InvalidParameterValue");

  const subnet = (await vpc.CreateSubnet({ VpcId: vpcId, SubnetName: "second", CidrBlock: "172.21.5.0/24", Zone: ZONE })).Subnet;
  const described = await vpc.DescribeAssistantCidr({ VpcIds: [vpcId] });
  assert.deepEqual(described.AssistantCidrSet.map((a) => a.CidrBlock), ["172.21.0.0/16"]);
  const shown = (await vpc.DescribeVpcs({ VpcIds: [vpcId] })).VpcSet[0];
  assert.equal(shown.AssistantCidrSet[0].CidrBlock, "172.21.0.0/16");

  await rejects(vpc.DeleteAssistantCidr({ VpcId: vpcId, CidrBlocks: ["172.21.0.0/16"] }), "ResourceInUse");
  await vpc.DeleteSubnet({ SubnetId: subnet.SubnetId });
  const modified = await vpc.ModifyAssistantCidr({ VpcId: vpcId, OldCidrBlocks: ["172.21.0.0/16"], NewCidrBlocks: ["192.168.9.0/24"] });
  assert.deepEqual(modified.AssistantCidrSet.map((a) => a.CidrBlock), ["192.168.9.0/24"]);
  await vpc.DeleteAssistantCidr({ VpcId: vpcId, CidrBlocks: ["192.168.9.0/24"] });
  assert.equal((await vpc.DescribeAssistantCidr({ VpcIds: [vpcId] })).TotalCount, 0);
  await vpc.DeleteVpc({ VpcId: vpcId });
});

test("IPv6: a /56 for the VPC, a /64 for a subnet, and both given back", async () => {
  const vpc = client("vpc");
  const vpcId = await newVpc(vpc, "10.53.0.0/16");
  const subnetId = (await vpc.CreateSubnet({ VpcId: vpcId, SubnetName: "v6", CidrBlock: "10.53.1.0/24", Zone: ZONE })).Subnet
    .SubnetId;
  await rejects(vpc.AssignIpv6SubnetCidrBlock({ VpcId: vpcId, Ipv6SubnetCidrBlocks: [{ SubnetId: subnetId }] }),
    "UnsupportedOperation.IPV6CidrNotDeployed");
  const block = (await vpc.AssignIpv6CidrBlock({ VpcId: vpcId })).Ipv6CidrBlock;
  assert.match(block, /^fd.*\/56$/);
  const slash64 = (await vpc.AssignIpv6SubnetCidrBlock({ VpcId: vpcId, Ipv6SubnetCidrBlocks: [{ SubnetId: subnetId }] }))
    .Ipv6SubnetCidrBlockSet[0].Ipv6CidrBlock;
  assert.match(slash64, /\/64$/);
  assert.equal((await vpc.DescribeSubnets({ SubnetIds: [subnetId] })).SubnetSet[0].Ipv6CidrBlock, slash64);

  await rejects(vpc.UnassignIpv6CidrBlock({ VpcId: vpcId, Ipv6CidrBlock: block }), "ResourceInUse");
  await vpc.UnassignIpv6SubnetCidrBlock({ VpcId: vpcId, Ipv6SubnetCidrBlocks: [{ SubnetId: subnetId, Ipv6CidrBlock: slash64 }] });
  assert.equal((await vpc.DescribeSubnets({ SubnetIds: [subnetId] })).SubnetSet[0].Ipv6CidrBlock, "");
  await vpc.UnassignIpv6CidrBlock({ VpcId: vpcId, Ipv6CidrBlock: block });
  assert.equal((await vpc.DescribeVpcs({ VpcIds: [vpcId] })).VpcSet[0].Ipv6CidrBlock, "");
});

test("who uses an address: private and IPv6 addresses, used addresses, instances of a VPC", async () => {
  const vpc = client("vpc");
  const cvm = client("cvm");
  const vpcId = await newVpc(vpc, "10.54.0.0/16");
  const subnetId = (await vpc.CreateSubnet({ VpcId: vpcId, SubnetName: "a", CidrBlock: "10.54.1.0/24", Zone: ZONE })).Subnet
    .SubnetId;
  const [instanceId] = await runInstances(vpcId, subnetId, 1, { VirtualPrivateCloud: { PrivateIpAddresses: ["10.54.1.10"] } });
  await vpc.CreateHaVip({ VpcId: vpcId, SubnetId: subnetId, HaVipName: "vip", Vip: "10.54.1.100" });

  const priv = await vpc.DescribeVpcPrivateIpAddresses({ VpcId: vpcId, PrivateIpAddresses: ["10.54.1.10", "10.54.1.100", "10.54.1.50"] });
  assert.deepEqual(priv.VpcPrivateIpAddressSet.map((a) => a.PrivateIpAddress), ["10.54.1.10", "10.54.1.100"]);
  assert.deepEqual(priv.VpcPrivateIpAddressSet.map((a) => a.PrivateIpAddressType), ["CVM", "HAVIP"]);

  const used = await vpc.DescribeUsedIpAddress({ VpcId: vpcId, SubnetId: subnetId });
  const addresses = used.IpAddressStates.map((s) => s.IpAddress);
  assert.ok(addresses.includes("10.54.1.10") && addresses.includes("10.54.1.100"), addresses.join(","));
  assert.equal(used.IpAddressStates.find((s) => s.IpAddress === "10.54.1.10").ResourceType, "ENI");
  await rejects(vpc.DescribeUsedIpAddress({ VpcId: vpcId, IpAddresses: ["nope"] }), "InvalidParameterValue.Malformed");

  const instances = await vpc.DescribeVpcInstances({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] });
  assert.deepEqual(instances.InstanceSet.map((i) => i.InstanceId), [instanceId]);
  assert.equal(instances.InstanceSet[0].SubnetId, subnetId);

  // IPv6 addresses of the VPC, described by address.
  await vpc.AssignIpv6CidrBlock({ VpcId: vpcId });
  await vpc.AssignIpv6SubnetCidrBlock({ VpcId: vpcId, Ipv6SubnetCidrBlocks: [{ SubnetId: subnetId }] });
  const eniId = (await vpc.DescribeNetworkInterfaces({ Filters: [{ Name: "attachment.instance-id", Values: [instanceId] }] }))
    .NetworkInterfaceSet[0].NetworkInterfaceId;
  const v6 = (await vpc.AssignIpv6Addresses({ NetworkInterfaceId: eniId, Ipv6AddressCount: 1 })).Ipv6AddressSet[0].Address;
  const found = await vpc.DescribeVpcIpv6Addresses({ VpcId: vpcId, Ipv6Addresses: [v6] });
  assert.equal(found.TotalCount, 1);
  assert.equal(found.Ipv6AddressSet[0].Ipv6Address, v6);

  await cvm.TerminateInstances({ InstanceIds: [instanceId] });
});
