/**
 * One Chart.js bar chart on a canvas (vertical or horizontal, grouped or stacked), with an
 * HTML legend. The canvas is an image to assistive technology, named by `label`; the numbers
 * themselves are in the card's data table. A click on a bar (anywhere along its row) reports
 * its index, so a township's bar can open that township's list.
 *
 * Chart.js (about 50 KB gzip, the largest part of the overview) is loaded on demand: the
 * page's figures, filters, legends and data tables paint first, the canvas fills in when the
 * library arrives. See {@link loadChartJs}.
 */
import type { Chart, ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { formatCompact, formatCount } from './format';

let chartJs: Promise<typeof import('./setup')> | null = null;

/**
 * Chart.js with the app's registrations and defaults (./setup), fetched once and shared by
 * every chart; a failed fetch (a flaky network) is retried by the next chart that asks.
 */
export function loadChartJs(): Promise<typeof import('./setup')> {
  chartJs ??= import('./setup').catch((err: unknown) => {
    chartJs = null;
    throw err;
  });
  return chartJs;
}

export interface Series {
  label: string;
  data: readonly (number | null)[];
  color: string;
}

export interface ChartCanvasProps {
  labels: readonly string[];
  series: readonly Series[];
  /** Accessible name of the image, e.g. "各乡镇意见办理情况（条形图）". */
  label: string;
  /** Pixels; bar charts with many categories should grow with them. */
  height: number;
  horizontal?: boolean;
  stacked?: boolean;
  /** Values are fractions shown as percentages (axis 0–100 %). */
  percent?: boolean;
  /** Formats a value in tooltips. */
  format?: (value: number) => string;
  /** Called with the index of the clicked category (bar row / column) and of the series (segment). */
  onSelect?: (index: number, series: number) => void;
}

function config(p: ChartCanvasProps): ChartConfiguration<'bar', (number | null)[], string> {
  const format = p.format ?? formatCount;
  const valueAxis = {
    beginAtZero: true,
    stacked: p.stacked ?? false,
    ...(p.percent ? { max: 1 } : {}),
    ticks: {
      precision: 0,
      callback: (v: string | number) => (p.percent ? `${Math.round(Number(v) * 100)}%` : formatCompact(Number(v))),
    },
  };
  // Long weekly series thin out their labels; township and category names are all shown.
  const categoryAxis = { stacked: p.stacked ?? false, grid: { display: false }, ticks: { autoSkip: !p.horizontal } };
  return {
    type: 'bar',
    data: {
      labels: [...p.labels],
      datasets: p.series.map((s) => ({
        label: s.label,
        data: [...s.data],
        backgroundColor: s.color,
        borderColor: s.color,
        borderWidth: 0,
        maxBarThickness: 28,
      })),
    },
    options: {
      indexAxis: p.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false, axis: p.horizontal ? 'y' : 'x' },
      scales: p.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        tooltip: {
          callbacks: {
            label: (ctx) =>
              `${ctx.dataset.label ?? ''}：${ctx.parsed[p.horizontal ? 'x' : 'y'] === null ? '—' : format(Number(ctx.parsed[p.horizontal ? 'x' : 'y']))}`,
          },
        },
      },
      onClick: p.onSelect
        ? (_event, elements) => {
            const first = elements[0];
            if (first) p.onSelect?.(first.index, first.datasetIndex);
          }
        : undefined,
      onHover: p.onSelect
        ? (event, elements) => {
            const target = event.native?.target;
            if (target instanceof HTMLElement) target.style.cursor = elements.length ? 'pointer' : 'default';
          }
        : undefined,
    },
  };
}

export function ChartCanvas(props: ChartCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  // The latest props, for the click handler of a chart created earlier.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!canvas.current) return;
    const cfg = config({ ...props, onSelect: props.onSelect ? (i, series) => latest.current.onSelect?.(i, series) : undefined });
    let live = true;
    loadChartJs()
      .then(({ Chart }) => {
        // The effect may have been cleaned up (new data, page left) while Chart.js loaded.
        if (!live || !canvas.current) return;
        chart.current?.destroy();
        chart.current = new Chart(canvas.current, cfg);
      })
      .catch(() => {
        // No chart without the library; the card's data table still carries every figure.
      });
    return () => {
      live = false;
      chart.current?.destroy();
      chart.current = null;
    };
    // Rebuilt when what is drawn changes; a new onSelect closure alone does not redraw.
  }, [JSON.stringify(props.labels), JSON.stringify(props.series), props.horizontal, props.stacked, props.percent]);

  return (
    <>
      {props.series.length > 1 ? (
        <ul class="chart-legend">
          {props.series.map((s) => (
            <li key={s.label}>
              <span class="swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="chart-canvas" style={{ height: `${props.height}px` }}>
        <canvas ref={canvas} role="img" aria-label={props.label}>
          {props.label}
        </canvas>
      </div>
    </>
  );
}
