/**
 * The admin's working-day calendar and step limits: editing them changes the due dates
 * computed from then on and the colours shown.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, buildCalendar, chinaDay, isWorkingDay } from '../../../worker/workflow/calendar';
import { call, type Fixture, seedFixture } from '../helpers';
import { act, calendar, detail, insertOpinion } from './helpers';

let users: Fixture['users'];
beforeAll(async () => {
  ({ users } = await seedFixture());
});

type Day = { day: string; kind: 'holiday' | 'workday'; name: string };

async function getYear(year: number): Promise<Day[]> {
  const res = await call('GET', `/api/calendar?year=${year}`, { cookie: users.admin });
  expect(res.status).toBe(200);
  return (await res.json<{ items: Day[] }>()).items;
}

/** Declares `days` holidays (admin), year by year, keeping what each year already lists. */
async function declareHolidays(days: string[]) {
  for (const year of new Set(days.map((d) => Number(d.slice(0, 4))))) {
    const listed = (await getYear(year)).filter((d) => !days.includes(d.day));
    const added = days
      .filter((d) => d.startsWith(`${year}-`))
      .map((day) => ({ day, kind: 'holiday' as const, name: '测试假日' }));
    const res = await call('PUT', '/api/calendar', { cookie: users.admin, json: { year, days: [...listed, ...added] } });
    expect(res.status, await res.clone().text()).toBe(200);
  }
}

/** The next `n` working days after today under the shipped calendar. */
function nextWorkingDays(n: number): string[] {
  const out: string[] = [];
  let day = chinaDay(Date.now());
  while (out.length < n) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(calendar, day)) out.push(day);
  }
  return out;
}

describe('calendar', () => {
  it('lists the shipped 2026 schedule (migration data)', async () => {
    const days = await getYear(2026);
    expect(days).toContainEqual({ day: '2026-10-01', kind: 'holiday', name: expect.stringContaining('国庆') });
    expect(days.some((d) => d.kind === 'workday')).toBe(true);
  });

  it('refuses days outside the year and non-admins', async () => {
    const bad = await call('PUT', '/api/calendar', {
      cookie: users.admin,
      json: { year: 2026, days: [{ day: '2027-01-01', kind: 'holiday', name: '' }] },
    });
    expect(bad.status).toBe(422);
    const staff = await call('PUT', '/api/calendar', { cookie: users.staff, json: { year: 2026, days: [] } });
    expect(staff.status).toBe(403);
  });

  it('a new holiday moves the due dates computed afterwards, and turns a green deadline yellow', async () => {
    const { id } = await insertOpinion();
    // Due 4 working days out: green today.
    const due = addWorkingDays(calendar, chinaDay(Date.now()), 4);
    const watched = await insertOpinion({ dueOn: due });
    expect((await detail(users.staffA, watched.id)).opinion.deadline).toBe('green');

    const holidays = nextWorkingDays(2);
    await declareHolidays(holidays);
    const edited = buildCalendar([
      ...calendar.overrides.values(),
      ...holidays.map((day) => ({ day, kind: 'holiday' as const, name: '' })),
    ]);

    const d = await (await act(users.staffA, id, 'accept', { deputyId: 1 })).json<{ opinion: { dueOn: string } }>();
    // 3 working days for 一听, counted without the two new holidays.
    expect(d.opinion.dueOn).toBe(addWorkingDays(edited, chinaDay(Date.now()), 3));
    expect(d.opinion.dueOn > addWorkingDays(calendar, chinaDay(Date.now()), 3)).toBe(true);
    // The stored due date stays; only two working days are left before it now.
    expect((await detail(users.staffA, watched.id)).opinion).toMatchObject({ dueOn: due, deadline: 'yellow' });
    // The audit log has the edit.
    const audit = await call('GET', '/api/audit?entity=calendar', { cookie: users.admin });
    expect((await audit.json<{ total: number }>()).total).toBeGreaterThan(0);
  });
});

describe('step limits', () => {
  it('shows the limits with their defaults, and an admin edit changes the next due date', async () => {
    const res = await call('GET', '/api/step-limits', { cookie: users.staff });
    const { items } = await res.json<{ items: { state: string; workingDays: number; defaultWorkingDays: number }[] }>();
    expect(items.find((i) => i.state === 'listening')).toEqual({ state: 'listening', workingDays: 3, defaultWorkingDays: 3 });

    expect((await call('PUT', '/api/step-limits', { cookie: users.staff, json: { limits: { listening: 8 } } })).status).toBe(403);
    const bad = await call('PUT', '/api/step-limits', { cookie: users.admin, json: { limits: { listening: 0 } } });
    expect(bad.status).toBe(422);
    const put = await call('PUT', '/api/step-limits', { cookie: users.admin, json: { limits: { listening: 8 } } });
    expect(put.status).toBe(200);

    const { id } = await insertOpinion();
    const calendarNow = await (await call('GET', '/api/calendar', { cookie: users.admin })).json<{ items: Day[] }>();
    const d = await (await act(users.staffA, id, 'accept', { deputyId: 1 })).json<{ opinion: { dueOn: string } }>();
    expect(d.opinion.dueOn).toBe(addWorkingDays(buildCalendar(calendarNow.items), chinaDay(Date.now()), 8));
  });
});
