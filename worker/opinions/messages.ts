/**
 * The workflow machine's refusal texts (worker/workflow/labels.ts) in the shape of the
 * Worker's message catalog, so an API error can carry the machine's own code
 * (`not_assigned_deputy`, `reply_required`, …) with its message in the request's language.
 * The catalogs spread these in; the text is written once, in labels.ts.
 */
import { ERROR_MESSAGES, type Locale } from '../workflow/labels';
import type { PlanErrorCode } from '../workflow/machine';

/** Every refusal code with its message in `locale`. */
export function refusalMessages(locale: Locale): Record<PlanErrorCode, string> {
  const out = {} as Record<PlanErrorCode, string>;
  for (const [code, label] of Object.entries(ERROR_MESSAGES) as [PlanErrorCode, (typeof ERROR_MESSAGES)[PlanErrorCode]][]) {
    out[code] = label[locale];
  }
  return out;
}
