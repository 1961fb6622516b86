/**
 * The inbox's exact-match path: staff paste a resident's tracking code into the search box
 * far more often than any other term. OR'ed into the text search, the code's unique index
 * could not be used and every search read every opinion; looked up first on its own, a code
 * costs one index probe, and the list then is that one opinion (still within the user's scope).
 */
import { eq } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { normaliseCode } from '../platform/codes';

/** What a typed term must look like to be tried as a code (tracking codes, bench codes). */
const CODE_SHAPE = /^[A-Z0-9]{6,16}$/;

/**
 * The id of the opinion whose tracking code is `term` (as a person types it: any case,
 * spaces or dashes), or null when `term` is no code of any opinion.
 * @example await opinionIdByCode(db, 'ab12-cd34') // 1234 or null
 */
export async function opinionIdByCode(db: Database, term: string): Promise<number | null> {
  const code = normaliseCode(term);
  if (!CODE_SHAPE.test(code)) return null;
  const row = await db
    .select({ id: schema.opinions.id })
    .from(schema.opinions)
    .where(eq(schema.opinions.trackingCode, code))
    .get();
  return row?.id ?? null;
}
