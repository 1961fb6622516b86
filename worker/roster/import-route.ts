/**
 * POST /api/roster/import — deputies from a CSV (UTF-8 or GBK) or XLSX file, all or nothing.
 * Either every row is valid and the whole file is applied in one D1 batch, or nothing changes
 * and the answer lists every bad row with its row number and reason. `?dryRun=1` only plans.
 * Deputies are matched on their mobile number, so importing the same file twice changes nothing.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, isDistrictWide, requireRole } from '../platform/auth/guard';
import type { SessionUser } from '../platform/auth/session';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import { t } from '../platform/i18n';
import { buildLookups, type ImportIssue, MAX_IMPORT_BYTES, prepareRosterImport } from './import';

/** SQLite's bound-parameter ceiling on D1 is 100: keep multi-row inserts under it. */
const ROWS_PER_INSERT = 8;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function loadLookups(db: Database) {
  const [townships, stations, deputies] = await Promise.all([
    db
      .select({
        id: schema.townships.id,
        code: schema.townships.code,
        name: schema.townships.name,
        active: schema.townships.active,
      })
      .from(schema.townships)
      .all(),
    db
      .select({
        id: schema.stations.id,
        code: schema.stations.code,
        name: schema.stations.name,
        townshipId: schema.stations.townshipId,
        active: schema.stations.active,
      })
      .from(schema.stations)
      .all(),
    db
      .select({
        id: schema.deputies.id,
        name: schema.deputies.name,
        level: schema.deputies.level,
        townshipId: schema.deputies.townshipId,
        stationId: schema.deputies.stationId,
        sector: schema.deputies.sector,
        phone: schema.deputies.phone,
        active: schema.deputies.active,
      })
      .from(schema.deputies)
      .all(),
  ]);
  return {
    lookups: buildLookups({ townships, stations, deputies }),
    townshipOf: new Map(deputies.map((d) => [d.id, d.townshipId])),
  };
}

async function uploadedBytes(form: FormData | null): Promise<Uint8Array> {
  const file = form?.get('file');
  if (!file || typeof file === 'string') throw new ApiError(400, 'import_no_file');
  if (file.size > MAX_IMPORT_BYTES) throw new ApiError(413, 'body_too_large');
  return new Uint8Array(await file.arrayBuffer());
}

export const importRoutes = new Hono<AppEnv>().post('/', requireRole('admin', 'staff'), async (c) => {
  const user: SessionUser = currentUser(c);
  const locale = c.get('locale');
  const dryRun = c.req.query('dryRun') === '1' || c.req.query('dryRun') === 'true';
  const form = await c.req.formData().catch(() => null);
  const bytes = await uploadedBytes(form);
  const db = database(c.env.DB);
  const { lookups, townshipOf } = await loadLookups(db);
  const plan = prepareRosterImport(bytes, lookups, locale);

  const errors: ImportIssue[] = plan.ok ? [] : [...plan.errors];
  if (plan.ok && !isDistrictWide(user)) {
    // Township staff may only import deputies of their own township.
    const outside = [
      ...plan.creates.filter((r) => r.record.townshipId !== user.townshipId),
      ...plan.updates.filter((u) => u.record.townshipId !== user.townshipId || u.before.townshipId !== user.townshipId),
      // Even unchanged rows of another township mean the wrong file was chosen.
      ...plan.unchanged.filter((u) => townshipOf.get(u.id) !== user.townshipId),
    ].sort((a, b) => a.row - b.row);
    for (const row of outside) {
      errors.push({ row: row.row, field: 'township', code: 'forbidden_township', message: t(locale, 'forbidden_township') });
    }
  }
  if (errors.length > 0 || !plan.ok) {
    const count = new Set(errors.map((e) => e.row ?? 0)).size;
    throw new ApiError(422, 'import_invalid', { count }, undefined, { rows: errors });
  }

  const summary = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged.length, dryRun };
  if (dryRun || (plan.creates.length === 0 && plan.updates.length === 0)) return c.json(summary);

  const now = Date.now();
  const d = schema.deputies;
  const writes = [
    ...chunks(plan.creates, ROWS_PER_INSERT).map((rows) =>
      db.insert(d).values(rows.map((r) => ({ ...r.record, createdAt: now, updatedAt: now }))),
    ),
    ...plan.updates.map((u) =>
      db
        .update(d)
        .set({ ...u.record, updatedAt: now })
        .where(eq(d.id, u.id)),
    ),
    ...chunks(
      [
        ...plan.creates.map((r) => ({ entityId: r.record.phone, before: null, after: r.record })),
        ...plan.updates.map((u) => ({ entityId: String(u.id), before: u.before, after: u.record })),
      ],
      ROWS_PER_INSERT,
    ).map((rows) =>
      db.insert(schema.auditLog).values(
        rows.map((r) => ({
          at: now,
          userId: user.id,
          username: user.username,
          action: 'import',
          entity: 'deputy',
          entityId: r.entityId,
          before: r.before ? JSON.stringify(r.before) : null,
          after: JSON.stringify(r.after),
        })),
      ),
    ),
  ];
  const [first, ...rest] = writes;
  try {
    if (first) await db.batch([first, ...rest]);
  } catch (err) {
    // Someone added the same mobile number between our check and this batch; nothing was written.
    if (uniqueViolation(err) === 'phone') throw new ApiError(409, 'conflict');
    throw err;
  }
  return c.json(summary);
});
