/**
 * Short public codes (station QR codes, tracking codes, check-in codes) read aloud or typed
 * by elderly residents: no 0/O, 1/I/L lookalikes, upper case only.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random code of `length` characters (uniform: rejection sampling avoids modulo bias). */
export function randomCode(length: number): string {
  const out: string[] = [];
  const limit = 256 - (256 % CODE_ALPHABET.length);
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < limit && out.length < length) out.push(CODE_ALPHABET[b % CODE_ALPHABET.length]!);
    }
  }
  return out.join('');
}

/** Normalises a code typed by a person: trims, upper-cases, maps lookalikes (O→0 is not in the alphabet, so O stays invalid). */
export function normaliseCode(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, '');
}
