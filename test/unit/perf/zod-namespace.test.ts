/**
 * The Worker imports zod as a namespace (`import * as z from 'zod'`), which esbuild tree-shakes
 * to the schemas used. `import { z } from 'zod'` pulls in zod's whole namespace object (every
 * locale, the JSON-schema converters) and cost 66 KB of the Worker's gzip size (238.9 → 172.2 KB,
 * `wrangler deploy --dry-run`, docs/benchmarks.md). Type-only imports are erased and allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('zod in the Worker', () => {
  it('is imported as a namespace (or as types only) everywhere', () => {
    const files = sources(join(root, 'worker'));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => /^import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/m.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => f.slice(root.length))).toEqual([]);
  });
});
