/**
 * 代表码: a deputy's personal QR code. It opens the opinion form of the deputy's station
 * (or, for a deputy attached to none, their township's first active station) with
 * `?d=<deputy id>`, and the form names the deputy as the recipient. The id is not a
 * secret: deputies' names are already printed on their station's poster. What the form
 * trusts is only a deputy who is active and belongs to the station's township.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type Database, schema } from '../db/client';

/** The deputy an opinion form addresses, as the form shows them. */
export interface Recipient {
  id: number;
  name: string;
}

/** The recipient named by a form's `d` value, or null when it does not name an active deputy of this township. */
export async function recipientFor(db: Database, townshipId: number, raw: unknown): Promise<Recipient | null> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const d = schema.deputies;
  const row = await db
    .select({ id: d.id, name: d.name })
    .from(d)
    .where(and(eq(d.id, Number(text)), eq(d.townshipId, townshipId), eq(d.active, true)))
    .get();
  return row ?? null;
}

/** The public code of the station a deputy's 代表码 opens, or null when there is none. */
export async function codeStation(
  db: Database,
  deputy: { stationId: number | null; townshipId: number },
): Promise<string | null> {
  const s = schema.stations;
  if (deputy.stationId !== null) {
    const own = await db
      .select({ code: s.code })
      .from(s)
      .where(and(eq(s.id, deputy.stationId), eq(s.active, true)))
      .get();
    if (own) return own.code;
  }
  const first = await db
    .select({ code: s.code })
    .from(s)
    .where(and(eq(s.townshipId, deputy.townshipId), eq(s.active, true)))
    .orderBy(asc(s.id))
    .get();
  return first?.code ?? null;
}

/** The URL a deputy's 代表码 holds. */
export function codeUrl(origin: string, stationCode: string, deputyId: number): string {
  return `${origin}/s/${stationCode}?d=${deputyId}`;
}

/** How an opinion came in, for the office's view of it: the 代录 channel and the deputy offered at 受理. */
export interface OpinionIntakeView {
  channel: 'reception' | 'phone' | 'letter' | 'other' | null;
  recipientDeputyId: number | null;
  recipientDeputyName: string | null;
}

/** The intake row of an opinion, or null for one a resident submitted through a station's own code. */
export async function opinionIntakeView(db: Database, opinionId: number): Promise<OpinionIntakeView | null> {
  const i = schema.opinionIntake;
  const row = await db
    .select({ channel: i.channel, recipientDeputyId: i.recipientDeputyId, recipientDeputyName: schema.deputies.name })
    .from(i)
    .leftJoin(schema.deputies, eq(schema.deputies.id, i.recipientDeputyId))
    .where(eq(i.opinionId, opinionId))
    .get();
  return row ?? null;
}
