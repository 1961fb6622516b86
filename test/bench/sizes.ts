/**
 * Sizes that need no server: the Worker as `wrangler deploy` would upload it (bundled and
 * minified by `--dry-run`, offline), gzip. The static assets are not part of the Worker's
 * upload, so the dry run is pointed at an empty assets folder: on a fresh clone (no
 * dashboard/dist yet) wrangler would otherwise refuse to run and the size would be "n/a".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, wranglerEnv } from '../../scripts/lib/wrangler';

/** Gzip bytes of every module of the Worker bundle (code and wasm; no source maps), summed. */
export function workerBundleGzip(): { gzipBytes: number; files: { name: string; bytes: number; gzipBytes: number }[] } {
  const outdir = mkdtempSync(join(tmpdir(), 'lianluo-bench-bundle-'));
  const assets = mkdtempSync(join(tmpdir(), 'lianluo-bench-assets-'));
  try {
    const result = spawnSync('wrangler', ['deploy', '--dry-run', '--outdir', outdir, '--assets', assets], {
      cwd: ROOT,
      env: wranglerEnv(),
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${result.stderr}${result.stdout}`);
    const files = readdirSync(outdir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && /\.(m?js|cjs|wasm|bin)$/.test(f.name))
      .map((f) => {
        const bytes = readFileSync(join(f.parentPath, f.name));
        return { name: f.name, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
      });
    if (files.length === 0) throw new Error('wrangler deploy --dry-run wrote no module');
    return { gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0), files };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(assets, { recursive: true, force: true });
  }
}
