/**
 * Random identifiers of the evaluation area. Tokens are what a deputy's personal link
 * carries; response ids key the anonymous answers. Both come from the platform CSPRNG and
 * carry no order, no time and no counter.
 */

/** Bytes of randomness in a personal token: 18 bytes = 144 bits = 24 base64url characters. */
export const TOKEN_BYTES = 18;

/** What a well-formed token looks like (anything else is answered 404 without a query). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A new personal evaluation token (24 base64url characters).
 * @example newToken() // 'q3V0Zk1x…' (24 chars)
 */
export function newToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));
}

/**
 * A new anonymous response id: a version-4 UUID (122 random bits). Unlike an integer key it
 * says nothing about which answer came first.
 */
export function newResponseId(): string {
  return crypto.randomUUID();
}
