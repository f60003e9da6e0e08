// Rule editors: a security group's policies (positional API: insert at an index, replace one, delete,
// reorder through ModifySecurityGroupPolicies, every edit carrying the Version it was based on) and a
// network ACL's entries (ModifyNetworkAclEntries replaces a direction as a whole).
import { vpc, all } from './api.js';
import { h, clear, into, formDialog, confirmDialog, toast, errorBox, link, table } from './ui.js';

const DIRS = [['ingress', 'Ingress', 'Inbound'], ['egress', 'Egress', 'Outbound']];
const RULE_KEYS = ['Protocol', 'Port', 'CidrBlock', 'Ipv6CidrBlock', 'SecurityGroupId', 'AddressTemplate', 'ServiceTemplate', 'Action', 'PolicyDescription', 'Description'];

/** A rule as the API takes it back: without index, times and empty members. */
function strip(rule) {
  const out = {};
  for (const k of RULE_KEYS) {
    const v = rule[k];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'object' && !Object.values(v).some((x) => x)) continue;
    out[k] = v;
  }
  return out;
}

const ruleFields = (r = {}, descKey = 'PolicyDescription') => [
  { name: 'Protocol', label: 'Protocol', required: true, options: ['TCP', 'UDP', 'ICMP', 'ICMPv6', 'ALL'], value: r.Protocol || 'TCP' },
  { name: 'Port', label: 'Port', value: r.Port ?? 'ALL', help: '22, 80,443, 8000-8100 or ALL' },
  { name: 'CidrBlock', label: 'Source / destination CIDR', value: r.CidrBlock || r.Ipv6CidrBlock || '0.0.0.0/0' },
  { name: 'Action', label: 'Action', required: true, options: ['ACCEPT', 'DROP'], value: r.Action || 'ACCEPT' },
  { name: descKey, label: 'Description', value: r[descKey] || '' },
];

function ruleFrom(values, descKey = 'PolicyDescription') {
  const r = { Protocol: values.Protocol, Action: values.Action };
  if (values.Protocol !== 'ICMP' && values.Protocol !== 'ICMPv6' && values.Protocol !== 'ALL') r.Port = values.Port || 'ALL';
  else if (values.Protocol === 'ALL') r.Port = 'ALL';
  if (values.CidrBlock.includes(':')) r.Ipv6CidrBlock = values.CidrBlock;
  else if (values.CidrBlock) r.CidrBlock = values.CidrBlock;
  if (values[descKey]) r[descKey] = values[descKey];
  return r;
}

/** Explains a stale edit (the API's UnsupportedOperation.VersionMismatch) and offers to reload. */
function staleBox(e, reload) {
  const box = errorBox(e);
  if (e.code === 'UnsupportedOperation.VersionMismatch') {
    box.prepend(h('p.stale', 'Someone changed these rules after you loaded them, so your edit was refused rather than applied to rules you have not seen. Reload, check the rules, and apply it again.'));
    box.append(h('button', { type: 'button', onclick: reload }, 'Reload rules'));
  }
  return box;
}

export function securityGroupPage(main, sgId, params) {
  const focusDir = params.get('dir');
  const focusIndex = params.has('index') ? Number(params.get('index')) : null;
  const head = h('div');
  const status = h('div', { 'aria-live': 'assertive' });
  const body = h('div');
  clear(main, h('h1', 'Security group ', h('small', sgId)), head, status, body);
  into(head, vpc('DescribeSecurityGroups', { SecurityGroupIds: [sgId] }), (r) => {
    const g = (r.SecurityGroupSet || [])[0] || {};
    return h('p', g.SecurityGroupName || '', ' ', h('span.muted', g.SecurityGroupDesc || ''), ' · ', link('#/security-groups', 'All security groups'));
  });
  let version;

  async function run(action, params, okText) {
    clear(status);
    try {
      await vpc(action, { SecurityGroupId: sgId, ...params });
      toast(okText);
      load();
      return true;
    } catch (e) {
      clear(status, staleBox(e, () => { clear(status); load(); }));
      throw e;
    }
  }
  const set = (dir, rules) => ({ SecurityGroupPolicySet: { Version: version, [dir]: rules } });

  function load() {
    into(body, vpc('DescribeSecurityGroupPolicies', { SecurityGroupId: sgId }), (r) => {
      const ps = r.SecurityGroupPolicySet || {};
      version = ps.Version;
      return h('div',
        h('p.version', 'Version ', h('strong', { id: 'sg-version' }, String(version)),
          h('span.muted', ' · every edit names this version; an edit based on an older one is refused.')),
        DIRS.map(([key, dir, label]) => {
          const rules = ps[dir] || [];
          const rows = rules.map((rule, i) => {
            const focused = focusDir === key && focusIndex === i;
            const tr = h(`tr${focused ? '.focused' : ''}`, { dataset: { index: String(i) } },
              h('td', { dataset: { label: '#' } }, String(i)),
              h('td', { dataset: { label: 'Protocol' } }, rule.Protocol),
              h('td', { dataset: { label: 'Port' } }, rule.Port || 'ALL'),
              h('td', { dataset: { label: 'Address' } }, rule.CidrBlock || rule.Ipv6CidrBlock || rule.SecurityGroupId || rule.AddressTemplate?.AddressId || rule.AddressTemplate?.AddressGroupId || '–'),
              h('td', { dataset: { label: 'Action' } }, h(`span.verdict.${rule.Action === 'ACCEPT' ? 'ok' : 'blocked'}`, rule.Action)),
              h('td', { dataset: { label: 'Description' } }, rule.PolicyDescription || ''),
              h('td', { dataset: { label: 'Actions' } }, h('span.row-actions',
                h('button.small', { type: 'button', 'aria-label': `Edit ${label.toLowerCase()} rule ${i}`, onclick: () => edit(dir, rule, i) }, 'Edit'),
                h('button.small', { type: 'button', 'aria-label': `Move ${label.toLowerCase()} rule ${i} up`, disabled: i === 0, onclick: () => move(ps, dir, i, -1) }, '↑'),
                h('button.small', { type: 'button', 'aria-label': `Move ${label.toLowerCase()} rule ${i} down`, disabled: i === rules.length - 1, onclick: () => move(ps, dir, i, 1) }, '↓'),
                h('button.small.danger', { type: 'button', 'aria-label': `Delete ${label.toLowerCase()} rule ${i}`, onclick: () => remove(dir, i) }, 'Delete'))));
            return tr;
          });
          return h('section.rules', { 'aria-labelledby': `h-${key}` },
            h('h2', { id: `h-${key}` }, `${label} rules (${dir})`),
            h('button.primary', { type: 'button', onclick: () => insert(dir, rules.length) }, `Add ${label.toLowerCase()} rule`),
            rules.length ? h('div.table-wrap', h('table.rules-table',
              h('thead', h('tr', ['#', 'Protocol', 'Port', 'Address', 'Action', 'Description', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
              h('tbody', rows))) : h('p.state.empty', `No ${label.toLowerCase()} rules: everything ${key === 'ingress' ? 'inbound is refused' : 'outbound is refused'} unless another group on the ENI allows it.`));
        }));
    }).then(() => document.querySelector('tr.focused')?.scrollIntoView({ block: 'center' }));
  }

  async function insert(dir, count) {
    await formDialog(`Add ${dir.toLowerCase()} rule`, [
      { name: 'PolicyIndex', label: 'Position', type: 'number', value: '0', help: `0 puts it first; ${count} puts it last` },
      ...ruleFields()], (v) => run('CreateSecurityGroupPolicies', set(dir, [{ PolicyIndex: Number(v.PolicyIndex || 0), ...ruleFrom(v) }]),
      `Rule added at position ${v.PolicyIndex || 0}`), 'Add rule');
  }
  async function edit(dir, rule, i) {
    await formDialog(`Edit ${dir.toLowerCase()} rule ${i}`, ruleFields(rule),
      (v) => run('ReplaceSecurityGroupPolicy', set(dir, [{ PolicyIndex: i, ...ruleFrom(v) }]), `Rule ${i} replaced`), 'Save');
  }
  async function remove(dir, i) {
    await confirmDialog(`Delete ${dir.toLowerCase()} rule ${i}?`, () => run('DeleteSecurityGroupPolicies', set(dir, [{ PolicyIndex: i }]), `Rule ${i} deleted`));
  }
  async function move(ps, dir, i, delta) {
    const rules = [...(ps[dir] || [])];
    [rules[i], rules[i + delta]] = [rules[i + delta], rules[i]];
    const other = dir === 'Ingress' ? 'Egress' : 'Ingress';
    await run('ModifySecurityGroupPolicies', { SecurityGroupPolicySet: { Version: version, [dir]: rules.map(strip), [other]: (ps[other] || []).map(strip) } },
      `Rule moved to position ${i + delta}`).catch(() => {});
  }
  load();
}

export function aclPage(main, aclId, params) {
  const focusDir = params.get('dir');
  const focusIndex = params.has('index') ? Number(params.get('index')) : null;
  const status = h('div', { 'aria-live': 'assertive' });
  const body = h('div');
  clear(main, h('h1', 'Network ACL ', h('small', aclId)), status, body);
  let acl;
  async function save(dir, entries, okText) {
    clear(status);
    try {
      await vpc('ModifyNetworkAclEntries', { NetworkAclId: aclId, NetworkAclEntrySet: { [dir]: entries.map(strip) } });
      toast(okText);
      load();
    } catch (e) {
      clear(status, errorBox(e));
      throw e;
    }
  }
  function load() {
    into(body, vpc('DescribeNetworkAcls', { NetworkAclIds: [aclId] }), (r) => {
      acl = (r.NetworkAclSet || [])[0];
      if (!acl) return errorBox({ code: 'ResourceNotFound', message: `The network ACL ${aclId} does not exist.` });
      return h('div',
        h('p', acl.NetworkAclName || '', ' · VPC ', link(`#/vpc/${acl.VpcId}`, acl.VpcId), ' · subnets: ',
          (acl.SubnetSet || []).map((s) => s.SubnetId).join(', ') || 'none',
          ' ', h('button.small', { type: 'button', onclick: associate }, 'Associate subnets')),
        h('p.muted', 'ACLs are stateless: replies need their own rule. Rules are checked in order; the first match decides.'),
        DIRS.map(([key, , label]) => {
          const dir = key === 'ingress' ? 'IngressEntries' : 'EgressEntries';
          const apiDir = key === 'ingress' ? 'Ingress' : 'Egress';
          const entries = acl[dir] || [];
          return h('section.rules', h('h2', `${label} rules`),
            h('button.primary', { type: 'button', onclick: () => add(apiDir, entries) }, `Add ${label.toLowerCase()} rule`),
            entries.length ? h('div.table-wrap', h('table.rules-table',
              h('thead', h('tr', ['#', 'Protocol', 'Port', 'CIDR', 'Action', 'Description', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
              h('tbody', entries.map((e, i) => aclRow(e, i, focusDir === key && focusIndex === i, label,
                () => confirmDialog(`Delete ${label.toLowerCase()} rule ${i}?`,
                  () => save(apiDir, entries.filter((_, j) => j !== i), `Rule ${i} deleted`)))))))
              : h('p.state.empty', 'No rules in this direction.'));
        }));
    });
  }
  async function add(apiDir, entries) {
    await formDialog(`Add ${apiDir.toLowerCase()} rule`, [
      { name: 'Position', label: 'Position', type: 'number', value: String(entries.length) }, ...ruleFields({}, 'Description')],
    (v) => {
      const list = [...entries];
      list.splice(Math.max(0, Math.min(list.length, Number(v.Position))), 0, ruleFrom(v, 'Description'));
      return save(apiDir, list, 'Rule added');
    }, 'Add rule');
  }
  async function associate() {
    const subnets = await all('vpc', 'DescribeSubnets', 'SubnetSet', { Filters: [{ Name: 'vpc-id', Values: [acl.VpcId] }] }, true);
    await formDialog('Associate a subnet', [{ name: 'SubnetId', label: 'Subnet', required: true, options: subnets.map((s) => [s.SubnetId, `${s.SubnetId} ${s.SubnetName} (${s.CidrBlock})`]) }],
      async (v) => { await vpc('AssociateNetworkAclSubnets', { NetworkAclId: aclId, SubnetIds: [v.SubnetId] }); load(); }, 'Associate');
  }
  load();
}

function aclRow(e, i, focused, label, onDelete) {
  const cell = (title, content) => h('td', { dataset: { label: title } }, content);
  return h(`tr${focused ? '.focused' : ''}`,
    cell('#', String(i)), cell('Protocol', e.Protocol), cell('Port', e.Port || 'ALL'), cell('CIDR', e.CidrBlock || e.Ipv6CidrBlock || ''),
    cell('Action', h(`span.verdict.${e.Action === 'ACCEPT' ? 'ok' : 'blocked'}`, e.Action)), cell('Description', e.Description || ''),
    cell('Actions', h('button.small.danger', { type: 'button', 'aria-label': `Delete ${label.toLowerCase()} rule ${i}`, onclick: onDelete }, 'Delete')));
}

/** A route table's routes: add, delete, enable and disable. */
export function routeTablePage(main, rtbId) {
  const status = h('div', { 'aria-live': 'assertive' });
  const body = h('div');
  clear(main, h('h1', 'Route table ', h('small', rtbId)), status, body);
  const act = async (action, params, text) => {
    clear(status);
    try { await vpc(action, { RouteTableId: rtbId, ...params }); toast(text); load(); } catch (e) { clear(status, errorBox(e)); throw e; }
  };
  function load() {
    into(body, vpc('DescribeRouteTables', { RouteTableIds: [rtbId] }), (r) => {
      const t = (r.RouteTableSet || [])[0];
      if (!t) return errorBox({ code: 'InvalidRouteTableId.NotFound', message: `The route table ${rtbId} does not exist.` });
      return h('div',
        h('p', t.RouteTableName || '', ' · VPC ', link(`#/vpc/${t.VpcId}`, t.VpcId), ' · subnets: ', (t.AssociationSet || []).map((a) => a.SubnetId).join(', ') || 'none',
          ' ', h('button.small', {
            type: 'button',
            onclick: async () => {
              const subnets = await all('vpc', 'DescribeSubnets', 'SubnetSet', { Filters: [{ Name: 'vpc-id', Values: [t.VpcId] }] }, true);
              await formDialog('Associate a subnet', [{ name: 'SubnetId', label: 'Subnet', required: true,
                options: subnets.map((x) => [x.SubnetId, `${x.SubnetId} ${x.SubnetName} (${x.CidrBlock})`]) }],
              (v) => act('ReplaceRouteTableAssociation', { SubnetId: v.SubnetId }, 'Subnet associated'), 'Associate');
            },
          }, 'Associate subnet')),
        h('button.primary', {
          type: 'button',
          onclick: () => formDialog('Add a route', [
            { name: 'DestinationCidrBlock', label: 'Destination', required: true, placeholder: '10.1.0.0/16' },
            { name: 'GatewayType', label: 'Next hop type', required: true, options: ['CVM', 'HAVIP', 'NORMAL_CVM', 'EIP', 'NAT', 'PEERCONNECTION', 'VPN', 'DIRECTCONNECT', 'CCN', 'LOCAL_GATEWAY'] },
            { name: 'GatewayId', label: 'Next hop', required: true, placeholder: 'ins-… for CVM, havip-… for HAVIP' },
            { name: 'RouteDescription', label: 'Description' }],
          (v) => act('CreateRoutes', { Routes: [Object.fromEntries(Object.entries(v).filter(([, x]) => x))] }, 'Route added'), 'Add route'),
        }, 'Add route'),
        table(t.RouteSet || [], [
          { title: 'Destination', value: (x) => x.DestinationCidrBlock || x.DestinationIpv6CidrBlock },
          { title: 'Next hop', value: (x) => `${x.GatewayType} ${x.GatewayId}` },
          { title: 'Type', value: (x) => x.RouteType },
          { title: 'Enabled', value: (x) => (x.Enabled === false ? 'no' : 'yes') },
          { title: 'Description', value: (x) => x.RouteDescription },
          {
            title: 'Actions',
            value: (x) => (x.RouteType === 'USER' ? h('span.row-actions',
              h('button.small', { type: 'button', onclick: () => act(x.Enabled === false ? 'EnableRoutes' : 'DisableRoutes', { RouteIds: [x.RouteId] }, 'Route updated').catch(() => {}) },
                x.Enabled === false ? 'Enable' : 'Disable'),
              h('button.small.danger', { type: 'button', onclick: () => confirmDialog(`Delete the route to ${x.DestinationCidrBlock}?`, () => act('DeleteRoutes', { Routes: [{ RouteId: x.RouteId }] }, 'Route deleted')) }, 'Delete'))
              : h('span.muted', 'system route')),
          }], 'No routes.', 'Routes'));
    });
  }
  load();
}
