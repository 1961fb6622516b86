/**
 * Turns D1 constraint failures into the column that caused them, so a route can answer
 * 409 with a field message instead of a 500. D1 reports SQLite's text, e.g.
 * "D1_ERROR: UNIQUE constraint failed: deputies.phone: SQLITE_CONSTRAINT".
 */
export function uniqueViolation(err: unknown): string | null {
  const text = err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? '')}` : String(err);
  const match = /UNIQUE constraint failed: [\w]+\.(\w+)/.exec(text);
  return match ? match[1]! : null;
}
