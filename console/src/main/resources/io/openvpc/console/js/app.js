// The console's shell: sign-in (the key stays in this tab's sessionStorage), the region picker, the
// navigation and a hash router that hands each route to its page.
import { call, session } from './api.js';
import { h, clear, errorBox, loading } from './ui.js';
import { listPage, vpcPage, instancePage, ROUTES } from './pages.js';
import { securityGroupPage, aclPage, routeTablePage } from './rules.js';
import { tracePage } from './trace.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const regionSelect = document.getElementById('region');
const account = document.getElementById('account');

const NAV = [
  ['vpcs', 'VPCs'], ['subnets', 'Subnets'], ['route-tables', 'Route tables'], ['instances', 'Instances'], ['enis', 'ENIs'],
  ['havips', 'HAVIPs'], ['security-groups', 'Security groups'], ['acls', 'Network ACLs'], ['trace', 'Trace'],
];

function signInPage(reason) {
  document.body.classList.add('signed-out');
  const id = h('input', { id: 'secret-id', name: 'SecretId', required: true, autocomplete: 'username', spellcheck: false });
  const key = h('input', { id: 'secret-key', name: 'SecretKey', type: 'password', required: true, autocomplete: 'current-password' });
  const status = h('div', { 'aria-live': 'assertive' });
  const form = h('form.sign-in', {
    onsubmit: async (ev) => {
      ev.preventDefault();
      const credentials = { secretId: id.value.trim(), secretKey: key.value.trim() };
      clear(status, loading('Checking the key…'));
      try {
        await call('cvm', 'DescribeRegions', {}, { credentials });
        session.set(credentials);
        clear(status);
        document.body.classList.remove('signed-out');
        await start();
        if (!location.hash || location.hash === '#/sign-in') location.hash = '#/vpcs';
        else route();
      } catch (e) {
        clear(status, errorBox(e));
      }
    },
  },
  h('h1', 'Sign in to OpenVPC'),
  h('p.muted', 'Use an API key (SecretId and SecretKey) of your account. The console signs each API call in this browser; the key is kept for this tab only and never sent.'),
  reason ? errorBox(reason) : null,
  h('div.field', h('label', { htmlFor: 'secret-id' }, 'SecretId'), id),
  h('div.field', h('label', { htmlFor: 'secret-key' }, 'SecretKey'), key),
  h('button.primary', { type: 'submit' }, 'Sign in'), status);
  clear(main, form);
  id.focus();
}

async function loadRegions() {
  const r = await call('cvm', 'DescribeRegions', {});
  const regions = (r.RegionSet || []).filter((x) => x.RegionState !== 'UNAVAILABLE');
  const current = session.region();
  if (!regions.some((x) => x.Region === current) && regions.length) session.setRegion(regions[0].Region);
  clear(regionSelect, regions.map((x) => h('option', { value: x.Region, selected: x.Region === session.region() }, `${x.RegionName || x.Region} (${x.Region})`)));
}

async function start() {
  clear(nav, NAV.map(([path, label]) => h('a', { href: `#/${path}`, dataset: { route: path } }, label)));
  account.textContent = session.get().secretId.slice(0, 10) + '…';
  try {
    await loadRegions();
  } catch (e) {
    if (String(e.code).startsWith('AuthFailure')) {
      session.clear();
      signInPage(e);
      return false;
    }
    clear(main, errorBox(e));
  }
  return true;
}

function route() {
  if (!session.get()) {
    signInPage();
    return;
  }
  const hash = location.hash.replace(/^#\/?/, '') || 'vpcs';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const [page, id] = path.split('/');
  for (const a of nav.querySelectorAll('a')) a.toggleAttribute('aria-current', a.dataset.route === page);
  document.title = `OpenVPC · ${page}`;
  if (ROUTES[page]) listPage(main, ROUTES[page], params);
  else if (page === 'vpc' && id) vpcPage(main, id);
  else if (page === 'instance' && id) instancePage(main, id);
  else if (page === 'sg' && id) securityGroupPage(main, id, params);
  else if (page === 'acl' && id) aclPage(main, id, params);
  else if (page === 'route-table' && id) routeTablePage(main, id);
  else if (page === 'trace') tracePage(main, params);
  else clear(main, errorBox({ code: 'ResourceNotFound', message: `No page ${path} in the console.` }));
  document.getElementById('toast').hidden = true;
  main.focus({ preventScroll: true });
}

const languageSelect = document.getElementById('language');
languageSelect.value = session.language();
languageSelect.addEventListener('change', () => {
  session.setLanguage(languageSelect.value);
  route();
});
regionSelect.addEventListener('change', () => {
  session.setRegion(regionSelect.value);
  route();
});
document.getElementById('sign-out').addEventListener('click', () => {
  session.clear();
  clear(nav);
  account.textContent = '';
  location.hash = '#/sign-in';
  signInPage();
});
window.addEventListener('hashchange', route);

if (session.get()) {
  start().then((ok) => ok && route());
} else {
  signInPage();
}
