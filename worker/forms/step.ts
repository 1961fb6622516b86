/**
 * One step of a paged form posted without JavaScript: the hidden `_page` names the page the
 * person was on and the button pressed sends `_go` (back / next / submit). Back keeps every
 * answer and checks nothing; next checks that page alone; submit (or a post with no `_page`,
 * as an API client or an old cached page sends) checks the whole form. Pure module.
 */
import type { FormDefinition } from './definition';
import { own, scalar } from './input';
import { type FormPage, formPages, pageOfField, pageShown } from './pages';
import { type Answers, type FieldError, readAnswers, type ValidationContext, validateAnswers, validatePage } from './validate';

/** Name of the hidden input holding the current page's index. */
export const PAGE_FIELD = '_page';
/** Name of the navigation buttons. */
export const GO_FIELD = '_go';

/** What to do with a post: show a page (again, or the next/previous one), or store the answers. */
export type StepOutcome =
  | { kind: 'page'; page: number; errors: FieldError[]; status: 200 | 422 }
  | { kind: 'complete'; values: Answers };

/** The page indexes that are shown, given what has been answered so far. */
export function shownPages(pages: readonly FormPage[], hidden: ReadonlySet<string>): number[] {
  const shown = pages.flatMap((p, i) => (pageShown(p, hidden) ? [i] : []));
  return shown.length > 0 ? shown : [0];
}

/** Progress for the "第 2 页，共 4 页" line: the position among shown pages (1-based) and their count. */
export function pageProgress(shown: readonly number[], page: number): { n: number; total: number } {
  const at = shown.indexOf(page);
  return { n: at < 0 ? 1 : at + 1, total: shown.length };
}

/** The first page to show on a fresh visit. */
export function firstPage(definition: FormDefinition, ctx: ValidationContext = {}): number {
  const pages = formPages(definition, ctx.courses);
  return shownPages(pages, readAnswers(definition, {}, ctx).hidden)[0] ?? 0;
}

/** Decides what a posted body leads to. Never throws. */
export function formStep(definition: FormDefinition, body: unknown, ctx: ValidationContext = {}): StepOutcome {
  const pages = formPages(definition, ctx.courses);
  const rawPage = scalar(own(body, PAGE_FIELD));
  const go = scalar(own(body, GO_FIELD));
  const submitAll = (): StepOutcome => {
    const result = validateAnswers(definition, body, ctx);
    if (result.ok) return { kind: 'complete', values: result.values };
    // Back to the page of the first problem, with only that page's messages on it.
    const page = pageOfField(pages, result.errors[0]?.field ?? '');
    const errors = validatePage(definition, body, page, ctx);
    return { kind: 'page', page, errors: errors.length > 0 ? errors : result.errors, status: 422 };
  };
  const index = typeof rawPage === 'string' && /^\d{1,3}$/.test(rawPage) ? Number(rawPage) : null;
  if (index === null || index >= pages.length || pages.length === 1) return submitAll();

  const shown = shownPages(pages, readAnswers(definition, body, ctx).hidden);
  if (go === 'back') {
    const before = shown.filter((i) => i < index);
    return { kind: 'page', page: before[before.length - 1] ?? shown[0] ?? 0, errors: [], status: 200 };
  }
  const errors = validatePage(definition, body, index, ctx);
  if (errors.length > 0) return { kind: 'page', page: index, errors, status: 422 };
  const after = shown.find((i) => i > index);
  if (go === 'next' && after !== undefined) return { kind: 'page', page: after, errors: [], status: 200 };
  // "Next" on what has become the last page, or "submit": check everything and store.
  return submitAll();
}
