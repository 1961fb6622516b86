/**
 * Mean rating per course as a horizontal bar chart. Only the Chart.js parts a bar chart
 * needs are imported (and only when the results are shown), so the page stays light; the
 * figures are also in the table beside it, which is what screen readers use.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n';

export interface CourseBar {
  label: string;
  mean: number | null;
}

export function CourseChart({ bars }: { bars: readonly CourseBar[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('./chart-setup').then(({ barChart }) => {
      if (cancelled || !canvas.current) return;
      chart = barChart(
        canvas.current,
        bars.map((b) => (b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label)),
        bars.map((b) => b.mean ?? 0),
        bars.map((b) => b.label),
      );
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [bars]);
  return (
    <figure class="tr-chart">
      <figcaption>{t('trainings.results.chart')}</figcaption>
      <div class="tr-chart-box" style={{ height: `${Math.max(160, bars.length * 34 + 40)}px` }}>
        <canvas ref={canvas} role="img" aria-label={t('trainings.results.chart')} />
      </div>
    </figure>
  );
}
