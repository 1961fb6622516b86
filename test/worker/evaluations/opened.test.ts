/**
 * "Opened" counts a deputy who began the form, not a link preview: WeChat fetches a pasted
 * link to draw its card, so a GET must change nothing. The page's first interaction (beacon)
 * or, with JavaScript off, the first form post records the day.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../../worker/workflow/calendar';
import { call } from '../helpers';
import { answers, setupTraining, submit } from './helpers';

async function openedOn(trainingId: number, deputyId: number): Promise<string | null> {
  const row = await env.DB.prepare('SELECT opened_on FROM enrolments WHERE training_id = ?1 AND deputy_id = ?2')
    .bind(trainingId, deputyId)
    .first<{ opened_on: string | null }>();
  return row?.opened_on ?? null;
}

async function progressOpened(setup: Awaited<ReturnType<typeof setupTraining>>): Promise<number> {
  const res = await call('GET', `/api/trainings/${setup.trainingId}/progress`, { cookie: setup.fixture.users.staff });
  return (await res.json<{ total: { opened: number } }>()).total.opened;
}

describe('opened', () => {
  it('is not recorded by fetching the link, as a preview bot does', async () => {
    const setup = await setupTraining();
    const token = setup.tokens.get(1)!;
    for (const agent of ['Mozilla/5.0 (Linux; Android 12) MicroMessenger/8.0.47', 'WhatsApp/2.23', 'curl/8']) {
      const res = await call('GET', `/e/${token}`, { headers: { 'user-agent': agent } });
      expect(res.status).toBe(200);
    }
    expect(await openedOn(setup.trainingId, 1)).toBeNull();
    expect(await progressOpened(setup)).toBe(0);
    // The page carries the beacon that reports the first real interaction.
    const page = await (await call('GET', `/e/${token}`)).text();
    expect(page).toContain("'/opened'");
    expect(page).toContain('pointerdown');
  });

  it('is recorded by the first interaction (the beacon), once', async () => {
    const setup = await setupTraining();
    const token = setup.tokens.get(1)!;
    const res = await call('POST', `/e/${token}/opened`, { headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: '' });
    expect(res.status).toBe(204);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await openedOn(setup.trainingId, 1)).toBe(chinaDay(Date.now()));
    expect((await call('POST', `/e/${token}/opened`, { body: '' })).status).toBe(204);
    expect(await progressOpened(setup)).toBe(1);
    // An unknown token learns nothing and changes nothing.
    expect((await call('POST', `/e/${'x'.repeat(24)}/opened`, { body: '' })).status).toBe(404);
  });

  it('is recorded by a form post with JavaScript off', async () => {
    const setup = await setupTraining();
    const body = answers(setup.courseIds);
    body.delete('overall');
    const res = await submit(setup.tokens.get(2)!, body);
    expect(res.status).toBe(422);
    expect(await openedOn(setup.trainingId, 2)).toBe(chinaDay(Date.now()));
  });
});
