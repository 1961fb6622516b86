/**
 * Delivery rules, pure: quiet hours (no SMS from 21:00 to 08:00 China time — deferred, never
 * dropped), the daily cap per recipient, retry backoff, and mobile number checks.
 */

const HOUR = 3_600_000;
const CHINA_OFFSET = 8 * HOUR;

/** Quiet hours in China time: from QUIET_FROM:00 until QUIET_UNTIL:00 the next morning. */
export const QUIET_FROM = 21;
export const QUIET_UNTIL = 8;

/** Messages one number may receive per China calendar day; the rest wait for the next morning. */
export const DAILY_CAP = 10;

/** Attempts at the provider before a message is `failed` (with the last reason kept). */
export const MAX_ATTEMPTS = 5;

/** The China (UTC+8) hour of day of an epoch-ms time. */
export function chinaHour(now: number): number {
  return new Date(now + CHINA_OFFSET).getUTCHours();
}

/** Epoch ms of the next QUIET_UNTIL:00 China time strictly after `now`. */
export function nextMorning(now: number): number {
  const local = new Date(now + CHINA_OFFSET);
  const morning = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), QUIET_UNTIL) - CHINA_OFFSET;
  return morning > now ? morning : morning + 24 * HOUR;
}

/** Epoch ms of the start (00:00 China time) of the China day containing `now`. */
export function chinaDayStart(now: number): number {
  const local = new Date(now + CHINA_OFFSET);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - CHINA_OFFSET;
}

/** When a message may go out if it is `now`: now itself, or the end of quiet hours. */
export function quietHoursRelease(now: number): number {
  const h = chinaHour(now);
  return h >= QUIET_FROM || h < QUIET_UNTIL ? nextMorning(now) : now;
}

/** Seconds to wait before attempt `attempt + 1` after `attempt` failed: 30 s, 2 min, 8 min, 32 min… capped at 2 h. */
export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 4 ** Math.max(0, attempt - 1), 7200);
}

/** A mainland China mobile number: 11 digits starting with 1[3-9]. */
export function isMobile(phone: unknown): phone is string {
  return typeof phone === 'string' && /^1[3-9]\d{9}$/.test(phone);
}

/** Whether an inbound SMS text is an unsubscribe request (TD, 退订, N, 取消 — as carriers accept). */
export function isOptOutText(text: string): boolean {
  return /^\s*(td|t|n|退订|取消|退)\s*$/i.test(text);
}
