/**
 * Tencent Cloud SMS (短信 SendSms, API version 2021-01-11), signed with TC3-HMAC-SHA256.
 * Tencent sends approved templates only: the request names the TemplateId and passes the
 * template's parameters in order; the SignName (短信签名) is prepended by the service.
 * Configured by secrets (`wrangler secret put TENCENT_SMS_SECRET_ID` …), see wrangler.toml.
 */
import { tc3Sign } from './tc3';
import type { SendResult, SmsProvider } from './types';

/** Settings of the adapter (from the Worker's secrets and vars). */
export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  /** SmsSdkAppId of the SMS application. */
  appId: string;
  /** The approved 短信签名, e.g. 某某区人大. */
  signName: string;
  region?: string;
  /** https://sms.tencentcloudapi.com unless a test points it at a fake server. */
  endpoint?: string;
  /** Seconds since the epoch; injectable for tests. */
  clock?: () => number;
}

/** Error codes worth retrying: Tencent's own trouble and rate limits, not bad requests. */
function isTransient(code: string): boolean {
  return (
    code.startsWith('InternalError') ||
    code === 'RequestLimitExceeded' ||
    code.startsWith('LimitExceeded.DeliveryFrequencyLimit') ||
    code === 'FailedOperation.InsufficientBalanceInSmsPackage' ||
    code.startsWith('ResourceUnavailable')
  );
}

interface SendSmsResponse {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: { SerialNo?: string; Code?: string; Message?: string }[];
    RequestId?: string;
  };
}

/** The adapter. Network failures and 5xx are transient; API errors are judged by code. */
export function tencentSmsProvider(config: TencentSmsConfig): SmsProvider {
  const endpoint = config.endpoint ?? 'https://sms.tencentcloudapi.com';
  const host = new URL(endpoint).host;
  const clock = config.clock ?? (() => Math.floor(Date.now() / 1000));
  return {
    name: 'tencent',
    async send(message): Promise<SendResult> {
      if (!message.providerTemplateId) {
        return { ok: false, transient: false, reason: `no Tencent TemplateId configured for template ${message.templateId}` };
      }
      const payload = JSON.stringify({
        PhoneNumberSet: [`+86${message.phone}`],
        SmsSdkAppId: config.appId,
        SignName: config.signName,
        TemplateId: message.providerTemplateId,
        TemplateParamSet: message.params,
        SessionContext: String(message.id),
      });
      const timestamp = clock();
      const signed = await tc3Sign({
        secretId: config.secretId,
        secretKey: config.secretKey,
        service: 'sms',
        host,
        timestamp,
        payload,
      });
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: {
            Authorization: signed.authorization,
            'Content-Type': 'application/json; charset=utf-8',
            'X-TC-Action': 'SendSms',
            'X-TC-Version': '2021-01-11',
            'X-TC-Region': config.region ?? 'ap-guangzhou',
            'X-TC-Timestamp': String(timestamp),
          },
          body: payload,
        });
      } catch (err) {
        return { ok: false, transient: true, reason: `network: ${err instanceof Error ? err.message : String(err)}` };
      }
      if (res.status >= 500) return { ok: false, transient: true, reason: `HTTP ${res.status}` };
      let body: SendSmsResponse;
      try {
        body = (await res.json()) as SendSmsResponse;
      } catch {
        return { ok: false, transient: res.status >= 500, reason: `HTTP ${res.status}: not JSON` };
      }
      const error = body.Response?.Error;
      if (error?.Code) return { ok: false, transient: isTransient(error.Code), reason: `${error.Code}: ${error.Message ?? ''}` };
      const status = body.Response?.SendStatusSet?.[0];
      if (!status) return { ok: false, transient: true, reason: 'no SendStatusSet in the answer' };
      if (status.Code !== 'Ok') {
        const code = status.Code ?? 'unknown';
        return { ok: false, transient: isTransient(code), reason: `${code}: ${status.Message ?? ''}` };
      }
      return { ok: true, providerMessageId: status.SerialNo ?? body.Response?.RequestId ?? '' };
    },
  };
}
