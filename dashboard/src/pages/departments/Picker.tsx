/**
 * Picking 承办单位 in the 三议 and 改派 forms: one lead from a filterable list, and any number
 * of co-departments as checkboxes under the same filter. A plain select and checkboxes keep
 * it usable on a phone and with a screen reader; the filter makes 50 bodies quick to find.
 */
import { useState } from 'preact/hooks';
import { FieldFrame, SelectField, TextField } from '../../components/Field';
import { t } from '../../i18n';

/** A department as the picker needs it (GET /api/departments). */
export interface PickableDepartment {
  id: number;
  name: string;
  shortName: string;
  kind: string;
}

/** The kind's name in the catalog. */
export const KIND_KEYS = {
  district_agency: 'dept.kind.district_agency',
  township_government: 'dept.kind.township_government',
  utility: 'dept.kind.utility',
  enterprise: 'dept.kind.enterprise',
  other: 'dept.kind.other',
} as const;
export const kindName = (k: string): string => t(KIND_KEYS[k as keyof typeof KIND_KEYS] ?? 'dept.kind.other');

function matches(d: PickableDepartment, filter: string): boolean {
  const f = filter.trim();
  return f === '' || d.name.includes(f) || d.shortName.includes(f);
}

interface Props {
  id: string;
  departments: readonly PickableDepartment[];
  lead: string;
  onLead: (value: string) => void;
  co: readonly string[];
  onCo: (values: string[]) => void;
  leadError?: string;
  coError?: string;
  /** Whether co-departments are offered at all. */
  withCo: boolean;
}

/** The lead select and the co-department checkboxes, filtered by one search box. */
export function DepartmentPicker(props: Props) {
  const [filter, setFilter] = useState('');
  const shown = props.departments.filter(
    (d) => matches(d, filter) || String(d.id) === props.lead || props.co.includes(String(d.id)),
  );
  const label = (d: PickableDepartment) => `${d.name}（${kindName(d.kind)}）`;
  return (
    <div class="dept-picker">
      <TextField
        id={`${props.id}-filter`}
        label={t('dept.pick.filter')}
        value={filter}
        onValue={setFilter}
        type="search"
        optional
        autoComplete="off"
      />
      <SelectField
        id={`${props.id}-lead`}
        label={t('dept.pick.lead')}
        value={props.lead}
        onValue={props.onLead}
        error={props.leadError}
        options={[{ value: '', label: t('dept.pick.choose') }, ...shown.map((d) => ({ value: String(d.id), label: label(d) }))]}
      />
      {props.withCo ? (
        <FieldFrame id={`${props.id}-co`} label={t('dept.pick.co')} hint={t('dept.pick.coHint')} error={props.coError} optional>
          <fieldset class="dept-checks" id={`${props.id}-co`}>
            {shown
              .filter((d) => String(d.id) !== props.lead)
              .map((d) => {
                const value = String(d.id);
                const checked = props.co.includes(value);
                return (
                  <label key={value} class="dept-check">
                    <input
                      type="checkbox"
                      value={value}
                      checked={checked}
                      onChange={() => props.onCo(checked ? props.co.filter((v) => v !== value) : [...props.co, value])}
                    />{' '}
                    {label(d)}
                  </label>
                );
              })}
          </fieldset>
        </FieldFrame>
      ) : null}
    </div>
  );
}
