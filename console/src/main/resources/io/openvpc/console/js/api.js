// The console's API client: every call is a TC3-signed POST / like an SDK's, with the key from this tab's
// sessionStorage. Errors come back as ApiError carrying Tencent's Code, Message and RequestId.
import { authorization } from './tc3.js';

const VERSIONS = { vpc: '2017-03-12', cvm: '2017-03-12', openvpc: '2017-03-12' };
const KEY = 'openvpc.credentials';

export class ApiError extends Error {
  constructor(code, message, requestId, action) {
    super(message);
    this.code = code;
    this.requestId = requestId;
    this.action = action;
  }
  /** True when the server knows no such action yet (not implemented here, or unknown). */
  get unsupported() {
    return this.code === 'UnsupportedOperation' || this.code === 'InvalidAction';
  }
}

export const session = {
  get() {
    const raw = sessionStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  },
  set(credentials) {
    sessionStorage.setItem(KEY, JSON.stringify(credentials));
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
  region() {
    return sessionStorage.getItem('openvpc.region') || 'ap-guangzhou';
  },
  setRegion(region) {
    sessionStorage.setItem('openvpc.region', region);
  },
  /** The language of the API's error messages (X-TC-Language): en-US or zh-CN. */
  language() {
    return sessionStorage.getItem('openvpc.language') || 'en-US';
  },
  setLanguage(language) {
    sessionStorage.setItem('openvpc.language', language);
  },
};

/** Calls `action` of `product` (vpc, cvm or openvpc) with `params`; resolves to the Response object. */
export async function call(product, action, params = {}, { credentials = session.get(), region = session.region() } = {}) {
  if (!credentials) {
    throw new ApiError('AuthFailure.SecretIdNotFound', 'Sign in first: no SecretId in this tab.', '', action);
  }
  const body = JSON.stringify(params);
  const timestamp = Math.floor(Date.now() / 1000);
  const contentType = 'application/json';
  const headers = {
    'Content-Type': contentType,
    'X-TC-Action': action,
    'X-TC-Version': VERSIONS[product],
    'X-TC-Timestamp': String(timestamp),
    'X-TC-Region': region,
    'X-TC-Language': session.language(),
    'X-TC-RequestClient': 'OPENVPC_CONSOLE',
    Authorization: await authorization({ ...credentials, service: product, host: location.host, contentType, body, timestamp }),
  };
  let res;
  try {
    res = await fetch('/', { method: 'POST', headers, body });
  } catch (e) {
    throw new ApiError('ClientError.NetworkError', `The server did not answer: ${e.message}`, '', action);
  }
  let json;
  try {
    json = await res.json();
  } catch (e) {
    throw new ApiError('ServerSideError', `HTTP ${res.status}: the answer was not JSON`, '', action);
  }
  const r = json.Response;
  if (!r) {
    throw new ApiError('ServerSideError', 'The answer had no Response', '', action);
  }
  if (r.Error) {
    throw new ApiError(r.Error.Code, r.Error.Message, r.RequestId, action);
  }
  return r;
}

export const vpc = (action, params, opts) => call('vpc', action, params, opts);
export const cvm = (action, params, opts) => call('cvm', action, params, opts);
export const openvpc = (action, params, opts) => call('openvpc', action, params, opts);

/** Pages through a Describe action (Offset/Limit, 100 at a time) and returns every item of `setName`. */
export async function all(product, action, setName, params = {}, stringPaging = false) {
  const out = [];
  for (let offset = 0; ; offset += 100) {
    const page = stringPaging ? { Offset: String(offset), Limit: '100' } : { Offset: offset, Limit: 100 };
    const r = await call(product, action, { ...params, ...page });
    const items = r[setName] || [];
    out.push(...items);
    if (items.length < 100 || (r.TotalCount !== undefined && out.length >= r.TotalCount)) {
      return out;
    }
  }
}
