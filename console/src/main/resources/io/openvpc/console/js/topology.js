// A VPC drawn as SVG: zones as columns, subnets as boxes with their route table and ACL badges, and
// instances, ENIs and HAVIPs as chips inside. The layout is computed (no library): the zones share the
// screen's width and each grows downwards, so 200 instances stay legible. drawTrace() overlays a packet's path.
import { all, ApiError } from './api.js';

const NS = 'http://www.w3.org/2000/svg';
const CHIP_W = 124;
const CHIP_H = 42;
const GAP = 8;
const HEAD = 56;
const PAD = 16;

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

const short = (text, n) => (text && text.length > n ? `${text.slice(0, n - 1)}…` : text || '');

/** Everything the diagram shows for one VPC. Families the server does not offer yet come back empty. */
export async function loadVpc(vpcId) {
  const f = { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] };
  const optional = (p) => p.catch((e) => {
    if (e instanceof ApiError && e.unsupported) return [];
    throw e;
  });
  const [vpcs, subnets, instances, enis, haVips, routeTables, acls] = await Promise.all([
    all('vpc', 'DescribeVpcs', 'VpcSet', { VpcIds: [vpcId] }, true),
    all('vpc', 'DescribeSubnets', 'SubnetSet', f, true),
    optional(all('cvm', 'DescribeInstances', 'InstanceSet', f)),
    optional(all('vpc', 'DescribeNetworkInterfaces', 'NetworkInterfaceSet', f)),
    optional(all('vpc', 'DescribeHaVips', 'HaVipSet', f)),
    optional(all('vpc', 'DescribeRouteTables', 'RouteTableSet', f, true)),
    optional(all('vpc', 'DescribeNetworkAcls', 'NetworkAclSet', f)),
  ]);
  if (!vpcs.length) throw new ApiError('ResourceNotFound', `The VPC ${vpcId} does not exist in this region.`, '', 'DescribeVpcs');
  return { vpc: vpcs[0], subnets, instances, enis, haVips, routeTables, acls };
}

/** Builds the diagram. Returns {svg, drawTrace(hops, disposition), clearTrace()}. */
export function diagram(data) {
  const { vpc, subnets, instances, enis, haVips, routeTables, acls } = data;
  const points = new Map(); // resource id -> [{x, y, el}]
  const mark = (id, x, y, el) => {
    if (!id) return;
    if (!points.has(id)) points.set(id, []);
    points.get(id).push({ x, y, el });
  };
  const rtbOf = new Map();
  for (const t of routeTables) for (const a of t.AssociationSet || []) rtbOf.set(a.SubnetId, t);
  const mainRtb = routeTables.find((t) => t.Main);
  const aclOf = new Map();
  for (const a of acls) for (const sn of a.SubnetSet || []) aclOf.set(sn.SubnetId, a.NetworkAclId);

  const chipsBySubnet = new Map(subnets.map((sn) => [sn.SubnetId, []]));
  const eniOwner = new Map();
  for (const i of instances) {
    chipsBySubnet.get(i.VirtualPrivateCloud?.SubnetId)?.push({ kind: 'instance', item: i });
  }
  for (const e of enis) {
    const owner = e.Attachment?.InstanceId;
    if (owner && e.Primary) {
      eniOwner.set(e.NetworkInterfaceId, owner);
      continue;
    }
    chipsBySubnet.get(e.SubnetId)?.push({ kind: 'eni', item: e });
  }
  for (const v of haVips) chipsBySubnet.get(v.SubnetId)?.push({ kind: 'havip', item: v });

  const label = (c) => c.item.InstanceName || c.item.NetworkInterfaceName || c.item.HaVipName || '';
  const order = { instance: 0, eni: 1, havip: 2 };
  for (const chips of chipsBySubnet.values()) {
    chips.sort((a, b) => order[a.kind] - order[b.kind] || label(a).localeCompare(label(b), undefined, { numeric: true }));
  }
  const zones = [...new Set(subnets.map((sn) => sn.Zone))].sort();
  const svg = s('svg', { class: 'topology', role: 'group', 'aria-label': `Topology of ${vpc.VpcId}` });
  svg.append(s('defs', {},
    s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }))));
  const vpcG = s('g', { class: 'vpc' });
  svg.append(vpcG);
  let x = PAD + 12;
  let maxBottom = 0;
  const top = PAD + 54;
  for (const zone of zones) {
    const zoneSubnets = subnets.filter((sn) => sn.Zone === zone);
    const largest = Math.max(1, ...zoneSubnets.map((sn) => chipsBySubnet.get(sn.SubnetId).length));
    // Chips per row: as many as the zones share of a ~1,400 px wide screen allows (2 to 8), no more than
    // the largest subnet needs; a big VPC then grows downwards, the natural way to scroll.
    const budget = Math.floor((1400 / zones.length - 40) / (CHIP_W + GAP));
    const perRow = Math.min(8, Math.max(2, Math.min(budget, Math.ceil(largest / 2))));
    const width = perRow * (CHIP_W + GAP) + GAP + 16;
    const zoneG = s('g', { class: 'zone' });
    vpcG.append(zoneG);
    let y = top + 30;
    for (const sn of zoneSubnets) {
      const chips = chipsBySubnet.get(sn.SubnetId);
      const rows = Math.max(1, Math.ceil(chips.length / perRow));
      const height = HEAD + rows * (CHIP_H + GAP) + GAP;
      const g = s('g', { class: 'subnet', 'data-id': sn.SubnetId });
      g.append(s('rect', { x, y, width, height, rx: 6 }));
      g.append(s('text', { x: x + 10, y: y + 18, class: 'title' }, short(sn.SubnetName || sn.SubnetId, 28)));
      g.append(s('text', { x: x + 10, y: y + 34, class: 'sub' }, `${sn.SubnetId}  ${sn.CidrBlock}`));
      mark(sn.SubnetId, x + width / 2, y + 10, g);
      // Badges: route table and network ACL, right-aligned in the header.
      const rtb = rtbOf.get(sn.SubnetId) || mainRtb;
      let bx = x + width - 8;
      const badge = (id, label, cls, href) => {
        const w = Math.max(54, label.length * 6.6 + 12);
        bx -= w;
        const a = s('a', { href, class: `badge ${cls}` }, s('rect', { x: bx, y: y + 38, width: w, height: 16, rx: 8 }),
          s('text', { x: bx + w / 2, y: y + 50, 'text-anchor': 'middle' }, label), s('title', {}, id));
        mark(id, bx + w / 2, y + 46, a);
        g.append(a);
        bx -= 6;
      };
      if (aclOf.get(sn.SubnetId)) badge(aclOf.get(sn.SubnetId), `ACL ${aclOf.get(sn.SubnetId).slice(-6)}`, 'acl', `#/acl/${aclOf.get(sn.SubnetId)}`);
      if (rtb) badge(rtb.RouteTableId, `RT ${rtb.RouteTableId.slice(-6)}`, 'rtb', `#/route-table/${rtb.RouteTableId}`);
      if (!chips.length) {
        g.append(s('text', { x: x + 10, y: y + HEAD + 24, class: 'sub muted' }, 'no instances'));
      }
      chips.forEach((c, idx) => {
        const cx = x + GAP + 8 + (idx % perRow) * (CHIP_W + GAP);
        const cy = y + HEAD + Math.floor(idx / perRow) * (CHIP_H + GAP);
        g.append(chip(c, cx, cy, mark, eniOwner));
      });
      zoneG.append(g);
      y += height + 14;
    }
    zoneG.prepend(s('rect', { x: x - 6, y: top, width: width + 12, height: y - top, rx: 8, class: 'zone-bg' }));
    zoneG.append(s('text', { x: x + 2, y: top + 20, class: 'zone-title' }, zone));
    maxBottom = Math.max(maxBottom, y);
    x += width + 30;
  }
  if (!zones.length) {
    vpcG.append(s('text', { x: PAD + 16, y: top + 40, class: 'sub muted' }, 'This VPC has no subnets yet.'));
    x = 420;
    maxBottom = top + 60;
  }
  const W = Math.max(x, 420);
  const H = maxBottom + PAD;
  vpcG.prepend(s('rect', { x: PAD, y: PAD, width: W - PAD - 12, height: H - PAD, rx: 10, class: 'vpc-bg' }),
    s('text', { x: PAD + 12, y: PAD + 22, class: 'vpc-title' }, `${vpc.VpcName || ''}  ${vpc.VpcId}`),
    s('text', { x: PAD + 12, y: PAD + 40, class: 'sub' }, `${vpc.CidrBlock}  ·  ${subnets.length} subnets  ·  ${instances.length} instances`));
  mark(vpc.VpcId, PAD + 60, PAD + 30, vpcG);
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const zoom = W < 700 ? 1.4 : 1; // a small VPC is drawn larger; a large one at 1:1 and scrolls
  svg.setAttribute('width', W * zoom);
  svg.setAttribute('height', H * zoom);
  const overlay = s('g', { class: 'trace-overlay' });
  svg.append(overlay);

  const at = (id) => points.get(id) || points.get(eniOwner.get(id)) || [];
  /**
   * Where a hop happened: its resource when that is drawn once (an instance, a subnet's ACL badge), else the
   * node it happened at (a security group is shared, the ENI that applied it is not), else any drawing.
   */
  function locate(hop) {
    const own = String(hop.ResourceId || '').split(',').flatMap((id) => at(id.trim()));
    if (own.length === 1) return own;
    const node = at(String(hop.Node || '').split(' ').pop());
    return node.length ? node : own;
  }

  function clearTrace() {
    overlay.replaceChildren();
    svg.querySelectorAll('.on-path, .stop').forEach((el) => el.classList.remove('on-path', 'stop'));
  }

  /** Draws hops in order: numbered markers, arrows between them, and a stop mark where it was denied. */
  function drawTrace(hops, disposition, cls = 'forward') {
    let prev = null;
    const path = [];
    hops.forEach((hop, n) => {
      const candidates = locate(hop);
      if (!candidates.length) return;
      const near = prev ? candidates.reduce((a, b) => (dist(a, prev) <= dist(b, prev) ? a : b)) : candidates[0];
      near.el.classList.add('on-path');
      const denied = hop.Result === 'DENIED';
      if (denied) near.el.classList.add('stop');
      if (!prev || prev.x !== near.x || prev.y !== near.y) path.push({ ...near, n: n + 1, denied });
      else if (denied) path[path.length - 1].denied = true;
      prev = near;
    });
    for (let i = 1; i < path.length; i++) {
      overlay.append(s('line', { x1: path[i - 1].x, y1: path[i - 1].y, x2: path[i].x, y2: path[i].y, class: `hop-line ${cls}`, 'marker-end': 'url(#arrow)' }));
    }
    path.forEach((p) => {
      overlay.append(s('circle', { cx: p.x, cy: p.y, r: 9, class: `hop-dot ${cls}${p.denied ? ' denied' : ''}` }),
        s('text', { x: p.x, y: p.y + 4, 'text-anchor': 'middle', class: 'hop-num' }, p.n));
    });
    const last = path[path.length - 1];
    if (last && disposition && disposition !== 'ACCEPTED') {
      const label = s('text', { y: last.y + 38 }, `✕ ${disposition}`);
      const box = s('rect', { y: last.y + 24, height: 20, rx: 4 });
      overlay.append(s('g', { class: 'stop-mark' }, box, label));
      const w = (label.getComputedTextLength() || disposition.length * 8.5) + 18; // measured once drawn
      const lx = Math.max(4, Math.min(last.x - w / 2, W - w - 4));
      box.setAttribute('x', lx);
      box.setAttribute('width', w);
      label.setAttribute('x', lx + 9);
    }
    return path.length;
  }
  return { svg, drawTrace, clearTrace };
}

function dist(a, b) {
  return (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
}

function chip(c, x, y, mark, eniOwner) {
  const { kind, item } = c;
  let id;
  let title;
  let sub;
  let href;
  let extra = '';
  if (kind === 'instance') {
    id = item.InstanceId;
    title = item.InstanceName || id;
    sub = (item.PrivateIpAddresses || [])[0] || '';
    href = `#/instance/${id}`;
    const n = (item.SecurityGroupIds || []).length;
    extra = n ? `SG×${n}` : '';
  } else if (kind === 'eni') {
    id = item.NetworkInterfaceId;
    title = item.NetworkInterfaceName || id;
    sub = `ENI ${(item.PrivateIpAddressSet || [])[0]?.PrivateIpAddress || ''}`;
    href = `#/enis?vpc=${item.VpcId}`;
  } else {
    id = item.HaVipId;
    title = item.HaVipName || id;
    sub = `HAVIP ${item.Vip || ''}`;
    href = `#/havips?vpc=${item.VpcId}`;
  }
  const stateCls = kind === 'instance' ? ` state-${String(item.InstanceState || '').toLowerCase()}` : '';
  const a = s('a', { href, class: `chip ${kind}${stateCls}`, 'data-id': id },
    s('rect', { x, y, width: CHIP_W, height: CHIP_H, rx: 5 }),
    s('text', { x: x + 8, y: y + 17, class: 'chip-title' }, short(title, extra ? 11 : 16)),
    s('text', { x: x + 8, y: y + 33, class: 'chip-sub' }, short(sub, 20)),
    extra ? s('text', { x: x + CHIP_W - 6, y: y + 17, 'text-anchor': 'end', class: 'chip-badge' }, extra) : null,
    s('title', {}, `${id} ${title} ${sub}`));
  mark(id, x + CHIP_W / 2, y + CHIP_H / 2, a);
  if (kind === 'instance') {
    for (const sg of item.SecurityGroupIds || []) mark(sg, x + CHIP_W - 14, y + 12, a);
  }
  if (kind === 'eni') for (const sg of item.GroupSet || []) mark(sg, x + CHIP_W - 14, y + 12, a);
  return a;
}
