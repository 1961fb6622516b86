/** Request schemas of the roster API. Mainland mobile numbers are normalised to 11 digits. */
import * as z from 'zod';

/** Accepts "138 0013 8000", "138-0013-8000", "+86 13800138000"; yields "13800138000". */
export const mobileCN = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+?86)/, ''))
  .refine((s) => /^1[3-9]\d{9}$/.test(s), { message: 'phone_invalid' });

// Patches are built from the base shapes WITHOUT defaults: a default inside `.partial()`
// would fill in fields the client never sent and silently overwrite stored values.
const townshipFields = {
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(40),
  kind: z.enum(['township', 'town', 'subdistrict']),
  sortOrder: z.number().int().min(0).max(10_000),
};
export const townshipInput = z.object({ ...townshipFields, sortOrder: townshipFields.sortOrder.default(0) });
export const townshipPatch = z.object(townshipFields).partial().extend({ active: z.boolean().optional() });

const stationFields = {
  name: z.string().trim().min(1).max(60),
  kind: z.enum(['station', 'room']),
  hostType: z.enum(['township', 'community', 'enterprise', 'project_site', 'industrial_chain', 'household']),
  townshipId: z.number().int().positive(),
  address: z.string().trim().max(120),
  /** A landline ("0571-8888 1234") or mobile number that residents may call; public. */
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^(\+?[\d][\d\s()-]{4,})?$/),
};
export const stationInput = z.object({
  ...stationFields,
  address: stationFields.address.default(''),
  phone: stationFields.phone.default(''),
});
export const stationPatch = z.object(stationFields).partial().extend({ active: z.boolean().optional() });

const deputyFields = {
  name: z.string().trim().min(1).max(40),
  level: z.enum(['district', 'township']),
  townshipId: z.number().int().positive(),
  stationId: z.number().int().positive().nullable(),
  sector: z.string().trim().max(40),
  phone: mobileCN,
};
export const deputyInput = z.object({
  ...deputyFields,
  stationId: deputyFields.stationId.default(null),
  sector: deputyFields.sector.default(''),
});
export const deputyPatch = z.object(deputyFields).partial().extend({ active: z.boolean().optional() });

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());
const optionalBool = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : v === 'true' || v === '1'),
  z.boolean().optional(),
);

export const stationQuery = z.object({
  townshipId: optionalId,
  q: z.string().trim().max(60).optional(),
  active: optionalBool,
});

export const deputyQuery = z.object({
  townshipId: optionalId,
  stationId: optionalId,
  level: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['district', 'township']).optional()),
  q: z.string().trim().max(60).optional(),
  active: optionalBool,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
