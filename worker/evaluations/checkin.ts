/**
 * Self check-in at a training (/c/<code>): a deputy gives their name and the middle four
 * digits of their mobile number (digits 4–7). The middle digits on purpose: the name is
 * printed on every list and the masked phone leaders see (`188****0200`) shows the first
 * three and the last four, so the last four would be no secret at all.
 *
 * Guessing is limited per deputy per training, not per client address: a lecture hall of
 * hundreds shares one Wi-Fi address, while a guesser aims at one name. Each attempt under a
 * name first *reserves* one of that deputy's {@link MAX_CHECKIN_FAILURES} wrong guesses in a
 * single UPDATE (atomic in D1, so a hundred concurrent guesses get at most five evaluated),
 * then checks the digits, and hands the reservation back when they were right.
 */
import { cleanText } from '../forms/normalise';

/** Wrong answers a deputy's name may receive in one training before self check-in stops for them. */
export const MAX_CHECKIN_FAILURES = 5;

/** A name as people type it: full-width letters folded, spaces (also U+3000) removed. */
export function comparableName(name: string): string {
  return cleanText(name, false).normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Digits 4–7 of a mainland mobile number (the part a masked number hides), or null when the
 * stored number is not one. A leading +86 / 86 is dropped.
 * @example phoneMiddle('138 0013 8000') // '0013'
 */
export function phoneMiddle(phone: string | null): string | null {
  if (!phone) return null;
  let digits = phone.normalize('NFKC').replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits.length === 11 ? digits.slice(3, 7) : null;
}

/** What a check-in attempt came to. */
export type CheckinOutcome =
  | { kind: 'checked_in'; enrolmentId: number; name: string; again: boolean }
  | { kind: 'no_such_name' }
  | { kind: 'wrong_digits'; attemptsLeft: number }
  | { kind: 'locked' }
  | { kind: 'ambiguous' };

interface Candidate {
  id: number;
  name: string;
  phone: string | null;
}

/**
 * Checks a deputy in for `today` if the name and middle digits match exactly one enrolment of
 * the training, counting a wrong answer against every enrolled deputy of that name.
 */
export async function checkIn(
  d1: D1Database,
  trainingId: number,
  input: { name: string; digits: string },
  today: string,
  now: number,
): Promise<CheckinOutcome> {
  const name = comparableName(input.name);
  // Names need the same folding as the input, so the comparison is done here; one training
  // enrols at most a district's deputies (≈ 835 rows), read through the training index.
  const enrolled = await d1
    .prepare(
      'SELECT e.id AS id, d.name AS name, d.phone AS phone FROM enrolments e JOIN deputies d ON d.id = e.deputy_id WHERE e.training_id = ?1',
    )
    .bind(trainingId)
    .all<Candidate>();
  const named = enrolled.results.filter((c) => comparableName(c.name) === name);
  if (named.length === 0) return { kind: 'no_such_name' };

  const ids = named.map((c) => c.id);
  const marks = ids.map((_, i) => `?${i + 3}`).join(', ');
  const reserved = await d1
    .prepare(
      `UPDATE enrolments SET checkin_failures = checkin_failures + 1 WHERE training_id = ?1 AND checkin_failures < ?2 AND id IN (${marks}) RETURNING id, checkin_failures AS failures`,
    )
    .bind(trainingId, MAX_CHECKIN_FAILURES, ...ids)
    .all<{ id: number; failures: number }>();
  if (reserved.results.length === 0) return { kind: 'locked' };

  const open = new Set(reserved.results.map((r) => r.id));
  const matches = named.filter((c) => open.has(c.id) && phoneMiddle(c.phone) === input.digits);
  if (matches.length === 0) {
    const used = Math.min(...reserved.results.map((r) => r.failures));
    return { kind: 'wrong_digits', attemptsLeft: Math.max(0, MAX_CHECKIN_FAILURES - used) };
  }
  // Right answer (or a true tie): not a wrong guess, so every reservation is handed back.
  const refund = d1
    .prepare(
      `UPDATE enrolments SET checkin_failures = checkin_failures - 1 WHERE id IN (${[...open].map((_, i) => `?${i + 1}`).join(', ')})`,
    )
    .bind(...open);
  if (matches.length > 1) {
    await refund.run();
    return { kind: 'ambiguous' };
  }
  const match = matches[0]!;
  const [, inserted] = await d1.batch([
    refund,
    d1
      .prepare(
        'INSERT INTO attendance (enrolment_id, day, checked_in_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING RETURNING day',
      )
      .bind(match.id, today, now),
  ]);
  return { kind: 'checked_in', enrolmentId: match.id, name: match.name, again: (inserted?.results.length ?? 0) === 0 };
}
