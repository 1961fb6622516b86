/**
 * 代录: opinions entered for residents during a duty session or after a call or a letter.
 * They start the normal workflow (待受理 with a deadline), carry their channel and the deputy
 * who took them down, land in one batch with the session, and are stored exactly once.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../../worker/workflow/calendar';
import { call, type Fixture, seedFixture } from '../helpers';

let fx: Fixture;
const today = chinaDay(Date.now());

const entry = (over: Record<string, unknown> = {}) => ({
  channel: 'reception',
  category: 'road_traffic',
  body: '幸福路路灯坏了一个多月，晚上老人出门不方便。',
  place: '幸福路 12 号',
  reporterName: '刘阿姨',
  reporterPhone: '139 0000 1234',
  consent: true,
  ...over,
});

const session = (key: string, over: Record<string, unknown> = {}) => ({
  stationId: 1,
  day: today,
  deputyIds: [1],
  residentsReceived: 2,
  notes: '两位群众来访',
  submissionKey: key,
  opinions: [entry()],
  ...over,
});

async function countOf(table: string): Promise<number> {
  return (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;
}

interface Logged {
  reception: { id: number; residentsReceived: number; opinionsTaken: number; deputyIds: number[] };
  trackingCodes: string[];
}

beforeAll(async () => {
  fx = await seedFixture();
});

describe('POST /api/receptions with opinions entered on the spot', () => {
  const key = crypto.randomUUID();

  it('stores the session and the opinion in the workflow, with channel, recipient and actor', async () => {
    const res = await call('POST', '/api/receptions', { cookie: fx.users.deputy, json: session(key) });
    expect(res.status).toBe(201);
    const logged = await res.json<Logged>();
    expect(logged.reception).toMatchObject({ residentsReceived: 2, opinionsTaken: 1, deputyIds: [1] });
    expect(logged.trackingCodes).toHaveLength(1);
    const opinion = await env.DB.prepare(
      `SELECT o.id, o.state, o.due_on, o.station_id, o.township_id, o.reporter_phone, o.consent_at, i.channel, i.recipient_deputy_id, i.reception_id
         FROM opinions o JOIN opinion_intake i ON i.opinion_id = o.id WHERE o.tracking_code = ?1`,
    )
      .bind(logged.trackingCodes[0])
      .first<Record<string, unknown>>();
    expect(opinion).toMatchObject({
      state: 'pending',
      station_id: 1,
      township_id: 1,
      reporter_phone: '13900001234',
      channel: 'reception',
      recipient_deputy_id: 1,
      reception_id: logged.reception.id,
    });
    expect(opinion!.due_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(opinion!.consent_at).not.toBeNull();
    const event = await env.DB.prepare(
      'SELECT actor_user_id, actor_label, action, to_state FROM opinion_events WHERE opinion_id = ?1',
    )
      .bind(opinion!.id)
      .first();
    expect(event).toMatchObject({ actor_label: 'deputy', action: 'submit', to_state: 'pending' });
    expect(event!.actor_user_id).not.toBeNull();
  });

  it('answers a retry with the same session and stores nothing twice', async () => {
    const before = {
      sessions: await countOf('receptions'),
      opinions: await countOf('opinions'),
      audit: await countOf('audit_log'),
    };
    const res = await call('POST', '/api/receptions', { cookie: fx.users.deputy, json: session(key) });
    expect(res.status).toBe(200);
    const again = await res.json<Logged>();
    expect(again.trackingCodes).toHaveLength(1);
    expect({
      sessions: await countOf('receptions'),
      opinions: await countOf('opinions'),
      audit: await countOf('audit_log'),
    }).toEqual(before);
    // Someone else reusing the key learns nothing about the session.
    const other = await call('POST', '/api/receptions', { cookie: fx.users.staffA, json: session(key) });
    expect(other.status).toBe(409);
  });

  it('stores nothing when an entry is wrong, and says which field', async () => {
    const before = { sessions: await countOf('receptions'), opinions: await countOf('opinions') };
    const noConsent = await call('POST', '/api/receptions', {
      cookie: fx.users.deputy,
      json: session(crypto.randomUUID(), {
        opinions: [entry(), entry({ consent: false, category: 'nonsense', reporterPhone: '123' })],
      }),
    });
    expect(noConsent.status).toBe(422);
    const { error } = await noConsent.json<{ error: { fields: Record<string, string> } }>();
    expect(Object.keys(error.fields).sort()).toEqual(['opinions.1.category', 'opinions.1.consent', 'opinions.1.reporterPhone']);
    expect(error.fields['opinions.1.consent']).toContain('同意');
    const empty = await call('POST', '/api/receptions', {
      cookie: fx.users.deputy,
      json: session(crypto.randomUUID(), { opinions: [entry({ body: '  ' })] }),
    });
    expect(empty.status).toBe(422);
    expect((await empty.json<{ error: { fields: Record<string, string> } }>()).error.fields['opinions.0.body']).toBe(
      '此项必填。',
    );
    const tooMany = await call('POST', '/api/receptions', {
      cookie: fx.users.deputy,
      json: session(crypto.randomUUID(), { residentsReceived: 1, opinions: [entry(), entry()] }),
    });
    expect(tooMany.status).toBe(422);
    expect({ sessions: await countOf('receptions'), opinions: await countOf('opinions') }).toEqual(before);
  });

  it('keeps no name or phone without consent, and none was typed', async () => {
    const res = await call('POST', '/api/receptions', {
      cookie: fx.users.staffA,
      json: session(crypto.randomUUID(), { opinions: [entry({ reporterName: '', reporterPhone: '', consent: true })] }),
    });
    expect(res.status).toBe(201);
    const { trackingCodes } = await res.json<Logged>();
    const row = await env.DB.prepare(
      `SELECT o.reporter_name, o.reporter_phone, o.consent_at, i.recipient_deputy_id FROM opinions o JOIN opinion_intake i ON i.opinion_id = o.id WHERE tracking_code = ?1`,
    )
      .bind(trackingCodes[0])
      .first();
    // Staff typed it: no deputy is offered as recipient.
    expect(row).toEqual({ reporter_name: null, reporter_phone: null, consent_at: null, recipient_deputy_id: null });
  });
});

describe('POST /api/receptions/opinions (phone, letter, other)', () => {
  it('stores each entry with its channel, once', async () => {
    const key = crypto.randomUUID();
    const json = {
      stationId: 1,
      submissionKey: key,
      opinions: [entry({ channel: 'phone' }), entry({ channel: 'letter', consent: false, reporterName: '', reporterPhone: '' })],
    };
    const res = await call('POST', '/api/receptions/opinions', { cookie: fx.users.staffA, json });
    expect(res.status).toBe(201);
    const { trackingCodes } = await res.json<{ trackingCodes: string[] }>();
    expect(trackingCodes).toHaveLength(2);
    const channels = await env.DB.prepare(
      `SELECT i.channel, i.reception_id FROM opinions o JOIN opinion_intake i ON i.opinion_id = o.id WHERE o.tracking_code IN (?1, ?2) ORDER BY o.id`,
    )
      .bind(trackingCodes[0], trackingCodes[1])
      .all();
    expect(channels.results).toEqual([
      { channel: 'phone', reception_id: null },
      { channel: 'letter', reception_id: null },
    ]);
    const again = await call('POST', '/api/receptions/opinions', { cookie: fx.users.staffA, json });
    expect(again.status).toBe(200);
    expect((await again.json<{ trackingCodes: string[] }>()).trackingCodes).toEqual(trackingCodes);
  });

  it("refuses another township's station, for staff and deputies alike", async () => {
    const json = (stationId: number) => ({
      stationId,
      submissionKey: crypto.randomUUID(),
      opinions: [entry({ channel: 'phone' })],
    });
    expect((await call('POST', '/api/receptions/opinions', { cookie: fx.users.staffB, json: json(1) })).status).toBe(403);
    expect((await call('POST', '/api/receptions/opinions', { cookie: fx.users.deputy, json: json(2) })).status).toBe(403);
    expect((await call('POST', '/api/receptions/opinions', { cookie: fx.users.deputy, json: json(1) })).status).toBe(201);
    expect((await call('POST', '/api/receptions/opinions', { cookie: fx.users.deputy, json: json(99) })).status).toBe(422);
  });
});
