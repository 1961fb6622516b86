/**
 * The handling cycle through the real API and D1: 交办 at 三议, the department's inbox and
 * masking, 申请延期 approved, progress, 办复 accepted and shown to the resident, 退回 and 改派,
 * 催办 and the 督办 list, contact sharing — and that each step is stored exactly once.
 */
import { env } from 'cloudflare:workers';
import { newTrackingCode } from '../../../worker/intake/tracking-code';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { call, type Fixture, PASSWORD, seedFixture, signIn } from '../helpers';
import { act, detail as opinionDetail, insertOpinion, workingDaysFromToday } from '../opinions/helpers';

/** Counts rows of any table matching a WHERE with bound values. */
async function countRows(table: string, where: string, ...values: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...values)
    .first<{ n: number }>();
  return row!.n;
}

/** GET /api/opinions/:id with the departments' side typed. */
const detail = async (cookie: string, id: number) => (await opinionDetail(cookie, id)) as unknown as Body;

// Whole journeys of a dozen requests each; the shared machine can be slow.
vi.setConfig({ testTimeout: 30_000 });

let fx: Fixture;
/** A signed-in account of department b (区交通运输局), made through the members API. */
let transport: string;

interface Body {
  opinion: Record<string, unknown> & { state: string; revision: number; dueOn: string | null; reporterPhone: string | null };
  allowedActions: string[];
  timeline: {
    action: string;
    publicReply: string | null;
    internalNote: string | null;
    actorLabel: string;
    data: Record<string, unknown>;
  }[];
  handling: {
    assignments: { departmentId: number; departmentName: string; role: string; status: string; returnReason: string | null }[];
    pendingExtension: { requestedDueOn: string } | null;
    pendingAnswer: string | null;
    contactVisibleTo: { departments: string[] };
  };
}

async function ok(res: Response): Promise<Body> {
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as Body;
}

async function refused(res: Response, status: number, code: string) {
  const body = await res.json<{ error: { code: string; message: string } }>();
  expect({ status: res.status, code: body.error.code }).toEqual({ status, code });
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
}

/** An opinion through 一听 and 二看, ready for 三议. */
async function viewed(): Promise<{ id: number; trackingCode: string }> {
  const inserted = await insertOpinion({ reporterName: '张三', reporterPhone: '13912345678' });
  // A real tracking code, so the resident's page finds it (the shared fixture's codes are placeholders).
  const o = { id: inserted.id, trackingCode: newTrackingCode() };
  await env.DB.prepare('UPDATE opinions SET tracking_code = ? WHERE id = ?').bind(o.trackingCode, o.id).run();
  await ok(await act(fx.users.staffA, o.id, 'accept', { deputyId: 1 }));
  await ok(await act(fx.users.deputy, o.id, 'record_visit', { findings: '现场查看属实。' }));
  return o;
}

async function deliberate(id: number, lead: number, co: number[] = []) {
  return ok(
    await act(fx.users.staffA, id, 'deliberate', {
      publicReply: '经商议，由承办单位办理。',
      leadDepartmentId: lead,
      departmentIds: co,
      deadline: workingDaysFromToday(10),
    }),
  );
}

beforeAll(async () => {
  fx = await seedFixture();
  const res = await call('POST', '/api/departments/2/members', {
    cookie: fx.users.admin,
    json: { username: 'jiaotong-test', displayName: '交通局王科员', password: 'Transport-2026!' },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  transport = await signIn('jiaotong-test', 'Transport-2026!');
});

describe('交办 at 三议 and the department inbox', () => {
  it('assigns lead and co-department, names them on the row, and each sees only its own items', async () => {
    const mine = await viewed();
    const theirs = await viewed();
    const d = await deliberate(mine.id, fx.departments.a, [fx.departments.b]);
    expect(d.opinion).toMatchObject({ leadDepartment: '区住房和城乡建设局', departments: ['区交通运输局'], leadDepartmentId: 1 });
    expect(d.handling.assignments.map((a) => [a.departmentName, a.role, a.status])).toEqual([
      ['区住房和城乡建设局', 'lead', 'assigned'],
      ['区交通运输局', 'co', 'assigned'],
    ]);
    await deliberate(theirs.id, fx.departments.b);

    const inbox = await (await call('GET', '/api/opinions', { cookie: fx.users.department })).json<{
      items: {
        id: number;
        reporterName: string | null;
        reporterPhone: string | null;
        myAssignment: { role: string; status: string };
        myDueOn: string;
      }[];
    }>();
    expect(inbox.items.map((i) => i.id)).toContain(mine.id);
    expect(inbox.items.map((i) => i.id)).not.toContain(theirs.id);
    const row = inbox.items.find((i) => i.id === mine.id)!;
    expect(row).toMatchObject({
      reporterName: '张*',
      reporterPhone: '139****5678',
      myAssignment: { role: 'lead', status: 'assigned' },
    });
    expect(row.myDueOn).toBe(workingDaysFromToday(2));

    // Another department's item does not exist for it, and asking for another department's list is refused.
    expect((await call('GET', `/api/opinions/${theirs.id}`, { cookie: fx.users.department })).status).toBe(404);
    await refused(
      await call('GET', '/api/opinions?departmentId=2', { cookie: fx.users.department }),
      403,
      'not_assigned_department',
    );
    // Its item: masked name and phone, no internal notes of the office, only its own actions.
    const seen = await detail(fx.users.department, mine.id);
    expect(seen.opinion).toMatchObject({ reporterName: '张*', reporterPhone: '139****5678', phoneMasked: true });
    expect(seen.allowedActions).toEqual(['note', 'sign', 'send_back']);
  });

  it('refuses a department acting on another department’s item, and before it is signed', async () => {
    const o = await viewed();
    let d = await deliberate(o.id, fx.departments.b);
    await refused(await act(fx.users.department, o.id, 'sign', {}, d.opinion.revision), 404, 'not_found');
    d = await ok(await act(transport, o.id, 'sign', {}, d.opinion.revision));
    expect(d.opinion.state).toBe('handling');
    expect(d.timeline.at(-1)).toMatchObject({
      action: 'sign',
      publicReply: '区交通运输局已签收，正在办理。',
      actorLabel: '区交通运输局·交通局王科员',
    });
    await refused(await act(transport, o.id, 'sign', {}, d.opinion.revision), 409, 'already_signed');
    await refused(await act(transport, o.id, 'send_back', { reason: '不归我们' }, d.opinion.revision), 409, 'already_signed');
  });
});

describe('the whole cycle', () => {
  it('sign → extension approved → co progress → co answer refused → lead answer → accepted → resident sees it', async () => {
    const o = await viewed();
    let d = await deliberate(o.id, fx.departments.a, [fx.departments.b]);
    const firstDue = d.opinion.dueOn!;
    d = await ok(await act(transport, o.id, 'sign', {}, d.opinion.revision));
    expect(d.opinion.state).toBe('deliberating');
    d = await ok(await act(fx.users.department, o.id, 'sign', { internalNote: '已安排维修班组' }, d.opinion.revision));
    expect(d.opinion.state).toBe('handling');

    const later = workingDaysFromToday(20);
    d = await ok(
      await act(fx.users.department, o.id, 'request_extension', { deadline: later, reason: '材料需要采购' }, d.opinion.revision),
    );
    expect(d.opinion.dueOn).toBe(firstDue);
    expect(d.handling.pendingExtension).toMatchObject({ requestedDueOn: later });
    // A second request with the revision it already used is refused, and only one request is stored.
    await refused(
      await act(fx.users.department, o.id, 'request_extension', { deadline: later, reason: '重复' }, d.opinion.revision - 1),
      409,
      'conflict',
    );
    expect(await countRows('opinion_extensions', 'opinion_id = ?', o.id)).toBe(1);

    const staffView = await detail(fx.users.staffA, o.id);
    expect(staffView.allowedActions).toEqual(expect.arrayContaining(['approve_extension', 'refuse_extension']));
    d = await ok(await act(fx.users.staffA, o.id, 'approve_extension', { internalNote: '同意' }, d.opinion.revision));
    expect(d.opinion.dueOn).toBe(later);
    const ext = await env.DB.prepare(
      'SELECT status, decided_by IS NOT NULL AS decided FROM opinion_extensions WHERE opinion_id = ?',
    )
      .bind(o.id)
      .first();
    expect(ext).toEqual({ status: 'approved', decided: 1 });

    d = await ok(await act(transport, o.id, 'progress', { publicReply: '已完成管线迁改。' }, d.opinion.revision));
    await refused(
      await act(transport, o.id, 'submit_answer', { publicReply: '我们办完了' }, d.opinion.revision),
      403,
      'lead_department_only',
    );
    d = await ok(
      await act(fx.users.department, o.id, 'submit_answer', { publicReply: '路面已修复，排水已恢复。' }, d.opinion.revision),
    );
    expect(d.opinion.state).toBe('handling');
    expect(d.handling.pendingAnswer).toBe('路面已修复，排水已恢复。');
    // Not public yet: the resident's page does not show the answer.
    let page = await (await call('GET', `/t/${o.trackingCode}`)).text();
    expect(page).toContain('区住房和城乡建设局已签收，正在办理。');
    expect(page).not.toContain('路面已修复');
    // The co-department does not read the lead's draft answer.
    expect((await detail(transport, o.id)).handling.pendingAnswer).toBeNull();

    d = await ok(await act(fx.users.staffA, o.id, 'accept_answer', {}, d.opinion.revision));
    expect(d.opinion.state).toBe('resolved');
    expect(d.handling.assignments.map((a) => a.status)).toEqual(['done', 'done']);
    page = await (await call('GET', `/t/${o.trackingCode}`)).text();
    expect(page).toContain('【区住房和城乡建设局】路面已修复，排水已恢复。');
    expect(page).toContain('区住房和城乡建设局已签收，正在办理。');
    expect(page).toContain('【区交通运输局】已完成管线迁改。');
    expect(page).not.toContain('已安排维修班组');
    expect(page).not.toContain('材料需要采购');

    // Every step once on the timeline and once in the audit log.
    const actions = d.timeline.map((e) => e.action);
    for (const a of ['sign', 'request_extension', 'approve_extension', 'progress', 'submit_answer', 'accept_answer']) {
      expect(actions.filter((x) => x === a).length, a).toBe(a === 'sign' ? 2 : 1);
    }
    expect(await countRows('audit_log', "entity = 'opinion' AND entity_id = ? AND action = 'accept_answer'", String(o.id))).toBe(
      1,
    );
  });

  it('a returned answer goes back; with direct publishing the answer resolves at once', async () => {
    const o = await viewed();
    let d = await deliberate(o.id, fx.departments.a);
    d = await ok(await act(fx.users.department, o.id, 'sign', {}, d.opinion.revision));
    d = await ok(await act(fx.users.department, o.id, 'submit_answer', { publicReply: '已处理。' }, d.opinion.revision));
    d = await ok(await act(fx.users.staffA, o.id, 'return_answer', { internalNote: '请写明处理结果' }, d.opinion.revision));
    expect(d.handling.assignments[0]!.status).toBe('signed');
    // The department reads why, because the note is about its step.
    const own = await detail(fx.users.department, o.id);
    expect(own.timeline.at(-1)).toMatchObject({ action: 'return_answer', internalNote: '请写明处理结果' });

    const put = await call('PUT', '/api/handling-settings', { cookie: fx.users.admin, json: { answerNeedsAcceptance: false } });
    expect(put.status).toBe(200);
    try {
      d = await ok(await act(fx.users.department, o.id, 'submit_answer', { publicReply: '已更换井盖2个。' }, d.opinion.revision));
      expect(d.opinion.state).toBe('resolved');
      expect(d.timeline.at(-1)!.publicReply).toBe('【区住房和城乡建设局】已更换井盖2个。');
    } finally {
      await call('PUT', '/api/handling-settings', { cookie: fx.users.admin, json: { answerNeedsAcceptance: true } });
    }
  });
});

describe('退回 and 改派', () => {
  it('a department returns an item with a reason; staff reassign it and the new lead signs', async () => {
    const o = await viewed();
    let d = await deliberate(o.id, fx.departments.b);
    d = await ok(await act(transport, o.id, 'send_back', { reason: '该路段属住建部门管理' }, d.opinion.revision));
    expect(d.opinion).toMatchObject({ state: 'deliberating', leadDepartmentId: null, leadDepartment: null });
    expect(d.handling.assignments[0]).toMatchObject({ status: 'returned', returnReason: '该路段属住建部门管理' });
    // The office reads the reason; nothing of it reaches the resident.
    const staff = await detail(fx.users.staffA, o.id);
    expect(staff.timeline.at(-1)).toMatchObject({
      action: 'send_back',
      data: expect.objectContaining({ reason: '该路段属住建部门管理' }),
    });
    const page = await (await call('GET', `/t/${o.trackingCode}`)).text();
    expect(page).toContain('经商议，由承办单位办理。');
    expect(page).not.toContain('住建部门管理');

    d = await ok(
      await act(fx.users.staffA, o.id, 'assign_departments', { leadDepartmentId: fx.departments.a }, d.opinion.revision),
    );
    expect(d.opinion).toMatchObject({ leadDepartment: '区住房和城乡建设局', leadDepartmentId: 1 });
    d = await ok(await act(fx.users.department, o.id, 'sign', {}, d.opinion.revision));
    expect(d.opinion.state).toBe('handling');
    // The returning department keeps seeing what it returned (its history), but can no longer act.
    const back = await detail(transport, o.id);
    expect(back.allowedActions).toEqual([]);
  });

  it('refuses assigning an unknown or inactive department', async () => {
    const o = await viewed();
    await refused(
      await act(fx.users.staffA, o.id, 'deliberate', {
        publicReply: '商议',
        leadDepartmentId: 999,
        deadline: workingDaysFromToday(5),
      }),
      422,
      'department_unknown',
    );
    expect(await countRows('opinion_assignments', 'opinion_id = ?', o.id)).toBe(0);
  });

  it('names in a legacy payload become department rows once', async () => {
    const o = await viewed();
    const d = await ok(
      await act(fx.users.staffA, o.id, 'deliberate', {
        publicReply: '商议',
        leadDepartment: '区城市管理局',
        departments: ['区住建局'],
        deadline: workingDaysFromToday(5),
      }),
    );
    expect(d.opinion).toMatchObject({ leadDepartment: '区城市管理局', departments: ['区住房和城乡建设局'] });
    expect(await countRows('departments', "name = '区城市管理局'")).toBe(1);
  });
});

describe('催办, 督办 and contact sharing', () => {
  it('records a 催办 that the department sees, and lists overdue items by department', async () => {
    const o = await viewed();
    const d = await deliberate(o.id, fx.departments.a);
    // The 签收 deadline passed three days ago.
    await env.DB.prepare(`UPDATE opinion_assignments SET sign_due_on = '2020-01-06' WHERE opinion_id = ?`).bind(o.id).run();
    const after = await ok(
      await act(
        fx.users.staffA,
        o.id,
        'remind',
        { departmentId: fx.departments.a, internalNote: '请今天内签收' },
        d.opinion.revision,
      ),
    );
    expect(after.timeline.at(-1)).toMatchObject({ action: 'remind' });
    expect(await countRows('opinion_reminders', 'opinion_id = ?', o.id)).toBe(1);

    const inbox = await (await call('GET', '/api/reminders', { cookie: fx.users.department })).json<{
      items: { opinionId: number; note: string; overdueDays: number }[];
    }>();
    expect(inbox.items.find((r) => r.opinionId === o.id)).toMatchObject({ note: '请今天内签收' });
    expect(inbox.items.find((r) => r.opinionId === o.id)!.overdueDays).toBeGreaterThan(100);
    const others = await (await call('GET', '/api/reminders', { cookie: transport })).json<{ items: { opinionId: number }[] }>();
    expect(others.items.some((r) => r.opinionId === o.id)).toBe(false);

    const sup = await (await call('GET', '/api/supervision', { cookie: fx.users.leader })).json<{
      items: { opinionId: number; clock: string; colour: string; escalated: boolean; reminders: number }[];
      byDepartment: { id: number; red: number }[];
    }>();
    expect(sup.items.find((i) => i.opinionId === o.id && i.clock === 'sign')).toMatchObject({
      colour: 'red',
      escalated: true,
      reminders: 1,
    });
    expect(sup.byDepartment.find((g) => g.id === fx.departments.a)!.red).toBeGreaterThan(0);
    // Township staff see only their township's.
    const b = await (await call('GET', '/api/supervision', { cookie: fx.users.staffB })).json<{
      items: { opinionId: number }[];
    }>();
    expect(b.items.some((i) => i.opinionId === o.id)).toBe(false);
  });

  it('shares the reporter’s contact with one department, and says so', async () => {
    const o = await viewed();
    const d = await deliberate(o.id, fx.departments.a, [fx.departments.b]);
    const shared = await ok(
      await act(fx.users.staffA, o.id, 'share_contact', { departmentId: fx.departments.a }, d.opinion.revision),
    );
    expect(shared.handling.contactVisibleTo.departments).toEqual(['区住房和城乡建设局']);
    expect((await detail(fx.users.department, o.id)).opinion).toMatchObject({
      reporterPhone: '13912345678',
      reporterName: '张三',
    });
    expect((await detail(transport, o.id)).opinion).toMatchObject({ reporterPhone: '139****5678', reporterName: '张*' });
  });
});

describe('who may use the department pages', () => {
  it('a department account signs in and sees its department; a wrong password does not', async () => {
    const me = await (await call('GET', '/api/auth/me', { cookie: transport })).json<{
      user: { role: string; departmentName: string };
    }>();
    expect(me.user).toMatchObject({ role: 'department', departmentName: '区交通运输局' });
    expect((await call('POST', '/api/auth/login', { json: { username: 'jiaotong-test', password: PASSWORD } })).status).toBe(401);
  });
});
