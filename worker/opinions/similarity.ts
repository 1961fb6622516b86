/**
 * Text similarity for spotting likely duplicate opinions. Chinese has no spaces between
 * words, so words cannot be compared; overlapping pairs of characters (bigrams) can, and
 * they capture most of what two residents writing about the same pothole share
 * ("路面" "面破" "破损"…). Pure: no Workers or database APIs.
 */

/** Opinions this similar (or more) are offered to staff as likely duplicates. */
export const DUPLICATE_THRESHOLD = 0.5;

/** How far apart (either way, in days) two opinions may have arrived and still be compared. */
export const DUPLICATE_WINDOW_DAYS = 90;

/**
 * Keeps letters and digits of any script, lower-cased: punctuation, spaces and emoji say
 * nothing about the subject, and full-width digits are folded to ASCII by NFKC.
 */
export function normaliseForSimilarity(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The set of character bigrams of a text (after normalising). A one-character text yields
 * that character, so "路" is still comparable with "路"; an empty text yields an empty set.
 * @example bigrams('路灯坏了') // Set { '路灯', '灯坏', '坏了' }
 */
export function bigrams(text: string): Set<string> {
  const chars = [...normaliseForSimilarity(text)];
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * Jaccard similarity of two bigram sets: shared / all distinct. 0 when both are empty
 * (two blank texts are not "the same complaint").
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Character-bigram Jaccard similarity of two texts, in [0, 1].
 * @example similarity('小区门口路灯坏了', '小区门口的路灯坏了好几天') // ≈ 0.55
 */
export function similarity(a: string, b: string): number {
  return jaccard(bigrams(a), bigrams(b));
}

/** A candidate to compare against, with anything the caller wants carried through. */
export interface Candidate {
  id: number;
  body: string;
}

/**
 * The candidates at least `threshold` similar to `text`, most similar first (ties: lower id
 * first, i.e. the older opinion, which is the natural merge target). `score` is rounded to
 * two decimals for display.
 */
export function likelyDuplicates<C extends Candidate>(
  text: string,
  candidates: readonly C[],
  threshold = DUPLICATE_THRESHOLD,
): (C & { score: number })[] {
  const mine = bigrams(text);
  return candidates
    .map((c) => ({ c, score: jaccard(mine, bigrams(c.body)) }))
    .filter((x) => x.score >= threshold)
    .sort((x, y) => y.score - x.score || x.c.id - y.c.id)
    .map(({ c, score }) => ({ ...c, score: Math.round(score * 100) / 100 }));
}
