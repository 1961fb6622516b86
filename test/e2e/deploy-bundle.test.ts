/**
 * `wrangler deploy --dry-run` bundles the Worker exactly as a real deploy would, offline and
 * without an account: proof that `npm run deploy` has something valid to upload.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFLINE_ENV } from '../../scripts/lib/run';

const outdir = mkdtempSync(join(tmpdir(), 'lianluo-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('deploy bundle', () => {
  it('bundles the Worker offline with wrangler deploy --dry-run', () => {
    const result = spawnSync('wrangler', ['deploy', '--dry-run', '--outdir', outdir], { env: OFFLINE_ENV, encoding: 'utf8' });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const bundle = readdirSync(outdir).find((f) => f.endsWith('.js'));
    expect(bundle).toBeDefined();
    const bytes = readFileSync(join(outdir, bundle!));
    const gz = gzipSync(bytes).length;
    console.log(`worker bundle: ${statSync(join(outdir, bundle!)).size} bytes, ${gz} bytes gzip`);
    // The budget the project aims at (docs/benchmarks.md); Cloudflare's own limit is far higher.
    expect(gz).toBeLessThan(1024 * 1024);
    expect(bytes.toString('utf8')).toContain('lianluo_session');
  });
});
