/**
 * The departments' side of an opinion on its item page: who has it (牵头 / 协办) and in what
 * standing, the 签收 deadline, a 退回 reason, the pending 延期 request or 办复, whether the
 * answer is published directly, and — said plainly — who may see the resident's contact.
 */
import { formatDate, t } from '../../i18n';
import type { OpinionDetail } from '../opinions/data';

export function HandlingPanel({ detail }: { detail: OpinionDetail }) {
  const h = detail.handling;
  if (h.assignments.length === 0) return null;
  const who = [...(h.contactVisibleTo.deputy ? [t('handling.contact.deputy')] : []), t('handling.contact.staff')].join('、');
  return (
    <section class="panel handling" aria-labelledby="handling-title">
      <h2 id="handling-title">{t('handling.title')}</h2>
      {detail.opinion.escalated ? <p class="badge badge-red">{t('handling.escalated')}</p> : null}
      <ul class="handling-list">
        {h.assignments.map((a) => (
          <li key={`${a.departmentId}-${a.assignedAt}`}>
            <strong>{a.departmentName}</strong>{' '}
            <span class="badge">{t(a.role === 'lead' ? 'handling.role.lead' : 'handling.role.co')}</span>{' '}
            <span class={`badge status-${a.status}`}>{t(`handling.status.${a.status}` as 'handling.status.signed')}</span>
            {a.status === 'assigned' && a.signDueOn ? (
              <span class={`muted deadline-${a.signDeadline ?? 'green'}`}>
                {' '}
                {t('handling.signBy', { day: formatDate(a.signDueOn) })}
              </span>
            ) : null}
            {a.returnReason ? <p class="muted">{t('handling.returnReason', { reason: a.returnReason })}</p> : null}
          </li>
        ))}
      </ul>
      {h.pendingExtension ? (
        <p class="notice-inline">{t('handling.pendingExtension', { day: formatDate(h.pendingExtension.requestedDueOn) })}</p>
      ) : null}
      {h.pendingAnswer ? (
        <div class="pending-answer">
          <p>
            <strong>{t('handling.pendingAnswer')}</strong>
          </p>
          <p class="reply-text">{h.pendingAnswer}</p>
        </div>
      ) : null}
      <p class="hint">{t(h.answerNeedsAcceptance ? 'handling.review' : 'handling.direct')}</p>
      <p class="hint">
        {t('handling.contact', { who })}
        {h.contactVisibleTo.departments.length
          ? t('handling.contactShared', { names: h.contactVisibleTo.departments.join('、') })
          : ''}
      </p>
    </section>
  );
}
