/** @jsxImportSource hono/jsx */
/**
 * The A4 poster staff print for a liaison station: who runs it, the QR code that opens its
 * opinion form, and two lines of instructions. Deputies are listed by name only: a poster
 * on a wall is the most public place there is.
 */
import { raw } from 'hono/html';
import type { PublicStation } from './db';
import { type Locale, tx } from './messages';
import { qrSvg } from './qr';
import { PosterContact, type StationContactInfo } from '../receptions/public';

const posterCss = `
@page{size:A4;margin:12mm}
*{box-sizing:border-box}
body{margin:0;background:#e8e8e8;color:#000;font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.tools{max-width:210mm;margin:1rem auto;display:flex;gap:1rem;align-items:center;font-size:1rem}
.tools button{font:inherit;font-weight:700;padding:.75rem 1.5rem;color:#fff;background:#00703c;border:0;box-shadow:0 3px 0 #002d18;cursor:pointer}
.tools button:focus{outline:3px solid #ffdd00;box-shadow:0 0 0 6px #0b0c0c}
.sheet{width:210mm;min-height:297mm;margin:0 auto 2rem;padding:14mm 16mm;background:#fff;display:flex;flex-direction:column;align-items:center;text-align:center}
.head{width:100%;background:#9e1b1b;color:#fff;padding:6mm 4mm;font-size:24pt;font-weight:700;line-height:1.3;margin:0}
.town{font-size:18pt;margin:8mm 0 0}
.station{font-size:28pt;font-weight:700;line-height:1.25;margin:2mm 0 0}
.qr{width:105mm;height:105mm;margin:8mm auto 6mm}
.qr svg{width:100%;height:100%;display:block}
.line{font-size:19pt;font-weight:700;margin:0 0 3mm;line-height:1.35}
.deputies{margin:8mm 0 0;font-size:15pt;line-height:1.6}
.deputies h2{font-size:15pt;margin:0 0 2mm}
.deputies p{margin:0}
.name{display:inline-block;white-space:nowrap;margin:0 .6em}
.contact{margin:6mm 0 0;font-size:15pt;line-height:1.5}
.contact p{margin:0}
.url{margin:auto 0 0;padding-top:6mm;font-size:11pt;color:#333;overflow-wrap:anywhere}
@media print{body{background:#fff}.tools{display:none}.sheet{width:auto;min-height:0;height:273mm;margin:0;padding:0}}
`.trim();

/** The poster page (a complete HTML document). */
export function PosterPage(props: {
  locale: Locale;
  station: PublicStation;
  deputies: readonly string[];
  formUrl: string;
  /** Address, reception days and phone (worker/receptions), printed under the deputies. */
  contact?: StationContactInfo;
}) {
  const { locale, station } = props;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{tx(locale, 'poster_title', { station: station.name })}</title>
        <style dangerouslySetInnerHTML={{ __html: posterCss }} />
      </head>
      <body>
        <div class="tools">
          <button type="button" onclick="window.print()">
            {tx(locale, 'poster_print')}
          </button>
          <span>{tx(locale, 'poster_print_hint')}</span>
        </div>
        <main class="sheet">
          <h1 class="head">{tx(locale, 'poster_heading')}</h1>
          <p class="town">{station.townshipName}</p>
          <p class="station">{station.name}</p>
          <div class="qr">{raw(qrSvg(props.formUrl, `${station.name} ${tx(locale, 'poster_scan')}`))}</div>
          <p class="line">{tx(locale, 'poster_scan')}</p>
          <p class="line">{tx(locale, 'poster_keep')}</p>
          <section class="deputies">
            <h2>{tx(locale, 'poster_deputies')}</h2>
            <p>
              {props.deputies.length > 0
                ? props.deputies.map((name) => <span class="name">{name}</span>)
                : tx(locale, 'poster_no_deputies')}
            </p>
          </section>
          {props.contact && <PosterContact locale={locale} contact={props.contact} />}
          <p class="url">{props.formUrl}</p>
        </main>
      </body>
    </html>
  );
}
