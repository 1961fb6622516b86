/** Queries shared by the reception and duty-schedule routes: stations, rota checks, stored sessions. */
import { and, eq, inArray } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { ApiError } from '../platform/errors';
import type { MessageKey } from '../platform/i18n';
import { trackingCodesOfRequest } from './proxy';

/** The station's township, or 422 `unknown_station` on `stationId`. */
export async function stationOf(db: Database, stationId: number): Promise<{ townshipId: number; active: boolean }> {
  const station = await db
    .select({ townshipId: schema.stations.townshipId, active: schema.stations.active })
    .from(schema.stations)
    .where(eq(schema.stations.id, stationId))
    .get();
  if (!station) throw new ApiError(422, 'validation_failed', {}, { stationId: { key: 'unknown_station' } });
  return station;
}

/**
 * Every id must be an active deputy of the township (a station's rota and those present
 * come from the station's own township); otherwise 422 naming how many are not.
 */
export async function assertDeputiesOf(
  db: Database,
  townshipId: number,
  ids: readonly number[],
  field: string,
  code: MessageKey,
): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: schema.deputies.id })
    .from(schema.deputies)
    .where(
      and(inArray(schema.deputies.id, [...ids]), eq(schema.deputies.townshipId, townshipId), eq(schema.deputies.active, true)),
    )
    .all();
  const missing = ids.length - found.length;
  if (missing > 0) throw new ApiError(422, code, { count: missing }, { [field]: { key: code, params: { count: missing } } });
}

/** A deputy enters opinions only for stations of their own township. */
export async function assertDeputyOfTownship(db: Database, deputyId: number | null, townshipId: number): Promise<void> {
  if (deputyId === null) throw new ApiError(403, 'forbidden');
  const row = await db
    .select({ townshipId: schema.deputies.townshipId })
    .from(schema.deputies)
    .where(eq(schema.deputies.id, deputyId))
    .get();
  if (row?.townshipId !== townshipId) throw new ApiError(403, 'forbidden_township');
}

/** A logged session as the API returns it after POST. */
export interface StoredSession {
  reception: {
    id: number;
    stationId: number;
    townshipId: number;
    day: string;
    residentsReceived: number;
    opinionsTaken: number;
    notes: string;
    deputyIds: number[];
    createdBy: number | null;
  };
  /** Tracking codes of the opinions entered for residents, to read out or write down for them. */
  trackingCodes: string[];
}

/** The session stored under a client key, or null when that key has not been used. */
export async function storedSession(d1: D1Database, key: string): Promise<StoredSession | null> {
  const row = await d1
    .prepare(
      `SELECT r.id, r.station_id AS stationId, r.township_id AS townshipId, r.day, r.residents_received AS residentsReceived,
              r.opinions_taken AS opinionsTaken, r.notes, r.created_by AS createdBy,
              (SELECT group_concat(deputy_id) FROM reception_deputies WHERE reception_id = r.id) AS deputies
         FROM reception_submissions k JOIN receptions r ON r.id = k.reception_id WHERE k.key = ?1`,
    )
    .bind(key)
    .first<Omit<StoredSession['reception'], 'deputyIds'> & { deputies: string | null }>();
  if (!row) return null;
  const { deputies, ...reception } = row;
  const deputyIds = (deputies ?? '')
    .split(',')
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
  return { reception: { ...reception, deputyIds }, trackingCodes: await trackingCodesOfRequest(d1, key) };
}
