/**
 * Pages (分页): a definition is split at every section heading marked `newPage`, and a course
 * block marked `perDay` becomes one page per training day. Field names never change with the
 * split, so answers posted on any page, carried in hidden inputs or restored from a draft
 * always land on the same question. Pure module.
 */
import { type FormDefinition, isChoice, type Question } from './definition';
import { type Course, courseAspects, courseFieldName, isActive, otherFieldName, usableCourses } from './fields';
import { own } from './input';

/** One question as shown on one page; a course block may show only some courses there. */
export interface PageItem {
  question: Question;
  /** For a course block split by day: the courses of this page, and the day's number (1-based). */
  courses?: readonly Course[] | undefined;
  dayNumber?: number | undefined;
}

/** One page of the form. */
export interface FormPage {
  items: PageItem[];
}

function groupByDay(courses: readonly Course[]): Course[][] {
  const groups = new Map<string, Course[]>();
  for (const { course } of usableCourses(courses)) {
    const key = course.day ?? '';
    groups.set(key, [...(groups.get(key) ?? []), course]);
  }
  // Courses arrive in programme order, but sort by day anyway: the pages must follow the calendar.
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, list]) => list);
}

/**
 * The pages of a form for a training's courses. Inactive questions (course questions of a
 * training without courses) are left out; empty pages are dropped; there is always one page.
 */
export function formPages(definition: FormDefinition, courses?: readonly Course[] | undefined): FormPage[] {
  const pages: FormPage[] = [];
  let current: PageItem[] = [];
  const close = () => {
    if (current.length > 0) pages.push({ items: current });
    current = [];
  };
  for (const q of definition.questions) {
    if (!isActive(q, courses)) continue;
    if (q.type === 'section' && q.newPage) close();
    if (q.type === 'course_block' && q.perDay) {
      close();
      groupByDay(courses ?? []).forEach((list, i) => {
        pages.push({ items: [{ question: q, courses: list, dayNumber: i + 1 }] });
      });
      continue;
    }
    current.push({ question: q });
  }
  close();
  return pages.length > 0 ? pages : [{ items: [] }];
}

/** Every HTML name an item can post (answers, 其他 texts, course ratings, comments, 未参加). */
export function itemFieldNames(item: PageItem, allCourses?: readonly Course[] | undefined): string[] {
  const q = item.question;
  if (q.type === 'course_block') {
    const parts = [...courseAspects(q).map((a) => a.code), 'comment', 'absent'];
    return usableCourses(item.courses ?? allCourses).flatMap(({ id }) => parts.map((p) => courseFieldName(q.id, id, p)));
  }
  if (q.type === 'info' || q.type === 'section') return [];
  return isChoice(q) && q.other ? [q.id, otherFieldName(q.id)] : [q.id];
}

/** Whether an item (a question, or a course block's share of a page) owns an HTML field name. */
export function itemOwnsField(item: PageItem, field: string): boolean {
  const [qid, cid] = field.split('.');
  if (qid !== item.question.id) return false;
  if (item.question.type !== 'course_block' || !item.courses || cid === undefined) return true;
  return usableCourses(item.courses).some((c) => c.id === cid);
}

/** The index of the page holding a field, or 0 when no page does (a stale name). */
export function pageOfField(pages: readonly FormPage[], field: string): number {
  const i = pages.findIndex((p) => p.items.some((item) => itemOwnsField(item, field)));
  return Math.max(0, i);
}

/** Whether anything on the page is shown: a page of only hidden questions is skipped. */
export function pageShown(page: FormPage, hidden: ReadonlySet<string>): boolean {
  const shown = page.items.filter((item) => !hidden.has(item.question.id));
  if (shown.length === 0) return false;
  // A heading left alone by its hidden questions is no page; a page of text only is.
  const asks = (item: PageItem) => item.question.type !== 'section' && item.question.type !== 'info';
  return shown.some(asks) || !page.items.some(asks);
}

/**
 * The raw values of every field that is not on page `current`, as name/value pairs for
 * hidden inputs: the answers of the other pages travel with the form, so back and forward
 * keep them with JavaScript off and nothing is stored before the final submission (which
 * validates everything again, so a tampered hidden input gains nothing).
 */
export function carriedFields(
  pages: readonly FormPage[],
  current: number,
  body: Readonly<Record<string, unknown>>,
  courses?: readonly Course[] | undefined,
): [string, string][] {
  const out: [string, string][] = [];
  pages.forEach((page, i) => {
    if (i === current) return;
    for (const item of page.items) {
      for (const name of itemFieldNames(item, courses)) {
        const raw = own(body, name);
        for (const v of Array.isArray(raw) ? raw : [raw]) {
          if (typeof v === 'string' && v !== '') out.push([name, v]);
          else if (typeof v === 'number' && Number.isFinite(v)) out.push([name, String(v)]);
          else if (v === true) out.push([name, 'yes']);
        }
      }
    }
  });
  return out;
}
