/**
 * The fixed parts of an XLSX package (content types, relationships, workbook, styles) and XML
 * escaping. Kept apart from the cell writer so each stays readable.
 */

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Indexes into `cellXfs` of {@link stylesXml}. */
export const STYLE = { header: 1, quoted: 2, headerQuoted: 3 } as const;

/**
 * Escapes text for an element body. Characters XML 1.0 cannot carry (most C0 controls, CR —
 * which parsers would turn into LF —, U+FFFE/U+FFFF, lone surrogates) use Excel's `_xHHHH_`
 * form, and a literal `_xHHHH_` gets its underscore escaped, as Excel does.
 */
export function escapeText(s: string): string {
  return (
    s
      // An underscore that would start `_xHHHH_` once written (the closing "_" may come from a
      // control character's own escape) is itself escaped, so reading gives the text back.
      .replace(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
        /_(?=x[0-9A-Fa-f]{4}(?:_|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|[\udc00-\udfff]))/g,
        '_x005F_',
      )
      .replace(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
        /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
      )
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** `[Content_Types].xml`. */
export function contentTypes(sheetCount: number, shared: boolean): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    (shared
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : '') +
    '</Types>'
  );
}

/** `_rels/.rels`: the package's entry point. */
export function rootRels(): string {
  return (
    `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
}

/** `xl/workbook.xml` listing the sheets in order. */
export function workbookXml(names: readonly string[]): string {
  const sheets = names.map((n, i) => `<sheet name="${escapeAttr(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return (
    `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets></workbook>`
  );
}

/** `xl/_rels/workbook.xml.rels`: sheets rId1…n, then styles and shared strings. */
export function workbookRels(sheetCount: number, shared: boolean): string {
  const rels = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  if (shared) rels.push(`<Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  return `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
}

/** `xl/styles.xml`: default, bold header, quote-prefixed text, bold quote-prefixed text. */
export function stylesXml(): string {
  const xf = (font: number, quoted: boolean) =>
    `<xf numFmtId="0" fontId="${font}" fillId="0" borderId="0" xfId="0"${font ? ' applyFont="1"' : ''}${quoted ? ' quotePrefix="1"' : ''}/>`;
  return (
    `${XML_DECL}<styleSheet xmlns="${MAIN_NS}">` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="4">${xf(0, false)}${xf(1, false)}${xf(0, true)}${xf(1, true)}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}
