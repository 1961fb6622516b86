/**
 * The table behind GET /api/opinions/export.csv and .xlsx: one row per opinion of the
 * filtered list, with every step's timestamp as a column. Writing CSV/XLSX (BOM, quoting,
 * formula neutralising) is worker/platform/export's job; this module only decides the cells.
 */
import { maskPhone } from '../platform/auth/guard';
import type { SessionUser } from '../platform/auth/session';
import type { Locale } from '../platform/i18n';
import type { Calendar } from '../workflow/calendar';
import { DEADLINE_LABELS, RATING_LABELS, STATE_LABELS } from '../workflow/labels';
import { isOpinionState, isRating, type OpinionState } from '../workflow/states';
import { isHandler } from './access';
import { deadlineOf } from './deadlines';
import { categoryName, jsonStrings } from './present';
import type { ExportRow } from './queries';

/** The states whose entry time gets a column, in the order an opinion normally reaches them. */
export const STEP_COLUMNS: readonly OpinionState[] = [
  'listening',
  'viewing',
  'deliberating',
  'handling',
  'resolved',
  'review',
  'closed',
  'rejected',
  'duplicate',
  'transferred',
];

type Row = ExportRow;
type Cell = string | number | null;

const H: Record<string, Record<Locale, string>> = {
  code: { 'zh-CN': '编号', en: 'Tracking code' },
  township: { 'zh-CN': '乡镇（街道）', en: 'Township' },
  station: { 'zh-CN': '联络站', en: 'Liaison station' },
  category: { 'zh-CN': '类别', en: 'Category' },
  state: { 'zh-CN': '状态', en: 'State' },
  deadline: { 'zh-CN': '期限状态', en: 'Deadline status' },
  dueOn: { 'zh-CN': '办理期限', en: 'Due on' },
  body: { 'zh-CN': '意见内容', en: 'Opinion' },
  place: { 'zh-CN': '地点', en: 'Place' },
  reporter: { 'zh-CN': '反映人', en: 'Reporter' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  deputy: { 'zh-CN': '负责代表', en: 'Deputy' },
  lead: { 'zh-CN': '牵头单位', en: 'Lead department' },
  departments: { 'zh-CN': '配合单位', en: 'Co-departments' },
  transferredTo: { 'zh-CN': '转办单位', en: 'Transferred to' },
  mergedInto: { 'zh-CN': '合并到', en: 'Merged into' },
  selfHandled: { 'zh-CN': '代表自行办理', en: 'Handled by the deputy' },
  received: { 'zh-CN': '收到时间', en: 'Received at' },
  rating: { 'zh-CN': '评价', en: 'Rating' },
  ratingComment: { 'zh-CN': '评价意见', en: 'Rating comment' },
  ratedAt: { 'zh-CN': '评价时间', en: 'Rated at' },
  reopenCount: { 'zh-CN': '重新办理次数', en: 'Times reopened' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
};

/** 'YYYY-MM-DD HH:mm' in China time: what staff expect to read in a spreadsheet. */
export function chinaDateTime(epochMs: number | null): string | null {
  if (epochMs === null) return null;
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Header of a step's timestamp column, e.g. 一听时间 / "Listen at". */
function stepHeader(state: OpinionState, locale: Locale): string {
  const name = STATE_LABELS[state][locale];
  return locale === 'en' ? `${name} at` : `${name}时间`;
}

export interface ExportContext {
  user: SessionUser;
  locale: Locale;
  calendar: Calendar;
  today: string;
  steps: Map<number, Map<string, number>>;
}

/** The phone column exists only for users who handle opinions; leaders' exports have none. */
function withPhones(ctx: Pick<ExportContext, 'user'>): boolean {
  return ctx.user.role !== 'leader';
}

/** The header row, in the user's language. */
export function exportHeader(ctx: Pick<ExportContext, 'user' | 'locale'>): Cell[] {
  const { locale } = ctx;
  const h = (key: string) => H[key]![locale];
  return [
    h('code'),
    h('township'),
    h('station'),
    h('category'),
    h('state'),
    h('deadline'),
    h('dueOn'),
    h('body'),
    h('place'),
    h('reporter'),
    ...(withPhones(ctx) ? [h('phone')] : []),
    h('deputy'),
    h('lead'),
    h('departments'),
    h('transferredTo'),
    h('mergedInto'),
    h('selfHandled'),
    h('received'),
    ...STEP_COLUMNS.map((s) => stepHeader(s, locale)),
    h('rating'),
    h('ratingComment'),
    h('ratedAt'),
    h('reopenCount'),
  ];
}

/** One opinion's cells, in the order of {@link exportHeader}. */
export function exportRow(r: Row, ctx: ExportContext): Cell[] {
  const { locale } = ctx;
  const h = (key: string) => H[key]![locale];
  const colour = deadlineOf(ctx.calendar, r.state, r.dueOn, ctx.today);
  const steps = ctx.steps.get(r.id);
  const phone = isHandler(ctx.user, r) ? r.reporterPhone : maskPhone(r.reporterPhone);
  return [
    r.trackingCode,
    r.townshipName,
    r.stationName,
    categoryName(r.category, r.categoryZh, r.categoryEn, locale),
    isOpinionState(r.state) ? STATE_LABELS[r.state][locale] : r.state,
    colour ? DEADLINE_LABELS[colour][locale] : null,
    colour ? r.dueOn : null,
    r.body,
    r.place,
    r.reporterName,
    ...(withPhones(ctx) ? [phone] : []),
    r.assignedDeputyName,
    r.leadDepartment,
    jsonStrings(r.departments).join('、'),
    r.transferredTo,
    r.mergedIntoCode,
    r.selfHandled ? h('yes') : h('no'),
    chinaDateTime(r.receivedAt),
    ...STEP_COLUMNS.map((s) => chinaDateTime(steps?.get(s) ?? null)),
    r.rating && isRating(r.rating) ? RATING_LABELS[r.rating][locale] : null,
    r.ratingComment,
    chinaDateTime(r.ratedAt),
    r.reopenCount,
  ];
}

/** Header plus one row per opinion (the whole table at once; exports stream, see ./export-pages.ts). */
export function exportTable(rows: readonly Row[], ctx: ExportContext): Cell[][] {
  return [exportHeader(ctx), ...rows.map((r) => exportRow(r, ctx))];
}

/** `attachment` with an ASCII fallback name and the Chinese one for browsers that read RFC 5987. */
export function attachment(base: string, localName: string, ext: 'csv' | 'xlsx'): string {
  return `attachment; filename="${base}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${localName}.${ext}`)}`;
}
