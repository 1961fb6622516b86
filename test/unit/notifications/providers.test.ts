/**
 * The Tencent Cloud SMS and webhook adapters against a local fake HTTP server (node:http on
 * a loopback port; never the real service): what they send, how they sign it, and how they
 * read each kind of answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tc3Sign } from '../../../worker/notifications/providers/tc3';
import { tencentSmsProvider } from '../../../worker/notifications/providers/tencent';
import type { SmsMessage } from '../../../worker/notifications/providers/types';
import { verifyWebhook, webhookProvider } from '../../../worker/notifications/providers/webhook';

interface Seen {
  headers: IncomingMessage['headers'];
  body: string;
}
let server: Server;
let base = '';
let seen: Seen[] = [];
let answer: (res: ServerResponse) => void = (res) => res.end('{}');

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      answer(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
});

const json = (status: number, value: unknown) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

const MESSAGE: SmsMessage = {
  id: 42,
  phone: '13800138000',
  text: '您的意见已受理，查询码ABCD2345，可随时查看进度：https://x.test/t/ABCD2345',
  templateId: 'opinion_received',
  providerTemplateId: '1234567',
  params: ['ABCD2345', 'https://x.test/t/ABCD2345'],
};

describe('Tencent Cloud SMS adapter', () => {
  const config = () => ({
    secretId: 'AKIDtest',
    secretKey: 'secret-key',
    appId: '1400000000',
    signName: '某某区人大',
    endpoint: base,
    clock: () => 1_765_000_000,
  });

  it('POSTs SendSms with the template and its ordered parameters, signed with TC3', async () => {
    answer = json(200, {
      Response: { SendStatusSet: [{ SerialNo: '2028:abc', Code: 'Ok', Message: 'send success' }], RequestId: 'r1' },
    });
    const result = await tencentSmsProvider(config()).send(MESSAGE);
    expect(result).toEqual({ ok: true, providerMessageId: '2028:abc' });
    const [req] = seen;
    expect(JSON.parse(req!.body)).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400000000',
      SignName: '某某区人大',
      TemplateId: '1234567',
      TemplateParamSet: ['ABCD2345', 'https://x.test/t/ABCD2345'],
      SessionContext: '42',
    });
    expect(req!.headers['x-tc-action']).toBe('SendSms');
    expect(req!.headers['x-tc-version']).toBe('2021-01-11');
    expect(req!.headers['x-tc-timestamp']).toBe('1765000000');
    const expected = await tc3Sign({
      secretId: 'AKIDtest',
      secretKey: 'secret-key',
      service: 'sms',
      host: new URL(base).host,
      timestamp: 1_765_000_000,
      payload: req!.body,
    });
    expect(req!.headers.authorization).toBe(expected.authorization);
  });

  it('an API error with a bad-request code fails for good; an internal error is retried', async () => {
    answer = json(200, {
      Response: { Error: { Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: '手机号格式错误' } },
    });
    expect(await tencentSmsProvider(config()).send(MESSAGE)).toEqual({
      ok: false,
      transient: false,
      reason: 'InvalidParameterValue.IncorrectPhoneNumber: 手机号格式错误',
    });
    answer = json(200, { Response: { Error: { Code: 'InternalError.Timeout', Message: 'timeout' } } });
    expect(await tencentSmsProvider(config()).send(MESSAGE)).toMatchObject({ ok: false, transient: true });
  });

  it('a per-number status other than Ok is reported; HTTP 5xx is transient', async () => {
    answer = json(200, {
      Response: {
        SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: '单个手机号日下发短信条数超过设定的上限' }],
      },
    });
    expect(await tencentSmsProvider(config()).send(MESSAGE)).toMatchObject({ ok: false, transient: false });
    answer = (res) => {
      res.writeHead(502);
      res.end('bad gateway');
    };
    expect(await tencentSmsProvider(config()).send(MESSAGE)).toEqual({ ok: false, transient: true, reason: 'HTTP 502' });
  });

  it('refuses to send a template that has no approved TemplateId, without calling the service', async () => {
    const r = await tencentSmsProvider(config()).send({ ...MESSAGE, providerTemplateId: null });
    expect(r).toMatchObject({ ok: false, transient: false });
    expect(seen).toHaveLength(0);
  });
});

describe('signed webhook adapter', () => {
  it('POSTs the message with an HMAC signature the receiver can verify', async () => {
    answer = json(200, { messageId: 'gw-7' });
    const r = await webhookProvider({ url: `${base}/sms`, secret: 's3cret', clock: () => 1000 }).send(MESSAGE);
    expect(r).toEqual({ ok: true, providerMessageId: 'gw-7' });
    const [req] = seen;
    expect(JSON.parse(req!.body)).toMatchObject({ id: 42, phone: '13800138000', text: MESSAGE.text });
    const headers = {
      timestamp: req!.headers['x-lianluo-timestamp'] as string,
      signature: req!.headers['x-lianluo-signature'] as string,
    };
    expect(await verifyWebhook('s3cret', headers, req!.body, 1000)).toBe(true);
    expect(await verifyWebhook('other', headers, req!.body, 1000)).toBe(false);
    expect(await verifyWebhook('s3cret', headers, `${req!.body} `, 1000)).toBe(false);
    // Replays outside five minutes are refused.
    expect(await verifyWebhook('s3cret', headers, req!.body, 1000 + 301)).toBe(false);
  });

  it('4xx fails for good, 5xx and refused connections are retried', async () => {
    answer = json(400, { error: 'bad phone' });
    expect(await webhookProvider({ url: base, secret: 's' }).send(MESSAGE)).toMatchObject({ ok: false, transient: false });
    answer = json(503, {});
    expect(await webhookProvider({ url: base, secret: 's' }).send(MESSAGE)).toMatchObject({ ok: false, transient: true });
    expect(await webhookProvider({ url: 'http://127.0.0.1:9/', secret: 's' }).send(MESSAGE)).toMatchObject({
      ok: false,
      transient: true,
    });
  });
});
