"use strict";
// Parameter templates (address and service templates, their groups, members, references and limits)
// through the Node SDK: every action of the family. Templates are account-wide, so every lookup here
// filters by the IDs or the unique names this file created.
const test = require("node:test");
const assert = require("node:assert/strict");
const { client, rejects, unique } = require("../lib/openvpc");

const member = (Member) => ({ Member, Description: `note ${Member}` });
const byFilter = (Name, ...Values) => ({ Filters: [{ Name, Values }] });

async function addressTemplate(vpc, id) {
  const found = await vpc.DescribeAddressTemplates(byFilter("address-template-id", id));
  assert.equal(found.TotalCount, 1);
  return found.AddressTemplateSet[0];
}

async function createAddress(vpc, addresses, name = unique("ipm")) {
  return (await vpc.CreateAddressTemplate({ AddressTemplateName: name, Addresses: addresses })).AddressTemplate.AddressTemplateId;
}

async function createService(vpc, services, name = unique("ppm")) {
  return (await vpc.CreateServiceTemplate({ ServiceTemplateName: name, Services: services })).ServiceTemplate.ServiceTemplateId;
}

/** The finished task an *Instances call reported: { ids, output }. */
async function task(vpc, requestId) {
  const t = await vpc.DescribeVpcTaskResult({ TaskId: requestId });
  assert.equal(t.Status, "SUCCESS");
  return { ids: (t.Result || []).map((r) => r.ResourceId), output: JSON.parse(t.Output) };
}

const rulesOf = (sg, index) => ({ InstanceType: "SecurityGroup", InstanceId: sg, Policies: [{ Direction: "Ingress", PolicyIndex: index }] });

test("address templates: create with descriptions, add/modify/delete members, modify attribute, describe by name", async () => {
  const vpc = client("vpc");
  const created = (await vpc.CreateAddressTemplate({
    AddressTemplateName: unique("office"),
    AddressesExtra: [{ Address: "10.0.0.1-10.0.0.9", Description: "printers" }, { Address: "2402:4e00::1" }],
  })).AddressTemplate;
  const id = created.AddressTemplateId;
  assert.match(id, /^ipm-[a-z0-9]{8}$/);
  assert.equal(created.AddressExtraSet[0].Description, "printers");
  assert.deepEqual(created.AddressSet, ["10.0.0.1-10.0.0.9", "2402:4e00::1"]);

  await vpc.AddTemplateMember({ TemplateId: id, TemplateMember: [member("192.168.0.0/24")] });
  assert.deepEqual((await addressTemplate(vpc, id)).AddressSet, ["10.0.0.1-10.0.0.9", "2402:4e00::1", "192.168.0.0/24"]);
  const dup = await rejects(vpc.AddTemplateMember({ TemplateId: id, TemplateMember: [member("192.168.0.0/24")] }),
    "InvalidParameterValue.Duplicate");
  assert.match(dup.message, /192\.168\.0\.0\/24/);
  await rejects(vpc.AddTemplateMember({ TemplateId: id, TemplateMember: [member("10.0.0.300")] }), "InvalidParameterValue.Malformed");

  await vpc.ModifyTemplateMember({
    TemplateId: id,
    OriginalTemplateMember: [member("2402:4e00::1")],
    TemplateMember: [member("172.16.0.0/12")],
  });
  await vpc.DeleteTemplateMember({ TemplateId: id, TemplateMember: [member("10.0.0.1-10.0.0.9")] });
  const edited = await addressTemplate(vpc, id);
  assert.deepEqual(edited.AddressSet, ["172.16.0.0/12", "192.168.0.0/24"]);
  assert.deepEqual(edited.AddressExtraSet.find((a) => a.Address === "172.16.0.0/12").Description, "note 172.16.0.0/12");
  const notMember = await rejects(vpc.DeleteTemplateMember({ TemplateId: id, TemplateMember: [member("10.0.0.1-10.0.0.9")] }),
    "InvalidParameterValue");
  assert.match(notMember.message, /not a member/);

  const renamed = unique("hq");
  await vpc.ModifyAddressTemplateAttribute({ AddressTemplateId: id, AddressTemplateName: renamed, Addresses: ["10.9.0.0/16"] });
  const byName = await vpc.DescribeAddressTemplates(byFilter("address-template-name", renamed));
  assert.deepEqual(byName.AddressTemplateSet.map((t) => [t.AddressTemplateId, t.AddressSet]), [[id, ["10.9.0.0/16"]]]);

  const reversed = await rejects(vpc.CreateAddressTemplate({ AddressTemplateName: unique("bad"), Addresses: ["10.0.0.9-10.0.0.1"] }),
    "InvalidParameterValue.Malformed");
  assert.match(reversed.message, /Addresses\.0/);
  await rejects(vpc.CreateAddressTemplate({ AddressTemplateName: unique("bad") }), "MissingParameter");

  await vpc.DeleteAddressTemplate({ AddressTemplateId: id });
  assert.equal((await vpc.DescribeAddressTemplates(byFilter("address-template-id", id))).TotalCount, 0);
  await rejects(vpc.DeleteAddressTemplate({ AddressTemplateId: id }), "ResourceNotFound");
});

test("groups, service templates and security group references: in-use templates cannot be deleted", async () => {
  const vpc = client("vpc");
  const ipmName = unique("a");
  const ipm = await createAddress(vpc, ["10.1.0.0/16"], ipmName);
  const group = (await vpc.CreateAddressTemplateGroup({ AddressTemplateGroupName: unique("offices"), AddressTemplateIds: [ipm] }))
    .AddressTemplateGroup;
  const ipmg = group.AddressTemplateGroupId;
  assert.match(ipmg, /^ipmg-[a-z0-9]{8}$/);
  assert.equal(group.AddressTemplateSet[0].AddressTemplateName, ipmName);
  const missing = await rejects(vpc.CreateAddressTemplateGroup({ AddressTemplateGroupName: "x", AddressTemplateIds: ["ipm-zzzzzzzz"] }),
    "ResourceNotFound");
  assert.match(missing.message, /ipm-zzzzzzzz/);

  const service = (await vpc.CreateServiceTemplate({ ServiceTemplateName: unique("web"), Services: ["TCP:443", "tcp:80,8080", "icmp"] }))
    .ServiceTemplate;
  const ppm = service.ServiceTemplateId;
  assert.match(ppm, /^ppm-[a-z0-9]{8}$/);
  assert.deepEqual(service.ServiceSet, ["tcp:443", "tcp:80,8080", "icmp"], "services are stored in canonical form");
  await rejects(vpc.CreateServiceTemplate({ ServiceTemplateName: "x", Services: ["icmp:8"] }), "InvalidParameterValue");
  const ppmg = (await vpc.CreateServiceTemplateGroup({ ServiceTemplateGroupName: unique("services"), ServiceTemplateIds: [ppm] }))
    .ServiceTemplateGroup.ServiceTemplateGroupId;
  assert.match(ppmg, /^ppmg-[a-z0-9]{8}$/);
  const groups = await vpc.DescribeServiceTemplateGroups(byFilter("service-template-group-id", ppmg));
  assert.equal(groups.TotalCount, 1);
  assert.deepEqual(groups.ServiceTemplateGroupSet[0].ServiceTemplateIdSet, [ppm]);
  assert.ok(groups.ServiceTemplateGroupSet[0].ServiceTemplateSet[0].ServiceSet.includes("tcp:443"));

  const sg = (await vpc.CreateSecurityGroup({ GroupName: unique("uses-templates"), GroupDescription: "node" })).SecurityGroup
    .SecurityGroupId;
  await vpc.CreateSecurityGroupPolicies({
    SecurityGroupId: sg,
    SecurityGroupPolicySet: {
      Ingress: [{ AddressTemplate: { AddressGroupId: ipmg }, ServiceTemplate: { ServiceGroupId: ppmg }, Action: "ACCEPT" }],
    },
  });

  const inGroup = await rejects(vpc.DeleteAddressTemplate({ AddressTemplateId: ipm }), "ResourceInUse");
  assert.match(inGroup.message, new RegExp(ipmg));
  const inRule = await rejects(vpc.DeleteAddressTemplateGroup({ AddressTemplateGroupId: ipmg }), "ResourceInUse");
  assert.match(inRule.message, new RegExp(sg));
  assert.match((await rejects(vpc.DeleteServiceTemplateGroup({ ServiceTemplateGroupId: ppmg }), "ResourceInUse")).message, new RegExp(sg));
  assert.match((await rejects(vpc.DeleteServiceTemplate({ ServiceTemplateId: ppm }), "ResourceInUse")).message, new RegExp(ppmg));

  await vpc.DeleteSecurityGroup({ SecurityGroupId: sg });
  await vpc.DeleteAddressTemplateGroup({ AddressTemplateGroupId: ipmg });
  await vpc.DeleteAddressTemplate({ AddressTemplateId: ipm });
  await vpc.DeleteServiceTemplateGroup({ ServiceTemplateGroupId: ppmg });
  await vpc.DeleteServiceTemplate({ ServiceTemplateId: ppm });
  assert.equal((await vpc.DescribeAddressTemplateGroups(byFilter("address-template-group-id", ipmg))).TotalCount, 0);
  assert.equal((await vpc.DescribeServiceTemplateGroups(byFilter("service-template-group-id", ppmg))).TotalCount, 0);
  assert.equal((await vpc.DescribeServiceTemplates(byFilter("service-template-id", ppm))).TotalCount, 0);
  await rejects(vpc.DeleteServiceTemplate({ ServiceTemplateId: ppm }), "ResourceNotFound");
  await rejects(vpc.DeleteServiceTemplate({ ServiceTemplateId: "ppm-BAD" }), "InvalidParameterValue.Malformed");
});

test("modify service templates and groups, reorder an address group, template limits", async () => {
  const vpc = client("vpc");
  const ppm = await createService(vpc, ["udp:53"]);
  await vpc.ModifyServiceTemplateAttribute({ ServiceTemplateId: ppm, Services: ["udp:53", "tcp:53"] });
  const services = await vpc.DescribeServiceTemplates(byFilter("service-template-id", ppm));
  assert.deepEqual(services.ServiceTemplateSet[0].ServiceSet, ["udp:53", "tcp:53"]);

  const ipm1 = await createAddress(vpc, ["10.2.0.1"]);
  const ipm2 = await createAddress(vpc, ["10.2.0.1"]);
  const ipmg = (await vpc.CreateAddressTemplateGroup({ AddressTemplateGroupName: unique("g"), AddressTemplateIds: [ipm1] }))
    .AddressTemplateGroup.AddressTemplateGroupId;
  const renamedGroup = unique("g-renamed");
  await vpc.ModifyAddressTemplateGroupAttribute({
    AddressTemplateGroupId: ipmg, AddressTemplateGroupName: renamedGroup, AddressTemplateIds: [ipm2, ipm1],
  });
  const groups = await vpc.DescribeAddressTemplateGroups(byFilter("address-template-group-id", ipmg));
  assert.equal(groups.AddressTemplateGroupSet[0].AddressTemplateGroupName, renamedGroup);
  assert.deepEqual(groups.AddressTemplateGroupSet[0].AddressTemplateIdSet, [ipm2, ipm1]);

  const ppmg = (await vpc.CreateServiceTemplateGroup({ ServiceTemplateGroupName: unique("sg"), ServiceTemplateIds: [ppm] }))
    .ServiceTemplateGroup.ServiceTemplateGroupId;
  const renamed = unique("renamed");
  await vpc.ModifyServiceTemplateGroupAttribute({ ServiceTemplateGroupId: ppmg, ServiceTemplateGroupName: renamed });
  const byName = await vpc.DescribeServiceTemplateGroups(byFilter("service-template-group-name", renamed));
  assert.deepEqual(byName.ServiceTemplateGroupSet.map((g) => g.ServiceTemplateGroupId), [ppmg]);
  const wrongKind = await rejects(vpc.AddTemplateMember({ TemplateId: ppmg, TemplateMember: [member(ipm1)] }),
    "InvalidParameterValue.Malformed");
  assert.match(wrongKind.message, /ppm-/);

  const limits = (await vpc.DescribeTemplateLimits({})).TemplateLimit;
  for (const key of ["AddressTemplateMemberLimit", "AddressTemplateGroupMemberLimit", "ServiceTemplateMemberLimit",
    "ServiceTemplateGroupMemberLimit"]) {
    assert.ok(Number.isInteger(limits[key]) && limits[key] > 0, `${key}: ${JSON.stringify(limits)}`);
  }

  await vpc.DeleteServiceTemplateGroup({ ServiceTemplateGroupId: ppmg });
  await vpc.DeleteServiceTemplate({ ServiceTemplateId: ppm });
  await vpc.DeleteAddressTemplateGroup({ AddressTemplateGroupId: ipmg });
  await vpc.DeleteAddressTemplate({ AddressTemplateId: ipm1 });
  await vpc.DeleteAddressTemplate({ AddressTemplateId: ipm2 });
});

test("template instances: the groups and security group rules using a template, reported as a task", async () => {
  const vpc = client("vpc");
  const ipm = await createAddress(vpc, ["10.1.0.0/16", "10.2.0.1-10.2.0.3"]);
  const ipm6 = await createAddress(vpc, ["2402:4e00::/32"]);
  const ipmg = (await vpc.CreateAddressTemplateGroup({ AddressTemplateGroupName: unique("both"), AddressTemplateIds: [ipm, ipm6] }))
    .AddressTemplateGroup.AddressTemplateGroupId;
  const ppm = await createService(vpc, ["tcp:443", "udp:53-60"]);
  const ppmg = (await vpc.CreateServiceTemplateGroup({ ServiceTemplateGroupName: unique("svcs"), ServiceTemplateIds: [ppm] }))
    .ServiceTemplateGroup.ServiceTemplateGroupId;
  const sg = (await vpc.CreateSecurityGroup({ GroupName: unique("expanded"), GroupDescription: "node" })).SecurityGroup.SecurityGroupId;
  await vpc.CreateSecurityGroupPolicies({
    SecurityGroupId: sg,
    SecurityGroupPolicySet: {
      Ingress: [
        { Protocol: "TCP", Port: "22", AddressTemplate: { AddressId: ipm }, Action: "ACCEPT" },
        { CidrBlock: "10.9.0.0/16", ServiceTemplate: { ServiceGroupId: ppmg }, Action: "DROP" },
        { AddressTemplate: { AddressGroupId: ipmg }, ServiceTemplate: { ServiceId: ppm }, Action: "ACCEPT" },
        { Protocol: "ALL", CidrBlock: "0.0.0.0/0", Action: "ACCEPT" },
      ],
    },
  });

  let t = await task(vpc, (await vpc.DescribeAddressTemplateInstances({ AddressTemplateId: ipm })).RequestId);
  assert.deepEqual(t.ids, [ipmg, sg]);
  assert.deepEqual(t.output, {
    TotalCount: 2,
    InstanceSet: [{ InstanceType: "AddressTemplateGroup", InstanceId: ipmg }, rulesOf(sg, 0)],
  });
  t = await task(vpc, (await vpc.DescribeAddressTemplateInstances({ AddressTemplateId: ipm, Offset: 1, Limit: 1 })).RequestId);
  assert.deepEqual(t.ids, [sg]);
  assert.equal(t.output.TotalCount, 2);

  t = await task(vpc, (await vpc.DescribeAddressTemplateGroupInstances({ AddressTemplateGroupId: ipmg })).RequestId);
  assert.deepEqual(t.output, { TotalCount: 1, InstanceSet: [rulesOf(sg, 2)] });

  t = await task(vpc, (await vpc.DescribeServiceTemplateInstances({ ServiceTemplateId: ppm })).RequestId);
  assert.deepEqual(t.ids, [ppmg, sg]);
  assert.deepEqual(t.output.InstanceSet, [{ InstanceType: "ServiceTemplateGroup", InstanceId: ppmg }, rulesOf(sg, 2)]);

  t = await task(vpc, (await vpc.DescribeServiceTemplateGroupInstances({ ServiceTemplateGroupId: ppmg })).RequestId);
  assert.deepEqual(t.ids, [sg]);
  assert.deepEqual(t.output, { TotalCount: 1, InstanceSet: [rulesOf(sg, 1)] });

  // A template only a group contains.
  t = await task(vpc, (await vpc.DescribeAddressTemplateInstances({ AddressTemplateId: ipm6 })).RequestId);
  assert.deepEqual(t.output, { TotalCount: 1, InstanceSet: [{ InstanceType: "AddressTemplateGroup", InstanceId: ipmg }] });

  await rejects(vpc.DescribeAddressTemplateInstances({ AddressTemplateId: ipmg }), "InvalidParameterValue.Malformed");
  await rejects(vpc.DescribeAddressTemplateInstances({ AddressTemplateId: "ipm-zzzzzzzz" }), "ResourceNotFound");
  await rejects(vpc.DescribeAddressTemplateGroupInstances({ AddressTemplateGroupId: "ipmg-zzzzzzzz" }), "ResourceNotFound");
  await rejects(vpc.DescribeServiceTemplateInstances({ ServiceTemplateId: ppmg }), "InvalidParameterValue.Malformed");
  await rejects(vpc.DescribeServiceTemplateGroupInstances({}), "MissingParameter");
  await rejects(vpc.DescribeServiceTemplateGroupInstances({ ServiceTemplateGroupId: ppmg, Limit: 101 }), "InvalidParameterValue.Range");

  // Nothing uses the group once the rules are gone: a finished task with no resources.
  await vpc.DeleteSecurityGroup({ SecurityGroupId: sg });
  t = await task(vpc, (await vpc.DescribeServiceTemplateGroupInstances({ ServiceTemplateGroupId: ppmg })).RequestId);
  assert.deepEqual(t.ids, []);
  assert.deepEqual(t.output, { TotalCount: 0, InstanceSet: [] });

  await vpc.DeleteServiceTemplateGroup({ ServiceTemplateGroupId: ppmg });
  await vpc.DeleteServiceTemplate({ ServiceTemplateId: ppm });
  await vpc.DeleteAddressTemplateGroup({ AddressTemplateGroupId: ipmg });
  await vpc.DeleteAddressTemplate({ AddressTemplateId: ipm });
  await vpc.DeleteAddressTemplate({ AddressTemplateId: ipm6 });
});
