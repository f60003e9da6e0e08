"use strict";
// Route tables and routes through the Node SDK: every action of the family. This file's networks live
// in 10.43.0.0/16.
const test = require("node:test");
const assert = require("node:assert/strict");
const { client, rejects, network, runInstances, unique } = require("../lib/openvpc");

const route = (DestinationCidrBlock, GatewayType, GatewayId) => ({ DestinationCidrBlock, GatewayType, GatewayId });
const userRoutes = (table) => table.RouteSet.filter((r) => r.GatewayType !== "LOCAL");

async function table(vpc, id) {
  const r = await vpc.DescribeRouteTables({ RouteTableIds: [id] });
  assert.equal(r.TotalCount, 1);
  return r.RouteTableSet[0];
}

async function createTable(vpc, VpcId, name = unique("node-rtb")) {
  return (await vpc.CreateRouteTable({ VpcId, RouteTableName: name })).RouteTable.RouteTableId;
}

test("default table, custom tables, subnet association, rename, delete", async () => {
  const vpc = client("vpc");
  const net = await network("10.43.0.0/18", "10.43.1.0/24");
  const found = await vpc.DescribeRouteTables({
    Filters: [{ Name: "vpc-id", Values: [net.vpcId] }, { Name: "association.main", Values: ["TRUE"] }],
  });
  assert.equal(found.TotalCount, 1);
  const def = found.RouteTableSet[0];
  assert.equal(def.Main, true);
  assert.deepEqual(def.RouteSet.map((r) => [r.GatewayType, r.DestinationCidrBlock]), [["LOCAL", "10.43.0.0/18"]]);
  assert.deepEqual(def.AssociationSet.map((a) => a.SubnetId), [net.subnetId]);

  const name = unique("custom");
  const created = (await vpc.CreateRouteTable({ VpcId: net.vpcId, RouteTableName: name })).RouteTable;
  const custom = created.RouteTableId;
  assert.match(custom, /^rtb-[a-z0-9]{8}$/);
  assert.equal(created.Main, false);
  assert.equal(created.RouteTableName, name);

  await vpc.ReplaceRouteTableAssociation({ SubnetId: net.subnetId, RouteTableId: custom });
  assert.equal((await vpc.DescribeSubnets({ SubnetIds: [net.subnetId] })).SubnetSet[0].RouteTableId, custom);
  assert.deepEqual((await table(vpc, def.RouteTableId)).AssociationSet, []);
  assert.deepEqual((await table(vpc, custom)).AssociationSet.map((a) => a.SubnetId), [net.subnetId]);

  const inUse = await rejects(vpc.DeleteRouteTable({ RouteTableId: custom }), "ResourceInUse");
  assert.match(inUse.message, new RegExp(net.subnetId));
  const main = await rejects(vpc.DeleteRouteTable({ RouteTableId: def.RouteTableId }), "UnsupportedOperation.NotSupportDeleteDefaultRouteTable");
  assert.match(main.message, new RegExp(def.RouteTableId));
  await vpc.ReplaceRouteTableAssociation({ SubnetId: net.subnetId, RouteTableId: def.RouteTableId });
  assert.equal((await vpc.DescribeSubnets({ SubnetIds: [net.subnetId] })).SubnetSet[0].RouteTableId, def.RouteTableId);

  const renamed = unique("renamed");
  await vpc.ModifyRouteTableAttribute({ RouteTableId: custom, RouteTableName: renamed });
  assert.equal((await table(vpc, custom)).RouteTableName, renamed);
  const byName = await vpc.DescribeRouteTables({ Filters: [{ Name: "route-table-name", Values: [renamed] }] });
  assert.deepEqual(byName.RouteTableSet.map((t) => t.RouteTableId), [custom]);

  await vpc.DeleteRouteTable({ RouteTableId: custom });
  const gone = await rejects(vpc.DescribeRouteTables({ RouteTableIds: [custom] }), "ResourceNotFound");
  assert.match(gone.message, new RegExp(custom));

  const otherVpc = (await vpc.CreateVpc({ VpcName: unique("node-rtb"), CidrBlock: "10.43.64.0/18" })).Vpc.VpcId;
  const foreign = await createTable(vpc, otherVpc);
  const range = await rejects(vpc.ReplaceRouteTableAssociation({ SubnetId: net.subnetId, RouteTableId: foreign }), "InvalidParameterValue.Range");
  assert.match(range.message, new RegExp(otherVpc));

  await vpc.DeleteRouteTable({ RouteTableId: foreign });
  await vpc.DeleteVpc({ VpcId: otherVpc });
  await vpc.DeleteSubnet({ SubnetId: net.subnetId });
  await vpc.DeleteVpc({ VpcId: net.vpcId });
});

test("routes: create with next hops, disable/enable, replace, delete, reset", async () => {
  const vpc = client("vpc");
  const cvm = client("cvm");
  const net = await network("10.43.128.0/18", "10.43.129.0/24");
  const [ins] = await runInstances(net.vpcId, net.subnetId, 1);
  const insIp = (await cvm.DescribeInstances({ InstanceIds: [ins] })).InstanceSet[0].PrivateIpAddresses[0];
  const havip = (await vpc.CreateHaVip({ VpcId: net.vpcId, SubnetId: net.subnetId, HaVipName: unique("vip") })).HaVip.HaVipId;
  const t = await createTable(vpc, net.vpcId);

  const after = (await vpc.CreateRoutes({
    RouteTableId: t,
    Routes: [route("192.168.0.0/24", "NORMAL_CVM", insIp), route("172.16.0.0/16", "CVM", ins), route("0.0.0.0/0", "HAVIP", havip)],
  })).RouteTableSet[0];
  const user = userRoutes(after);
  assert.deepEqual(user.map((r) => `${r.DestinationCidrBlock} ${r.GatewayType} ${r.GatewayId}`),
    [`192.168.0.0/24 NORMAL_CVM ${insIp}`, `172.16.0.0/16 CVM ${ins}`, `0.0.0.0/0 HAVIP ${havip}`]);
  for (const r of user) {
    assert.match(r.RouteItemId, /^rti-[a-z0-9]{8}$/);
    assert.ok(r.RouteId > 0 && r.Enabled === true, JSON.stringify(r));
  }

  const conflict = await rejects(vpc.CreateRoutes({ RouteTableId: t, Routes: [route("10.43.130.0/24", "CVM", ins)] }),
    "InvalidParameterValue.VpcCidrConflict");
  assert.match(conflict.message, /Routes\.0\.DestinationCidrBlock/);
  const dup = await rejects(vpc.CreateRoutes({ RouteTableId: t, Routes: [route("192.168.0.0/24", "NORMAL_CVM", insIp)] }),
    "InvalidParameterValue.Duplicate");
  assert.match(dup.message, new RegExp(user[0].RouteItemId));
  await rejects(vpc.CreateRoutes({ RouteTableId: t, Routes: [route("192.168.1.0/24", "TELEPORT", "x")] }), "InvalidParameterValue");

  // Next hops in use cannot go away.
  const busy = await rejects(cvm.TerminateInstances({ InstanceIds: [ins] }), "ResourceInUse");
  assert.match(busy.message, new RegExp(user[1].RouteItemId));

  await vpc.DisableRoutes({ RouteTableId: t, RouteItemIds: [user[0].RouteItemId] });
  const enabled = async () => Object.fromEntries(userRoutes(await table(vpc, t)).map((r) => [r.RouteItemId, r.Enabled]));
  assert.deepEqual(await enabled(), { [user[0].RouteItemId]: false, [user[1].RouteItemId]: true, [user[2].RouteItemId]: true });
  await vpc.EnableRoutes({ RouteTableId: t, RouteIds: [user[0].RouteId] });
  assert.equal((await enabled())[user[0].RouteItemId], true);
  const unknown = await rejects(vpc.EnableRoutes({ RouteTableId: t, RouteIds: [9999] }), "ResourceNotFound");
  assert.match(unknown.message, /9999/);

  const replaced = await vpc.ReplaceRoutes({
    RouteTableId: t,
    Routes: [{ ...route("192.168.9.0/24", "CVM", ins), RouteId: user[0].RouteId }],
  });
  assert.equal(replaced.OldRouteSet[0].DestinationCidrBlock, "192.168.0.0/24");
  assert.equal(replaced.NewRouteSet[0].DestinationCidrBlock, "192.168.9.0/24");
  assert.equal(replaced.NewRouteSet[0].RouteItemId, user[0].RouteItemId);

  const deleted = await vpc.DeleteRoutes({ RouteTableId: t, Routes: [{ RouteId: user[1].RouteId }] });
  assert.equal(deleted.RouteSet[0].RouteItemId, user[1].RouteItemId);
  assert.deepEqual(userRoutes(await table(vpc, t)).map((r) => r.DestinationCidrBlock), ["192.168.9.0/24", "0.0.0.0/0"]);
  const again = await rejects(vpc.DeleteRoutes({ RouteTableId: t, Routes: [{ RouteId: user[1].RouteId }] }), "ResourceNotFound");
  assert.match(again.message, new RegExp(String(user[1].RouteId)));

  await vpc.ResetRoutes({ RouteTableId: t, RouteTableName: "reset", Routes: [route("100.64.0.0/10", "CVM", ins)] });
  const now = await table(vpc, t);
  assert.equal(now.RouteTableName, "reset");
  assert.deepEqual(userRoutes(now).map((r) => `${r.DestinationCidrBlock} ${r.GatewayType}`), ["100.64.0.0/10 CVM"]);
  assert.deepEqual(now.RouteSet.filter((r) => r.GatewayType === "LOCAL").map((r) => r.DestinationCidrBlock), ["10.43.128.0/18"]);

  // Clean up: the routes first, then their next hops, the table and the network.
  await vpc.DeleteRoutes({ RouteTableId: t, Routes: userRoutes(now).map((r) => ({ RouteId: r.RouteId })) });
  assert.deepEqual(userRoutes(await table(vpc, t)), []);
  await vpc.DeleteHaVip({ HaVipId: havip });
  await cvm.TerminateInstances({ InstanceIds: [ins] });
  await vpc.DeleteRouteTable({ RouteTableId: t });
  await vpc.DeleteSubnet({ SubnetId: net.subnetId });
  await vpc.DeleteVpc({ VpcId: net.vpcId });
});
