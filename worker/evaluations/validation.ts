/** Request schemas of the training API. Calendar days are 'YYYY-MM-DD' (China time). */
import * as z from 'zod';
import { isDay } from '../workflow/calendar';

/** The longest training the system accepts (days, inclusive); the initial training is 3. */
export const MAX_TRAINING_DAYS = 31;

const day = z.string().refine(isDay, { message: 'day' });
const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());

const trainingFields = {
  title: z.string().trim().min(1).max(120),
  startsOn: day,
  endsOn: day,
  place: z.string().trim().max(120).default(''),
  organiser: z.string().trim().max(120).default(''),
  /** A questionnaire (forms.kind = 'questionnaire'); default: the training-default form. */
  formId: z.number().int().positive().optional(),
};

export const trainingInput = z.object(trainingFields);
export const trainingPatch = z.object(trainingFields).partial();

export const COURSE_KINDS = ['lecture', 'experience', 'discussion'] as const;

export const courseInput = z.object({
  title: z.string().trim().min(1).max(120),
  lecturer: z.string().trim().max(80).default(''),
  day,
  /** 'HH:MM' or empty. */
  startsAt: z
    .string()
    .trim()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^$/)
    .default(''),
  kind: z.enum(COURSE_KINDS),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export const coursePatch = courseInput.partial();

export const statusInput = z.object({ status: z.enum(['draft', 'open', 'closed']) });

/** Enrol the listed deputies, or every active deputy matching level and/or township. */
export const enrolInput = z.object({
  deputyIds: z.array(z.number().int().positive()).min(1).max(2000).optional(),
  level: z.enum(['district', 'township']).optional(),
  townshipId: z.number().int().positive().optional(),
  /** With no other criterion: every active deputy of the district. */
  all: z.boolean().optional(),
});

export const questionnaireInput = z.object({ definition: z.unknown() });

export const enrolmentQuery = z.object({
  townshipId: optionalId,
  status: z.enum(['all', 'pending', 'submitted']).default('all'),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Large enough for a whole district (835) so the chase list fits on one page. */
  pageSize: z.coerce.number().int().min(1).max(2000).default(100),
});

export const exportQuery = z.object({
  townshipId: optionalId,
  status: z.enum(['all', 'pending', 'submitted']).default('pending'),
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});

export const townshipQuery = z.object({ townshipId: optionalId });

export const slipsQuery = z.object({
  townshipId: optionalId,
  /** 'checkin' prints the training's check-in poster instead of the personal slips. */
  part: z.enum(['slips', 'checkin']).default('slips'),
});
