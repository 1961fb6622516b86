/** Request schemas of a deputy's record (履职档案) and activities. */
import * as z from 'zod';
import { ACTIVITY_KINDS } from '../db/schema/duty';
import { isDay } from '../workflow/calendar';

const blank = (v: unknown) => (v === '' ? undefined : v);
const optionalDay = z.preprocess(blank, z.string().refine(isDay).optional());

/** GET /api/deputies/:id/record: a period (default: this year up to today) or a whole year. */
export const recordQuery = z.object({
  from: optionalDay,
  to: optionalDay,
  year: z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional()),
});

/** POST /api/deputies/:id/activities: one 视察, 调研, 执法检查, 代表小组活动 or 联系选民. */
export const activityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  day: z.string().refine(isDay),
  title: z.string().trim().min(1).max(100),
  notes: z.string().trim().max(500).default(''),
});
export type ActivityInput = z.input<typeof activityInput>;

/** PATCH /api/deputies/activities/:id: staff confirm or reject a deputy's own entry. */
export const activityReview = z.object({ status: z.enum(['confirmed', 'rejected']) });
