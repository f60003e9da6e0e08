"use strict";
// Tencent's contract as a Node client sees it: members always answered (null where Tencent allows it),
// tasks of asynchronous actions, the documented defaults and filters.
const test = require("node:test");
const assert = require("node:assert/strict");
const { client } = require("../lib/openvpc");

test("an unattached ENI answers Attachment: null, and its creation is a task to poll", async () => {
  const vpc = client("vpc");
  const vpcId = (await vpc.CreateVpc({ VpcName: "node-fidelity", CidrBlock: "10.86.0.0/16" })).Vpc.VpcId;
  const subnet = (await vpc.CreateSubnet({ VpcId: vpcId, SubnetName: "a", CidrBlock: "10.86.1.0/24", Zone: "ap-guangzhou-3" })).Subnet;
  assert.equal(subnet.TotalIpAddressCount, 256);
  assert.equal(subnet.AvailableIpAddressCount, 253);
  const created = await vpc.CreateNetworkInterface({ VpcId: vpcId, SubnetId: subnet.SubnetId, NetworkInterfaceName: "spare" });
  const eni = created.NetworkInterface.NetworkInterfaceId;
  const described = (await vpc.DescribeNetworkInterfaces({ NetworkInterfaceIds: [eni] })).NetworkInterfaceSet[0];
  assert.ok("Attachment" in described, "Tencent always answers Attachment");
  assert.equal(described.Attachment, null);
  const task = await vpc.DescribeVpcTaskResult({ TaskId: created.RequestId });
  assert.equal(task.Status, "SUCCESS");
  assert.deepEqual(task.Result.map((r) => r.ResourceId), [eni]);
  const limit = await vpc.DescribeNetworkInterfaceLimit({ InstanceId: eni });
  assert.equal(limit.EniQuantity, 0);

  const table = (await vpc.DescribeRouteTables({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).RouteTableSet[0];
  assert.deepEqual(table.RouteSet.map((r) => `${r.GatewayType} ${r.RouteType}`), ["LOCAL NETD"]);

  await vpc.DeleteNetworkInterface({ NetworkInterfaceId: eni });
  await vpc.DeleteSubnet({ SubnetId: subnet.SubnetId });
  await vpc.DeleteVpc({ VpcId: vpcId });
});

test("template edits are tasks too; RunInstances binds the default group; documented filters", async () => {
  const vpc = client("vpc");
  const cvm = client("cvm");
  const ipm = (await vpc.CreateAddressTemplate({ AddressTemplateName: "node", Addresses: ["10.0.0.1"] })).AddressTemplate.AddressTemplateId;
  const modified = await vpc.ModifyAddressTemplateAttribute({ AddressTemplateId: ipm, AddressTemplateName: "node2" });
  assert.equal((await vpc.DescribeVpcTaskResult({ TaskId: modified.RequestId })).Status, "SUCCESS");
  const deleted = await vpc.DeleteAddressTemplate({ AddressTemplateId: ipm });
  assert.equal((await vpc.DescribeVpcTaskResult({ TaskId: deleted.RequestId })).Status, "SUCCESS");

  const vpcId = (await vpc.CreateVpc({ VpcName: "node-run", CidrBlock: "10.87.0.0/16" })).Vpc.VpcId;
  const subnetId = (await vpc.CreateSubnet({ VpcId: vpcId, SubnetName: "a", CidrBlock: "10.87.1.0/24", Zone: "ap-guangzhou-3" })).Subnet.SubnetId;
  const [id] = (await cvm.RunInstances({ Placement: { Zone: "ap-guangzhou-3" }, ImageId: "img-487zeit5",
    VirtualPrivateCloud: { VpcId: vpcId, SubnetId: subnetId } })).InstanceIdSet;
  const instance = (await cvm.DescribeInstances({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).InstanceSet[0];
  assert.equal(instance.InstanceId, id);
  const groups = (await vpc.DescribeSecurityGroups({ Filters: [{ Name: "is-default", Values: ["TRUE"] }] })).SecurityGroupSet;
  assert.deepEqual(instance.SecurityGroupIds, groups.map((g) => g.SecurityGroupId));
  assert.equal(instance.ExpiredTime, null); // pay-as-you-go
  const byUuid = await cvm.DescribeInstances({ Filters: [{ Name: "uuid", Values: [instance.Uuid] }] });
  assert.deepEqual(byUuid.InstanceSet.map((i) => i.InstanceId), [id]);
  const eni = await vpc.DescribeNetworkInterfaces({ Filters: [{ Name: "vpc-id", Values: [vpcId] },
    { Name: "address-ip", Values: [instance.PrivateIpAddresses[0]] }, { Name: "ip-exact-match", Values: ["TRUE"] }] });
  assert.equal(eni.TotalCount, 1);
  await cvm.TerminateInstances({ InstanceIds: [id] });
});
