/**
 * `npm test`: every suite in order — typecheck, lint/format, unit (Node), worker (workerd + D1),
 * dashboard components (happy-dom), end-to-end (real server + Chromium). Every suite runs even
 * when an earlier one fails; the last line sums them all: "N passed, N failed".
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { run } from './lib/run';

interface Outcome {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
}

const RESULTS = '.test-results';
mkdirSync(RESULTS, { recursive: true });
const outcomes: Outcome[] = [];

async function timed(name: string, body: () => Promise<{ passed: number; failed: number }>) {
  const start = performance.now();
  console.log(`\n━━ ${name} ━━`);
  let result: { passed: number; failed: number };
  try {
    result = await body();
  } catch (err) {
    console.error(err);
    result = { passed: 0, failed: 1 };
  }
  outcomes.push({ name, ...result, seconds: (performance.now() - start) / 1000 });
}

/** A check that is one pass or one fail (typecheck, lint). */
async function check(command: string, args: string[]) {
  const code = await run(command, args);
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/** A vitest project; counts come from its JSON report. A crash before any report counts as one failure. */
async function vitest(project: string, extra: string[] = []) {
  const report = `${RESULTS}/${project}.json`;
  const code = await run('vitest', [
    'run',
    '--config',
    `test/${project}/vitest.config.ts`,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ]);
  if (!existsSync(report)) return { passed: 0, failed: 1 };
  const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  const failed = json.numFailedTests + (code !== 0 && json.numFailedTests === 0 ? 1 : 0);
  return { passed: json.numPassedTests, failed };
}

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

if (wanted('typecheck')) {
  await timed('typecheck (worker, tests, scripts)', () => check('tsc', ['-p', 'tsconfig.json']));
  await timed('typecheck (dashboard)', () => check('tsc', ['-p', 'dashboard/tsconfig.json']));
  await timed('typecheck (browser, bench, load scripts)', () => check('tsc', ['-p', 'test/tsconfig.node.json']));
}
if (wanted('lint')) await timed('lint + format (biome)', () => check('biome', ['ci', '.']));
if (wanted('unit')) await timed('unit', () => vitest('unit'));
if (wanted('worker')) await timed('worker (workerd + D1)', () => vitest('worker'));
if (wanted('dashboard')) await timed('dashboard components', () => vitest('dashboard'));
if (wanted('e2e')) {
  await timed('end-to-end (Chromium)', async () => {
    const built = await run('vite', ['build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn']);
    if (built !== 0) return { passed: 0, failed: 1 };
    return vitest('e2e');
  });
}

console.log('\n━━ summary ━━');
for (const o of outcomes) {
  console.log(
    `${o.name.padEnd(40)} ${String(o.passed).padStart(5)} passed ${String(o.failed).padStart(4)} failed ${o.seconds.toFixed(1).padStart(7)} s`,
  );
}
const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
