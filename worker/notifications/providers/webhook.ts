/**
 * A generic signed webhook, for a district's own 政务短信平台 gateway. Outbound: POST JSON
 * `{ id, phone, text, template, params }` with `X-Lianluo-Timestamp` and
 * `X-Lianluo-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. Inbound (the
 * gateway reporting a reply such as "TD"): the same two headers over the request body,
 * checked by {@link verifyWebhook}.
 */
import type { SendResult, SmsProvider } from './types';

const enc = new TextEncoder();

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, enc.encode(text));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The signature header value for a body sent at `timestamp` (seconds). */
export async function webhookSignature(secret: string, timestamp: number, body: string): Promise<string> {
  return `sha256=${await hmacHex(secret, `${timestamp}.${body}`)}`;
}

/** Inbound requests older or newer than this are refused (replay protection). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** Compares without leaking where two strings first differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Whether an inbound request carries a valid, fresh signature over `body`. */
export async function verifyWebhook(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds: number,
): Promise<boolean> {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > WEBHOOK_TOLERANCE_SECONDS || !headers.signature) return false;
  return sameText(await webhookSignature(secret, ts, body), headers.signature);
}

/** The adapter: 2xx is sent (its JSON `messageId` kept), 5xx and network errors retried, 4xx not. */
export function webhookProvider(config: { url: string; secret: string; clock?: () => number }): SmsProvider {
  const clock = config.clock ?? (() => Math.floor(Date.now() / 1000));
  return {
    name: 'webhook',
    async send(message): Promise<SendResult> {
      const body = JSON.stringify({
        id: message.id,
        phone: message.phone,
        text: message.text,
        template: message.templateId,
        params: message.params,
      });
      const timestamp = clock();
      let res: Response;
      try {
        res = await fetch(config.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'X-Lianluo-Timestamp': String(timestamp),
            'X-Lianluo-Signature': await webhookSignature(config.secret, timestamp, body),
          },
          body,
        });
      } catch (err) {
        return { ok: false, transient: true, reason: `network: ${err instanceof Error ? err.message : String(err)}` };
      }
      const text = await res.text();
      if (!res.ok)
        return {
          ok: false,
          transient: res.status >= 500 || res.status === 429,
          reason: `HTTP ${res.status}: ${text.slice(0, 200)}`,
        };
      let id = '';
      try {
        const parsed = JSON.parse(text) as { messageId?: unknown };
        if (typeof parsed.messageId === 'string') id = parsed.messageId;
      } catch {
        // A gateway that answers 200 without JSON still took the message.
      }
      return { ok: true, providerMessageId: id || `webhook-${message.id}` };
    },
  };
}
