"use strict";
// Network ACLs through the Node SDK: every action of the family — three-tuple ACLs and their entries,
// five-tuple ACLs and theirs, subnet association. This file's networks live in 10.42.0.0/16.
const test = require("node:test");
const assert = require("node:assert/strict");
const { client, rejects, network, unique } = require("../lib/openvpc");

const entry = (Protocol, Port, CidrBlock, Action, more = {}) => ({ Protocol, Port, CidrBlock, Action, ...more });
const quintuple = (Protocol, SourceCidr, DestinationPort, Action) => ({ Protocol, SourceCidr, DestinationPort, Action });

async function acl(vpc, VpcId, type) {
  const r = { VpcId, NetworkAclName: unique("node-acl") };
  if (type) {
    r.NetworkAclType = type;
  }
  return (await vpc.CreateNetworkAcl(r)).NetworkAcl.NetworkAclId;
}

async function describe(vpc, id) {
  const r = await vpc.DescribeNetworkAcls({ NetworkAclIds: [id] });
  assert.equal(r.TotalCount, 1);
  return r.NetworkAclSet[0];
}

async function vpcOnly(vpc, cidr) {
  return (await vpc.CreateVpc({ VpcName: unique("node-acl"), CidrBlock: cidr })).Vpc.VpcId;
}

test("three-tuple ACL: modify entries, associate and disassociate subnets, rename, delete", async () => {
  const vpc = client("vpc");
  const net = await network("10.42.0.0/18", "10.42.1.0/24");
  const id = await acl(vpc, net.vpcId);
  assert.match(id, /^acl-[a-z0-9]{8}$/);
  const created = await describe(vpc, id);
  assert.equal(created.NetworkAclType, "TRIPLE");
  assert.equal(created.VpcId, net.vpcId);
  assert.deepEqual(created.IngressEntries, []);

  await vpc.ModifyNetworkAclEntries({
    NetworkAclId: id,
    NetworkAclEntrySet: {
      Ingress: [entry("tcp", "80", "0.0.0.0/0", "accept"), entry("TCP", "8000-8080", "10.0.0.0/8", "ACCEPT")],
      Egress: [{ Protocol: "ALL", CidrBlock: "0.0.0.0/0", Action: "ACCEPT" }],
    },
  });
  let got = await describe(vpc, id);
  assert.deepEqual(got.IngressEntries.map((e) => `${e.Priority} ${e.Protocol} ${e.Port} ${e.Action}`),
    ["1 TCP 80 ACCEPT", "2 TCP 8000-8080 ACCEPT"]);
  assert.equal(got.EgressEntries.length, 1);

  // Only ingress given: egress stays.
  await vpc.ModifyNetworkAclEntries({ NetworkAclId: id, NetworkAclEntrySet: { Ingress: [{ Protocol: "ICMP", CidrBlock: "10.0.0.0/8", Action: "ACCEPT" }] } });
  got = await describe(vpc, id);
  assert.deepEqual(got.IngressEntries.map((e) => e.Protocol), ["ICMP"]);
  assert.equal(got.EgressEntries.length, 1);

  // Incremental: the entry named by ID is replaced, the other appended.
  await vpc.ModifyNetworkAclEntries({
    NetworkAclId: id,
    EnableUpdateAclEntries: true,
    NetworkAclEntrySet: {
      Ingress: [
        entry("UDP", "53", "10.0.0.0/8", "ACCEPT", { NetworkAclIpv4EntryId: got.IngressEntries[0].NetworkAclIpv4EntryId }),
        entry("TCP", "22", "10.0.0.0/8", "DROP"),
      ],
    },
  });
  assert.deepEqual((await describe(vpc, id)).IngressEntries.map((e) => `${e.Protocol} ${e.Port} ${e.Action}`),
    ["UDP 53 ACCEPT", "TCP 22 DROP"]);
  const port = await rejects(vpc.ModifyNetworkAclEntries({ NetworkAclId: id, NetworkAclEntrySet: { Ingress: [entry("TCP", "22,80", "10.0.0.0/8", "ACCEPT")] } }),
    "InvalidParameterValue.Malformed");
  assert.match(port.message, /Ingress\.0\.Port/);
  await rejects(vpc.ModifyNetworkAclEntries({ NetworkAclId: id, NetworkAclEntrySet: { Ingress: [entry("GRE", undefined, "10.0.0.0/8", "ACCEPT")] } }),
    "InvalidParameterValue");
  assert.equal((await describe(vpc, id)).IngressEntries.length, 2, "a refused change leaves the entries as they were");

  await vpc.AssociateNetworkAclSubnets({ NetworkAclId: id, SubnetIds: [net.subnetId] });
  assert.deepEqual((await describe(vpc, id)).SubnetSet.map((s) => s.SubnetId), [net.subnetId]);
  assert.equal((await vpc.DescribeSubnets({ SubnetIds: [net.subnetId] })).SubnetSet[0].NetworkAclId, id);

  // Associating with another ACL moves the subnet.
  const other = await acl(vpc, net.vpcId, "TRIPLE");
  await vpc.AssociateNetworkAclSubnets({ NetworkAclId: other, SubnetIds: [net.subnetId] });
  assert.deepEqual((await describe(vpc, id)).SubnetSet, []);
  assert.deepEqual((await describe(vpc, other)).SubnetSet.map((s) => s.SubnetId), [net.subnetId]);
  const inUse = await rejects(vpc.DeleteNetworkAcl({ NetworkAclId: other }), "ResourceInUse");
  assert.match(inUse.message, new RegExp(net.subnetId));
  const notThere = await rejects(vpc.DisassociateNetworkAclSubnets({ NetworkAclId: id, SubnetIds: [net.subnetId] }), "InvalidParameterValue");
  assert.match(notThere.message, new RegExp(other));
  await vpc.DisassociateNetworkAclSubnets({ NetworkAclId: other, SubnetIds: [net.subnetId] });
  assert.deepEqual((await describe(vpc, other)).SubnetSet, []);
  assert.equal((await vpc.DescribeSubnets({ SubnetIds: [net.subnetId] })).SubnetSet[0].NetworkAclId, "");
  await vpc.DeleteNetworkAcl({ NetworkAclId: other });
  await rejects(vpc.DeleteNetworkAcl({ NetworkAclId: other }), "ResourceNotFound");

  const elsewhere = await network("10.42.64.0/18", "10.42.65.0/24");
  const mismatch = await rejects(vpc.AssociateNetworkAclSubnets({ NetworkAclId: id, SubnetIds: [elsewhere.subnetId] }),
    "UnsupportedOperation.VpcMismatch");
  assert.match(mismatch.message, new RegExp(elsewhere.vpcId));

  const renamed = unique("renamed");
  await vpc.ModifyNetworkAclAttribute({ NetworkAclId: id, NetworkAclName: renamed });
  assert.equal((await describe(vpc, id)).NetworkAclName, renamed);
  const byName = await vpc.DescribeNetworkAcls({ Filters: [{ Name: "network-acl-name", Values: [renamed] }] });
  assert.deepEqual(byName.NetworkAclSet.map((a) => a.NetworkAclId), [id]);

  await vpc.DeleteNetworkAcl({ NetworkAclId: id });
  await rejects(vpc.DescribeNetworkAcls({ NetworkAclIds: [id] }), "ResourceNotFound");
  for (const n of [net, elsewhere]) {
    await vpc.DeleteSubnet({ SubnetId: n.subnetId });
    await vpc.DeleteVpc({ VpcId: n.vpcId });
  }
});

test("three-tuple ACL: create entries appends, delete entries by IPv4 or IPv6 entry ID", async () => {
  const vpc = client("vpc");
  const vpcId = await vpcOnly(vpc, "10.42.128.0/18");
  const id = await acl(vpc, vpcId, "TRIPLE");
  await vpc.ModifyNetworkAclEntries({ NetworkAclId: id, NetworkAclEntrySet: { Ingress: [entry("TCP", "22", "10.0.0.0/8", "ACCEPT")] } });
  const first = (await describe(vpc, id)).IngressEntries[0].NetworkAclIpv4EntryId;
  assert.match(first, /^acle-[a-z0-9]{8}$/);

  // An ID given with a new entry is not reused.
  await vpc.CreateNetworkAclEntries({
    NetworkAclId: id,
    NetworkAclEntrySet: {
      Ingress: [
        { Protocol: "UDP", Port: "53", Ipv6CidrBlock: "2402:4e00::/32", Action: "ACCEPT" },
        entry("TCP", "443", "0.0.0.0/0", "accept", { NetworkAclIpv4EntryId: first }),
      ],
      Egress: [{ Protocol: "ALL", CidrBlock: "0.0.0.0/0", Action: "ACCEPT" }],
    },
  });
  let got = await describe(vpc, id);
  assert.deepEqual(got.IngressEntries.map((e) => `${e.Priority} ${e.Protocol} ${e.Port} ${e.CidrBlock || e.Ipv6CidrBlock} ${e.Action}`),
    ["1 TCP 22 10.0.0.0/8 ACCEPT", "2 UDP 53 2402:4e00::/32 ACCEPT", "3 TCP 443 0.0.0.0/0 ACCEPT"]);
  assert.equal(got.IngressEntries[0].NetworkAclIpv4EntryId, first);
  assert.match(got.IngressEntries[1].NetworkAclIpv6EntryId, /^acle-[a-z0-9]{8}$/);
  assert.notEqual(got.IngressEntries[2].NetworkAclIpv4EntryId, first);
  assert.deepEqual(got.EgressEntries.map((e) => e.Protocol), ["ALL"]);

  const coexist = await rejects(vpc.CreateNetworkAclEntries({
    NetworkAclId: id,
    NetworkAclEntrySet: { Egress: [entry("TCP", "80", "10.0.0.0/8", "ACCEPT", { Ipv6CidrBlock: "::/0" })] },
  }), "InvalidParameter.Coexist");
  assert.match(coexist.message, /Egress\.0/);
  await rejects(vpc.CreateNetworkAclEntries({ NetworkAclId: id, NetworkAclEntrySet: { Ingress: [] } }), "MissingParameter");
  await rejects(vpc.CreateNetworkAclEntries({ NetworkAclId: "acl-zzzzzzzz", NetworkAclEntrySet: { Ingress: [entry("TCP", "80", "10.0.0.0/8", "ACCEPT")] } }),
    "ResourceNotFound");
  assert.equal((await describe(vpc, id)).IngressEntries.length, 3);

  const v6Id = got.IngressEntries[1].NetworkAclIpv6EntryId;
  const egressId = got.EgressEntries[0].NetworkAclIpv4EntryId;
  const wrongDirection = await rejects(vpc.DeleteNetworkAclEntries({
    NetworkAclId: id, NetworkAclEntrySet: { Ingress: [{ NetworkAclIpv4EntryId: egressId }] },
  }), "ResourceNotFound");
  assert.match(wrongDirection.message, new RegExp(egressId));
  await vpc.DeleteNetworkAclEntries({
    NetworkAclId: id,
    NetworkAclEntrySet: { Ingress: [{ NetworkAclIpv6EntryId: v6Id }, { NetworkAclIpv4EntryId: first }] },
  });
  got = await describe(vpc, id);
  assert.deepEqual(got.IngressEntries.map((e) => `${e.Priority} ${e.Port}`), ["1 443"]);
  assert.equal(got.EgressEntries.length, 1);
  await vpc.DeleteNetworkAclEntries({ NetworkAclId: id, NetworkAclEntrySet: { Egress: [{ NetworkAclIpv4EntryId: egressId }] } });
  assert.deepEqual((await describe(vpc, id)).EgressEntries, []);
  await rejects(vpc.DeleteNetworkAclEntries({ NetworkAclId: id, NetworkAclEntrySet: { Egress: [{ NetworkAclIpv4EntryId: egressId }] } }),
    "ResourceNotFound");

  await vpc.DeleteNetworkAcl({ NetworkAclId: id });
  await vpc.DeleteVpc({ VpcId: vpcId });
});

test("five-tuple ACL: create, describe, modify and delete entries by ID", async () => {
  const vpc = client("vpc");
  const vpcId = await vpcOnly(vpc, "10.42.192.0/18");
  const id = await acl(vpc, vpcId, "QUINTUPLE");
  assert.equal((await describe(vpc, id)).NetworkAclType, "QUINTUPLE");
  await vpc.CreateNetworkAclQuintupleEntries({
    NetworkAclId: id,
    NetworkAclQuintupleSet: { Ingress: [quintuple("TCP", "10.0.0.0/8", "443", "ACCEPT"), quintuple("UDP", undefined, "53", "ACCEPT")] },
  });
  const entries = async () => (await vpc.DescribeNetworkAclQuintupleEntries({ NetworkAclId: id })).NetworkAclQuintupleSet;
  let got = await entries();
  assert.deepEqual(got.map((e) => `${e.Priority} ${e.Protocol} ${e.SourceCidr} ${e.DestinationCidr}:${e.DestinationPort} ${e.NetworkAclDirection}`),
    ["1 TCP 10.0.0.0/8 0.0.0.0/0:443 INGRESS", "2 UDP 0.0.0.0/0 0.0.0.0/0:53 INGRESS"]);
  got.forEach((e) => assert.match(e.NetworkAclQuintupleEntryId, /^acle-[a-z0-9]{8}$/));

  const change = { ...quintuple("TCP", "10.0.0.0/8", "8443", "DROP"), NetworkAclQuintupleEntryId: got[0].NetworkAclQuintupleEntryId };
  await vpc.ModifyNetworkAclQuintupleEntries({ NetworkAclId: id, NetworkAclQuintupleSet: { Ingress: [change] } });
  assert.deepEqual((await entries()).map((e) => `${e.DestinationPort} ${e.Action}`), ["8443 DROP", "53 ACCEPT"]);
  const unknown = await rejects(vpc.ModifyNetworkAclQuintupleEntries({
    NetworkAclId: id, NetworkAclQuintupleSet: { Ingress: [{ ...change, NetworkAclQuintupleEntryId: "acle-zzzzzzzz" }] },
  }), "ResourceNotFound");
  assert.match(unknown.message, /acle-zzzzzzzz/);

  await vpc.DeleteNetworkAclQuintupleEntries({
    NetworkAclId: id, NetworkAclQuintupleSet: { Ingress: [{ NetworkAclQuintupleEntryId: got[1].NetworkAclQuintupleEntryId }] },
  });
  got = await entries();
  assert.deepEqual(got.map((e) => `${e.DestinationPort} ${e.Action}`), ["8443 DROP"]);

  const badPort = await rejects(vpc.CreateNetworkAclQuintupleEntries({
    NetworkAclId: id, NetworkAclQuintupleSet: { Ingress: [quintuple("TCP", "10.0.0.0/8", "1-2-3", "ACCEPT")] },
  }), "InvalidParameterValue.Malformed");
  assert.match(badPort.message, /Ingress\.0\.DestinationPort/);
  const triple = await acl(vpc, vpcId, "TRIPLE");
  const wrongKind = await rejects(vpc.CreateNetworkAclQuintupleEntries({
    NetworkAclId: triple, NetworkAclQuintupleSet: { Ingress: [quintuple("TCP", undefined, "22", "ACCEPT")] },
  }), "UnsupportedOperation");
  assert.match(wrongKind.message, /TRIPLE/);
  await rejects(vpc.ModifyNetworkAclEntries({ NetworkAclId: id, NetworkAclEntrySet: { Ingress: [] } }), "UnsupportedOperation");
  await rejects(vpc.CreateNetworkAcl({ VpcId: vpcId, NetworkAclName: "x", NetworkAclType: "SEXTUPLE" }), "InvalidParameterValue");
  await rejects(vpc.CreateNetworkAcl({ VpcId: "vpc-zzzzzzzz", NetworkAclName: "x" }), "ResourceNotFound");

  await vpc.DeleteNetworkAclQuintupleEntries({
    NetworkAclId: id, NetworkAclQuintupleSet: { Ingress: [{ NetworkAclQuintupleEntryId: got[0].NetworkAclQuintupleEntryId }] },
  });
  assert.deepEqual(await entries(), []);
  await vpc.DeleteNetworkAcl({ NetworkAclId: triple });
  await vpc.DeleteNetworkAcl({ NetworkAclId: id });
  await vpc.DeleteVpc({ VpcId: vpcId });
});
