/**
 * The local provider used by `npm start` and the tests: it sends nothing. The message is
 * recorded — its text is kept on the outbox row (shown on 消息记录) and logged to the console
 * with the number masked — and reported as sent.
 */
import type { SmsProvider } from './types';

/** Records instead of sending. */
export const devProvider: SmsProvider = {
  name: 'dev',
  async send(message) {
    const masked = `${message.phone.slice(0, 3)}****${message.phone.slice(-4)}`;
    console.log(`[sms:dev] #${message.id} → ${masked}: ${message.text}`);
    return { ok: true, providerMessageId: `dev-${message.id}` };
  },
};
