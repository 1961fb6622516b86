/**
 * The deadline colour and the state, each as a badge with words in it: colour alone would
 * be lost on colour-blind staff and on a grey-scale printout, so the text always says it.
 */
import { formatDate, t } from '../../i18n';
import { type Deadline, deadlineName, stateName } from './data';

const ICON: Record<Deadline, string> = { green: '●', yellow: '▲', red: '■' };

/** 正常 / 即将到期 / 已逾期, with the due date when there is one. */
export function DeadlineBadge({ deadline, dueOn }: { deadline: Deadline | null; dueOn: string | null }) {
  if (!deadline) return <span class="muted">—</span>;
  return (
    <span class="deadline-cell">
      <span class={`badge deadline deadline-${deadline}`}>
        <span aria-hidden="true">{ICON[deadline]} </span>
        {deadlineName(deadline)}
      </span>
      {dueOn ? <span class="due-on">{t('opinions.dueOn', { day: formatDate(dueOn) })}</span> : null}
    </span>
  );
}

/** Groups of states for the badge's tone: waiting, in progress, done, ended aside. */
function tone(state: string): string {
  if (state === 'pending' || state === 'review') return 'state-waiting';
  if (state === 'resolved' || state === 'closed') return 'state-done';
  if (state === 'rejected' || state === 'duplicate' || state === 'transferred') return 'state-aside';
  return 'state-progress';
}

export function StateBadge({ state }: { state: string }) {
  return <span class={`badge state ${tone(state)}`}>{stateName(state)}</span>;
}
