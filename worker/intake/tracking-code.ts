/**
 * Tracking codes (查询码): 8 characters of the unambiguous alphabet (no 0/O, 1/I/L), stored
 * without a dash and shown as XXXX-XXXX so that it can be read aloud over the phone in two
 * halves. 31^8 ≈ 8.5 × 10^11 codes: guessing one is hopeless, collisions are rare and retried.
 */
import { CODE_ALPHABET, normaliseCode, randomCode } from '../platform/codes';

/** Characters in a tracking code. */
export const TRACKING_CODE_LENGTH = 8;

const VALID = new RegExp(`^[${CODE_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`);

/** A fresh random tracking code (stored form, no dash). */
export function newTrackingCode(): string {
  return randomCode(TRACKING_CODE_LENGTH);
}

/** 'ABCD2345' → 'ABCD-2345'. */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A code typed or pasted by a person, in stored form, or null when it cannot be one:
 * case-insensitive, dash and spaces optional ("abcd 2345", "ABCD-2345").
 */
export function parseTrackingCode(input: string): string | null {
  if (input.length > 40) return null;
  const code = normaliseCode(input);
  return VALID.test(code) ? code : null;
}
