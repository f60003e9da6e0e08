// The trace page: pick a source, a destination, a protocol and a port; TracePacket answers with the hops,
// which are drawn on the VPC's topology, with the stop marked and the deciding rule linked to its editor.
import { all, openvpc } from './api.js';
import { diagram, loadVpc } from './topology.js';
import { ruleLink } from './pages.js';
import { h, clear, into, errorBox, loading, table } from './ui.js';

function endpoint(value, vpcId) {
  if (value.startsWith('ins-')) return { InstanceId: value };
  if (value.startsWith('eni-')) return { NetworkInterfaceId: value };
  return { IpAddress: value, VpcId: vpcId };
}

export async function tracePage(main, params) {
  let vpcId = params.get('vpc') || '';
  const formBox = h('div');
  const result = h('div.trace-result', { 'aria-live': 'polite' });
  const diagramBox = h('div.diagram-box', { tabindex: '0', 'aria-label': 'Topology with the traced path (scrolls)' });
  const hopsBox = h('div.hops');
  clear(main, h('h1', 'Trace a packet'), formBox, result, diagramBox, hopsBox);
  if (!vpcId) {
    const vpcs = await into(formBox, all('vpc', 'DescribeVpcs', 'VpcSet', {}, true), (list) => (list.length
      ? h('p', 'Pick a VPC: ', list.map((v) => [h('a', { href: `#/trace?vpc=${v.VpcId}` }, `${v.VpcName || ''} ${v.VpcId}`), ' ']))
      : h('p.state.empty', 'Create a VPC first.')));
    if (vpcs && vpcs.length === 1) location.hash = `#/trace?vpc=${vpcs[0].VpcId}`;
    return;
  }
  clear(formBox, loading());
  let data;
  try {
    data = await loadVpc(vpcId);
  } catch (e) {
    clear(formBox, errorBox(e));
    return;
  }
  const view = diagram(data);
  clear(diagramBox, view.svg);
  const options = [
    ...data.instances.map((i) => [i.InstanceId, `${i.InstanceName || ''} ${i.InstanceId} (${(i.PrivateIpAddresses || [])[0] || ''})`]),
    ...data.enis.filter((e) => !e.Primary).map((e) => [e.NetworkInterfaceId, `${e.NetworkInterfaceName || ''} ${e.NetworkInterfaceId}`]),
  ];
  const pick = (id, label, selected) => {
    const select = h('select', { id: `${id}-pick`, name: id },
      options.map(([v, l]) => h('option', { value: v, selected: v === selected }, l)), h('option', { value: '' }, 'an IP address…'));
    const ip = h('input', { id: `${id}-ip`, placeholder: '10.0.1.5', 'aria-label': `${label} IP address` });
    return { select, ip, node: h('div.field', h('label', { htmlFor: `${id}-pick` }, label), select, ip) };
  };
  const src = pick('src', 'Source', params.get('src') || options[0]?.[0]);
  const dst = pick('dst', 'Destination', params.get('dst') || options[1]?.[0] || options[0]?.[0]);
  const protocol = h('select', { id: 'protocol' }, ['TCP', 'UDP', 'ICMP', 'ICMPv6'].map((p) => h('option', { value: p, selected: p === (params.get('protocol') || 'TCP') }, p)));
  const port = h('input', { id: 'port', type: 'number', min: '0', max: '65535', value: params.get('port') || '22' });
  const form = h('form.trace-form', { onsubmit: (ev) => { ev.preventDefault(); run(); } },
    src.node, dst.node,
    h('div.field', h('label', { htmlFor: 'protocol' }, 'Protocol'), protocol),
    h('div.field', h('label', { htmlFor: 'port' }, 'Destination port'), port),
    h('button.primary', { type: 'submit', id: 'trace-run' }, 'Trace'));
  clear(formBox, options.length ? null : h('p.state.empty', 'This VPC has no instances or ENIs: trace from an IP address.'), form);

  async function run() {
    const from = src.ip.value.trim() || src.select.value;
    const to = dst.ip.value.trim() || dst.select.value;
    const req = { Source: endpoint(from, vpcId), Destination: endpoint(to, vpcId), Protocol: protocol.value };
    if (protocol.value === 'TCP' || protocol.value === 'UDP') req.DestinationPort = Number(port.value);
    history.replaceState(null, '', `#/trace?vpc=${vpcId}&src=${from}&dst=${to}&protocol=${protocol.value}&port=${port.value}`);
    view.clearTrace();
    clear(hopsBox);
    into(result, openvpc('TracePacket', req), (r) => {
      view.drawTrace(r.Hops || [], r.Disposition, 'forward');
      // The reply is drawn only where it fails: an accepted reply retraces the forward path.
      if (r.ReturnPath && r.Disposition === 'ACCEPTED' && r.ReturnPath.Disposition !== 'ACCEPTED') {
        view.clearTrace();
        view.drawTrace(r.ReturnPath.Hops || [], r.ReturnPath.Disposition, 'return');
      }
      const decisive = [...(r.Hops || []), ...(r.ReturnPath?.Hops || [])].find((x) => x.Result === 'DENIED');
      return h('div',
        h(`div.verdict-banner.${r.Reachable ? 'ok' : 'blocked'}`, { id: 'trace-verdict' },
          h('strong', r.Reachable ? 'Reachable' : 'Not reachable'), ` · ${r.Disposition}`,
          r.ReturnPath && r.Disposition === 'ACCEPTED' ? ` · reply: ${r.ReturnPath.Disposition}` : '',
          r.Flow ? h('div.flow', r.Flow) : null,
          decisive ? h('div.decider', 'Stopped at ', `${decisive.ResourceType} ${decisive.ResourceId}`, ' by ',
            decisive.Rule ? ruleLink(decisive.Rule) : decisive.Detail) : null));
    }).then((r) => r && clear(hopsBox,
      hopsTable(r.Hops || [], 'Forward path'),
      r.ReturnPath ? hopsTable(r.ReturnPath.Hops || [], `Return path (${r.ReturnPath.Disposition})`) : null));
  }
  if (params.get('dst')) run();
}

function hopsTable(hops, caption) {
  return table(hops, [
    { title: '#', value: (x) => String(hops.indexOf(x) + 1) },
    { title: 'Node', value: (x) => x.Node },
    { title: 'Step', value: (x) => x.Step },
    { title: 'Resource', value: (x) => `${x.ResourceType || ''} ${x.ResourceId || ''}` },
    { title: 'Result', value: (x) => h(`span.verdict.${x.Result === 'DENIED' ? 'blocked' : 'ok'}`, x.Result) },
    { title: 'Rule', value: (x) => (x.Rule ? ruleLink(x.Rule) : '–') },
    { title: 'Detail', value: (x) => x.Detail },
  ], 'No hops.', caption);
}
