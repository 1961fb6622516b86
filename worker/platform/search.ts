/**
 * Substring search for list filters. D1 refuses LIKE patterns over 50 bytes ("LIKE or GLOB
 * pattern too complex") and a Chinese character is 3 bytes, so `LIKE '%…%'` would turn a
 * 17-character search into a 500. `instr()` has no such limit and needs no escaping of % and _.
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** True where `column` contains `term` (case-sensitive, which suits Chinese text and digits). */
export function contains(column: SQLWrapper, term: string): SQL {
  return sql`instr(${column}, ${term}) > 0`;
}
