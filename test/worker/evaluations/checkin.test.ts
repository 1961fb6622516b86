/**
 * Daily check-in (/c/<code>): name + the middle four digits of the mobile number (what a
 * masked number hides), wrong guesses limited per deputy per training — also when a hundred
 * arrive at once — and a lecture hall of hundreds checking in from one address (the old limit
 * of 10 a minute per address refused the 11th).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { maskPhone } from '../../../worker/platform/auth/guard';
import { chinaDay } from '../../../worker/workflow/calendar';
import { call } from '../helpers';
import { addDeputies, setupTraining } from './helpers';

async function codeOf(trainingId: number): Promise<string> {
  const row = await env.DB.prepare('SELECT checkin_code FROM trainings WHERE id = ?')
    .bind(trainingId)
    .first<{ checkin_code: string }>();
  return row!.checkin_code;
}

function checkin(code: string, name: string, digits: string, ip = '198.51.100.7') {
  return call('POST', `/c/${code}`, {
    body: new URLSearchParams({ name, phone_mid: digits }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': ip },
  });
}

async function daysOf(trainingId: number, deputyId: number): Promise<string[]> {
  const rows = await env.DB.prepare(
    'SELECT a.day FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id WHERE e.training_id = ? AND e.deputy_id = ?',
  )
    .bind(trainingId, deputyId)
    .all<{ day: string }>();
  return rows.results.map((r) => r.day);
}

describe('daily check-in', () => {
  it('asks for the middle four digits and records attendance for today once', async () => {
    const setup = await setupTraining();
    const code = await codeOf(setup.trainingId);
    const form = await call('GET', `/c/${code}`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('手机号码中间四位');
    expect(html).toContain('name="phone_mid"');

    // 王建国's number is 13800000001: the middle four are 0000.
    const short = await checkin(code, '王建国', '12');
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('请填写手机号码中间的 4 位数字');
    const nobody = await checkin(code, '查无此人', '0000');
    expect(await nobody.text()).toContain('参训名单里没有这个姓名');

    const ok = await checkin(code, ' 王 建国 ', '００００');
    expect(ok.status).toBe(200);
    const page = await ok.text();
    expect(page).toContain('签到成功');
    expect(page).toContain('王建国代表');
    const again = await checkin(code, '王建国', '0000');
    expect(await again.text()).toContain('今天已经签到过了');
    expect(await daysOf(setup.trainingId, 1)).toEqual([chinaDay(Date.now())]);
    const progress = await (
      await call('GET', `/api/trainings/${setup.trainingId}/progress`, { cookie: setup.fixture.users.staff })
    ).json<{ total: { checkedIn: number; checkedInByDay: Record<string, number> } }>();
    expect(progress.total.checkedIn).toBe(1);
    expect(progress.total.checkedInByDay[chinaDay(Date.now())]).toBe(1);
  });

  it('is not fooled by what the masked phone shows', async () => {
    const setup = await setupTraining();
    const code = await codeOf(setup.trainingId);
    const masked = maskPhone('13800000002')!; // what a leader sees: 138****0002
    const res = await checkin(code, '李秀英', masked.slice(-4));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('姓名和手机号码中间四位对不上');
    expect(await daysOf(setup.trainingId, 2)).toEqual([]);
  });

  it('stops self check-in under a name after five wrong guesses, from any address', async () => {
    const setup = await setupTraining();
    const code = await codeOf(setup.trainingId);
    const left: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await checkin(code, '王建国', String(1000 + i), `203.0.113.${i + 10}`);
      expect(res.status).toBe(422);
      left.push(/还可以再试 (\d+) 次/.exec(await res.text())?.[1] ?? '');
    }
    expect(left).toEqual(['4', '3', '2', '1', '0']);
    // Even the right digits, from yet another address, no longer check this deputy in.
    const locked = await checkin(code, '王建国', '0000', '203.0.113.99');
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('请到会务组，由工作人员为您签到');
    expect(await daysOf(setup.trainingId, 1)).toEqual([]);
    // Another deputy is not affected.
    expect((await checkin(code, '李秀英', '0000', '203.0.113.99')).status).toBe(200);
  });

  it('a right answer does not use up an attempt', async () => {
    const setup = await setupTraining();
    const code = await codeOf(setup.trainingId);
    for (let i = 0; i < 4; i++) await checkin(code, '李秀英', '9999');
    expect((await checkin(code, '李秀英', '0000')).status).toBe(200);
    const row = await env.DB.prepare('SELECT checkin_failures AS n FROM enrolments WHERE training_id = ? AND deputy_id = 2')
      .bind(setup.trainingId)
      .first<{ n: number }>();
    expect(row?.n).toBe(4);
  });

  it('evaluates at most five of a hundred concurrent guesses at one deputy', async () => {
    const setup = await setupTraining();
    const code = await codeOf(setup.trainingId);
    const guesses = Array.from({ length: 100 }, (_, i) => String(i).padStart(4, '0')).map((d) => (d === '0000' ? '9999' : d));
    // The right answer sits at position 60: with the limit raced, it would get through.
    guesses[60] = '0000';
    const statuses = await Promise.all(
      guesses.map((d, i) => checkin(code, '王建国', d, `192.0.2.${i % 250}`).then((r) => r.status)),
    );
    const evaluated = statuses.filter((s) => s !== 429).length;
    expect(evaluated).toBeLessThanOrEqual(6);
    const row = await env.DB.prepare('SELECT checkin_failures AS n FROM enrolments WHERE training_id = ? AND deputy_id = 1')
      .bind(setup.trainingId)
      .first<{ n: number }>();
    expect(row?.n).toBeLessThanOrEqual(5);
  }, 60_000);

  it('lets a lecture hall of 200 deputies check in from one address', async () => {
    const ids = await addDeputies(1, 200);
    const setup = await setupTraining();
    const code = await codeOf(setup.trainingId);
    const phones = await env.DB.prepare(`SELECT id, name, phone FROM deputies WHERE id >= ?1 ORDER BY id`)
      .bind(ids[0])
      .all<{ id: number; name: string; phone: string }>();
    const statuses: number[] = [];
    for (const d of phones.results.slice(0, 200))
      statuses.push((await checkin(code, d.name, d.phone.slice(3, 7), '100.64.0.1')).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const n = await env.DB.prepare(
      'SELECT count(*) AS n FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id WHERE e.training_id = ?',
    )
      .bind(setup.trainingId)
      .first<{ n: number }>();
    expect(n?.n).toBe(200);
  }, 120_000);

  it('says so on a day without training', async () => {
    const setup = await setupTraining();
    await env.DB.prepare("UPDATE trainings SET starts_on = '2020-01-01', ends_on = '2020-01-02' WHERE id = ?")
      .bind(setup.trainingId)
      .run();
    expect(await (await call('GET', `/c/${await codeOf(setup.trainingId)}`)).text()).toContain('今天不是培训日');
  });
});
