// TC3-HMAC-SHA256 request signing with Web Crypto, exactly as the official SDKs compute it
// (see docs in shared/reference: canonical request over content-type;host, scope date/service/tc3_request).
const enc = new TextEncoder();

function hex(buf) {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(text) {
  return hex(await crypto.subtle.digest('SHA-256', enc.encode(text)));
}

async function hmac(key, text) {
  const raw = typeof key === 'string' ? enc.encode(key) : key;
  const k = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, enc.encode(text));
}

/**
 * The Authorization header for a POST of `body` (the exact JSON string sent) to `host`.
 * `service` goes into the credential scope; OpenVPC, like the SDKs with a custom endpoint, accepts any.
 */
export async function authorization({ secretId, secretKey, service, host, contentType, body, timestamp }) {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonical = ['POST', '/', '', `content-type:${contentType}\nhost:${host}\n`, 'content-type;host',
    await sha256Hex(body)].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, await sha256Hex(canonical)].join('\n');
  const kDate = await hmac('TC3' + secretKey, date);
  const kService = await hmac(kDate, service);
  const kSigning = await hmac(kService, 'tc3_request');
  const signature = hex(await hmac(kSigning, toSign));
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}
