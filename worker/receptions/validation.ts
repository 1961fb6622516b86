/** Request schemas of the receptions (进站接待) API. */
import * as z from 'zod';
import { DUTY_PERIODS, DUTY_RULES, INTAKE_CHANNELS } from '../db/schema/duty';
import { isDay } from '../workflow/calendar';

const blank = (v: unknown) => (v === '' ? undefined : v);
const optionalId = z.preprocess(blank, z.coerce.number().int().positive().max(2_147_483_647).optional());
const optionalDay = z.preprocess(blank, z.string().refine(isDay).optional());
const count = z.number().int().min(0).max(10_000);

const submissionKey = z.string().regex(/^[0-9a-f-]{16,64}$/i);
const trimmed = (max: number) => z.string().trim().max(max).default('');

/**
 * One opinion typed by a deputy or staff member for a resident (代录). The name and phone are
 * kept only when the resident agreed (`consent`, checked by the route), like on the residents' own form.
 */
export const proxyOpinion = z.object({
  channel: z.enum(INTAKE_CHANNELS).default('reception'),
  category: z.string().trim().min(1).max(40),
  body: z.string().trim().min(1).max(2000),
  place: trimmed(100),
  reporterName: trimmed(50),
  /** Checked against {@link mobileCN} by the route, so a wrong number gets the phone message. */
  reporterPhone: trimmed(20),
  consent: z.boolean().default(false),
});
export type ProxyOpinion = z.output<typeof proxyOpinion>;

/** POST /api/receptions/opinions: opinions that came by phone, letter or otherwise, outside a session. */
export const proxyOpinionsInput = z.object({
  stationId: z.number().int().positive().max(2_147_483_647),
  submissionKey,
  opinions: z.array(proxyOpinion).min(1).max(30),
});

/** POST /api/receptions: one duty session at a station. */
export const receptionInput = z.object({
  stationId: z.number().int().positive().max(2_147_483_647),
  /** The day of the session, 'YYYY-MM-DD' (China time), not in the future. */
  day: z.string().refine(isDay),
  /** Deputies present; duplicates are ignored. */
  deputyIds: z
    .array(z.number().int().positive().max(2_147_483_647))
    .min(1)
    .max(30)
    .transform((ids) => [...new Set(ids)]),
  residentsReceived: count,
  /**
   * Opinions taken in at the session (written down for the residents or submitted by them);
   * never fewer than the opinions entered below.
   */
  opinionsTaken: count.optional(),
  notes: z.string().trim().max(500).default(''),
  /** The client's key for this session (made when the form opened): a retry is not a second session. */
  submissionKey: submissionKey.optional(),
  /** Opinions entered on the spot for residents (代录), stored in the same batch as the session. */
  opinions: z.array(proxyOpinion).max(30).default([]),
});
export type ReceptionInput = z.input<typeof receptionInput>;

/** GET /api/receptions filters. */
export const receptionQuery = z.object({
  townshipId: optionalId,
  stationId: optionalId,
  deputyId: optionalId,
  from: optionalDay,
  to: optionalDay,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const deputyIds = z
  .array(z.number().int().positive().max(2_147_483_647))
  .max(30)
  .transform((ids) => [...new Set(ids)]);

const scheduleFields = {
  stationId: z.number().int().positive().max(2_147_483_647),
  rule: z.enum(DUTY_RULES),
  everyWeeks: z.number().int().min(1).max(26),
  dayOfMonth: z.number().int().min(1).max(31).nullable(),
  period: z.enum(DUTY_PERIODS),
  startsOn: z.string().refine(isDay),
  endsOn: z.string().refine(isDay).nullable(),
  note: z.string().trim().max(200),
  deputyIds,
};

/** POST /api/receptions/schedules: one line of a station's 排班. */
export const scheduleInput = z.object({
  ...scheduleFields,
  everyWeeks: scheduleFields.everyWeeks.default(1),
  dayOfMonth: scheduleFields.dayOfMonth.default(null),
  period: scheduleFields.period.default('am'),
  endsOn: scheduleFields.endsOn.default(null),
  note: scheduleFields.note.default(''),
});
export type ScheduleInput = z.input<typeof scheduleInput>;

/** PATCH /api/receptions/schedules/:id (the station stays). Defaults are left out on purpose: unsent fields keep their value. */
export const schedulePatch = z
  .object(scheduleFields)
  .omit({ stationId: true })
  .partial()
  .extend({ active: z.boolean().optional() });

/** GET /api/receptions/schedules and /duty filters. */
export const scheduleQuery = z.object({
  townshipId: optionalId,
  stationId: optionalId,
  deputyId: optionalId,
  from: optionalDay,
  /** How many days ahead the duty calendar looks (default four weeks). */
  days: z.preprocess(blank, z.coerce.number().int().min(1).max(366).default(28)),
});
