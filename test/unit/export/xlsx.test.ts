import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeText } from '../../../worker/platform/export/xlsx-parts';
import { columnName, sheetNames, writeXlsx, type XlsxValue } from '../../../worker/platform/export/xlsx';
import { numberText, readXlsx } from '../../../worker/roster/import/xlsx';
import { decodeOoxmlEscapes } from '../../../worker/roster/import/xml';

const has = (cmd: string) => !spawnSync(cmd, ['-h']).error;
const dir = mkdtempSync(join(tmpdir(), 'xlsx-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function save(bytes: Uint8Array, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
const unzipP = (path: string, part: string) => spawnSync('unzip', ['-p', path, part], { encoding: 'utf8' }).stdout;

/** What our reader should give back for written rows: cells as text, trailing empties dropped. */
function expected(rows: readonly (readonly XlsxValue[])[]) {
  return rows
    .map((r, i) => {
      const cells = r.map((v) =>
        v === null || v === undefined
          ? ''
          : typeof v === 'number'
            ? numberText(String(v))
            : typeof v === 'boolean'
              ? v
                ? 'TRUE'
                : 'FALSE'
              : v,
      );
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      return { row: i + 1, cells };
    })
    .filter((r) => r.cells.length > 0);
}

const answers = [
  ['编号', '乡镇', '总体满意度', '推荐度', '最有用的课程', '改进建议'],
  [1, '城关街道', 5, 9, '宪法与代表法', '=HYPERLINK("http://evil.example")'],
  [2, '东湖街道', 4, 10, '-', '@多安排讨论'],
  [3, '城关街道', null, 6, '+1 同上', '课程时间\n再短一些'],
];
const codebook = [
  ['变量', '题目', '编码'],
  ['q1', '总体满意度', '5=非常满意 4=满意 3=一般 2=不满意 1=非常不满意'],
  ['q2', '推荐度', '0–10'],
];
const deputies = [
  ['姓名', '手机号码', '在册'],
  ['张建国', '13800138000', true],
];

describe('writeXlsx → readXlsx', () => {
  for (const strings of ['shared', 'inline'] as const) {
    it(`round-trips several sheets (${strings} strings)`, () => {
      const bytes = writeXlsx(
        [
          { name: '答卷', rows: answers },
          { name: '编码表', rows: codebook },
          { name: '代表', rows: deputies },
        ],
        { strings },
      );
      expect(readXlsx(bytes)).toEqual({ sheetName: '答卷', rows: expected(answers) });
      expect(readXlsx(bytes, { sheet: 1 })).toEqual({ sheetName: '编码表', rows: expected(codebook) });
      expect(readXlsx(bytes, { sheet: '代表' }).rows[1]?.cells).toEqual(['张建国', '13800138000', 'TRUE']);
    });
  }

  it('is deterministic', () => {
    expect(writeXlsx([{ name: 'a', rows: answers }])).toEqual(writeXlsx([{ name: 'a', rows: answers }]));
  });

  it('refuses an empty workbook', () => {
    expect(() => writeXlsx([])).toThrow(RangeError);
  });

  it('round-trips arbitrary text and numbers (property)', () => {
    const tricky = fc.constantFrom(
      '_x0041_',
      '_x',
      '_',
      'x',
      '0',
      'A',
      '\r',
      '\n',
      '\t',
      '\u0001',
      '\ufffe',
      '\ud800',
      '<',
      '&',
      '"',
      ' ',
      '中',
      '=',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(tricky, { maxLength: 10 }).map((a) => a.join('')),
    );
    const value = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null));
    const grid = fc.array(fc.array(value, { maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(grid, fc.constantFrom('shared' as const, 'inline' as const), (rows, strings) => {
        const back = readXlsx(writeXlsx([{ name: 'S', rows }], { strings })).rows;
        expect(back).toEqual(expected(rows));
      }),
      { numRuns: 300 },
    );
  });
});

describe('XML escaping', () => {
  it('escapes what XML cannot carry, reversibly', () => {
    expect(escapeText('a<b&c>')).toBe('a&lt;b&amp;c&gt;');
    expect(escapeText('a\rb\u0001')).toBe('a_x000D_b_x0001_');
    expect(escapeText('_x0041_')).toBe('_x005F_x0041_');
    for (const s of ['_x0041_x0042_', '_x0041\r', 'x_x005F_', '\ud800_x0041_']) {
      expect(decodeOoxmlEscapes(escapeText(s))).toBe(s);
    }
  });
});

describe('sheet names and columns', () => {
  it('makes names Excel accepts', () => {
    expect(sheetNames(['答卷', '答卷', 'a/b:c', '', "'x'", 'History', 'x'.repeat(40)])).toEqual([
      '答卷',
      '答卷(2)',
      'a_b_c',
      'Sheet4',
      'x',
      'History_',
      'x'.repeat(31),
    ]);
  });

  it('names columns', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
  });
});

describe.skipIf(!has('unzip'))('the package as other tools see it (unzip)', () => {
  const path = save(
    writeXlsx([
      { name: '答卷', rows: answers },
      { name: '编码表', rows: codebook },
    ]),
    'answers.xlsx',
  );

  it('passes unzip -t (CRCs and structure)', () => {
    const test = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
    expect(test.status).toBe(0);
    expect(test.stdout).toContain('No errors detected');
  });

  it('stores formula-like text as strings with quotePrefix, never as formulas', () => {
    const sheet = unzipP(path, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toContain('<c r="F2" t="s" s="2">');
    expect(sheet).toContain('<c r="E3" t="s" s="2">'); // "-"
    expect(sheet).toContain('<c r="C2"><v>5</v></c>'); // numbers stay numbers
    expect(sheet).toContain('<c r="A1" t="s" s="1">'); // bold header
    expect(sheet).toContain('state="frozen"');
    expect(unzipP(path, 'xl/styles.xml')).toMatch(/<cellXfs count="4">(?:<xf [^>]*\/>){2}<xf [^>]*quotePrefix="1"/);
    expect(unzipP(path, 'xl/sharedStrings.xml')).toContain('<t xml:space="preserve">=HYPERLINK("http://evil.example")</t>');
  });

  it('declares every part in [Content_Types].xml', () => {
    const types = unzipP(path, '\\[Content_Types].xml'); // unzip treats [ ] as a wildcard class
    for (const part of [
      '/xl/workbook.xml',
      '/xl/worksheets/sheet1.xml',
      '/xl/worksheets/sheet2.xml',
      '/xl/styles.xml',
      '/xl/sharedStrings.xml',
    ]) {
      expect(types).toContain(`PartName="${part}"`);
    }
    expect(unzipP(path, 'xl/workbook.xml')).toContain('<sheet name="编码表" sheetId="2" r:id="rId2"/>');
  });
});

/** An independent reader: Python's zipfile + ElementTree, resolving shared strings itself. */
const PY_READER = `
import json, sys, zipfile, xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith('.xml') or n.endswith('.rels'): ET.fromstring(z.read(n))  # every part well-formed
sst = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)] if 'xl/sharedStrings.xml' in z.namelist() else []
out = []
for i in (1, 2):
    root = ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % i))
    rows = []
    for row in root.iter('{%s}row' % ns['m']):
        cells = {}
        for c in row.findall('m:c', ns):
            t, v = c.get('t', 'n'), c.find('m:v', ns)
            if c.find('m:f', ns) is not None: cells[c.get('r')] = 'FORMULA'
            elif t == 's': cells[c.get('r')] = sst[int(v.text)]
            elif t == 'inlineStr': cells[c.get('r')] = ''.join(x.text or '' for x in c.iter('{%s}t' % ns['m']))
            else: cells[c.get('r')] = float(v.text)
        rows.append(cells)
    out.append(rows)
print(json.dumps(out, ensure_ascii=False))
`;

describe.skipIf(!has('python3'))('the package as an independent reader sees it (python3)', () => {
  for (const strings of ['shared', 'inline'] as const) {
    it(`reads the same cells (${strings} strings)`, () => {
      const path = save(
        writeXlsx(
          [
            { name: '答卷', rows: answers },
            { name: '编码表', rows: codebook },
          ],
          { strings },
        ),
        `py-${strings}.xlsx`,
      );
      const run = spawnSync('python3', ['-c', PY_READER, path], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const [sheet1, sheet2] = JSON.parse(run.stdout) as Record<string, string | number>[][];
      expect(sheet1?.[1]).toEqual({
        A2: 1,
        B2: '城关街道',
        C2: 5,
        D2: 9,
        E2: '宪法与代表法',
        F2: '=HYPERLINK("http://evil.example")',
      });
      expect(sheet1?.[3]?.F4).toBe('课程时间\n再短一些');
      expect(sheet1?.[3]?.C4).toBeUndefined();
      expect(sheet2?.[1]?.C2).toBe('5=非常满意 4=满意 3=一般 2=不满意 1=非常不满意');
      expect(JSON.stringify([sheet1, sheet2])).not.toContain('FORMULA');
    });
  }
});
