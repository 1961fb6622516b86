/**
 * GET /api/opinions/:id: the opinion, its timeline and photos, the actions this user may
 * take (with the fields each needs), and — for those who can merge — likely duplicates.
 */
import type { Database } from '../db/client';
import { maskPhone } from '../platform/auth/guard';
import { maskPhonesDeep } from '../platform/phones';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';
import type { Locale } from '../platform/i18n';
import { chinaDay } from '../workflow/calendar';
import {
  type Action,
  actorOn,
  allowedActions,
  isEscalated,
  isOpinionState,
  planTransition,
  ruleFor,
  trackingSteps,
} from '../workflow/machine';
import { assertCanSee, isHandler, seesContact } from './access';
import { deadlineOf, loadCalendar, loadLimits } from './deadlines';
import { type HandlingState, loadHandlingSettings, loadHandlingState, snapshotPart } from './handling-state';
import { photoUrl } from './photos';
import { categoryName, jsonObject, jsonStrings } from './present';
import { deputyNames, duplicateCandidates, loadEvents, loadOpinion, loadPhotos, trackingCodes } from './queries';
import { likelyDuplicates } from './similarity';
import { opinionIntakeView } from '../deputies/code';

/** How many likely duplicates the item page offers. */
const MAX_DUPLICATES = 5;

/** The whole item page's data for `user`, or 404/403. */
export async function opinionDetail(db: Database, user: SessionUser, id: number, ctx: { locale: Locale; now: number }) {
  const found = await loadOpinion(db, id);
  if (!found) throw new ApiError(404, 'not_found');
  const row = found.opinion;
  const handling = await loadHandlingState(db, id);
  const access = { ...row, departmentIds: handling.departmentIds, contactSharedWith: handling.contactSharedWith };
  assertCanSee(user, access);
  const handler = isHandler(user, access);
  const contact = seesContact(user, access);
  const [events, photos, calendar, limits, settings, intake] = await Promise.all([
    loadEvents(db, id),
    loadPhotos(db, id),
    loadCalendar(db),
    loadLimits(db),
    loadHandlingSettings(db),
    // 代录 channel and the 代表码's deputy (worker/deputies/code.ts), offered first at 受理.
    opinionIntakeView(db, id),
  ]);

  const state = isOpinionState(row.state) ? row.state : null;
  const snapshot = { ...row, ...snapshotPart(handling) };
  const actor = actorOn(snapshot, user);
  // The table allows 结案 from 已办结, but the machine refuses it inside the resident's rating
  // window; a dry run with the machine itself keeps a button off the page that would only fail.
  const allowed: Action[] = state
    ? allowedActions(state, actor).filter(
        (a) =>
          offeredNow(a, handling) &&
          (a !== 'close' || planTransition(snapshot, a, actor, {}, { now: ctx.now, calendar, limits }).ok),
      )
    : [];
  const ownDepartment = user.role === 'department' ? user.departmentId : null;
  /** A department reads the internal notes of its own steps and of the office's decisions about them. */
  const readsNote = (data: Record<string, unknown>) => handler || (ownDepartment !== null && data.departmentId === ownDepartment);
  const duplicates = allowed.includes('merge')
    ? likelyDuplicates(row.body, await duplicateCandidates(db, row)).slice(0, MAX_DUPLICATES)
    : [];

  // Notes are the whole content of a 'note' event: people who may not read notes do not see it at all.
  const visible = handler ? events : events.filter((ev) => ev.action !== 'note' || readsNote(jsonObject(ev.data)));
  const shown = <T>(value: T): T => (contact ? value : maskPhonesDeep(value));
  const timeline = visible.map((ev) => {
    const data = jsonObject(ev.data);
    return {
      id: ev.id,
      at: ev.at,
      actorLabel: ev.actorLabel,
      action: ev.action,
      fromState: ev.fromState,
      toState: ev.toState,
      // Who sees the phone masked sees it masked in free text too (replies, findings, notes).
      publicReply: shown(ev.publicReply),
      internalNote: readsNote(data) ? shown(ev.internalNote) : null,
      data: shown(handler || readsNote(data) ? data : withoutReasons(data)),
    };
  });
  const mentioned = timeline.flatMap((ev) =>
    [ev.data.deputyId, ev.data.fromDeputyId].filter((v): v is number => typeof v === 'number'),
  );
  const mergedFrom = timeline.map((ev) => ev.data.mergedFrom).filter((v): v is number => typeof v === 'number');

  // The submission key is the resident's retry token, nothing anyone in the office needs.
  const { reporterPhone, reporterName, departments, extraAnswers, submissionKey: _key, ...columns } = row;
  const today = chinaDay(ctx.now);
  return {
    opinion: {
      ...columns,
      body: shown(columns.body),
      departments: jsonStrings(departments),
      extraAnswers: jsonObject(extraAnswers),
      reporterName: contact || user.role !== 'department' ? reporterName : maskName(reporterName),
      reporterPhone: contact ? reporterPhone : maskPhone(reporterPhone),
      phoneMasked: !contact && reporterPhone !== null,
      escalated: state !== null && TIMED.has(state) && isEscalated(calendar, row.dueOn, today, settings),
      townshipName: found.townshipName,
      stationName: found.stationName,
      stationCode: found.stationCode,
      assignedDeputyName: found.assignedDeputyName,
      categoryName: categoryName(row.category, found.categoryZh, found.categoryEn, ctx.locale),
      mergedIntoCode: found.mergedIntoCode,
      deadline: deadlineOf(calendar, row.state, row.dueOn, chinaDay(ctx.now)),
    },
    intake,
    timeline,
    steps: state ? trackingSteps(state, events) : [],
    photos: photos
      .filter((p) => handler || p.public)
      .map((p) => ({
        id: p.id,
        eventId: p.eventId,
        contentType: p.contentType,
        bytes: p.bytes,
        public: p.public,
        url: photoUrl(id, p.id),
      })),
    allowedActions: allowed,
    /** What each allowed action needs: the form fields the dashboard renders. */
    actionFields: Object.fromEntries(
      allowed.map((a) => {
        const rule = ruleFor(a);
        return [a, { requires: [...rule.requires], optional: [...rule.optional] }];
      }),
    ) as Partial<Record<Action, { requires: string[]; optional: string[] }>>,
    duplicates: duplicates.map((d) => ({
      id: d.id,
      trackingCode: d.trackingCode,
      state: d.state,
      receivedAt: d.receivedAt,
      excerpt: d.body.length > 140 ? `${d.body.slice(0, 140)}…` : d.body,
      score: d.score,
    })),
    /** Names of the deputies the timeline mentions, by id. */
    deputyNames: await deputyNames(db, mentioned),
    /** Tracking codes of opinions merged into this one, by id. */
    mergedFrom: await trackingCodes(db, mergedFrom),
    /** The departments' side: who has it, in what standing, and what awaits staff. */
    handling: {
      assignments: handling.rows
        .filter((r) => handler || r.departmentId === ownDepartment || r.status !== 'withdrawn')
        .map((r) => ({
          departmentId: r.departmentId,
          departmentName: r.departmentName,
          role: r.role,
          status: r.status,
          assignedAt: r.assignedAt,
          signDueOn: r.signDueOn,
          signDeadline: r.status === 'assigned' && r.signDueOn ? deadlineOf(calendar, 'pending', r.signDueOn, today) : null,
          signedAt: r.signedAt,
          returnedAt: r.returnedAt,
          returnReason: handler || r.departmentId === ownDepartment ? r.returnReason : null,
          answeredAt: r.answeredAt,
          contactShared: r.contactSharedAt !== null,
        })),
      pendingExtension: handling.pendingExtension,
      pendingAnswer:
        handler || (ownDepartment !== null && handling.current.some((a) => a.departmentId === ownDepartment && a.role === 'lead'))
          ? handling.pendingAnswer
          : null,
      answerNeedsAcceptance: settings.answerNeedsAcceptance,
      /** Who sees the reporter's name and full number, said plainly on the page. */
      contactVisibleTo: {
        deputy: row.assignedDeputyId !== null,
        staff: true,
        departments: handling.rows
          .filter((r) => r.contactSharedAt !== null && r.status !== 'withdrawn')
          .map((r) => r.departmentName),
      },
    },
  };
}

const TIMED = new Set<string>(['pending', 'listening', 'viewing', 'deliberating', 'handling', 'review']);

/** Actions whose precondition is data the table cannot see: offered only when it holds. */
function offeredNow(a: Action, h: HandlingState): boolean {
  const leadAnswered = h.current.some((x) => x.role === 'lead' && x.status === 'answered');
  if (a === 'approve_extension' || a === 'refuse_extension') return h.pendingExtension !== null;
  if (a === 'request_extension') return h.pendingExtension === null;
  if (a === 'accept_answer' || a === 'return_answer') return leadAnswered;
  if (a === 'share_contact') return h.current.length > 0;
  if (a === 'assign_departments') return true;
  return true;
}

/** Another department's 退回 reason is between it and the office. */
function withoutReasons(data: Record<string, unknown>): Record<string, unknown> {
  const { reason: _r, answer: _a, ...rest } = data;
  return rest;
}

/** 张** : enough to greet the person, not to identify them. */
function maskName(name: string | null): string | null {
  if (!name) return name;
  return `${name.slice(0, 1)}${'*'.repeat(Math.max(1, Math.min(3, name.length - 1)))}`;
}

/** The detail's type, for the dashboard. */
export type OpinionDetail = Awaited<ReturnType<typeof opinionDetail>>;
