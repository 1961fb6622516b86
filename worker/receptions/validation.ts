/** Request schemas of the receptions (进站接待) API. */
import { z } from 'zod';
import { isDay } from '../workflow/calendar';

const blank = (v: unknown) => (v === '' ? undefined : v);
const optionalId = z.preprocess(blank, z.coerce.number().int().positive().max(2_147_483_647).optional());
const optionalDay = z.preprocess(blank, z.string().refine(isDay).optional());
const count = z.number().int().min(0).max(10_000);

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
  /** Opinions taken in at the session (written down for the residents or submitted by them). */
  opinionsTaken: count,
  notes: z.string().trim().max(500).default(''),
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
