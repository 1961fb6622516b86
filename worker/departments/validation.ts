/**
 * Request schemas of the departments area: the roster of 承办单位, their accounts, reply
 * templates (常用语), the handling settings and the 督办 list's query.
 */
import * as z from 'zod';
import { DEPARTMENT_KINDS, TEMPLATE_PURPOSES } from '../db/schema';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalId = z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional());
const optionalBool = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : v === 'true' || v === '1'),
  z.boolean().optional(),
);

/** A contact number: a mobile, or a landline with area code and extension ('0571-87654321-8'). */
const contactPhone = z
  .string()
  .trim()
  .max(30)
  .refine((s) => s === '' || /^[0-9+\-\s()]{5,30}$/.test(s), { message: 'phone_invalid' });

/** POST /api/departments. */
export const departmentInput = z.object({
  name: z.string().trim().min(1).max(100),
  shortName: z.string().trim().max(30).default(''),
  kind: z.enum(DEPARTMENT_KINDS),
  townshipId: z.number().int().positive().nullable().default(null),
  contactName: z.string().trim().max(40).default(''),
  contactPhone: contactPhone.default(''),
  active: z.boolean().default(true),
});

/** PATCH /api/departments/:id (only the fields sent change; `active: false` deactivates). */
export const departmentPatch = z
  .object({
    name: z.string().trim().min(1).max(100),
    shortName: z.string().trim().max(30),
    kind: z.enum(DEPARTMENT_KINDS),
    townshipId: z.number().int().positive().nullable(),
    contactName: z.string().trim().max(40),
    contactPhone,
    active: z.boolean(),
  })
  .partial();

/** GET /api/departments. */
export const departmentQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
  kind: z.preprocess(blankToUndefined, z.enum(DEPARTMENT_KINDS).optional()),
  townshipId: optionalId,
  active: optionalBool,
});

/** POST /api/departments/:id/members: a new account for the department. */
export const memberInput = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[a-zA-Z0-9_.-]+$/),
  displayName: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(256),
});

/** POST /api/reply-templates. */
export const templateInput = z.object({
  purpose: z.enum(TEMPLATE_PURPOSES),
  title: z.string().trim().min(1).max(40),
  body: z.string().trim().min(1).max(2000),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
});

/** PATCH /api/reply-templates/:id. */
export const templatePatch = templateInput.partial();

/** GET /api/reply-templates?purpose=reply (all purposes when absent). */
export const templateQuery = z.object({
  purpose: z.preprocess(blankToUndefined, z.enum(TEMPLATE_PURPOSES).optional()),
  all: optionalBool,
});

/** PUT /api/handling-settings (only the settings sent change). */
export const settingsPut = z
  .object({
    signWorkingDays: z.number().int().min(1).max(60),
    answerNeedsAcceptance: z.boolean(),
    escalateAfterWorkingDays: z.number().int().min(1).max(60),
  })
  .partial();

/** GET /api/supervision. */
export const supervisionQuery = z.object({
  townshipId: optionalId,
  departmentId: optionalId,
  /** Only red items, or only 挂牌督办 ones. */
  only: z.preprocess(blankToUndefined, z.enum(['overdue', 'escalated']).optional()),
});
