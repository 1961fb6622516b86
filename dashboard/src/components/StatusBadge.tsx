/** 在用 / 已停用, as text (never colour alone). */
import { t } from '../i18n';

export function StatusBadge({ active }: { active: boolean }) {
  return (
    <span class={`badge ${active ? 'badge-active' : 'badge-inactive'}`}>{t(active ? 'common.active' : 'common.inactive')}</span>
  );
}
