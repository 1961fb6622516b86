/** The SMS provider interface every adapter implements (Tencent Cloud, signed webhook, dev). */

/** One message as handed to a provider. */
export interface SmsMessage {
  /** The outbox id, also the idempotency reference sent to gateways that accept one. */
  id: number;
  /** Mainland mobile number, 11 digits. */
  phone: string;
  /** The full text as the recipient reads it. */
  text: string;
  templateId: string;
  /** The approved template id at the provider, when it sends by template. */
  providerTemplateId: string | null;
  /** The template's variables in the order of its placeholders (for template-based providers). */
  params: string[];
}

/** What a send attempt came to. `transient` failures are retried with backoff. */
export type SendResult = { ok: true; providerMessageId: string } | { ok: false; transient: boolean; reason: string };

/** A way of sending SMS. */
export interface SmsProvider {
  /** Stored with each message: 'dev', 'tencent', 'webhook'. */
  readonly name: string;
  send(message: SmsMessage): Promise<SendResult>;
}
