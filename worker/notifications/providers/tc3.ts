/**
 * Tencent Cloud API signature v3 (TC3-HMAC-SHA256), as documented in "签名方法 v3":
 * canonical request → string to sign → key derived from the SecretKey by date, service and
 * "tc3_request" → hex HMAC. Only Web Crypto; tested against the documentation's example.
 */

const enc = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Lower-case hex SHA-256 of a UTF-8 string. */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', enc.encode(text)));
}

async function hmac(key: ArrayBuffer | Uint8Array<ArrayBuffer>, text: string): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, enc.encode(text));
}

/** What one signed request is made of. */
export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** e.g. 'sms' or 'cvm'. */
  service: string;
  /** e.g. 'sms.tencentcloudapi.com'. */
  host: string;
  /** Seconds since the epoch; also sent as X-TC-Timestamp. */
  timestamp: number;
  /** The exact JSON body sent (the hash is over these bytes). */
  payload: string;
  contentType?: string;
}

/** The intermediate values the documentation lists, and the Authorization header. */
export interface Tc3Signature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

/**
 * Signs a POST of `payload` to `host` with the headers content-type and host signed (the
 * documentation's example and what the SDKs send for JSON calls).
 */
export async function tc3Sign(input: Tc3Input): Promise<Tc3Signature> {
  const contentType = input.contentType ?? 'application/json; charset=utf-8';
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${contentType}\nhost:${input.host}\n`,
    signedHeaders,
    await sha256Hex(input.payload),
  ].join('\n');
  // The credential scope's date is the UTC date of the timestamp.
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, await sha256Hex(canonicalRequest)].join('\n');
  const kDate = await hmac(enc.encode(`TC3${input.secretKey}`), date);
  const kService = await hmac(kDate, input.service);
  const kSigning = await hmac(kService, 'tc3_request');
  const signature = hex(await hmac(kSigning, stringToSign));
  const authorization = `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}
