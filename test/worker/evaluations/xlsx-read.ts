/**
 * Reads the first worksheet of an XLSX download back into rows of cell texts, as a person
 * opening the file would see them: shared strings, inline strings and numbers. Just enough
 * of the format for the files worker/platform/export writes.
 */
import { unzipSync } from 'fflate';

function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The rows of sheet 1 (header included), each cell as text ('' where empty). */
export function readFirstSheet(bytes: ArrayBuffer): string[][] {
  const files = unzipSync(new Uint8Array(bytes));
  const decode = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : '');
  const shared = [...decode('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    xmlText([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const sheet = decode('xl/worksheets/sheet1.xml');
  return [...sheet.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells: string[] = [];
    for (const c of (row[1] ?? '').matchAll(/<c r="([A-Z]+\d+)"([^>]*)>([\s\S]*?)<\/c>/g)) {
      const [, ref = '', attrs = '', inner = ''] = c;
      let text = '';
      if (/t="s"/.test(attrs)) text = shared[Number(/<v>(\d+)<\/v>/.exec(inner)?.[1])] ?? '';
      else if (/t="inlineStr"/.test(attrs)) text = xmlText(/<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1] ?? '');
      else text = /<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? '';
      cells[columnIndex(ref)] = text;
    }
    return Array.from(cells, (v) => v ?? '');
  });
}
