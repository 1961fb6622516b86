/**
 * Lighthouse (the npm package) against a page, with its default mobile preset: a mid-range
 * phone's screen, 4× CPU slowdown and a slow 4G connection, simulated from one real load.
 * It drives the same Debian Chromium through a DevTools port; nothing leaves the machine.
 */
import lighthouse from 'lighthouse';
import { freePort } from '../../scripts/lib/server';
import { launchChromium } from './browser';

export interface LighthouseResult {
  /** Performance score, 0–100. */
  performance: number;
  /** Largest Contentful Paint, ms (simulated). */
  lcpMs: number;
  /** Total Blocking Time, ms (simulated): where a busy machine shows first. */
  tbtMs: number;
  /** Lighthouse's CPU benchmark of this machine at the time (a quiet desktop scores 1,000+). */
  benchmarkIndex: number;
  /** Lighthouse's own warnings (e.g. a busy CPU), to print beside the figures. */
  warnings: string[];
}

/** Runs Lighthouse's performance category on `url` with the mobile preset. */
export async function lighthouseMobile(url: string): Promise<LighthouseResult> {
  const port = await freePort();
  const browser = await launchChromium([`--remote-debugging-port=${port}`]);
  try {
    // No config: Lighthouse's default *is* the mobile preset (formFactor 'mobile', simulated throttling).
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = lhr.categories.performance?.score;
    const lcp = lhr.audits['largest-contentful-paint']?.numericValue;
    if (score === null || score === undefined || lcp === undefined)
      throw new Error('Lighthouse gave no performance score or LCP');
    return {
      performance: Math.round(score * 100),
      lcpMs: Math.round(lcp),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN),
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
      warnings: lhr.runWarnings,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Lighthouse `runs` times and the run with the median score, as Lighthouse's own docs advise
 * for a noisy machine (one run on a shared 2-core box swings by 10+ points).
 */
export async function lighthouseMedian(url: string, runs: number): Promise<LighthouseResult & { scores: number[] }> {
  const results: LighthouseResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await lighthouseMobile(url));
  const sorted = [...results].sort((a, b) => a.performance - b.performance || a.lcpMs - b.lcpMs);
  return { ...sorted[Math.floor(sorted.length / 2)]!, scores: results.map((r) => r.performance) };
}
