/**
 * The organiser as adversary. Staff and leaders know who submitted and when (completion is
 * live, by township, and the 未提交名单 shows it); they can read every view the API offers
 * them — results for the district and each township, the raw XLSX export, the statistics
 * overview — as often as they like, keep every copy, and subtract. This test plays that
 * adversary through a series of submissions from three townships (one too small ever to
 * reach k on its own) and the close, taking every view of every staff and leader role before
 * and after each submission, and asserts:
 *
 * 1. No count that any view shows ever moves by fewer than k (one answer arriving is never
 *    visible on its own).
 * 2. Solving the whole puzzle — every answer text seen, the earliest view it appeared in, the
 *    township any view ties it to or rules out (subtracting shown townships from the district)
 *    — against the exact submission order, no answer can be attributed to fewer than k
 *    deputies (checked as a bipartite matching: a deputy is a possible author of an answer
 *    if some assignment of all visible answers to distinct submitters gives it to them).
 * 3. Completion figures stay live: each submission shows at once in progress.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { addDeputies, answers, setupTraining, submit, type TrainingSetup } from './helpers';
import { readFirstSheet } from './xlsx-read';

const K = 5;
const MARK = '答卷标记';

interface ResultsBody {
  withheld: boolean;
  n: number | null;
  townships: { townshipId: number; withheld: boolean; n: number | null }[];
  report: { questions: { id: string; answers?: string[] }[] } | null;
}
interface OverviewBody {
  trainingResults: { responses: number; withheld: boolean } | null;
}

/** One observation: every count shown (by view) and, per answer marker, the townships it may be from. */
interface Observation {
  counts: Map<string, number>;
  /** marker → townships a view ties it to (null: no constraint beyond being visible). */
  seen: Map<string, Set<number> | null>;
  /**
   * The same, adding what subtraction suggests: an answer in the district list but in no shown
   * township's breakdown (or on an export row without a township) comes from a township not
   * shown. True of a design that suppresses small townships; false where leftovers are pooled
   * without a township, so the adversary uses it only while it stays consistent.
   */
  subtracted: Map<string, Set<number> | null>;
}

let setup: TrainingSetup;
const TOWNSHIPS = [1, 2, 3];
/** Deputy ids per township, in the order they will submit. */
const byTownship = new Map<number, number[]>();
const townshipOf = new Map<number, number>();

const district = ['staff', 'leader', 'admin'] as const;
const local = [
  ['staffA', 1],
  ['staffB', 2],
] as const;

function marker(text: string): string | null {
  return text.startsWith(MARK) ? text : null;
}

function intersect(a: Set<number> | null | undefined, b: Set<number> | null): Set<number> | null {
  if (a === undefined) return b;
  if (a === null) return b;
  if (b === null) return a;
  return new Set([...a].filter((x) => b.has(x)));
}

function note(obs: Observation, text: string, allowed: Set<number> | null, bySubtraction = false): void {
  const m = marker(text);
  if (!m) return;
  if (!bySubtraction) obs.seen.set(m, intersect(obs.seen.get(m), allowed));
  else if (!obs.seen.has(m)) obs.seen.set(m, null);
  obs.subtracted.set(m, intersect(obs.subtracted.get(m), allowed));
}

const NAMES = new Map([
  ['城关街道', 1],
  ['东湖街道', 2],
  ['西山镇', 3],
]);

/** The raw export: a row's township label ties it to that township; a blank one suggests a township not labelled. */
function exportEvidence(obs: Observation, rows: string[][]): void {
  const header = rows[0] ?? [];
  const col = header.indexOf('improve');
  const tcol = header.indexOf('township');
  const labelled = new Set(rows.slice(1).flatMap((r) => (NAMES.has(r[tcol] ?? '') ? [NAMES.get(r[tcol]!)!] : [])));
  for (const r of rows.slice(1)) {
    const label = NAMES.get(r[tcol] ?? '');
    if (label) note(obs, r[col] ?? '', new Set([label]));
    else note(obs, r[col] ?? '', new Set(TOWNSHIPS.filter((t) => !labelled.has(t))), true);
  }
}

async function getJson<T>(path: string, cookie: string): Promise<T> {
  const res = await call('GET', path, { cookie });
  expect(res.status, path).toBe(200);
  return res.json<T>();
}

function texts(body: ResultsBody): string[] {
  return body.report?.questions.find((q) => q.id === 'improve')?.answers ?? [];
}

/** Every view of every staff and leader role, as one observation. */
async function observe(): Promise<Observation> {
  const obs: Observation = { counts: new Map(), seen: new Map(), subtracted: new Map() };
  const users: Record<string, string> = setup.fixture.users;
  const base = `/api/trainings/${setup.trainingId}`;
  for (const role of district) {
    const cookie = users[role]!;
    const all = await getJson<ResultsBody>(`${base}/results`, cookie);
    obs.counts.set(`${role}:results:n`, all.n ?? 0);
    for (const t of all.townships) obs.counts.set(`${role}:results:row${t.townshipId}`, t.n ?? 0);
    // The townships whose whole breakdown this role sees: an answer in the district list but
    // in none of them comes from one of the others (the subtraction attack).
    const shownTownships = new Set<number>();
    const inBreakdown = new Set<string>();
    for (const t of TOWNSHIPS) {
      const one = await getJson<ResultsBody>(`${base}/results?townshipId=${t}`, cookie);
      obs.counts.set(`${role}:results:t${t}:n`, one.n ?? 0);
      if (!one.withheld) {
        shownTownships.add(t);
        for (const text of texts(one)) {
          note(obs, text, new Set([t]));
          inBreakdown.add(text);
        }
      }
    }
    const rest = new Set(TOWNSHIPS.filter((t) => !shownTownships.has(t)));
    for (const text of texts(all)) note(obs, text, inBreakdown.has(text) ? null : rest, !inBreakdown.has(text));
    const res = await call('GET', `${base}/results/export`, { cookie });
    expect(res.status).toBe(200);
    const rows = readFirstSheet(await res.arrayBuffer());
    obs.counts.set(`${role}:export:rows`, Math.max(0, rows.length - 1));
    exportEvidence(obs, rows);
    for (const t of [null, ...TOWNSHIPS]) {
      const q = t === null ? '' : `&townshipId=${t}`;
      const overview = await getJson<OverviewBody>(`/api/stats/overview?trainingId=${setup.trainingId}${q}`, cookie);
      obs.counts.set(`${role}:stats:${t ?? 'all'}`, overview.trainingResults?.responses ?? 0);
    }
  }
  for (const [role, own] of local) {
    const cookie = users[role]!;
    const all = await getJson<ResultsBody>(`${base}/results`, cookie);
    obs.counts.set(`${role}:results:n`, all.n ?? 0);
    for (const t of all.townships) obs.counts.set(`${role}:results:row${t.townshipId}`, t.n ?? 0);
    const one = await getJson<ResultsBody>(`${base}/results?townshipId=${own}`, cookie);
    obs.counts.set(`${role}:results:t${own}:n`, one.n ?? 0);
    if (!one.withheld) for (const text of texts(one)) note(obs, text, new Set([own]));
    for (const text of texts(all)) note(obs, text, null);
    const res = await call('GET', `${base}/results/export`, { cookie });
    expect(res.status).toBe(200);
    const rows = readFirstSheet(await res.arrayBuffer());
    obs.counts.set(`${role}:export:rows`, Math.max(0, rows.length - 1));
    exportEvidence(obs, rows);
    const overview = await getJson<OverviewBody>(`/api/stats/overview?trainingId=${setup.trainingId}`, cookie);
    obs.counts.set(`${role}:stats:own`, overview.trainingResults?.responses ?? 0);
  }
  return obs;
}

/** Whether the answers can be given to distinct deputies, each to one of its candidates (Kuhn's augmenting paths). */
function matchable(candidates: Map<string, number[]>, taken: Set<number>): boolean {
  const owner = new Map<number, string>();
  const tryAssign = (m: string, visited: Set<number>): boolean => {
    for (const d of candidates.get(m) ?? []) {
      if (taken.has(d) || visited.has(d)) continue;
      visited.add(d);
      const other = owner.get(d);
      if (other === undefined || tryAssign(other, visited)) {
        owner.set(d, m);
        return true;
      }
    }
    return false;
  };
  for (const m of candidates.keys()) if (!tryAssign(m, new Set())) return false;
  return true;
}

/**
 * For each visible answer, the deputies who could have written it given everything observed:
 * they submitted before the answer first appeared, belong to a township the views allow, and
 * giving them this answer still leaves a consistent assignment of every other visible answer.
 * Null when the observations cannot all hold (the hypothesis behind `allowed` is false).
 */
function possibleAuthors(
  firstSeen: Map<string, number>,
  allowed: Map<string, Set<number> | null>,
  submittedAt: Map<number, number>,
): Map<string, number[]> | null {
  const candidates = new Map<string, number[]>();
  for (const [m, at] of firstSeen) {
    const towns = allowed.get(m) ?? null;
    candidates.set(
      m,
      [...submittedAt].filter(([d, when]) => when <= at && (towns === null || towns.has(townshipOf.get(d)!))).map(([d]) => d),
    );
  }
  if (!matchable(candidates, new Set())) return null;
  const out = new Map<string, number[]>();
  for (const [m, list] of candidates) {
    out.set(
      m,
      list.filter((d) => {
        const rest = new Map([...candidates].filter(([other]) => other !== m));
        return matchable(rest, new Set([d]));
      }),
    );
  }
  return out;
}

beforeAll(async () => {
  await addDeputies(1, 0);
  await env.DB.prepare(
    "INSERT OR IGNORE INTO townships (id, code, name, kind, sort_order, active, created_at, updated_at) VALUES (3, 'T03', '西山镇', 'town', 3, 1, ?1, ?1)",
  )
    .bind(Date.now())
    .run();
  // 城关街道 1 + 9 = 10 deputies, 东湖街道 1 + 5 = 6, 西山镇 4: too small ever to be shown on its own.
  await addDeputies(1, 9);
  await addDeputies(2, 5);
  await addDeputies(3, 4);
  setup = await setupTraining();
  const rows = await env.DB.prepare(
    'SELECT deputy_id AS d, township_id AS t FROM enrolments WHERE training_id = ?1 ORDER BY deputy_id',
  )
    .bind(setup.trainingId)
    .all<{ d: number; t: number }>();
  for (const r of rows.results) {
    townshipOf.set(r.d, r.t);
    byTownship.set(r.t, [...(byTownship.get(r.t) ?? []), r.d]);
  }
});

describe('an organiser who watches every view cannot attribute an answer', () => {
  it('through a series of submissions and the close', async () => {
    // Interleaved the way a real evaluation fills in: a few here, one there.
    const plan = [1, 1, 1, 3, 2, 2, 1, 1, 3, 2, 2, 2, 1, 1, 1, 1, 1, 3, 2, 3];
    const next = new Map(TOWNSHIPS.map((t) => [t, 0]));
    const submittedAt = new Map<number, number>();
    const firstSeen = new Map<string, number>();
    const allowed = new Map<string, Set<number> | null>();
    const subtracted = new Map<string, Set<number> | null>();
    const history: Observation[] = [await observe()];
    const progress = async () =>
      (await getJson<{ total: { submitted: number } }>(`/api/trainings/${setup.trainingId}/progress`, setup.fixture.users.staff))
        .total.submitted;

    const absorb = (obs: Observation, index: number) => {
      for (const [m, towns] of obs.seen) {
        if (!firstSeen.has(m)) firstSeen.set(m, index);
        allowed.set(m, intersect(allowed.get(m), towns));
        subtracted.set(m, intersect(subtracted.get(m), obs.subtracted.get(m) ?? null));
      }
      const direct = possibleAuthors(firstSeen, allowed, submittedAt);
      // What the views state outright is always consistent with the truth.
      expect(direct).not.toBeNull();
      // Every consistent reading must leave each answer at least k possible authors.
      for (const possible of [direct, possibleAuthors(firstSeen, subtracted, submittedAt)]) {
        for (const [m, who] of possible ?? [])
          expect(who.length, `after step ${index}, ${m} narrows to ${who.join(',')}`).toBeGreaterThanOrEqual(K);
      }
    };

    for (const [i, township] of plan.entries()) {
      const list = byTownship.get(township)!;
      const deputy = list[next.get(township)!]!;
      next.set(township, next.get(township)! + 1);
      const res = await submit(
        setup.tokens.get(deputy)!,
        answers(setup.courseIds, { overall: String((deputy % 5) + 1), improve: `${MARK}-${deputy}` }),
      );
      expect(res.status).toBe(200);
      submittedAt.set(deputy, i + 1);
      // Completion is live: organisers must see each submission at once.
      expect(await progress()).toBe(i + 1);
      const obs = await observe();
      const before = history.at(-1)!;
      for (const [key, n] of obs.counts) {
        const delta = n - (before.counts.get(key) ?? 0);
        expect(delta === 0 || delta >= K, `${key} moved by ${delta} after submission ${i + 1}`).toBe(true);
      }
      history.push(obs);
      absorb(obs, i + 1);
    }

    // Closing releases what is left (pooled, without township), still never a group below k.
    const close = await call('POST', `/api/trainings/${setup.trainingId}/evaluation`, {
      cookie: setup.fixture.users.staff,
      json: { status: 'closed' },
    });
    expect(close.status).toBe(200);
    const final = await observe();
    for (const [key, n] of final.counts) {
      const delta = n - (history.at(-1)!.counts.get(key) ?? 0);
      expect(delta === 0 || delta >= K, `${key} moved by ${delta} at close`).toBe(true);
    }
    absorb(final, plan.length);
    // And the results are real: every answer is in the final district figures.
    expect(final.counts.get('leader:results:n')).toBe(plan.length);
    expect(firstSeen.size).toBe(plan.length);
  }, 240_000);
});
