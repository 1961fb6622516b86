/**
 * What of the anonymous answers may be shown, and to whom. Pure: counts in, decisions out.
 *
 * Two mechanisms keep an organiser from attributing an answer to a deputy (the threat model
 * is docs/security-anonymity.md):
 *
 * 1. Release in batches. Answers wait in `evaluation_pending` and become visible only in a
 *    release of at least {@link RELEASE_K} answers of one township (or, when the evaluation
 *    closes, a pool of the leftovers of every township, which loses its township). Every
 *    released batch is therefore an "atom" of ≥ k answers, and every figure any view shows is
 *    a sum of atoms: comparing two views (before and after a deputy leaves the 未提交名单),
 *    subtracting townships from the district, or both, yields at best one atom, never fewer
 *    than k people's answers. {@link releasePlan} decides which groups are due.
 * 2. Small-group suppression with complementary suppression, for released data that does not
 *    come in atoms (answers stored before batching existed, or imported): a township with
 *    fewer than k released answers is withheld, and if the withheld townships together hold
 *    fewer than k, the next-smallest townships are withheld too, so "district minus every shown
 *    township" is never a group of fewer than k. {@link suppressedTownships} decides.
 */

import { MIN_GROUP_SIZE } from './stats';

/** Answers in every released batch and in every shown group (k); stated on the results page. */
export const RELEASE_K = MIN_GROUP_SIZE;

/** The groups of pending answers of one training that are due for release. */
export interface ReleasePlan {
  /** Townships (null: answers with no township) whose pending answers are released as their own batch. */
  townships: (number | null)[];
  /** Whether the leftovers of all other groups are released together, without a township (only at close). */
  pool: boolean;
}

/**
 * Which pending answers may be released now. While an evaluation is open a group is released
 * when it holds at least k answers; when it closes, whatever is left of every group is pooled
 * and released without a township if the pool holds at least k (otherwise it stays unshown).
 * @example releasePlan(new Map([[1, 5], [2, 3]]), false) // { townships: [1], pool: false }
 * @example releasePlan(new Map([[1, 2], [2, 3]]), true)  // { townships: [], pool: true }
 */
export function releasePlan(pending: ReadonlyMap<number | null, number>, closed: boolean, k = RELEASE_K): ReleasePlan {
  const townships = [...pending].filter(([, n]) => n >= k).map(([id]) => id);
  const leftover = [...pending].filter(([, n]) => n < k).reduce((a, [, n]) => a + n, 0);
  return { townships, pool: closed && leftover >= k };
}

/** Released answers per township (null: no township) of one training. */
export type GroupCounts = ReadonlyMap<number | null, number>;

/**
 * The townships whose breakdown must not be shown: those below k, plus as few of the smallest
 * others as it takes for the withheld answers (township-less ones included) to reach k, so
 * none of them can be recovered by subtracting the shown townships from the district total.
 * When the whole training has fewer than k answers nothing is shown at all (the caller checks
 * {@link isShowable} on the total).
 * @example suppressedTownships(new Map([[1, 8], [2, 3], [3, 6]])) // Set {2, 3}: 3 alone could be subtracted
 */
export function suppressedTownships(counts: GroupCounts, k = RELEASE_K): Set<number> {
  const withheld = new Set<number>();
  let withheldTotal = counts.get(null) ?? 0;
  const shown: [number, number][] = [];
  for (const [id, n] of counts) {
    if (id === null || n === 0) continue;
    if (n < k) {
      withheld.add(id);
      withheldTotal += n;
    } else shown.push([id, n]);
  }
  // Smallest first: withholding the least information that makes the withheld remainder safe.
  shown.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  while (withheldTotal > 0 && withheldTotal < k && shown.length > 0) {
    const [id, n] = shown.shift()!;
    withheld.add(id);
    withheldTotal += n;
  }
  return withheld;
}

/** Whether a group of `n` released answers may be shown. */
export function isShowable(n: number, k = RELEASE_K): boolean {
  return n >= k;
}
