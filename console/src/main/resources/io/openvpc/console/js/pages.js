// The list pages (one generic page for every family in resources.js), the VPC page with its topology,
// and an instance's page with CheckInstancePorts.
import { all, call, openvpc } from './api.js';
import { FAMILIES } from './resources.js';
import { diagram, loadVpc } from './topology.js';
import { h, clear, into, table, formDialog, confirmDialog, toast, errorBox, loading, link } from './ui.js';

/** The list page of a family, optionally scoped to one VPC (?vpc=). */
export function listPage(main, familyKey, params) {
  const fam = FAMILIES[familyKey];
  const vpcId = params.get('vpc') || '';
  const body = h('div.list-body');
  const toolbar = h('div.toolbar');
  const heading = h('h1', fam.title, vpcId && fam.perVpc !== false ? h('small', ` in ${vpcId}`) : null);
  clear(main, heading, toolbar, body);
  const reload = () => render();
  if (fam.create) {
    toolbar.append(h('button.primary', {
      type: 'button',
      onclick: async () => {
        let vpc = vpcId;
        if (fam.create.needsVpc && !vpc) {
          const vpcs = await all('vpc', 'DescribeVpcs', 'VpcSet', {}, true).catch(() => []);
          const picked = await formDialog(`Create ${fam.noun}: pick a VPC`, [
            { name: 'VpcId', label: 'VPC', required: true, options: vpcs.map((v) => [v.VpcId, `${v.VpcId} ${v.VpcName} (${v.CidrBlock})`]) }],
          async (v) => v.VpcId, 'Next');
          if (!picked) return;
          vpc = picked;
        }
        let fields;
        try {
          fields = await fam.create.fields(vpc);
        } catch (e) {
          clear(body, errorBox(e));
          return;
        }
        const done = await formDialog(`Create ${fam.noun}`, fields, async (values) => {
          const r = await call(fam.product, fam.create.action, await fam.create.params(values, vpc));
          toast(`${fam.create.action} succeeded`);
          return r;
        }, 'Create');
        if (done) reload();
      },
    }, `Create ${fam.noun}`));
  }
  toolbar.append(h('button', { type: 'button', onclick: reload }, 'Refresh'));
  if (fam.perVpc !== false && vpcId) toolbar.append(link(`#/${routeOf(familyKey)}`, 'Show all VPCs'));

  function render() {
    const filter = fam.filter && vpcId ? fam.filter(vpcId) : {};
    into(body, all(fam.product, fam.describe, fam.set, filter, fam.stringPaging), (rows) => table(rows, [
      ...fam.columns,
      { title: 'Actions', value: (r) => actions(fam, r, reload) },
    ], `No ${fam.title.toLowerCase()} yet${vpcId ? ` in ${vpcId}` : ''}.`, `${rows.length} ${rows.length === 1 ? fam.noun : fam.title}`));
  }
  render();
}

function routeOf(familyKey) {
  return Object.entries(ROUTES).find(([, v]) => v === familyKey)?.[0] || familyKey;
}

export const ROUTES = {
  vpcs: 'vpcs', subnets: 'subnets', 'route-tables': 'routeTables', instances: 'instances', enis: 'enis', havips: 'haVips',
  'security-groups': 'securityGroups', acls: 'networkAcls',
};

function actions(fam, row, reload) {
  const id = row[fam.idKey];
  const out = h('span.row-actions');
  for (const m of fam.more || []) {
    if (!m.when(row)) continue;
    out.append(h('button.small', {
      type: 'button', 'aria-label': `${m.label} ${id}`,
      onclick: async () => {
        const fields = m.fields ? m.fields(row) : [];
        if (await formDialog(`${m.label} ${fam.noun} ${id}`, fields, (v) => call(fam.product, m.action, m.params(row, v)), m.label)) {
          toast(`${m.action} ${id} succeeded`);
          reload();
        }
      },
    }, m.label));
  }
  if (fam.rename) {
    out.append(h('button.small', {
      type: 'button', 'aria-label': `Rename ${id}`,
      onclick: async () => {
        if (await formDialog(`Rename ${id}`, [{ name: 'name', label: 'Name', required: true, value: row[fam.rename.field] || '' }],
          (v) => call(fam.product, fam.rename.action, fam.rename.params(row, v.name)), 'Save')) reload();
      },
    }, 'Rename'));
  }
  if (fam.remove) {
    const verb = fam.remove.verb || 'Delete';
    out.append(h('button.small.danger', {
      type: 'button', 'aria-label': `${verb} ${id}`,
      onclick: async () => {
        if (await confirmDialog(`${verb} ${fam.noun} ${id}?`, () => call(fam.product, fam.remove.action, fam.remove.params(row)), verb)) {
          toast(`${fam.remove.action} ${id} succeeded`);
          reload();
        }
      },
    }, verb));
  }
  return out;
}

/** A VPC: its topology diagram and links to its resources. */
export function vpcPage(main, vpcId) {
  const diagramBox = h('div.diagram-box', { tabindex: '0', 'aria-label': 'Topology diagram (scrolls)' });
  const nav = h('nav.sub-nav', { 'aria-label': `Resources of ${vpcId}` },
    ['subnets', 'route-tables', 'instances', 'enis', 'havips', 'acls'].map((r) => link(`#/${r}?vpc=${vpcId}`, FAMILIES[ROUTES[r]].title)),
    link(`#/trace?vpc=${vpcId}`, 'Trace a packet'));
  clear(main, h('h1', 'VPC ', h('small', vpcId)), nav, h('h2', 'Topology'), diagramBox);
  into(diagramBox, loadVpc(vpcId), (data) => diagram(data).svg);
}

/** An instance: its details and the port check (CheckInstancePorts). */
export function instancePage(main, instanceId) {
  const details = h('div');
  const ports = h('div.ports-result', { 'aria-live': 'polite' });
  const portsInput = h('input', { id: 'ports', value: '22, 3389, 80, 443, 20-21, ICMP' });
  const sourceInput = h('input', { id: 'ports-source', placeholder: 'any address (0.0.0.0/0), a CIDR, or ins-…' });
  const form = h('form.inline-form', {
    onsubmit: (ev) => {
      ev.preventDefault();
      const list = portsInput.value.split(/[\s,]+/).filter(Boolean);
      const src = sourceInput.value.trim();
      const params = { InstanceId: instanceId, Ports: list };
      if (src) params.Source = src.startsWith('ins-') ? { InstanceId: src } : { CidrBlock: src };
      into(ports, openvpc('CheckInstancePorts', params), (r) => table(r.PortSet || [], [
        { title: 'Port', value: (p) => p.Port },
        { title: 'Protocol', value: (p) => p.Protocol },
        { title: 'Open', value: (p) => h(`span.verdict.${p.Open ? 'ok' : 'blocked'}`, p.Open ? 'open' : 'blocked') },
        { title: 'Deciding rule', value: (p) => ruleLink(p.Rule) },
      ], 'No ports checked.', 'Port verification'));
    },
  }, h('div.field', h('label', { htmlFor: 'ports' }, 'Ports'), portsInput),
  h('div.field', h('label', { htmlFor: 'ports-source' }, 'From'), sourceInput),
  h('button.primary', { type: 'submit' }, 'Check ports'));
  clear(main, h('h1', 'Instance ', h('small', instanceId)), details, h('h2', 'Port verification'), form, ports);
  into(details, call('cvm', 'DescribeInstances', { InstanceIds: [instanceId] }), (r) => {
    const i = (r.InstanceSet || [])[0];
    if (!i) return errorBox({ code: 'InvalidInstanceId.NotFound', message: `The instance ${instanceId} does not exist.` });
    const vpcId = i.VirtualPrivateCloud?.VpcId;
    return h('dl.details',
      h('dt', 'Name'), h('dd', i.InstanceName),
      h('dt', 'State'), h('dd', i.InstanceState),
      h('dt', 'VPC'), h('dd', link(`#/vpc/${vpcId}`, vpcId)),
      h('dt', 'Subnet'), h('dd', i.VirtualPrivateCloud?.SubnetId),
      h('dt', 'Private IPs'), h('dd', (i.PrivateIpAddresses || []).join(', ')),
      h('dt', 'Security groups'), h('dd', (i.SecurityGroupIds || []).map((g) => [link(`#/sg/${g}`, g), ' '])),
      h('dt', 'Trace'), h('dd', link(`#/trace?vpc=${vpcId}&src=${instanceId}`, 'Trace a packet from this instance')));
  });
}

/** A link to the rule that decided a verdict: the security group editor or the ACL page, at that rule. */
export function ruleLink(rule) {
  if (!rule) return h('span.muted', 'no rule (default)');
  const dir = String(rule.Direction || '').toLowerCase();
  const implicit = rule.Index === undefined || rule.Index < 0; // the default at the end of the list decided
  const text = implicit ? `${rule.ResourceId} ${dir}: ${rule.Text || ''}` : `${rule.ResourceId} ${dir} #${rule.Index}: ${rule.Text || ''}`;
  const at = implicit ? '' : `?dir=${dir}&index=${rule.Index}`;
  if (rule.ResourceType === 'SecurityGroup') return link(`#/sg/${rule.ResourceId}${at}`, text);
  if (rule.ResourceType === 'NetworkAcl') return link(`#/acl/${rule.ResourceId}${at}`, text);
  return h('span', text);
}

export { loading };
