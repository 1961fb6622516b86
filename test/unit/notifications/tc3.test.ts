/**
 * TC3-HMAC-SHA256 against Tencent Cloud's documented example (签名方法 v3): the CVM
 * DescribeInstances call at timestamp 1551113065. The Chinese documentation signs with the key
 * "Gu5t9xGARNpq86cd98joQYCN3*******", the international one with "…EXAMPLE"; both published
 * signatures must come out exactly.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex, tc3Sign } from '../../../worker/notifications/providers/tc3';

const PAYLOAD = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const BASE = { service: 'cvm', host: 'cvm.tencentcloudapi.com', timestamp: 1551113065, payload: PAYLOAD };

describe('TC3-HMAC-SHA256', () => {
  it('reproduces the documented canonical request, string to sign and signature', async () => {
    const s = await tc3Sign({
      ...BASE,
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
    });
    expect(await sha256Hex(PAYLOAD)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    expect(s.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(s.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(s.signature).toBe('2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
    expect(s.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
    );
  });

  it('reproduces the international documentation example', async () => {
    const s = await tc3Sign({
      ...BASE,
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
    });
    expect(s.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
  });

  it('uses the UTC date of the timestamp in the scope (08:00 China time is still the previous UTC day)', async () => {
    const s = await tc3Sign({
      ...BASE,
      timestamp: Date.parse('2026-12-08T07:59:00+08:00') / 1000,
      secretId: 'a',
      secretKey: 'b',
    });
    expect(s.stringToSign.split('\n')[2]).toBe('2026-12-07/cvm/tc3_request');
  });
});
