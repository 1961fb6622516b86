/** @jsxImportSource hono/jsx */
/**
 * The parts of a paged form around the fields: the progress line ("第 2 页，共 4 页"), the
 * hidden inputs carrying the other pages' answers, and the back / next (or submit) buttons.
 * "Next" comes first in the markup so that Enter in a text box goes forward, never back;
 * CSS puts "back" on the left.
 */
import { type Locale, msg } from './messages';
import { GO_FIELD, PAGE_FIELD } from './step';

/** The progress line; nothing for a one-page form. */
export function ProgressLine(props: { n: number; total: number; locale: Locale }) {
  if (props.total <= 1) return null;
  const pct = Math.round((props.n / props.total) * 100);
  return (
    <p class="lf-progress">
      {msg(props.locale, 'page_progress', { n: props.n, total: props.total })}
      <span class="lf-progress__bar" aria-hidden="true">
        <span style={`width:${pct}%`} />
      </span>
    </p>
  );
}

/** Hidden inputs: the current page and the answers given on the other pages. */
export function CarriedInputs(props: { page: number; carried: readonly [string, string][] }) {
  return (
    <>
      <input type="hidden" name={PAGE_FIELD} value={String(props.page)} />
      {props.carried.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** Back and next, or back and submit on the last page. */
export function PageButtons(props: { n: number; total: number; locale: Locale; submitLabel: string }) {
  const last = props.n >= props.total;
  return (
    <div class="lf-nav">
      <button type="submit" class="lf-button" name={GO_FIELD} value={last ? 'submit' : 'next'}>
        {last ? props.submitLabel : msg(props.locale, 'page_next')}
      </button>
      {props.n > 1 && (
        <button type="submit" class="lf-button lf-button--back" name={GO_FIELD} value="back">
          {msg(props.locale, 'page_back')}
        </button>
      )}
    </div>
  );
}
