/**
 * The tracking page and rating: the steps with dates and the public replies only. No internal
 * note, no name and no phone number ever reaches a resident's page, at any step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDay, defaultCalendar } from '../../../worker/workflow/calendar';
import { seedFixture } from '../helpers';
import { advance, codeOf, form, rows, send, submit, validFields } from './support';

beforeAll(async () => {
  await seedFixture();
});

const SECRET_NOTE = '内部备注-请勿外传';
const DEPUTY_NAME = '王建国';
const DEPUTY_PHONE = '13800000001';
const RESIDENT_NAME = '赵铁柱';
const RESIDENT_PHONE = '13912345678';
const STAFF = { role: 'staff' as const, label: '城关街道人大工委 陈主任', userId: 2 };
const DEPUTY = { role: 'deputy' as const, label: DEPUTY_NAME, isAssignedDeputy: true };

/** Fails if a resident-facing page leaks anything private. */
function expectNothingPrivate(html: string, where: string) {
  for (const secret of [SECRET_NOTE, DEPUTY_NAME, DEPUTY_PHONE, RESIDENT_NAME, RESIDENT_PHONE, '陈主任'])
    expect(html, `${where} leaks ${secret}`).not.toContain(secret);
  // No 11-digit mainland mobile number at all, except the form's example of the format.
  const withoutExample = html.replaceAll('13800138000', '');
  expect(withoutExample, `${where} shows a phone number`).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
}

async function page(path: string): Promise<string> {
  const res = await send('GET', path);
  expect(res.status, path).toBe(200);
  return res.text();
}

/** A submitted opinion with the resident's name and phone. */
async function newOpinion(): Promise<string> {
  return codeOf(
    await submit(
      'AAAAAA',
      validFields({
        reporter_name: RESIDENT_NAME,
        reporter_phone: RESIDENT_PHONE,
        consent: 'yes',
        body: `路灯坏了，请联系我 ${RESIDENT_PHONE}，谢谢。`,
      }),
    ),
  );
}

/** Walks an opinion to 已办结, with internal notes and a deputy's phone in every step. */
async function resolve(code: string) {
  const deadline = addWorkingDays(defaultCalendar(), chinaDay(Date.now()), 10);
  const note = `${SECRET_NOTE}：代表${DEPUTY_NAME}电话 ${DEPUTY_PHONE}`;
  await advance(code, 'accept', STAFF, { deputyId: 1, internalNote: note, publicReply: '已受理，交由代表了解情况。' });
  await advance(code, 'record_visit', DEPUTY, { findings: `现场路灯损坏 ${DEPUTY_PHONE}`, internalNote: note });
  await advance(code, 'deliberate', DEPUTY, {
    publicReply: `商定由城管局维修，如有疑问请拨打 ${DEPUTY_PHONE}。`,
    leadDepartment: '区城管局',
    deadline,
    internalNote: note,
  });
  await advance(code, 'start_handling', STAFF, { internalNote: note });
  await advance(code, 'progress', DEPUTY, { internalNote: note });
  await advance(code, 'resolve', DEPUTY, { publicReply: '路灯已经修好，感谢您的反映。', internalNote: note });
}

describe('the tracking page', () => {
  it('shows the code, a link and QR code to itself, the steps, category, station and date', async () => {
    const code = await newOpinion();
    const html = await page(`/t/${code}?new=1`);
    const shown = `${code.slice(0, 4)}-${code.slice(4)}`;
    expect(html).toContain(`<p class="pg-code">${shown}</p>`);
    expect(html).toContain('提交成功！');
    expect(html).toContain(`<a href="http://lianluo.test/t/${code}">http://lianluo.test/t/${code}</a>`);
    expect(html).toMatch(
      /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+" shape-rendering="crispEdges" role="img"/,
    );
    expect(html).toContain('待受理');
    expect(html).toContain('一听');
    expect(html).toContain('道路交通');
    expect(html).toContain('城关街道 · 城关街道人大代表联络站');
    expect(html).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    // Right after submitting, the draft kept on the phone is cleared.
    // The constant clear-draft script (allowed by hash) reads the station from the page.
    expect(html).toContain('id="lf-done" data-station="AAAAAA"');
    expect(html).toContain("localStorage.removeItem('lf:'+e.getAttribute('data-station'))");
    // Without ?new=1 it is not.
    expect(await page(`/t/${code}`)).not.toContain('localStorage');
    // The opinion's own text is not shown (it may hold personal details).
    expect(html).not.toContain('路灯坏了');
    expectNothingPrivate(html, 'new tracking page');
  });

  it('finds the opinion however the code is typed', async () => {
    const code = await newOpinion();
    const dashed = `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase();
    expect((await send('GET', `/t/${dashed}`)).status).toBe(200);
    const lookup = await send('GET', `/t/?code=${encodeURIComponent(` ${dashed} `)}`);
    expect(lookup.status).toBe(303);
    expect(lookup.headers.get('location')).toBe(`/t/${code}`);
  });

  it('GET /t and /t/ offer a form to type the code; mistakes are explained', async () => {
    for (const path of ['/t', '/t/']) {
      const html = await page(path);
      expect(html).toContain('<form class="lf-form" novalidate="" method="get" action="/t/">');
      expect(html).toContain('name="code"');
    }
    const empty = await send('GET', '/t/?code=');
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('请输入查询码');
    const malformed = await send('GET', '/t/?code=12');
    expect(malformed.status).toBe(422);
    expect(await malformed.text()).toContain('查询码是 8 位字母和数字');
    const unknown = await send('GET', '/t/?code=ZZZZ-ZZZZ');
    expect(unknown.status).toBe(404);
    const html = await unknown.text();
    expect(html).toContain('没有找到查询码 ZZZZ-ZZZZ');
    expect(html).toContain('value="ZZZZ-ZZZZ"');
  });

  it('answers an unknown code with a 404 page', async () => {
    for (const path of ['/t/ZZZZZZZZ', '/t/nonsense', '/t/ABCD2345/extra', '/t/%FF']) {
      const res = await send('GET', path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('没有找到这条意见');
    }
  });

  it('walks through the four steps with dates and public replies, never a note, a name or a phone', async () => {
    const code = await newOpinion();
    expectNothingPrivate(await page(`/t/${code}`), 'pending');
    await resolve(code);
    const html = await page(`/t/${code}`);
    expectNothingPrivate(html, 'resolved');
    expect(html).toContain('已办结');
    expect((html.match(/pg-step pg-step--done/g) ?? []).length).toBe(5);
    expect(html).toContain('已受理，交由代表了解情况。');
    expect(html).toContain('路灯已经修好，感谢您的反映。');
    // A phone number typed into a public reply is masked.
    expect(html).toContain('如有疑问请拨打 138****0001。');
    // Findings of the site visit are internal data of the event, not a public reply.
    expect(html).not.toContain('现场路灯损坏');
    expect(html).toContain('请评价办理结果');
    // The notes really are in the database: the page chose not to show them.
    const [note] = await rows<{ n: number }>(
      `SELECT count(*) AS n FROM opinion_events e JOIN opinions o ON o.id = e.opinion_id WHERE o.tracking_code = ? AND e.internal_note LIKE ?`,
      code,
      `%${SECRET_NOTE}%`,
    );
    expect(note?.n).toBe(6);
  });
});

describe('rating', () => {
  it('不满意 sends the opinion back for review and records the rating through the machine', async () => {
    const code = await newOpinion();
    await resolve(code);
    const res = await send(
      'POST',
      `/t/${code}/rate`,
      form({ rating: 'dissatisfied', comment: `路灯又坏了，电话 ${RESIDENT_PHONE}` }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/t/${code}?rated=1`);
    const [row] = await rows<Record<string, unknown>>(
      'SELECT state, rating, rating_comment, rated_at, due_on, revision FROM opinions WHERE tracking_code = ?',
      code,
    );
    expect(row).toMatchObject({ state: 'review', rating: 'dissatisfied', rating_comment: `路灯又坏了，电话 ${RESIDENT_PHONE}` });
    expect(row?.due_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const events = await rows<Record<string, unknown>>(
      `SELECT e.action, e.from_state, e.to_state, e.actor_label, e.actor_user_id FROM opinion_events e JOIN opinions o ON o.id = e.opinion_id WHERE o.tracking_code = ? AND e.action = 'rate'`,
      code,
    );
    expect(events).toEqual([
      { action: 'rate', from_state: 'resolved', to_state: 'review', actor_label: 'resident', actor_user_id: null },
    ]);
    const html = await page(`/t/${code}?rated=1`);
    expect(html).toContain('谢谢您的评价！');
    expect(html).toContain('您的评价：不满意');
    expect(html).toContain('已退回复核');
    expect(html).not.toContain('name="rating"');
    expectNothingPrivate(html, 'after rating');
  });

  it('满意 closes it', async () => {
    const code = await newOpinion();
    await resolve(code);
    expect((await send('POST', `/t/${code}/rate`, form({ rating: 'satisfied' }))).status).toBe(303);
    const [row] = await rows<Record<string, unknown>>(
      'SELECT state, rating, closed_at FROM opinions WHERE tracking_code = ?',
      code,
    );
    expect(row).toMatchObject({ state: 'closed', rating: 'satisfied' });
    expect(row?.closed_at).toEqual(expect.any(Number));
  });

  it('a second rating is refused politely (409) and changes nothing', async () => {
    const code = await newOpinion();
    await resolve(code);
    await send('POST', `/t/${code}/rate`, form({ rating: 'basically_satisfied' }));
    const second = await send('POST', `/t/${code}/rate`, form({ rating: 'dissatisfied' }));
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('这条意见已经评价过了，谢谢您！');
    const [row] = await rows<Record<string, unknown>>('SELECT state, rating FROM opinions WHERE tracking_code = ?', code);
    expect(row).toEqual({ state: 'closed', rating: 'basically_satisfied' });
  });

  it('two ratings racing: exactly one is written', async () => {
    const code = await newOpinion();
    await resolve(code);
    const results = await Promise.all([
      send('POST', `/t/${code}/rate`, form({ rating: 'satisfied' })),
      send('POST', `/t/${code}/rate`, form({ rating: 'dissatisfied' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    const [count] = await rows<{ n: number }>(
      `SELECT count(*) AS n FROM opinion_events e JOIN opinions o ON o.id = e.opinion_id WHERE o.tracking_code = ? AND e.action = 'rate'`,
      code,
    );
    expect(count?.n).toBe(1);
  });

  it('before it is resolved: no rating form, and a post is refused (409)', async () => {
    const code = await newOpinion();
    expect(await page(`/t/${code}`)).not.toContain('name="rating"');
    const res = await send('POST', `/t/${code}/rate`, form({ rating: 'satisfied' }));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('意见办结以后才能评价。');
  });

  it('a missing or invented rating is a field error (422), the comment kept', async () => {
    const code = await newOpinion();
    await resolve(code);
    const attempts: Record<string, string>[] = [{ comment: '没选' }, { rating: 'ecstatic', comment: '没选' }];
    for (const fields of attempts) {
      const res = await send('POST', `/t/${code}/rate`, form(fields));
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('class="lf-error-summary"');
      expect(html).toContain('>\n没选</textarea>');
    }
    const long = await send('POST', `/t/${code}/rate`, form({ rating: 'satisfied', comment: '长'.repeat(501) }));
    expect(long.status).toBe(422);
  });
});

describe('every resident response is free of private data', () => {
  it('form, error, tracking, lookup and rating pages', async () => {
    const code = await newOpinion();
    await resolve(code);
    const responses = [
      await send('GET', '/s/AAAAAA'),
      await submit('AAAAAA', validFields({ body: '短' })),
      await send('GET', `/t/${code}`),
      await send('GET', `/t/${code}?lang=en`),
      await send('GET', `/t/?code=${code}`),
      await send('POST', `/t/${code}/rate`, form({})),
      await send('GET', '/t/ZZZZZZZZ'),
    ];
    for (const res of responses) expectNothingPrivate(await res.text(), `${res.status} ${res.url}`);
  });
});
