/**
 * The overview's filters. Every change goes straight into the URL (the page reads its filters
 * from there), so the browser's back button, bookmarks and shared links all work. Township
 * staff have their township fixed.
 */
import { useEffect, useState } from 'preact/hooks';
import { SelectField, type Option } from '../../components/Field';
import { getLocale, t, tEnum } from '../../i18n';
import { formatLongDay } from '../../charts/format';
import { type OverviewFilters, PERIODS } from './filters';
import type { OverviewData } from './types';

interface Props {
  filters: OverviewFilters;
  data: OverviewData | undefined;
  lockedTownship: number | null;
  onChange: (changes: Partial<OverviewFilters>) => void;
}

function DateField({ id, label, value, onValue }: { id: string; label: string; value: string; onValue: (v: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} name={id} type="date" value={value} onChange={(e) => onValue(e.currentTarget.value)} />
    </div>
  );
}

export function FilterBar({ filters, data, lockedTownship, onChange }: Props) {
  // Custom dates are applied together (one request, one history entry), not field by field.
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  useEffect(() => {
    setFrom(filters.from);
    setTo(filters.to);
  }, [filters.from, filters.to]);

  const all: Option = { value: '', label: t('common.all') };
  const townships: Option[] = [all, ...(data?.townships ?? []).map((tw) => ({ value: String(tw.id), label: tw.name }))];
  const categories: Option[] = [
    all,
    ...(data?.categories ?? []).map((c) => ({ value: c.code, label: getLocale() === 'en' ? c.nameEn || c.nameZh : c.nameZh })),
  ];
  const trainings: Option[] = [
    { value: '', label: t('overview.filter.latestTraining') },
    ...(data?.trainings ?? []).map((tr) => ({ value: String(tr.id), label: `${tr.title}（${formatLongDay(tr.startsOn)}）` })),
  ];
  const periods: Option[] = PERIODS.map((p) => ({ value: p, label: t(`overview.period.${p}`) }));

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for the WebViews staff use; the role works everywhere.
    <form
      class="panel filters overview-filters no-print"
      role="search"
      aria-label={t('filter.title')}
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ period: 'custom', from, to });
      }}
    >
      <SelectField
        id="ov-period"
        label={t('overview.filter.period')}
        value={filters.period}
        onValue={(v) => onChange({ period: v as OverviewFilters['period'] })}
        options={periods}
      />
      {filters.period === 'custom' ? (
        <>
          <DateField id="ov-from" label={t('overview.filter.from')} value={from} onValue={setFrom} />
          <DateField id="ov-to" label={t('overview.filter.to')} value={to} onValue={setTo} />
          <div class="form-actions">
            <button type="submit" class="btn">
              {t('overview.filter.apply')}
            </button>
          </div>
        </>
      ) : null}
      <SelectField
        id="ov-township"
        label={t('filter.township')}
        value={lockedTownship !== null ? String(lockedTownship) : filters.townshipId}
        onValue={(v) => onChange({ townshipId: v })}
        options={townships}
        disabled={lockedTownship !== null}
      />
      <SelectField
        id="ov-level"
        label={t('overview.filter.level')}
        hint={t('overview.filter.levelHint')}
        value={filters.level}
        onValue={(v) => onChange({ level: v })}
        options={[
          all,
          { value: 'district', label: tEnum('level', 'district') },
          { value: 'township', label: tEnum('level', 'township') },
        ]}
      />
      <SelectField
        id="ov-category"
        label={t('overview.filter.category')}
        hint={t('overview.filter.categoryHint')}
        value={filters.category}
        onValue={(v) => onChange({ category: v })}
        options={categories}
      />
      <SelectField
        id="ov-training"
        label={t('overview.filter.training')}
        value={filters.trainingId}
        onValue={(v) => onChange({ trainingId: v })}
        options={trainings}
      />
    </form>
  );
}
