/**
 * `npm run bench`: every figure of docs/benchmarks.md, measured in one run on this machine,
 * printed as a table and written as JSON (`--out FILE`, default bench-results.json). A figure
 * that cannot be measured (its feature not built yet, a tool failing) is written as the
 * string "n/a (why)" — never a made-up number.
 *
 *   tsx test/bench/run.ts [--out FILE] [--submit N] [--lighthouse-runs N] [--quick] [--verbose]
 *                         [--only STEP,STEP…] [--skip STEP,STEP…]
 *
 * Defaults: 2,000 submissions per server, Lighthouse 5 times (the median run is reported).
 * --quick is for working on the harness: 300 submissions, one Lighthouse run, no 1M step.
 * --only / --skip run a subset of the steps, by id: bundle, forms, dashboard-build, browser,
 * pages, lighthouse, submit, submit-metered, dashboard-10k, export-100k, dashboard-1m,
 * inbox-1m (the server starts whenever a step needs it; the opinions are generated as needed).
 *
 * Adding a figure: append its key to KEYS, its budget to BUDGETS, and a `step(…)` below.
 */
import './env';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunningServer } from '../../scripts/lib/server';
import { startServer } from '../../scripts/lib/server';
import { must } from '../../scripts/lib/run';
import { ROOT } from '../../scripts/lib/wrangler';
import { activeStationCodes, startLoadServer } from '../load/server';
import { firstLoad, launchChromium, type OverviewLoad, overviewLoad } from './browser';
import { type DashboardLoad, measureStatsExtras, naiveRowsRead, signIn, timeDashboard } from './dashboard';
import { executeSql, fillOpinions, growToProvince } from './dataset';
import { exportBench } from './export';
import { inboxCases, measureInbox, meteredSubmission } from './metered';
import { cpuSeconds, workerdOf } from './proc';
import { lighthouseMedian } from './lighthouse';
import { workerBundleGzip } from './sizes';
import { submitBench } from './submit';

/** The figures, in the order of the table and the JSON. */
const KEYS = [
  'form_first_load_bytes_gz',
  'form_requests',
  'lighthouse_mobile_performance',
  'lighthouse_mobile_lcp_ms',
  'submit_rps',
  'submit_p50_ms',
  'submit_p99_ms',
  'submit_rps_bare',
  'submit_ratio',
  'dashboard_rows_read_10k',
  'dashboard_ms_10k',
  'dashboard_rows_read_1m',
  'dashboard_ms_1m',
  'dashboard_rows_read_naive_1m',
  // issue 14: the weekly report and the backlog, at 10k and 1M
  'weekly_rows_read_10k',
  'weekly_rows_read_1m',
  'backlog_rows_read_10k',
  'backlog_rows_read_1m',
  'dashboard_js_bytes_gz',
  'worker_bundle_bytes_gz',
  // issue 15: the places staff use all day, at province size, and what the browser needs first
  'inbox_rows_read_1m',
  'inbox_ms_1m',
  'export_100k_peak_mb',
  'export_100k_ms',
  'submit_round_trips',
  'submit_rows_read',
  'worker_cpu_ms_per_submit',
  'dashboard_first_paint_js_gz',
  'tracking_page_bytes_gz',
  'tracking_page_requests',
  'evaluation_page_bytes_gz',
  'evaluation_page_requests',
  'checkin_page_bytes_gz',
  'checkin_page_requests',
] as const;
type Key = (typeof KEYS)[number];
type Figures = Record<Key, number | string>;

const KB = 1024;
/** The project's budgets (docs/benchmarks.md); `null` = reported, no budget of its own. */
const BUDGETS: Record<Key, { text: string; ok: (v: number, f: Figures) => boolean } | null> = {
  form_first_load_bytes_gz: { text: '≤ 10 KB', ok: (v) => v <= 10 * KB },
  form_requests: { text: '= 1', ok: (v) => v <= 1 },
  lighthouse_mobile_performance: { text: '= 100', ok: (v) => v >= 100 },
  lighthouse_mobile_lcp_ms: null,
  submit_rps: null,
  submit_p50_ms: null,
  submit_p99_ms: null,
  submit_rps_bare: null,
  submit_ratio: { text: '≥ 0.6', ok: (v) => v >= 0.6 },
  dashboard_rows_read_10k: null,
  dashboard_ms_10k: null,
  dashboard_rows_read_1m: {
    text: '≤ 1,000, ≈ 10k',
    // "Independent of size": 100× the opinions may not cost more than 2× the rows.
    ok: (v, f) => v <= 1000 && (typeof f.dashboard_rows_read_10k !== 'number' || v <= 2 * f.dashboard_rows_read_10k),
  },
  dashboard_ms_1m: null,
  dashboard_rows_read_naive_1m: null,
  weekly_rows_read_10k: null,
  weekly_rows_read_1m: { text: '≤ 5,000', ok: (v) => v <= 5000 },
  backlog_rows_read_10k: null,
  backlog_rows_read_1m: { text: '≤ 5,000', ok: (v) => v <= 5000 },
  dashboard_js_bytes_gz: { text: '≤ 80 KB', ok: (v) => v <= 80 * KB },
  worker_bundle_bytes_gz: { text: '≤ 150 KB', ok: (v) => v <= 150 * KB },
  inbox_rows_read_1m: { text: '≤ 2,000', ok: (v) => v <= 2000 },
  inbox_ms_1m: { text: '≤ 50 ms', ok: (v) => v <= 50 },
  export_100k_peak_mb: { text: '≤ 64 MB', ok: (v) => v <= 64 },
  export_100k_ms: null,
  submit_round_trips: { text: '≤ 2', ok: (v) => v <= 2 },
  submit_rows_read: null,
  worker_cpu_ms_per_submit: null,
  dashboard_first_paint_js_gz: { text: '≤ 45 KB', ok: (v) => v <= 45 * KB },
  tracking_page_bytes_gz: { text: '≤ 10 KB', ok: (v) => v <= 10 * KB },
  tracking_page_requests: { text: '= 1', ok: (v) => v <= 1 },
  evaluation_page_bytes_gz: { text: '≤ 10 KB', ok: (v) => v <= 10 * KB },
  evaluation_page_requests: { text: '= 1', ok: (v) => v <= 1 },
  checkin_page_bytes_gz: { text: '≤ 10 KB', ok: (v) => v <= 10 * KB },
  checkin_page_requests: { text: '= 1', ok: (v) => v <= 1 },
};

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: 'bench-results.json' },
    submit: { type: 'string' },
    'lighthouse-runs': { type: 'string' },
    quick: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    only: { type: 'string' },
    skip: { type: 'string' },
  },
});
const only = args.only ? new Set(args.only.split(',')) : null;
const skip = new Set((args.skip ?? '').split(',').filter(Boolean));
/** Whether the step with this id runs (--only / --skip). */
const wanted = (id: string) => (!only || only.has(id)) && !skip.has(id);
const quick = args.quick;
const SUBMIT_TOTAL = Number(args.submit ?? (quick ? 300 : 2000));
const SUBMIT_CLIENTS = 32;
const LIGHTHOUSE_RUNS = Number(args['lighthouse-runs'] ?? (quick ? 1 : 5));
const LEADER = { username: 'leader', password: 'lianluo2026' };
const ADMIN = { username: 'admin', password: 'lianluo2026' };
const TOWNSHIP_STAFF = { username: 'chengguan', password: 'lianluo2026' };

const figures = Object.fromEntries(KEYS.map((k) => [k, 'n/a (not measured)'])) as Figures;
const notes: string[] = [];
const naReason = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);

/** Runs one step; a failure marks its figures "n/a (why)" and the run goes on. */
async function step(name: string, keys: readonly Key[], body: () => Promise<void> | void, id?: string): Promise<void> {
  if (id && !wanted(id)) {
    for (const k of keys) if (figures[k] === 'n/a (not measured)') figures[k] = `n/a (skipped: ${id})`;
    return;
  }
  const started = performance.now();
  console.log(`\n▸ ${name}`);
  try {
    await body();
    console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error(`  failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    for (const k of keys) if (typeof figures[k] === 'string') figures[k] = `n/a (${naReason(err)})`;
  }
}

/** The newest modification time under `path` (a file or a folder). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs);
}

function machine(): string {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const lscpu = execFileSync('lscpu', { encoding: 'utf8' });
    cpu = /Model name:\s*(.+)/.exec(lscpu)?.[1]?.trim() ?? cpu;
  } catch {
    // lscpu missing: os.cpus() is enough
  }
  return `${cpu}, ${cpus().length} cores, Node ${process.version}`;
}

const fmt = (v: number | string) =>
  typeof v === 'string'
    ? v
    : Number.isInteger(v)
      ? v.toLocaleString('en-US')
      : v.toLocaleString('en-US', { maximumFractionDigits: 2 });

function printTable(): void {
  const width = Math.max(...KEYS.map((k) => k.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(14)}  budget`);
  for (const k of KEYS) {
    const v = figures[k];
    const budget = BUDGETS[k];
    const verdict = !budget
      ? ''
      : typeof v !== 'number'
        ? `${budget.text}  –`
        : `${budget.text}  ${budget.ok(v, figures) ? 'ok' : 'MISSED'}`;
    const value = typeof v === 'number' ? fmt(v).padStart(14) : v;
    console.log(`${k.padEnd(width)}  ${value}  ${verdict}`);
  }
}

// ─────────────────────────────────────────────────────────────────────────────────────────

console.log(`npm run bench — ${machine()}${quick ? ' (--quick)' : ''}`);

// The dashboard first: the server's snapshot copies dashboard/dist. (The Worker's size no
// longer depends on it: sizes.ts bundles against an empty assets folder.)
await step(
  'dashboard build (dashboard/dist)',
  ['dashboard_js_bytes_gz', 'dashboard_first_paint_js_gz'],
  async () => {
    const dist = join(ROOT, 'dashboard', 'dist', 'index.html');
    const sources = Math.max(newest(join(ROOT, 'dashboard', 'src')), newest(join(ROOT, 'dashboard', 'index.html')));
    if (existsSync(dist) && statSync(dist).mtimeMs >= sources) {
      console.log('  dashboard/dist is newer than dashboard/src: serving it as it is');
      return;
    }
    await must('vite', ['build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT });
  },
  'dashboard-build',
);

await step(
  'Worker bundle (wrangler deploy --dry-run)',
  ['worker_bundle_bytes_gz'],
  () => {
    const bundle = workerBundleGzip();
    figures.worker_bundle_bytes_gz = bundle.gzipBytes;
    console.log(`  ${bundle.files.map((f) => `${f.name} ${f.bytes} B → ${f.gzipBytes} B gzip`).join(', ')}`);
  },
  'bundle',
);

const FORMS_MODULE: string = './forms.ts';
await step(
  'form engine page sizes (test/bench/forms.ts)',
  [],
  // A computed specifier: forms.ts renders with the Worker's modules, so it is typechecked by the
  // Worker's tsconfig (Workers types), not by this Node one.
  async () => {
    const forms = (await import(FORMS_MODULE)) as { formsBench(out: typeof notes): Promise<void> };
    await forms.formsBench(notes);
  },
  'forms',
);

/** Steps that need the server; it starts only when one of them is wanted. */
const SERVER_STEPS = [
  'browser',
  'pages',
  'lighthouse',
  'submit',
  'submit-metered',
  'dashboard-10k',
  'export-100k',
  'dashboard-1m',
  'inbox-1m',
];
let server: RunningServer | undefined;
let stations: string[] = [];
if (SERVER_STEPS.some(wanted))
  await step('server (migrated + seeded local D1, raised rate limits, D1 metering on)', KEYS, async () => {
    // BENCH_METRICS lets metered requests report their D1 round trips and rows (worker/platform/d1-metrics.ts).
    server = await startLoadServer({ verbose: args.verbose, vars: { BENCH_METRICS: '1' } });
    stations = activeStationCodes(server.persistDir);
    if (stations.length === 0) throw new Error('the seeded database has no active station');
    console.log(`  ${server.url}, ${stations.length} stations`);
  });

let overview: OverviewLoad | undefined;
if (server) {
  const s = server;
  const formURL = `${s.url}/s/${stations[0]}`;
  await step(
    'browser: resident form first load, overview page',
    ['form_first_load_bytes_gz', 'form_requests', 'dashboard_js_bytes_gz', 'dashboard_first_paint_js_gz'],
    async () => {
      const browser = await launchChromium();
      try {
        const load = await firstLoad(browser, formURL);
        figures.form_first_load_bytes_gz = load.bytes;
        figures.form_requests = load.requests;
        for (const r of load.resources) console.log(`  ${r.bytes} B ${r.encoding ?? 'identity'} ${r.mimeType} ${r.url}`);
        const plain = load.resources.filter(
          (r) => !r.encoding && /text|javascript|json|svg|css/.test(r.mimeType) && r.bytes > 1024,
        );
        if (plain.length > 0) notes.push(`form: sent uncompressed: ${plain.map((r) => r.url).join(', ')}`);

        overview = await overviewLoad(browser, s.url, LEADER.username, LEADER.password);
        const list = (xs: { path: string; gzipBytes: number }[]) => xs.map((x) => `${x.path} ${x.gzipBytes} B gz`).join(', ');
        console.log(`  overview: stats calls [${overview.statsCalls.join(', ')}]; scripts ${list(overview.scripts)}`);
        console.log(`  before the figures painted: ${list(overview.firstPaintScripts)}`);
        if (overview.statsCalls.length === 0) {
          figures.dashboard_js_bytes_gz = 'n/a (the overview page is not built yet: /overview makes no statistics call)';
        } else {
          figures.dashboard_js_bytes_gz = overview.scripts.reduce((n, x) => n + x.gzipBytes, 0);
          figures.dashboard_first_paint_js_gz =
            overview.firstPaintScripts.length > 0
              ? overview.firstPaintScripts.reduce((n, x) => n + x.gzipBytes, 0)
              : 'n/a (the overview showed no .kpi-value figures)';
        }
      } finally {
        await browser.close();
      }
    },
    'browser',
  );

  await step(
    'browser: the other public pages (tracking, evaluation form, check-in), first load',
    [
      'tracking_page_bytes_gz',
      'tracking_page_requests',
      'evaluation_page_bytes_gz',
      'evaluation_page_requests',
      'checkin_page_bytes_gz',
      'checkin_page_requests',
    ],
    async () => {
      const [code, token, checkin] = await executeSql(s.persistDir, [
        "SELECT tracking_code AS v FROM opinions WHERE state = 'handling' ORDER BY id LIMIT 1",
        `SELECT e.token AS v FROM enrolments e JOIN trainings t ON t.id = e.training_id
         WHERE e.submitted_on IS NULL ORDER BY t.starts_on DESC, e.id LIMIT 1`,
        'SELECT checkin_code AS v FROM trainings ORDER BY starts_on DESC, id DESC LIMIT 1',
      ]);
      const pages: [string, unknown, Key, Key][] = [
        ['/t/', code?.rows[0]?.v, 'tracking_page_bytes_gz', 'tracking_page_requests'],
        ['/e/', token?.rows[0]?.v, 'evaluation_page_bytes_gz', 'evaluation_page_requests'],
        ['/c/', checkin?.rows[0]?.v, 'checkin_page_bytes_gz', 'checkin_page_requests'],
      ];
      const browser = await launchChromium();
      try {
        for (const [prefix, value, bytesKey, requestsKey] of pages) {
          if (typeof value !== 'string') {
            figures[bytesKey] = `n/a (the demo seed has no ${prefix} code)`;
            continue;
          }
          const load = await firstLoad(browser, `${s.url}${prefix}${value}`);
          figures[bytesKey] = load.bytes;
          figures[requestsKey] = load.requests;
          console.log(
            `  ${prefix}…: ${load.resources.map((r) => `${r.bytes} B ${r.encoding ?? 'identity'} ${r.url}`).join(', ')}`,
          );
        }
      } finally {
        await browser.close();
      }
    },
    'pages',
  );

  await step(
    `Lighthouse, mobile preset, median of ${LIGHTHOUSE_RUNS}`,
    ['lighthouse_mobile_performance', 'lighthouse_mobile_lcp_ms'],
    async () => {
      const lh = await lighthouseMedian(formURL, LIGHTHOUSE_RUNS);
      figures.lighthouse_mobile_performance = lh.performance;
      figures.lighthouse_mobile_lcp_ms = lh.lcpMs;
      console.log(
        `  scores [${lh.scores.join(', ')}]; median run: LCP ${lh.lcpMs} ms, TBT ${lh.tbtMs} ms, CPU benchmark index ${lh.benchmarkIndex}`,
      );
      for (const w of lh.warnings) console.log(`  warning: ${w}`);
      if (lh.performance < 100)
        notes.push(
          `Lighthouse: TBT ${lh.tbtMs} ms with CPU benchmark index ${lh.benchmarkIndex} (a quiet desktop scores 1,000+)`,
        );
    },
    'lighthouse',
  );

  await step(
    'one metered submission: D1 round trips and rows (X-Bench-Metrics)',
    ['submit_round_trips', 'submit_rows_read'],
    async () => {
      // A warm isolate, as the throughput run sees it: one post first, then the measured one.
      await meteredSubmission(s.url, stations[1 % stations.length]!);
      const m = await meteredSubmission(s.url, stations[0]!);
      figures.submit_round_trips = m.roundTrips;
      figures.submit_rows_read = m.rowsRead;
      console.log(
        `  ${m.roundTrips} round trips, ${m.rowsRead} rows read, ${m.rowsWritten} written${m.uncounted ? `, ${m.uncounted} statement(s) uncounted` : ''}`,
      );
      if (m.uncounted) notes.push(`submission: ${m.uncounted} write statement(s) through raw() have no rows-read figure`);
    },
    'submit-metered',
  );

  await step(
    `submissions: ${SUBMIT_TOTAL} posts, ${SUBMIT_CLIENTS} clients, full stack vs the bare Worker (test/bench/bare), alternating rounds`,
    ['submit_rps', 'submit_p50_ms', 'submit_p99_ms', 'submit_rps_bare', 'submit_ratio', 'worker_cpu_ms_per_submit'],
    async () => {
      // Served the same way as the full stack (a --no-bundle snapshot of the minified bundle).
      const bare = await startServer({
        config: join(ROOT, 'test', 'bench', 'bare', 'wrangler.toml'),
        seedArgs: null,
        healthPath: '/',
        snapshot: true,
        verbose: args.verbose,
      });
      try {
        // CPU the operating system charged to the full stack's workerd (JS, HTTP and SQLite).
        const workerd = s.pid ? workerdOf(s.pid) : null;
        const cpuBefore = workerd ? cpuSeconds(workerd) : 0;
        const [full, ceiling] = await submitBench(
          [
            { baseURL: s.url, stations },
            { baseURL: bare.url, stations: ['BARE'] },
          ],
          SUBMIT_TOTAL,
          SUBMIT_CLIENTS,
        );
        if (workerd) {
          // The warm-up round (2 × clients posts) ran on the same process.
          const posts = full!.requests + 2 * SUBMIT_CLIENTS;
          figures.worker_cpu_ms_per_submit = Math.round(((cpuSeconds(workerd) - cpuBefore) * 1000 * 10) / posts) / 10;
          console.log(`  workerd CPU: ${figures.worker_cpu_ms_per_submit} ms per post (${posts} posts)`);
        } else figures.worker_cpu_ms_per_submit = 'n/a (the server process is unknown)';
        figures.submit_rps = Math.round(full!.rps * 10) / 10;
        figures.submit_p50_ms = Math.round(full!.p50);
        figures.submit_p99_ms = Math.round(full!.p99);
        figures.submit_rps_bare = Math.round(ceiling!.rps * 10) / 10;
        figures.submit_ratio = Math.round((full!.rps / ceiling!.rps) * 100) / 100;
        for (const [name, r] of [
          ['full', full!],
          ['bare', ceiling!],
        ] as const) {
          console.log(
            `  ${name}: ${r.requests} posts in ${r.seconds.toFixed(1)} s; p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms`,
          );
        }
      } finally {
        await bare.stop();
      }
    },
    'submit',
  );

  // The calls of one dashboard load: the overview page's own, or (page not built yet) the one
  // statistics call the API offers for it.
  let calls = overview?.statsCalls ?? [];
  if (calls.length === 0) {
    calls = ['/api/stats/overview'];
    notes.push('dashboard: no overview calls recorded; one load = GET /api/stats/overview (default period, all townships)');
  }
  const cookies: Record<string, string> = {};
  const cookieOf = async (who: { username: string; password: string }) =>
    (cookies[who.username] ??= await signIn(s.url, who.username, who.password));
  let at1m: DashboardLoad | undefined;
  let province = false;
  /** Province scale first (100 townships, 100,000 deputies), so 10k and 1M compare the same district. */
  const ensureProvince = async () => {
    if (province) return;
    const p = await growToProvince(s.persistDir);
    province = true;
    console.log(`  province: ${p.townships} townships, ${p.stations} stations, ${p.deputies.toLocaleString('en-US')} deputies`);
  };
  const fill = async (target: number) => {
    await ensureProvince();
    const f = await fillOpinions(s.persistDir, target);
    if (f.added > 0)
      console.log(`  generated ${f.added.toLocaleString('en-US')} opinions in ${f.seconds.toFixed(1)} s (triggers included)`);
  };
  const dashboardAt = async (target: number, rowsKey: Key, msKey: Key) => {
    const cookie = await cookieOf(LEADER);
    await fill(target);
    const load = await timeDashboard(s.url, cookie, calls);
    figures[rowsKey] = load.rowsRead;
    figures[msKey] = Math.round(load.ms * 10) / 10;
    console.log(`  ${calls.length} call(s): ${load.rowsRead} rows read; ms ${load.samples.map((x) => x.toFixed(0)).join(', ')}`);
    // Issue 14's figures at the same size: the weekly report and the backlog, apart.
    const extras = await measureStatsExtras(s.url, cookie);
    const size = rowsKey.endsWith('_1m') ? '1m' : '10k';
    figures[`weekly_rows_read_${size}`] = extras.weeklyRowsRead;
    figures[`backlog_rows_read_${size}`] = extras.backlogRowsRead;
    console.log(`  weekly report: ${extras.weeklyRowsRead} rows read; backlog: ${extras.backlogRowsRead} rows read`);
    return load;
  };
  await step(
    'dashboard at 10,000 opinions (province-scale district)',
    ['dashboard_rows_read_10k', 'dashboard_ms_10k'],
    async () => {
      await dashboardAt(10_000, 'dashboard_rows_read_10k', 'dashboard_ms_10k');
    },
    'dashboard-10k',
  );
  await step(
    'export of 100,000 opinions (CSV and XLSX, streamed; workerd resident memory sampled)',
    ['export_100k_peak_mb', 'export_100k_ms'],
    async () => {
      await fill(100_000);
      if (!s.pid) throw new Error('the server process is unknown');
      const r = await exportBench(s.url, await cookieOf(ADMIN), workerdOf(s.pid));
      figures.export_100k_peak_mb = Math.max(r.csv.peakMb, r.xlsx.peakMb);
      figures.export_100k_ms = Math.round(r.csv.ms);
      for (const [name, x] of Object.entries(r))
        console.log(
          `  ${name}: ${x.rows.toLocaleString('en-US')} rows, ${x.bytes.toLocaleString('en-US')} B in ${x.ms.toFixed(0)} ms; workerd RSS ${x.beforeMb} → peak ${x.peakAbsMb} MB (+${x.peakMb})`,
        );
    },
    'export-100k',
  );
  if (quick) {
    for (const k of [
      'dashboard_rows_read_1m',
      'dashboard_ms_1m',
      'dashboard_rows_read_naive_1m',
      'inbox_rows_read_1m',
      'inbox_ms_1m',
    ] as const)
      figures[k] = 'n/a (skipped: --quick)';
  } else {
    await step(
      'dashboard at 1,000,000 opinions (province-scale district, a year)',
      ['dashboard_rows_read_1m', 'dashboard_ms_1m', 'dashboard_rows_read_naive_1m'],
      async () => {
        at1m = await dashboardAt(1_000_000, 'dashboard_rows_read_1m', 'dashboard_ms_1m');
      },
      'dashboard-1m',
    );
    await step(
      'naive dashboard at 1,000,000 opinions (GROUP BY over the raw tables)',
      ['dashboard_rows_read_naive_1m'],
      async () => {
        if (!at1m?.period) throw new Error('the overview answer carried no period to compare with');
        figures.dashboard_rows_read_naive_1m = await naiveRowsRead(s.persistDir, at1m.period);
      },
      'dashboard-1m',
    );
    await step(
      'inbox at 1,000,000 opinions: every combination, D1 rows read (worst) and time (worst median)',
      ['inbox_rows_read_1m', 'inbox_ms_1m'],
      async () => {
        await fill(1_000_000);
        const [code] = await executeSql(s.persistDir, [
          "SELECT tracking_code AS c FROM opinions WHERE tracking_code LIKE 'BENCH%' LIMIT 1 OFFSET 500000",
        ]);
        const cases = inboxCases(await cookieOf(ADMIN), await cookieOf(TOWNSHIP_STAFF), String(code?.rows[0]?.c ?? 'BENCH1'));
        const results = await measureInbox(s.url, cases);
        for (const r of results)
          console.log(
            `  ${r.name.padEnd(24)} ${r.rowsRead.toLocaleString('en-US').padStart(12)} rows read, ${r.ms.toFixed(0)} ms, ${r.roundTrips} round trips`,
          );
        figures.inbox_rows_read_1m = Math.max(...results.map((r) => r.rowsRead));
        figures.inbox_ms_1m = Math.round(Math.max(...results.map((r) => r.ms)));
      },
      'inbox-1m',
    );
  }
  await server.stop();
}

printTable();
if (notes.length > 0) console.log(`\nnotes:\n${notes.map((n) => `- ${n}`).join('\n')}`);
writeFileSync(args.out, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`\nwrote ${args.out}`);
process.exit(0);
