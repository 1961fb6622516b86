/**
 * What a browser downloads: the resident form's first load (counted from Chrome DevTools
 * Protocol network events, so every resource and its bytes as transferred are seen) and the
 * leaders' overview page (which statistics calls it makes and which scripts it loads).
 * Debian's Chromium through playwright-core, as in the end-to-end tests.
 */
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, headless; `extraArgs` e.g. a remote-debugging port for Lighthouse. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** One resource of a page load. */
export interface Resource {
  url: string;
  /** Bytes on the wire (headers + body as sent, compressed if it was): CDP's encodedDataLength. */
  bytes: number;
  encoding: string | null;
  mimeType: string;
}

export interface FirstLoad {
  bytes: number;
  requests: number;
  resources: Resource[];
}

/**
 * The first load of `url` on a phone with an empty cache: every request the page makes until
 * the network is idle, with its transferred size.
 */
export async function firstLoad(browser: Browser, url: string): Promise<FirstLoad> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const seen = new Map<string, Resource>();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!e.request.url.startsWith('data:'))
        seen.set(e.requestId, { url: e.request.url, bytes: 0, encoding: null, mimeType: '' });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = seen.get(e.requestId);
      if (!r) return;
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      r.encoding = headers['content-encoding'] ?? null;
      r.mimeType = e.response.mimeType;
    });
    const settled = new Set<string>();
    cdp.on('Network.loadingFinished', (e) => {
      const r = seen.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
      settled.add(e.requestId);
    });
    cdp.on('Network.loadingFailed', (e) => void settled.add(e.requestId));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    // "Network idle" can come before the last loadingFinished event (e.g. /favicon.ico) is seen.
    for (const deadline = Date.now() + 5000; [...seen.keys()].some((id) => !settled.has(id)) && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const resources = [...seen.values()];
    return { bytes: resources.reduce((n, r) => n + r.bytes, 0), requests: resources.length, resources };
  } finally {
    await context.close();
  }
}

export interface OverviewLoad {
  /** Paths (with query) of every /api/stats/ call the page made. */
  statsCalls: string[];
  /** Same-origin scripts the page loaded, gzipped as the server served them. */
  scripts: { path: string; gzipBytes: number }[];
  /** The scripts that had arrived when the key figures were on screen (first paint with data). */
  firstPaintScripts: { path: string; gzipBytes: number }[];
}

/** What shows that the overview has painted its figures: the KPI values. */
const FIGURES_SELECTOR = '.kpi-value';

/**
 * Signs in as `username` and opens the overview page; records its statistics calls and the
 * scripts it loaded — each one's body as the server sent it (not the working tree's
 * dashboard/dist, which may have been rebuilt since the server's snapshot), gzipped — and
 * which of them had arrived when the key figures painted.
 */
export async function overviewLoad(browser: Browser, baseURL: string, username: string, password: string): Promise<OverviewLoad> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  try {
    const login = await context.request.post('/api/auth/login', { data: { username, password }, headers: { origin: baseURL } });
    if (!login.ok()) throw new Error(`signing in as ${username} failed: HTTP ${login.status()}`);
    const page = await context.newPage();
    const statsCalls: string[] = [];
    const scripts = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on('request', (req) => {
      const u = new URL(req.url());
      if (u.origin === baseURL && u.pathname.startsWith('/api/stats/')) statsCalls.push(u.pathname + u.search);
    });
    page.on('response', (res) => {
      const u = new URL(res.url());
      if (u.origin !== baseURL || !(res.request().resourceType() === 'script' || u.pathname.endsWith('.js'))) return;
      pending.push(
        res
          .body()
          .catch(() => Buffer.alloc(0))
          .then((bytes) => void scripts.set(u.pathname, gzipSync(bytes).length)),
      );
    });
    // In the page's own clock: when the figures first appear in the DOM.
    await page.addInitScript((selector: string) => {
      new MutationObserver((_, observer) => {
        if (document.querySelector(selector)) {
          (window as unknown as { __figuresAt: number }).__figuresAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    }, FIGURES_SELECTOR);
    await page.goto('/overview', { waitUntil: 'load' });
    await page.waitForSelector(FIGURES_SELECTOR, { timeout: 30_000 }).catch(() => undefined);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    // Scripts whose download had ended by then (Resource Timing, same clock).
    const timing = await page.evaluate(() => ({
      figuresAt: (window as unknown as { __figuresAt?: number }).__figuresAt ?? null,
      scripts: performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js'))
        .map((e) => ({ path: new URL(e.name).pathname, end: (e as PerformanceResourceTiming).responseEnd })),
    }));
    const list = (paths: Iterable<string>) => [...paths].map((path) => ({ path, gzipBytes: scripts.get(path) ?? 0 }));
    const figuresAt = timing.figuresAt;
    const painted = figuresAt === null ? [] : timing.scripts.filter((x) => x.end <= figuresAt).map((x) => x.path);
    return { statsCalls, scripts: list(scripts.keys()), firstPaintScripts: list(new Set(painted)) };
  } finally {
    await context.close();
  }
}
