/**
 * A chart with its title, an optional note, loading and empty states, and a 查看数据表 toggle
 * that shows the same numbers as a table. The table is always in the page for print (see
 * overview.css), and the toggle says whether it is open (aria-expanded).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';

export interface ChartCardProps {
  id: string;
  title: string;
  note?: ComponentChildren;
  loading?: boolean;
  empty?: boolean;
  /** The chart (shown unless loading or empty). */
  chart: ComponentChildren;
  /** The data table (rendered always, hidden until toggled on screen). */
  table: ComponentChildren;
  /** Wide cards span the whole grid row. */
  wide?: boolean;
  /** Wide cards only: the note beside the chart instead of above it (short cards). */
  split?: boolean;
}

export function ChartCard({ id, title, note, loading, empty, chart, table, wide, split }: ChartCardProps) {
  const [showTable, setShowTable] = useState(false);
  const classes = ['chart-card', wide ? 'wide' : '', split ? 'split' : ''].filter(Boolean).join(' ');
  return (
    <section class={classes} aria-labelledby={`${id}-title`} aria-busy={loading ? true : undefined}>
      <div class="chart-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button
          type="button"
          class="btn btn-quiet btn-small no-print"
          aria-expanded={showTable}
          aria-controls={`${id}-table`}
          onClick={() => setShowTable(!showTable)}
        >
          {t(showTable ? 'chart.hideTable' : 'chart.showTable')}
        </button>
      </div>
      {note ? <div class="chart-note">{note}</div> : null}
      {loading ? (
        <p class="chart-state" role="status">
          {t('common.loading')}
        </p>
      ) : empty ? (
        <p class="chart-state empty">{t('chart.empty')}</p>
      ) : (
        <div class={showTable ? 'chart-body with-table' : 'chart-body'}>{chart}</div>
      )}
      <div id={`${id}-table`} class="chart-table" hidden={!showTable}>
        {table}
      </div>
    </section>
  );
}
