/** Query schema of the statistics API. Empty strings mean "not set" (forms send them). */
import * as z from 'zod';
import { isDay } from '../workflow/calendar';

const blank = (v: unknown) => (v === '' ? undefined : v);
const optionalId = z.preprocess(blank, z.coerce.number().int().positive().max(2_147_483_647).optional());
const optionalDay = z.preprocess(blank, z.string().refine(isDay).optional());

/** GET /api/stats/overview?from&to&townshipId&level&category&trainingId */
export const overviewQuery = z.object({
  /** First and last day of the period ('YYYY-MM-DD'); widened to whole weeks. */
  from: optionalDay,
  to: optionalDay,
  townshipId: optionalId,
  level: z.preprocess(blank, z.enum(['district', 'township']).optional()),
  /** A category code (categories.code). */
  category: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z0-9_]{1,48}$/)
      .optional(),
  ),
  trainingId: optionalId,
});
export type OverviewQueryInput = z.infer<typeof overviewQuery>;

/** GET /api/stats/weekly?week&townshipId&category: `week` is any day of the week (default: last week). */
export const weeklyQuery = z.object({
  week: optionalDay,
  townshipId: optionalId,
  category: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z0-9_]{1,48}$/)
      .optional(),
  ),
});
