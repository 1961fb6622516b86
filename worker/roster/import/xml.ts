/**
 * A small pull-style XML tokenizer for the parts of SpreadsheetML the import reads.
 * Not a general XML parser: no DTDs (refused, so no entity-expansion tricks), no namespaces beyond
 * dropping prefixes (Excel writes `<c>`, some generators `<x:c>`; both mean the same cell).
 */
import { ImportFileError } from './errors';

/** One token of the document. Element and attribute names are local names (prefix removed). */
export type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /<(\/?)([A-Za-z_][\w.:-]*)/y;
const ATTR = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const END = /\s*(\/?)>/y;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Replaces the predefined and numeric character references. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * Yields the tokens of an XML document. Comments and processing instructions are skipped;
 * CDATA comes back as text.
 * @throws ImportFileError `xlsx_corrupt` for markup it cannot read or a DOCTYPE.
 */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) yield { kind: 'text', text: decodeEntities(xml.slice(i, textEnd)) };
    if (lt < 0) return;
    if (xml.startsWith('<?', lt) || xml.startsWith('<!--', lt)) {
      const close = xml.startsWith('<?', lt) ? '?>' : '-->';
      const end = xml.indexOf(close, lt + 2);
      if (end < 0) throw new ImportFileError('xlsx_corrupt');
      i = end + close.length;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) throw new ImportFileError('xlsx_corrupt');
      yield { kind: 'text', text: xml.slice(lt + 9, end) };
      i = end + 3;
      continue;
    }
    // Sticky regexes walk the tag piece by piece: linear, no backtracking over attribute lists.
    NAME.lastIndex = lt;
    const m = NAME.exec(xml);
    if (!m) throw new ImportFileError('xlsx_corrupt'); // includes <!DOCTYPE …>
    const name = localName(m[2] ?? '');
    let at = NAME.lastIndex;
    const attrs: Record<string, string> = {};
    if (!m[1]) {
      for (;;) {
        ATTR.lastIndex = at;
        const a = ATTR.exec(xml);
        if (!a) break;
        const value = a[2] ?? a[3] ?? '';
        attrs[localName(a[1] ?? '')] = value.includes('&') ? decodeEntities(value) : value;
        at = ATTR.lastIndex;
      }
    }
    END.lastIndex = at;
    const end = END.exec(xml);
    if (!end) throw new ImportFileError('xlsx_corrupt');
    if (m[1]) yield { kind: 'close', name };
    else yield { kind: 'open', name, attrs, selfClosing: end[1] === '/' };
    i = END.lastIndex;
  }
}

/**
 * Excel escapes characters XML cannot hold as `_xHHHH_` (and a literal `_x…_` as `_x005F_x…_`);
 * undo it so text matches what the user typed.
 */
export function decodeOoxmlEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
