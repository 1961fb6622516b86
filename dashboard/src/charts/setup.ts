/**
 * Chart.js, registered piece by piece: only the controllers, elements, scales and plugins the
 * dashboard draws with are bundled (never `chart.js/auto`). Bars only: Chart.js's core is
 * ~47 KB gzip already, lines would add ~5 KB and its canvas legend ~3 KB, so the weekly series
 * is drawn as bars and legends are HTML (ChartCanvas), which screen readers can read anyway.
 * Defaults follow the app's type and colours.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const root = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
Chart.defaults.font.family = root?.fontFamily || 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif';
Chart.defaults.color = '#334155';
Chart.defaults.borderColor = '#e2e8f0';
Chart.defaults.maintainAspectRatio = false;
// No growing bars: leaders read figures, and a chart caught mid-animation (a screenshot, a
// print, a wall screen refreshing) would show wrong lengths.
Chart.defaults.animation = false;

export { Chart };
