/**
 * The opinion's progress: the 一听 / 二看 / 三议 / 四办 / 已办结 step bar, and the timeline
 * of everything done, with what residents read (答复) kept visibly apart from what they never
 * see (内部备注).
 */
import { formatDate, formatDateTime, getLocale, type PlainKey, t } from '../../i18n';
import { actionName, actorName, type OpinionDetail, ratingName, stateName, stepName, type TimelineEntry } from './data';

const STEP_MARK: Record<string, string> = { done: '✓', current: '●', todo: '○', skipped: '–' };
const STEP_STATUS: Record<string, PlainKey> = {
  done: 'opinions.step.done',
  current: 'opinions.step.current',
  todo: 'opinions.step.todo',
  skipped: 'opinions.step.skipped',
};

/** "11月26日" / "11/26": the step bar has little room, and the year is in the timeline below. */
function shortDate(epochMs: number): string {
  return new Intl.DateTimeFormat(getLocale(), { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }).format(
    new Date(epochMs),
  );
}

export function StepBar({ steps }: { steps: OpinionDetail['steps'] }) {
  if (steps.length === 0) return null;
  return (
    <ol class="step-bar" aria-label={t('opinions.steps')}>
      {steps.map((s) => (
        <li key={s.step} class={`step step-${s.status}`} aria-current={s.status === 'current' ? 'step' : undefined}>
          <span class="step-mark" aria-hidden="true">
            {STEP_MARK[s.status]}
          </span>
          <span class="step-name">{stepName(s.step)}</span>
          <span class="step-status">{t(STEP_STATUS[s.status] ?? 'opinions.step.todo')}</span>
          {s.at ? <span class="step-date">{shortDate(s.at)}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** The details an action recorded, as "label: value" lines. */
function Details({
  entry,
  names,
}: {
  entry: TimelineEntry;
  names: { deputies: Record<string, string>; codes: Record<string, string> };
}) {
  const d = entry.data as Record<string, unknown>;
  const lines: [string, string][] = [];
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const deputyOf = (v: unknown) => (typeof v === 'number' ? (names.deputies[v] ?? `#${v}`) : null);
  const add = (key: PlainKey, value: string | null) => {
    if (value) lines.push([t(key), value]);
  };
  add('opinions.detail.deputy', deputyOf(d.deputyId));
  add('opinions.detail.findings', str(d.findings));
  add('opinions.detail.lead', str(d.leadDepartment));
  if (Array.isArray(d.departments) && d.departments.length) add('opinions.detail.departments', d.departments.join('、'));
  add('opinions.detail.deadline', str(d.deadline) ? formatDate(d.deadline as string) : null);
  add('opinions.detail.transferTo', str(d.transferTo));
  add('opinions.detail.mergedInto', str(d.mergeTargetCode));
  add('opinions.detail.mergedFrom', typeof d.mergedFrom === 'number' ? (names.codes[d.mergedFrom] ?? `#${d.mergedFrom}`) : null);
  add('opinions.detail.rating', str(d.rating) ? ratingName(d.rating as string) : null);
  add('opinions.detail.comment', str(d.comment));
  if (lines.length === 0) return null;
  return (
    <dl class="event-details">
      {lines.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

type Photo = OpinionDetail['photos'][number];

/** Thumbnails that open the full photo (served behind the session, so only for those allowed). */
export function Photos({ photos }: { photos: readonly Photo[] }) {
  if (photos.length === 0) return null;
  return (
    <ul class="photos" aria-label={t('opinions.field.photos')}>
      {photos.map((p, i) => (
        <li key={p.id}>
          <a href={p.url} target="_blank" rel="noopener">
            <img src={p.url} alt={t('opinions.photoAlt', { n: i + 1 })} loading="lazy" width={96} height={96} />
          </a>
        </li>
      ))}
    </ul>
  );
}

export function Timeline({ detail }: { detail: OpinionDetail }) {
  const names = { deputies: detail.deputyNames as Record<string, string>, codes: detail.mergedFrom as Record<string, string> };
  return (
    <ol class="timeline">
      {detail.timeline.map((e) => (
        <li key={e.id} class="event">
          <div class="event-head">
            <strong>{actionName(e.action)}</strong>
            {e.fromState && e.fromState !== e.toState ? (
              <span class="event-states">
                {stateName(e.fromState)} → {stateName(e.toState)}
              </span>
            ) : null}
          </div>
          <div class="event-meta muted">
            <time>{formatDateTime(e.at)}</time> · {actorName(e.actorLabel)}
          </div>
          <Details entry={e} names={names} />
          <Photos photos={detail.photos.filter((p) => p.eventId === e.id)} />
          {e.publicReply ? (
            <div class="reply reply-public">
              <span class="reply-label">{t('opinions.publicReply')}</span>
              <p>{e.publicReply}</p>
            </div>
          ) : null}
          {e.internalNote ? (
            <div class="reply reply-internal">
              <span class="reply-label">{t('opinions.internalNote')}</span>
              <p>{e.internalNote}</p>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
