/**
 * Pieces the roster pages share: the township list, option lists for enum fields, the
 * read-only note for leaders, and the deactivate/reactivate button.
 */
import { useState } from 'preact/hooks';
import { ApiError, call, client, type Township } from '../../api';
import type { Option } from '../../components/Field';
import { type EnumPrefix, t, tEnum } from '../../i18n';
import { type Resource, useResource } from '../../use-resource';

export const TOWNSHIP_KINDS = ['township', 'town', 'subdistrict'] as const;
export const STATION_KINDS = ['station', 'room'] as const;
export const HOST_TYPES = ['township', 'community', 'enterprise', 'project_site', 'industrial_chain', 'household'] as const;
export const LEVELS = ['district', 'township'] as const;

/** Every township, for filters and forms (a district has 10–20; a province ~100). */
export function useTownships(): Resource<Township[]> {
  return useResource(() => call(client.api.townships.$get()).then((r) => r.items), []);
}

/** Options for an enum field, translated; `all` adds a leading "全部" with value ''. */
export function enumOptions(prefix: EnumPrefix, values: readonly string[], all = false): Option[] {
  const options = values.map((value) => ({ value, label: tEnum(prefix, value) }));
  return all ? [{ value: '', label: t('common.all') }, ...options] : options;
}

/** Township options; inactive townships stay listed (old records point at them) but marked. */
export function townshipOptions(townships: readonly Township[] | undefined, first?: Option): Option[] {
  const options = (townships ?? []).map((tw) => ({
    value: String(tw.id),
    label: tw.active ? tw.name : `${tw.name}（${t('common.inactive')}）`,
  }));
  return first ? [first, ...options] : options;
}

/** The 状态 filter: active only (default), inactive only, or all. */
export function activeOptions(): Option[] {
  return [
    { value: 'true', label: t('common.active') },
    { value: 'false', label: t('common.inactive') },
    { value: 'all', label: t('common.all') },
  ];
}

/** Reads the 状态 filter from the URL: missing means active only. */
export function activeParam(value: string | undefined): 'true' | 'false' | undefined {
  if (value === 'all') return undefined;
  return value === 'false' ? 'false' : 'true';
}

export function ReadOnlyNote() {
  return <p class="readonly-note">{t('common.readOnly')}</p>;
}

interface ToggleActiveProps {
  name: string;
  active: boolean;
  /** Sends the PATCH; the caller reloads its list afterwards. */
  save: (active: boolean) => Promise<unknown>;
  onDone: (error: ApiError | null) => void;
}

/** 停用 (after a confirmation: it hides the record from daily lists) or 重新启用. */
export function ToggleActive({ name, active, save, onDone }: ToggleActiveProps) {
  const [busy, setBusy] = useState(false);
  async function toggle() {
    if (active && !window.confirm(t('common.confirmDeactivate', { name }))) return;
    setBusy(true);
    try {
      await save(!active);
      onDone(null);
    } catch (err) {
      onDone(err instanceof ApiError ? err : new ApiError(0, 'unknown', t('error.unknown')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <button
      type="button"
      class={active ? 'btn btn-danger btn-small' : 'btn btn-secondary btn-small'}
      disabled={busy}
      onClick={toggle}
      aria-label={`${t(active ? 'common.deactivate' : 'common.reactivate')}：${name}`}
    >
      {t(active ? 'common.deactivate' : 'common.reactivate')}
    </button>
  );
}

interface RowActionsProps extends ToggleActiveProps {
  onEdit: () => void;
}

/** The actions cell of a roster row: 编辑 and 停用/重新启用, both named after the record for screen readers. */
export function RowActions({ onEdit, ...toggle }: RowActionsProps) {
  return (
    <td class="actions">
      <button
        type="button"
        class="btn btn-secondary btn-small"
        onClick={onEdit}
        aria-label={`${t('common.edit')}：${toggle.name}`}
      >
        {t('common.edit')}
      </button>
      <ToggleActive {...toggle} />
    </td>
  );
}
