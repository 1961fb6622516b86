/**
 * The Chart.js pieces a horizontal bar chart needs, and nothing else (named imports, so the
 * bundler drops the rest of the library). Loaded on demand by CourseChart.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Draws mean ratings (1–5) as horizontal bars; `titles` are the full labels for the tooltip. */
export function barChart(canvas: HTMLCanvasElement, labels: string[], values: number[], titles: string[]): { destroy(): void } {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [{ data: values, backgroundColor: '#1d3a5f', borderRadius: 3, maxBarThickness: 22 }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { min: 1, max: 5, ticks: { stepSize: 1 } }, y: { ticks: { autoSkip: false } } },
      plugins: { tooltip: { callbacks: { title: (items) => titles[items[0]?.dataIndex ?? 0] ?? '' } } },
    },
  });
}
