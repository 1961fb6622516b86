/** @jsxImportSource hono/jsx */
/**
 * What a resident needs to reach a station in person: its address, the days deputies
 * receive residents there (from the station's 排班) and a phone number to tap. Shown on the
 * station's opinion form, its poster and the tracking page. Deputies' names are not here:
 * the poster lists them, the form does not need them.
 */
import { and, eq, gte, isNull, or } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { type Locale, type MessageKey, t } from '../platform/i18n';
import { type DutyRuleSpec, describeRule, stationRules } from './schedule';

/** A station's contact block, ready to render. */
export interface StationContactInfo {
  address: string;
  phone: string;
  /** The station's current schedule rules (rendered in words by the page's locale). */
  rules: DutyRuleSpec[];
}

/** How many schedule lines the public pages list (a station with more shows the first ones). */
const MAX_LINES = 4;

/** One rule in words, e.g. "每月 15 日上午". */
export function ruleText(locale: Locale, spec: DutyRuleSpec): string {
  const words = describeRule(spec);
  const params = { ...words.params };
  if ('weekday' in params) params.weekday = t(locale, `weekday_${params.weekday}` as MessageKey);
  const when = t(locale, words.key, params);
  const period = t(locale, words.periodKey);
  return locale === 'en' ? `${period} ${when}` : `${when}${period}`;
}

/** The reception days in words ("每周三上午"), one per schedule line, without repeats. */
export function receptionDays(locale: Locale, rules: readonly DutyRuleSpec[]): string[] {
  return [...new Set(stationRules(rules).map((r) => ruleText(locale, r)))].slice(0, MAX_LINES);
}

/**
 * The station's address, phone and reception days as of `today`, found by id or by its
 * public code (the tracking page knows only the code).
 */
export async function stationContact(db: Database, station: number | string, today: string): Promise<StationContactInfo> {
  const ds = schema.dutySchedules;
  const s = schema.stations;
  const row = await db
    .select({ id: s.id, address: s.address, phone: s.phone })
    .from(s)
    .where(typeof station === 'number' ? eq(s.id, station) : eq(s.code, station))
    .get();
  if (!row) return { address: '', phone: '', rules: [] };
  const stationId = row.id;
  const rules = await db
    .select({
      rule: ds.rule,
      everyWeeks: ds.everyWeeks,
      dayOfMonth: ds.dayOfMonth,
      period: ds.period,
      startsOn: ds.startsOn,
      endsOn: ds.endsOn,
    })
    .from(ds)
    .where(and(eq(ds.stationId, stationId), eq(ds.active, true), or(isNull(ds.endsOn), gte(ds.endsOn, today))))
    .orderBy(ds.startsOn, ds.id)
    .all();
  // A dated duty that is over says nothing about when to come.
  const current = rules.filter((r) => r.rule !== 'dated' || r.startsOn >= today);
  return { address: row.address, phone: row.phone, rules: current };
}

/** A phone number as a `tel:` URI: digits and a leading + only (spaces and dashes are for reading). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** CSS of {@link StationContact}, appended to the page's. */
export const contactCss = `
.pg-contact{margin:0 0 1.25rem;padding:0;font-size:1rem}
.pg-contact div{display:flex;flex-wrap:wrap;gap:0 .5rem;padding:.25rem 0}
.pg-contact dt{font-weight:700;flex:0 0 auto}
.pg-contact dt::after{content:"："}
.pg-contact dd{margin:0;flex:1 1 12rem;overflow-wrap:anywhere}
.pg-tel{display:inline-block;padding:.25rem 0;font-weight:700;font-size:1.125rem}
`.trim();

/** The contact block: nothing at all when the station has none of the three. */
export function StationContact(props: { locale: Locale; contact: StationContactInfo }) {
  const { locale, contact } = props;
  const days = receptionDays(locale, contact.rules);
  if (!contact.address && !contact.phone && days.length === 0) return null;
  return (
    <dl class="pg-contact">
      {contact.address && (
        <div>
          <dt>{t(locale, 'station_address_label')}</dt>
          <dd>{contact.address}</dd>
        </div>
      )}
      <div>
        <dt>{t(locale, 'duty_days_label')}</dt>
        <dd>{days.length > 0 ? days.join(t(locale, 'duty_list_separator')) : t(locale, 'duty_days_none')}</dd>
      </div>
      {contact.phone && (
        <div>
          <dt>{t(locale, 'station_phone_label')}</dt>
          <dd>
            <a class="pg-tel" href={telHref(contact.phone)}>
              {contact.phone}
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The poster's lines: reception days and phone (the address is where the poster hangs). */
export function PosterContact(props: { locale: Locale; contact: StationContactInfo }) {
  const { locale, contact } = props;
  const days = receptionDays(locale, contact.rules);
  return (
    <section class="contact">
      <p>
        {t(locale, 'duty_days_label')}：
        {days.length > 0 ? days.join(t(locale, 'duty_list_separator')) : t(locale, 'duty_days_none')}
      </p>
      {contact.phone && (
        <p>
          {t(locale, 'station_phone_label')}：{contact.phone}
        </p>
      )}
    </section>
  );
}
