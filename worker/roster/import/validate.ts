/**
 * Mapped rows + what the database holds → either the exact writes of an import or every problem.
 * All-or-nothing lives here: one bad row makes the whole result `ok: false`, listing every issue
 * of every row, so staff fix the file once. Matching is on the normalised mobile number, and a row
 * equal to the stored deputy is `unchanged`, so importing the same file twice writes nothing.
 */
import type { Locale } from '../../platform/i18n';
import { lookupKey, MAX_NAME_LENGTH, MAX_SECTOR_LENGTH, normaliseMobile, normaliseName, parseLevel } from './fields';
import { type ImportCode, importMessage } from './messages';
import type { MappedRow } from './table';
import type { ImportIssue, RosterField } from './types';

/** A township as the import needs it. */
export interface TownshipRef {
  id: number;
  code: string;
  name: string;
  active: boolean;
}

/** A liaison station or room as the import needs it. */
export interface StationRef {
  id: number;
  code: string;
  name: string;
  townshipId: number;
  active: boolean;
}

/** A stored deputy (the columns an import may change, plus id). */
export interface DeputyRef {
  id: number;
  name: string;
  level: 'district' | 'township';
  townshipId: number;
  stationId: number | null;
  sector: string;
  phone: string;
  active: boolean;
}

/** Indexes over the current roster; build them with {@link buildLookups}. */
export interface RosterLookups {
  /** By {@link lookupKey} of the name, and of the code (the township's stable import key). */
  townshipsByName: ReadonlyMap<string, TownshipRef>;
  /** By `${townshipId}|${lookupKey(name)}` (and of the code). */
  stationsByTownshipAndName: ReadonlyMap<string, StationRef>;
  /** By {@link lookupKey} of the name across all townships, to explain a wrong township. */
  stationsByName: ReadonlyMap<string, readonly StationRef[]>;
  /** By the normalised 11-digit mobile number. */
  deputiesByPhone: ReadonlyMap<string, DeputyRef>;
}

/** Builds the lookup maps from plain rows of the three tables. */
export function buildLookups(data: {
  townships: readonly TownshipRef[];
  stations: readonly StationRef[];
  deputies: readonly DeputyRef[];
}): RosterLookups {
  const townshipsByName = new Map<string, TownshipRef>();
  // Codes first, so that a name always wins over a code that happens to spell the same.
  for (const t of data.townships) townshipsByName.set(lookupKey(t.code), t);
  for (const t of data.townships) townshipsByName.set(lookupKey(t.name), t);
  const stationsByTownshipAndName = new Map<string, StationRef>();
  const stationsByName = new Map<string, StationRef[]>();
  for (const s of data.stations) stationsByTownshipAndName.set(`${s.townshipId}|${lookupKey(s.code)}`, s);
  for (const s of data.stations) {
    stationsByTownshipAndName.set(`${s.townshipId}|${lookupKey(s.name)}`, s);
    const list = stationsByName.get(lookupKey(s.name)) ?? [];
    list.push(s);
    stationsByName.set(lookupKey(s.name), list);
  }
  const deputiesByPhone = new Map(data.deputies.map((d) => [d.phone, d]));
  return { townshipsByName, stationsByTownshipAndName, stationsByName, deputiesByPhone };
}

/** A row of the `deputies` table as the import writes it (timestamps are the caller's). */
export interface DeputyImportRecord {
  name: string;
  level: 'district' | 'township';
  townshipId: number;
  stationId: number | null;
  sector: string;
  phone: string;
  active: boolean;
}

/** A new deputy. */
export interface ImportCreate {
  row: number;
  record: DeputyImportRecord;
}

/** An existing deputy whose stored values differ from the file (before/after for the audit log). */
export interface ImportUpdate {
  row: number;
  id: number;
  before: DeputyRef;
  record: DeputyImportRecord;
  changed: (keyof DeputyImportRecord)[];
}

/** An existing deputy already equal to the file. */
export interface ImportUnchanged {
  row: number;
  id: number;
}

/** Outcome of {@link validateRoster}. */
export type RosterValidation =
  | { ok: true; creates: ImportCreate[]; updates: ImportUpdate[]; unchanged: ImportUnchanged[] }
  | { ok: false; errors: ImportIssue[] };

const COMPARED: readonly (keyof DeputyImportRecord)[] = ['name', 'level', 'townshipId', 'stationId', 'sector', 'active'];

/**
 * Validates every row and plans the writes.
 * Absent optional columns (station, sector) leave an existing deputy's values as they are;
 * a present but empty cell clears them. Importing a deactivated deputy reactivates them.
 */
export function validateRoster(rows: readonly MappedRow[], lookups: RosterLookups, locale: Locale): RosterValidation {
  const errors: ImportIssue[] = [];
  const creates: ImportCreate[] = [];
  const updates: ImportUpdate[] = [];
  const unchanged: ImportUnchanged[] = [];
  const firstRowOfPhone = new Map<string, number>();

  for (const { row, values } of rows) {
    const problems: ImportIssue[] = [];
    const report = (field: RosterField, code: ImportCode, params: Record<string, string | number> = {}) =>
      problems.push({ row, field, code, message: importMessage(code, locale, params) });

    const name = normaliseName(values.name ?? '');
    if (name === '') report('name', 'name_required');
    else if ([...name].length > MAX_NAME_LENGTH) report('name', 'name_too_long', { max: MAX_NAME_LENGTH });

    const levelText = values.level ?? '';
    const level = parseLevel(levelText);
    if (levelText === '') report('level', 'level_required');
    else if (level === null) report('level', 'level_unknown', { value: levelText });

    const townshipText = values.township ?? '';
    const township = townshipText === '' ? undefined : lookups.townshipsByName.get(lookupKey(townshipText));
    if (townshipText === '') report('township', 'township_required');
    else if (!township) report('township', 'township_unknown', { value: townshipText });
    else if (!township.active) report('township', 'township_inactive', { value: townshipText });

    const stationText = values.station ?? '';
    let stationId: number | null = null;
    if (stationText !== '' && township?.active) {
      const station = lookups.stationsByTownshipAndName.get(`${township.id}|${lookupKey(stationText)}`);
      if (station?.active) stationId = station.id;
      else if (station) report('station', 'station_inactive', { value: stationText });
      else if (lookups.stationsByName.has(lookupKey(stationText))) {
        report('station', 'station_wrong_township', { value: stationText, township: township.name });
      } else report('station', 'station_unknown', { value: stationText });
    }

    const sector = (values.sector ?? '').replace(/\s+/g, ' ');
    if ([...sector].length > MAX_SECTOR_LENGTH) report('sector', 'sector_too_long', { max: MAX_SECTOR_LENGTH });

    const phoneText = values.phone ?? '';
    let phone = '';
    if (phoneText === '') report('phone', 'phone_required');
    else {
      const mobile = normaliseMobile(phoneText);
      if (!mobile.ok) report('phone', mobile.code, { value: phoneText });
      else {
        phone = mobile.phone;
        const first = firstRowOfPhone.get(phone);
        if (first !== undefined) report('phone', 'phone_duplicate', { value: phone, firstRow: first });
        else firstRowOfPhone.set(phone, row);
      }
    }

    if (problems.length > 0 || level === null || !township) {
      errors.push(...problems);
      continue;
    }
    const existing = lookups.deputiesByPhone.get(phone);
    const record: DeputyImportRecord = {
      name,
      level,
      townshipId: township.id,
      // No such column in the file: keep what is stored rather than clearing it.
      stationId: values.station === undefined ? (existing?.stationId ?? null) : stationId,
      sector: values.sector === undefined ? (existing?.sector ?? '') : sector,
      phone,
      active: true,
    };
    if (!existing) {
      creates.push({ row, record });
      continue;
    }
    const changed = COMPARED.filter((k) => record[k] !== existing[k]);
    if (changed.length === 0) unchanged.push({ row, id: existing.id });
    else updates.push({ row, id: existing.id, before: existing, record, changed });
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, creates, updates, unchanged };
}
