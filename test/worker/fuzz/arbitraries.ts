/**
 * Hostile inputs for property-based tests: wrong types, missing and extra fields, deep JSON,
 * control characters, emoji, SQL and HTML payloads, huge strings, invalid UTF-8.
 */
import fc from 'fast-check';

export const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    "'; DROP TABLE deputies; --",
    '" OR 1=1 --',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '=HYPERLINK("http://evil","x")',
    '\u0000\u0001\u0002\u001f\u007f',
    '\u202e\u200b\ufeff',
    '👨‍👩‍👧‍👦🇨🇳💩',
    '城关街道',
    '13800138000',
    '',
    ' ',
    '%00',
    '../../etc/passwd',
  ),
  fc.string({ minLength: 3000, maxLength: 6000 }),
);

export const scalar = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(-1),
);

/** Objects built from the endpoint's own field names (so validation is really exercised) plus junk. */
export function bodyFor(fields: string[]) {
  const known = fc.record(
    Object.fromEntries(fields.map((f) => [f, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.object({ maxDepth: 2 }))])),
    {
      requiredKeys: [],
    },
  );
  return fc.oneof(
    known,
    fc.tuple(known, fc.dictionary(fc.string({ maxLength: 10 }), scalar, { maxKeys: 4 })).map(([a, b]) => ({ ...b, ...a })),
    fc.anything({ maxDepth: 4 }),
    fc.array(scalar, { maxLength: 5 }),
  );
}

/** A raw request body: JSON text, deep nesting, truncated JSON, or bytes that are not UTF-8. */
export const rawBody = fc.oneof(
  fc.json({ maxDepth: 3 }).map((text) => ({ text, contentType: 'application/json' })),
  fc
    .integer({ min: 1000, max: 5000 })
    .map((depth) => ({ text: '['.repeat(depth) + ']'.repeat(depth), contentType: 'application/json' })),
  fc.string().map((text) => ({ text: `{"a":${text}`, contentType: 'application/json' })),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((bytes) => ({ bytes: Uint8Array.from([0xff, 0xfe, 0xc3, ...bytes]), contentType: 'application/json' })),
  fc.string().map((text) => ({ text, contentType: 'text/plain' })),
  fc.string().map((text) => ({ text, contentType: 'multipart/form-data; boundary=x' })),
);
