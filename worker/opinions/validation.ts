/**
 * Request schemas of the opinions API: the inbox/export filters, an action, and the admin's
 * calendar and step-limit edits. Query strings arrive as text, so ids and flags are coerced.
 */
import * as z from 'zod';
import { isDay } from '../workflow/calendar';
import { OPEN_STATES, OPINION_STATES, RESOLVED_STATES, SIDE_OUTCOME_STATES, type OpinionState } from '../workflow/states';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalId = z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional());
const optionalDay = z.preprocess(
  blankToUndefined,
  z
    .string()
    .refine((s) => isDay(s))
    .optional(),
);
const optionalBool = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : v === 'true' || v === '1'),
  z.boolean().optional(),
);

/** Named groups a state filter may use besides single states. */
export const STATE_GROUPS: Readonly<Record<string, readonly OpinionState[]>> = {
  open: OPEN_STATES,
  resolved: RESOLVED_STATES,
  side: SIDE_OUTCOME_STATES,
};

/**
 * `state=pending`, `state=listening,viewing` or a group (`open`, `resolved`, `side`): the
 * set of states to show, or undefined for all.
 */
const stateFilter = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(200)
    .transform((text, ctx) => {
      const states = new Set<OpinionState>();
      for (const part of text.split(',').map((s) => s.trim())) {
        const group = STATE_GROUPS[part];
        if (group) for (const s of group) states.add(s);
        else if ((OPINION_STATES as readonly string[]).includes(part)) states.add(part as OpinionState);
        else {
          ctx.addIssue({ code: 'custom', message: 'field_invalid' });
          return z.NEVER;
        }
      }
      return [...states];
    })
    .optional(),
);

/** Filters shared by the inbox and the exports. */
export const opinionFilters = z.object({
  townshipId: optionalId,
  stationId: optionalId,
  deputyId: optionalId,
  /** Opinions given to this 承办单位 (forced to their own for department accounts). */
  departmentId: optionalId,
  category: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
  state: stateFilter,
  /** Deadline colour of open opinions; `overdue=true` is the same as `deadline=red`. */
  deadline: z.preprocess(blankToUndefined, z.enum(['green', 'yellow', 'red']).optional()),
  overdue: optionalBool,
  q: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
  /** China calendar days, both inclusive. */
  receivedFrom: optionalDay,
  receivedTo: optionalDay,
  /** Newest first (default), oldest first, or most urgent deadline first. */
  sort: z.preprocess(blankToUndefined, z.enum(['-received', 'received', 'due']).default('-received')),
});
export type OpinionFilters = z.infer<typeof opinionFilters>;

/** The inbox: filters plus paging. */
export const opinionListQuery = opinionFilters.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * POST /api/opinions/:id/actions. The payload is checked field by field by the workflow
 * machine (validatePayload), which knows what each action needs; here it only has to be an
 * object. `revision` is the one the client last saw: a stale one is refused with 409.
 */
export const actionBody = z.object({
  action: z.string().min(1).max(40),
  payload: z.record(z.string(), z.unknown()).default({}),
  revision: z.number().int().min(0),
});

/** One listed calendar day. */
const calendarDay = z.object({
  day: z.string().refine((s) => isDay(s)),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(40).default(''),
});

/** PUT /api/calendar: the listed days of one year, replacing what was listed for it. */
export const calendarPut = z
  .object({
    year: z.number().int().min(2000).max(2100),
    days: z.array(calendarDay).max(366),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.days.forEach((d, i) => {
      if (!d.day.startsWith(`${body.year}-`) || seen.has(d.day)) {
        ctx.addIssue({ code: 'custom', path: ['days', i, 'day'], message: 'field_invalid' });
      }
      seen.add(d.day);
    });
  });

/** GET /api/calendar?year=2026 (all years when absent). */
export const calendarQuery = z.object({
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()),
});

/**
 * States whose limit an admin may set: the timed states plus the rating window. Not 三议: its
 * due date is the deadline the deliberation agrees, never a fixed number of days.
 */
export const LIMITED_STATES = ['pending', 'listening', 'viewing', 'handling', 'review', 'resolved'] as const;

/** PUT /api/step-limits: working days per state (only the states sent are changed). */
export const stepLimitsPut = z.object({
  limits: z.partialRecord(z.enum(LIMITED_STATES), z.number().int().min(1).max(365)),
});
