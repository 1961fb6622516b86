/**
 * Picks the SMS provider from the Worker's configuration: `SMS_PROVIDER` = dev (default:
 * records only), tencent (Tencent Cloud SMS) or webhook (the district's own gateway).
 * A provider named but not configured falls back to dev loudly, so a missing secret never
 * sends a message to a real phone by accident nor loses it: it is recorded, not sent.
 */
import type { Env } from '../../env';
import { devProvider } from './dev';
import { tencentSmsProvider } from './tencent';
import type { SmsProvider } from './types';
import { webhookProvider } from './webhook';

export type { SmsMessage, SmsProvider, SendResult } from './types';

/** The provider this deployment sends through. */
export function providerFor(env: Env): SmsProvider {
  const kind = env.SMS_PROVIDER ?? 'dev';
  if (kind === 'tencent') {
    const { TENCENT_SMS_SECRET_ID: secretId, TENCENT_SMS_SECRET_KEY: secretKey } = env;
    const { TENCENT_SMS_APP_ID: appId, TENCENT_SMS_SIGN_NAME: signName } = env;
    if (secretId && secretKey && appId && signName) {
      return tencentSmsProvider({ secretId, secretKey, appId, signName, endpoint: env.TENCENT_SMS_ENDPOINT || undefined });
    }
    console.error('SMS_PROVIDER=tencent but a TENCENT_SMS_* secret is missing; recording messages only');
  } else if (kind === 'webhook') {
    if (env.SMS_WEBHOOK_URL && env.SMS_WEBHOOK_SECRET) {
      return webhookProvider({ url: env.SMS_WEBHOOK_URL, secret: env.SMS_WEBHOOK_SECRET });
    }
    console.error('SMS_PROVIDER=webhook but SMS_WEBHOOK_URL or SMS_WEBHOOK_SECRET is missing; recording messages only');
  }
  return devProvider;
}
