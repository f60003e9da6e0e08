// The resource families as data: how to list, create, rename and delete each one. One generic list page
// (pages.js) renders them all, so a family is a descriptor here, not another page.
import { all, call } from './api.js';
import { h, link, ids } from './ui.js';

const vpcFilter = (vpcId) => (vpcId ? { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] } : {});
const name = (n) => (n ? h('span', n) : h('span.muted', 'unnamed'));
const state = (s) => h(`span.badge.state-${String(s || '').toLowerCase()}`, s || '–');

/** Loads subnets of a VPC for the create forms' pickers. */
export async function subnetOptions(vpcId) {
  const subnets = await all('vpc', 'DescribeSubnets', 'SubnetSet', vpcFilter(vpcId), true);
  return subnets.map((s) => [s.SubnetId, `${s.SubnetId} ${s.SubnetName || ''} (${s.CidrBlock}, ${s.Zone})`]);
}

export async function zoneOptions() {
  const r = await call('cvm', 'DescribeZones', {});
  return (r.ZoneSet || []).filter((z) => z.ZoneState !== 'UNAVAILABLE').map((z) => [z.Zone, `${z.ZoneName || z.Zone} (${z.Zone})`]);
}

async function imageOptions() {
  const r = await call('cvm', 'DescribeImages', {});
  return (r.ImageSet || []).map((i) => [i.ImageId, `${i.ImageName} (${i.ImageId})`]);
}

export const FAMILIES = {
  vpcs: {
    title: 'VPCs', noun: 'VPC', product: 'vpc', describe: 'DescribeVpcs', set: 'VpcSet', stringPaging: true, idKey: 'VpcId',
    perVpc: false,
    columns: [
      { title: 'ID', value: (v) => link(`#/vpc/${v.VpcId}`, v.VpcId) },
      { title: 'Name', value: (v) => name(v.VpcName) },
      { title: 'IPv4 CIDR', value: (v) => [v.CidrBlock, ...(v.AssistantCidrSet || []).map((a) => a.CidrBlock)].join(', ') },
      { title: 'Default', value: (v) => (v.IsDefault ? 'yes' : 'no') },
      { title: 'Created', value: (v) => v.CreatedTime },
    ],
    create: {
      fields: () => [
        { name: 'VpcName', label: 'Name', required: true, placeholder: 'prod-vpc' },
        { name: 'CidrBlock', label: 'IPv4 CIDR', required: true, value: '10.0.0.0/16', help: 'Within 10.0.0.0/12-28, 172.16.0.0/12-28 or 192.168.0.0/16-28' },
      ],
      action: 'CreateVpc', params: (v) => v,
    },
    rename: { action: 'ModifyVpcAttribute', field: 'VpcName', params: (r, n) => ({ VpcId: r.VpcId, VpcName: n }) },
    remove: { action: 'DeleteVpc', params: (r) => ({ VpcId: r.VpcId }) },
  },
  subnets: {
    title: 'Subnets', noun: 'subnet', product: 'vpc', describe: 'DescribeSubnets', set: 'SubnetSet', stringPaging: true, idKey: 'SubnetId',
    filter: vpcFilter,
    columns: [
      { title: 'ID', value: (s) => s.SubnetId },
      { title: 'Name', value: (s) => name(s.SubnetName) },
      { title: 'VPC', value: (s) => link(`#/vpc/${s.VpcId}`, s.VpcId) },
      { title: 'CIDR', value: (s) => [s.CidrBlock, s.Ipv6CidrBlock].filter(Boolean).join(', ') },
      { title: 'Zone', value: (s) => s.Zone },
      { title: 'Route table', value: (s) => s.RouteTableId },
      { title: 'Network ACL', value: (s) => (s.NetworkAclId ? link(`#/acl/${s.NetworkAclId}`, s.NetworkAclId) : '–') },
      { title: 'Free IPs', value: (s) => s.AvailableIpAddressCount },
    ],
    create: {
      needsVpc: true,
      fields: async () => [
        { name: 'SubnetName', label: 'Name', required: true, placeholder: 'web' },
        { name: 'CidrBlock', label: 'IPv4 CIDR', required: true, placeholder: '10.0.1.0/24' },
        { name: 'Zone', label: 'Zone', required: true, options: await zoneOptions() },
      ],
      action: 'CreateSubnet', params: (v, vpcId) => ({ VpcId: vpcId, ...v }),
    },
    rename: { action: 'ModifySubnetAttribute', field: 'SubnetName', params: (r, n) => ({ SubnetId: r.SubnetId, SubnetName: n }) },
    remove: { action: 'DeleteSubnet', params: (r) => ({ SubnetId: r.SubnetId }) },
  },
  routeTables: {
    title: 'Route tables', noun: 'route table', product: 'vpc', describe: 'DescribeRouteTables', set: 'RouteTableSet', stringPaging: true,
    idKey: 'RouteTableId', filter: vpcFilter,
    columns: [
      { title: 'ID', value: (t) => link(`#/route-table/${t.RouteTableId}`, t.RouteTableId) },
      { title: 'Name', value: (t) => name(t.RouteTableName) },
      { title: 'VPC', value: (t) => t.VpcId },
      { title: 'Main', value: (t) => (t.Main ? 'yes' : 'no') },
      { title: 'Subnets', value: (t) => ids((t.AssociationSet || []).map((a) => a.SubnetId)) },
      { title: 'Routes', value: (t) => String((t.RouteSet || []).length) },
    ],
    create: {
      needsVpc: true,
      fields: () => [{ name: 'RouteTableName', label: 'Name', required: true }],
      action: 'CreateRouteTable', params: (v, vpcId) => ({ VpcId: vpcId, ...v }),
    },
    rename: { action: 'ModifyRouteTableAttribute', field: 'RouteTableName', params: (r, n) => ({ RouteTableId: r.RouteTableId, RouteTableName: n }) },
    remove: { action: 'DeleteRouteTable', params: (r) => ({ RouteTableId: r.RouteTableId }) },
  },
  instances: {
    title: 'Instances', noun: 'instance', product: 'cvm', describe: 'DescribeInstances', set: 'InstanceSet', idKey: 'InstanceId',
    filter: vpcFilter,
    columns: [
      { title: 'ID', value: (i) => link(`#/instance/${i.InstanceId}`, i.InstanceId) },
      { title: 'Name', value: (i) => name(i.InstanceName) },
      { title: 'State', value: (i) => state(i.InstanceState) },
      { title: 'Zone', value: (i) => i.Placement?.Zone },
      { title: 'Subnet', value: (i) => i.VirtualPrivateCloud?.SubnetId },
      { title: 'Private IPs', value: (i) => ids(i.PrivateIpAddresses) },
      { title: 'Security groups', value: (i) => sgLinks(i.SecurityGroupIds) },
    ],
    create: {
      needsVpc: true,
      fields: async (vpcId) => [
        { name: 'InstanceName', label: 'Name', required: true, placeholder: 'web-1' },
        { name: 'SubnetId', label: 'Subnet', required: true, options: await subnetOptions(vpcId) },
        { name: 'ImageId', label: 'Image', required: true, options: await imageOptions() },
        { name: 'SecurityGroupIds', label: 'Security groups', placeholder: 'sg-xxxxxxxx, sg-yyyyyyyy', help: 'Comma separated; empty for none' },
        { name: 'PrivateIpAddress', label: 'Private IP', placeholder: 'automatic' },
      ],
      action: 'RunInstances',
      params: async (v, vpcId) => {
        const subnets = await all('vpc', 'DescribeSubnets', 'SubnetSet', { SubnetIds: [v.SubnetId] }, true);
        const p = {
          InstanceName: v.InstanceName,
          ImageId: v.ImageId,
          Placement: { Zone: subnets[0]?.Zone },
          VirtualPrivateCloud: { VpcId: vpcId, SubnetId: v.SubnetId, ...(v.PrivateIpAddress ? { PrivateIpAddresses: [v.PrivateIpAddress] } : {}) },
        };
        const sgs = splitIds(v.SecurityGroupIds);
        if (sgs.length) p.SecurityGroupIds = sgs;
        return p;
      },
    },
    more: [
      { label: 'Start', action: 'StartInstances', when: (r) => r.InstanceState === 'STOPPED', params: (r) => ({ InstanceIds: [r.InstanceId] }) },
      { label: 'Stop', action: 'StopInstances', when: (r) => r.InstanceState === 'RUNNING', params: (r) => ({ InstanceIds: [r.InstanceId] }) },
      { label: 'Reboot', action: 'RebootInstances', when: (r) => r.InstanceState === 'RUNNING', params: (r) => ({ InstanceIds: [r.InstanceId] }) },
    ],
    rename: { action: 'ModifyInstancesAttribute', field: 'InstanceName', params: (r, n) => ({ InstanceIds: [r.InstanceId], InstanceName: n }) },
    remove: { action: 'TerminateInstances', verb: 'Terminate', params: (r) => ({ InstanceIds: [r.InstanceId] }) },
  },
  enis: {
    title: 'ENIs', noun: 'ENI', product: 'vpc', describe: 'DescribeNetworkInterfaces', set: 'NetworkInterfaceSet', idKey: 'NetworkInterfaceId',
    filter: vpcFilter,
    columns: [
      { title: 'ID', value: (e) => e.NetworkInterfaceId },
      { title: 'Name', value: (e) => name(e.NetworkInterfaceName) },
      { title: 'Subnet', value: (e) => e.SubnetId },
      { title: 'Primary', value: (e) => (e.Primary ? 'yes' : 'no') },
      { title: 'Addresses', value: (e) => ids((e.PrivateIpAddressSet || []).map((p) => p.PrivateIpAddress)) },
      { title: 'Instance', value: (e) => (e.Attachment?.InstanceId ? link(`#/instance/${e.Attachment.InstanceId}`, e.Attachment.InstanceId) : '–') },
      { title: 'Security groups', value: (e) => sgLinks(e.GroupSet) },
      { title: 'State', value: (e) => state(e.State) },
    ],
    create: {
      needsVpc: true,
      fields: async (vpcId) => [
        { name: 'NetworkInterfaceName', label: 'Name', required: true },
        { name: 'SubnetId', label: 'Subnet', required: true, options: await subnetOptions(vpcId) },
      ],
      action: 'CreateNetworkInterface', params: (v, vpcId) => ({ VpcId: vpcId, ...v }),
    },
    more: [
      {
        label: 'Attach', action: 'AttachNetworkInterface', when: (r) => !r.Attachment?.InstanceId,
        fields: () => [{ name: 'InstanceId', label: 'Instance', required: true, placeholder: 'ins-xxxxxxxx' }],
        params: (r, v) => ({ NetworkInterfaceId: r.NetworkInterfaceId, InstanceId: v.InstanceId }),
      },
      {
        label: 'Detach', action: 'DetachNetworkInterface', when: (r) => r.Attachment?.InstanceId && !r.Primary,
        params: (r) => ({ NetworkInterfaceId: r.NetworkInterfaceId, InstanceId: r.Attachment.InstanceId }),
      },
    ],
    rename: { action: 'ModifyNetworkInterfaceAttribute', field: 'NetworkInterfaceName', params: (r, n) => ({ NetworkInterfaceId: r.NetworkInterfaceId, NetworkInterfaceName: n }) },
    remove: { action: 'DeleteNetworkInterface', params: (r) => ({ NetworkInterfaceId: r.NetworkInterfaceId }) },
  },
  haVips: {
    title: 'HAVIPs', noun: 'HAVIP', product: 'vpc', describe: 'DescribeHaVips', set: 'HaVipSet', idKey: 'HaVipId',
    filter: vpcFilter,
    columns: [
      { title: 'ID', value: (v) => v.HaVipId },
      { title: 'Name', value: (v) => name(v.HaVipName) },
      { title: 'Address', value: (v) => v.Vip },
      { title: 'Subnet', value: (v) => v.SubnetId },
      { title: 'Bound to', value: (v) => v.InstanceId || v.NetworkInterfaceId || '–' },
      { title: 'State', value: (v) => state(v.State) },
    ],
    create: {
      needsVpc: true,
      fields: async (vpcId) => [
        { name: 'HaVipName', label: 'Name', required: true },
        { name: 'SubnetId', label: 'Subnet', required: true, options: await subnetOptions(vpcId) },
        { name: 'Vip', label: 'Address', placeholder: 'automatic' },
      ],
      action: 'CreateHaVip', params: (v, vpcId) => ({ VpcId: vpcId, HaVipName: v.HaVipName, SubnetId: v.SubnetId, ...(v.Vip ? { Vip: v.Vip } : {}) }),
    },
    more: [
      {
        label: 'Bind', action: 'AssociateHaVipInstance', when: (r) => !r.InstanceId && !r.NetworkInterfaceId,
        fields: () => [{ name: 'InstanceId', label: 'Instance or ENI', required: true, placeholder: 'ins-xxxxxxxx or eni-xxxxxxxx' }],
        params: (r, v) => ({ HaVipAssociationSet: [{ HaVipId: r.HaVipId, InstanceId: v.InstanceId, InstanceType: v.InstanceId.startsWith('eni-') ? 'ENI' : 'CVM' }] }),
      },
      {
        label: 'Unbind', action: 'DisassociateHaVipInstance', when: (r) => r.InstanceId || r.NetworkInterfaceId,
        params: (r) => ({ HaVipAssociationSet: [{ HaVipId: r.HaVipId, ...(r.InstanceId ? { InstanceId: r.InstanceId, InstanceType: 'CVM' } : { InstanceId: r.NetworkInterfaceId, InstanceType: 'ENI' }) }] }),
      },
    ],
    rename: { action: 'ModifyHaVipAttribute', field: 'HaVipName', params: (r, n) => ({ HaVipId: r.HaVipId, HaVipName: n }) },
    remove: { action: 'DeleteHaVip', params: (r) => ({ HaVipId: r.HaVipId }) },
  },
  securityGroups: {
    title: 'Security groups', noun: 'security group', product: 'vpc', describe: 'DescribeSecurityGroups', set: 'SecurityGroupSet', stringPaging: true,
    idKey: 'SecurityGroupId', perVpc: false,
    columns: [
      { title: 'ID', value: (g) => link(`#/sg/${g.SecurityGroupId}`, g.SecurityGroupId) },
      { title: 'Name', value: (g) => name(g.SecurityGroupName) },
      { title: 'Description', value: (g) => g.SecurityGroupDesc },
      { title: 'Default', value: (g) => (g.IsDefault ? 'yes' : 'no') },
      { title: 'Rules', value: (g) => link(`#/sg/${g.SecurityGroupId}`, 'Edit rules') },
    ],
    create: {
      fields: () => [
        { name: 'GroupName', label: 'Name', required: true, placeholder: 'web' },
        { name: 'GroupDescription', label: 'Description', required: true, value: 'created in the console' },
      ],
      action: 'CreateSecurityGroup', params: (v) => v,
    },
    rename: { action: 'ModifySecurityGroupAttribute', field: 'GroupName', params: (r, n) => ({ SecurityGroupId: r.SecurityGroupId, GroupName: n }) },
    remove: { action: 'DeleteSecurityGroup', params: (r) => ({ SecurityGroupId: r.SecurityGroupId }) },
  },
  networkAcls: {
    title: 'Network ACLs', noun: 'network ACL', product: 'vpc', describe: 'DescribeNetworkAcls', set: 'NetworkAclSet', idKey: 'NetworkAclId',
    filter: vpcFilter,
    columns: [
      { title: 'ID', value: (a) => link(`#/acl/${a.NetworkAclId}`, a.NetworkAclId) },
      { title: 'Name', value: (a) => name(a.NetworkAclName) },
      { title: 'VPC', value: (a) => a.VpcId },
      { title: 'Subnets', value: (a) => ids((a.SubnetSet || []).map((s) => s.SubnetId)) },
      { title: 'Rules', value: (a) => `${(a.IngressEntries || []).length} in / ${(a.EgressEntries || []).length} out` },
    ],
    create: {
      needsVpc: true,
      fields: () => [{ name: 'NetworkAclName', label: 'Name', required: true }],
      action: 'CreateNetworkAcl', params: (v, vpcId) => ({ VpcId: vpcId, ...v }),
    },
    rename: { action: 'ModifyNetworkAclAttribute', field: 'NetworkAclName', params: (r, n) => ({ NetworkAclId: r.NetworkAclId, NetworkAclName: n }) },
    remove: { action: 'DeleteNetworkAcl', params: (r) => ({ NetworkAclId: r.NetworkAclId }) },
  },
};

export function splitIds(text) {
  return String(text || '').split(/[\s,]+/).filter(Boolean);
}

function sgLinks(list) {
  if (!list || !list.length) return '–';
  return h('span', list.map((id, i) => [i ? ', ' : '', link(`#/sg/${id}`, id)]));
}
