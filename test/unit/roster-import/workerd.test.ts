/**
 * Runs the pure import/export modules inside workerd itself (the Workers runtime), because the
 * unit tests above run on Node, whose ICU and APIs differ: this is where "TextDecoder('gb18030')
 * works in the Worker" is proven. The TypeScript is type-stripped by Node and loaded as plain
 * ES modules; `workerd test` runs the exported test handler.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const workerd = join(root, 'node_modules/.bin/workerd');
const strip = (nodeModule as { stripTypeScriptTypes?: (code: string) => string }).stripTypeScriptTypes;

const MODULES = [
  'worker/roster/import/csv',
  'worker/roster/import/decode',
  'worker/roster/import/errors',
  'worker/roster/import/fields',
  'worker/roster/import/index',
  'worker/roster/import/messages',
  'worker/roster/import/table',
  'worker/roster/import/types',
  'worker/roster/import/validate',
  'worker/roster/import/xlsx',
  'worker/roster/import/xml',
  'worker/roster/import/zip',
  'worker/platform/export/csv',
  'worker/platform/export/neutralise',
  'worker/platform/export/xlsx',
  'worker/platform/export/xlsx-parts',
];
const FIXTURES = ['deputies-gbk.csv', 'deputies-utf8-bom.csv', 'deputies-excel.xlsx', 'deputies-wps.xlsx', 'deputies-bad.csv'];

const MAIN = `
import { decodeText } from './worker/roster/import/decode';
import { buildLookups, prepareRosterImport } from './worker/roster/import/index';
import { readXlsx } from './worker/roster/import/xlsx';
import { writeXlsx } from './worker/platform/export/xlsx';
import { writeCsv } from './worker/platform/export/csv';
${FIXTURES.map((f, i) => `import f${i} from './fixtures/${f}';`).join('\n')}
const fixtures = { ${FIXTURES.map((f, i) => `'${f}': new Uint8Array(f${i})`).join(', ')} };
const lookups = buildLookups({
  townships: [{ id: 1, code: 'CG', name: '城关街道', active: true }, { id: 2, code: 'DH', name: '东湖街道', active: true }],
  stations: [{ id: 11, code: 'a', name: '城关街道人大代表联络站', townshipId: 1, active: true },
             { id: 21, code: 'b', name: '东湖街道人大代表联络站', townshipId: 2, active: true }],
  deputies: [],
});
function check(ok, what) { if (!ok) throw new Error('workerd check failed: ' + what); }
export default {
  async test() {
    check(new TextDecoder('gbk').encoding === 'gbk' && new TextDecoder('gb18030').encoding === 'gb18030', 'labels');
    const gbk = decodeText(fixtures['deputies-gbk.csv']);
    check(gbk.encoding === 'gb18030' && gbk.text.includes('城关街道人大代表联络站'), 'GBK decode');
    const counts = {};
    for (const name of ['deputies-gbk.csv', 'deputies-utf8-bom.csv', 'deputies-excel.xlsx', 'deputies-wps.xlsx']) {
      const plan = prepareRosterImport(fixtures[name], lookups, 'zh-CN');
      check(plan.ok, name + ' ' + JSON.stringify(plan.errors));
      counts[name] = plan.creates.length;
    }
    check(JSON.stringify(counts) === '{"deputies-gbk.csv":8,"deputies-utf8-bom.csv":8,"deputies-excel.xlsx":5,"deputies-wps.xlsx":5}', JSON.stringify(counts));
    const bad = prepareRosterImport(fixtures['deputies-bad.csv'], lookups, 'en');
    check(!bad.ok && bad.errors.length === 10, 'bad file');
    const rows = [['姓名', '手机'], ['张三', '13800138000'], ['=1+2', 5]];
    check(JSON.stringify(readXlsx(writeXlsx([{ name: 'S', rows }])).rows[2].cells) === '["=1+2","5"]', 'xlsx round trip');
    check(writeCsv(rows).startsWith('\\uFEFF姓名,手机\\r\\n'), 'csv');
    console.log('workerd-import-checks-passed');
  },
};
`;

describe.skipIf(!existsSync(workerd) || !strip)('inside workerd', () => {
  it('decodes GBK and runs the import and export modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workerd-import-'));
    const entries: string[] = [];
    for (const m of MODULES) {
      const out = join(dir, `${m}.js`);
      mkdirSync(dirname(out), { recursive: true });
      // Bare specifiers resolve relative to the importer in workerd; point fflate at the root.
      const js = strip?.(readFileSync(join(root, `${m}.ts`), 'utf8')) ?? '';
      writeFileSync(out, js.replace(/from 'fflate'/g, "from '/fflate'"));
      entries.push(`(name = "${m}", esModule = embed "${m}.js")`);
    }
    copyFileSync(join(root, 'node_modules/fflate/esm/browser.js'), join(dir, 'fflate.js'));
    entries.push('(name = "fflate", esModule = embed "fflate.js")');
    mkdirSync(join(dir, 'fixtures'));
    for (const f of FIXTURES) {
      copyFileSync(join(root, 'test/fixtures/roster', f), join(dir, 'fixtures', f));
      entries.push(`(name = "fixtures/${f}", data = embed "fixtures/${f}")`);
    }
    writeFileSync(join(dir, 'main.js'), MAIN);
    writeFileSync(
      join(dir, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = ( services = [ (name = "main", worker = .w) ] );
const w :Workerd.Worker = (
  modules = [ (name = "main", esModule = embed "main.js"), ${entries.join(', ')} ],
  compatibilityDate = "2026-11-01",
);`,
    );
    const run = spawnSync(workerd, ['test', join(dir, 'config.capnp')], { encoding: 'utf8', timeout: 60_000 });
    rmSync(dir, { recursive: true, force: true });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output, output).toContain('workerd-import-checks-passed');
    expect(run.status, output).toBe(0);
  }, 90_000);
});
