/**
 * GET /api/opinions/:id: the opinion, its timeline and photos, the actions this user may
 * take (with the fields each needs), and — for those who can merge — likely duplicates.
 */
import type { Database } from '../db/client';
import { maskPhone } from '../platform/auth/guard';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';
import type { Locale } from '../platform/i18n';
import { chinaDay } from '../workflow/calendar';
import { type Action, allowedActions, isOpinionState, planTransition, ruleFor, trackingSteps } from '../workflow/machine';
import { actsAsAssignedDeputy, assertCanSee, isHandler } from './access';
import { deadlineOf, loadCalendar, loadLimits } from './deadlines';
import { photoUrl } from './photos';
import { categoryName, jsonObject, jsonStrings } from './present';
import { deputyNames, duplicateCandidates, loadEvents, loadOpinion, loadPhotos, trackingCodes } from './queries';
import { likelyDuplicates } from './similarity';

/** How many likely duplicates the item page offers. */
const MAX_DUPLICATES = 5;

/** The whole item page's data for `user`, or 404/403. */
export async function opinionDetail(db: Database, user: SessionUser, id: number, ctx: { locale: Locale; now: number }) {
  const found = await loadOpinion(db, id);
  if (!found) throw new ApiError(404, 'not_found');
  const row = found.opinion;
  assertCanSee(user, row);
  const handler = isHandler(user, row);
  const [events, photos, calendar, limits] = await Promise.all([
    loadEvents(db, id),
    loadPhotos(db, id),
    loadCalendar(db),
    loadLimits(db),
  ]);

  const state = isOpinionState(row.state) ? row.state : null;
  const actor = { role: user.role, isAssignedDeputy: actsAsAssignedDeputy(user, row) };
  // The table allows 结案 from 已办结, but the machine refuses it inside the resident's rating
  // window; a dry run with the machine itself keeps a button off the page that would only fail.
  const allowed: Action[] = state
    ? allowedActions(state, actor).filter(
        (a) => a !== 'close' || planTransition(row, a, actor, {}, { now: ctx.now, calendar, limits }).ok,
      )
    : [];
  const duplicates = allowed.includes('merge')
    ? likelyDuplicates(row.body, await duplicateCandidates(db, row)).slice(0, MAX_DUPLICATES)
    : [];

  // Notes are the whole content of a 'note' event: people who may not read notes do not see it at all.
  const visible = handler ? events : events.filter((ev) => ev.action !== 'note');
  const timeline = visible.map((ev) => ({
    id: ev.id,
    at: ev.at,
    actorLabel: ev.actorLabel,
    action: ev.action,
    fromState: ev.fromState,
    toState: ev.toState,
    publicReply: ev.publicReply,
    internalNote: handler ? ev.internalNote : null,
    data: jsonObject(ev.data),
  }));
  const mentioned = timeline.flatMap((ev) =>
    [ev.data.deputyId, ev.data.fromDeputyId].filter((v): v is number => typeof v === 'number'),
  );
  const mergedFrom = timeline.map((ev) => ev.data.mergedFrom).filter((v): v is number => typeof v === 'number');

  // The submission key is the resident's retry token, nothing anyone in the office needs.
  const { reporterPhone, departments, extraAnswers, submissionKey: _key, ...columns } = row;
  return {
    opinion: {
      ...columns,
      departments: jsonStrings(departments),
      extraAnswers: jsonObject(extraAnswers),
      reporterPhone: handler ? reporterPhone : maskPhone(reporterPhone),
      phoneMasked: !handler && reporterPhone !== null,
      townshipName: found.townshipName,
      stationName: found.stationName,
      stationCode: found.stationCode,
      assignedDeputyName: found.assignedDeputyName,
      categoryName: categoryName(row.category, found.categoryZh, found.categoryEn, ctx.locale),
      mergedIntoCode: found.mergedIntoCode,
      deadline: deadlineOf(calendar, row.state, row.dueOn, chinaDay(ctx.now)),
    },
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
  };
}

/** The detail's type, for the dashboard. */
export type OpinionDetail = Awaited<ReturnType<typeof opinionDetail>>;
