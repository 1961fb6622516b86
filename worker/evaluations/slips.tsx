/** @jsxImportSource hono/jsx */
/**
 * GET /api/trainings/:id/slips: an A4 page to print and cut, per township: each enrolled
 * deputy's name with the QR code of their personal evaluation link. `?part=checkin` prints
 * the training's check-in QR code instead, for the door of the lecture hall. Without a
 * township, district-wide staff get a list of townships to choose from (one township's
 * slips are a few pages; the whole district at once would be a heavy page to render).
 */
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { renderSVG } from 'uqr';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import type { Locale } from '../forms/messages';
import { currentUser, townshipScope } from '../platform/auth/guard';
import { validate } from '../platform/validation';
import { canStaff } from './access';
import { loadTraining, type Training } from './db';
import { formatDays, pt } from './messages';
import { slipsQuery } from './validation';

const printCss = `
@page{size:A4;margin:10mm}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#000;background:#fff}
.bar{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;padding:12px 16px;background:#1d3a5f;color:#fff}
.bar h1{font-size:18px;margin:0;flex:1 1 auto}
.bar button{font:inherit;font-size:16px;padding:8px 20px;min-height:44px;border:2px solid #fff;background:#fff;color:#1d3a5f;font-weight:700;cursor:pointer}
.index{padding:16px;max-width:40rem}
.index li{margin:0 0 8px;font-size:18px}
.sheet{width:190mm;margin:0 auto;display:grid;grid-template-columns:1fr 1fr;gap:0}
.slip{height:68mm;border:1px dashed #777;padding:5mm;display:flex;gap:4mm;align-items:center;break-inside:avoid;page-break-inside:avoid}
.slip .qr{flex:0 0 40mm;width:40mm;height:40mm}
.slip .qr svg{width:100%;height:100%;display:block}
.slip .who{flex:1 1 auto;min-width:0}
.slip .name{font-size:22pt;font-weight:700;margin:0 0 2mm;letter-spacing:.05em}
.slip .meta{font-size:10pt;margin:0 0 2mm}
.slip .scan{font-size:9.5pt;margin:0 0 1.5mm;line-height:1.4}
.slip .training{font-size:8.5pt;color:#333;margin:0}
.township{grid-column:1/-1;font-size:14pt;margin:6mm 0 3mm;break-before:page;page-break-before:always}
.township:first-child{break-before:auto;page-break-before:auto}
.poster{width:190mm;margin:0 auto;text-align:center;padding-top:15mm}
.poster h2{font-size:40pt;margin:0 0 6mm;letter-spacing:.2em}
.poster .title{font-size:16pt;margin:0 0 4mm}
.poster .qr{width:130mm;height:130mm;margin:8mm auto}
.poster .qr svg{width:100%;height:100%}
.poster .scan{font-size:18pt;margin:0 0 4mm}
.poster .url{font-size:11pt;word-break:break-all}
@media print{.bar{display:none}.sheet,.poster{margin:0}}
`.trim();

function qr(url: string) {
  // Error correction M: a slip folded into a pocket or a poster taped to a door still scans.
  return raw(renderSVG(url, { ecc: 'M', border: 2 }));
}

function Doc(props: { title: string; locale: Locale; children: unknown }) {
  return html`<!DOCTYPE html>${(
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{props.title}</title>
        <style>{raw(printCss)}</style>
      </head>
      <body>
        <div class="bar">
          <h1>{props.title}</h1>
          <button type="button" onclick="window.print()">
            {pt(props.locale, 'slips_print')}
          </button>
        </div>
        {props.children}
      </body>
    </html>
  )}`;
}

function Poster(props: { training: Training; origin: string; locale: Locale }) {
  const { training, locale } = props;
  const url = `${props.origin}/c/${training.checkinCode}`;
  return (
    <Doc title={`${pt(locale, 'poster_title')} · ${training.title}`} locale={locale}>
      <div class="poster">
        <h2>{pt(locale, 'poster_title')}</h2>
        <p class="title">{training.title}</p>
        <p class="title">{formatDays(training.startsOn, training.endsOn, locale)}</p>
        <div class="qr" role="img" aria-label={url}>
          {qr(url)}
        </div>
        <p class="scan">{pt(locale, 'poster_scan')}</p>
        <p class="url">{url}</p>
      </div>
    </Doc>
  );
}

export const slipRoutes = new Hono<AppEnv>().get('/:id{[0-9]+}/slips', canStaff, async (c) => {
  const user = currentUser(c);
  const q = validate(slipsQuery, c.req.query());
  const township = townshipScope(user, q.townshipId);
  const locale: Locale = c.get('locale');
  const db = database(c.env.DB);
  const training = await loadTraining(db, Number(c.req.param('id')));
  const origin = new URL(c.req.url).origin;
  c.header('cache-control', 'no-store');
  if (q.part === 'checkin') return c.html(<Poster training={training} origin={origin} locale={locale} />);

  const title = pt(locale, 'slips_title', { title: training.title });
  const towns = await db
    .select({ id: schema.townships.id, name: schema.townships.name })
    .from(schema.townships)
    .orderBy(asc(schema.townships.sortOrder), asc(schema.townships.id))
    .all();
  if (township === null) {
    const base = `/api/trainings/${training.id}/slips`;
    return c.html(
      <Doc title={title} locale={locale}>
        <div class="index">
          <p>{pt(locale, 'slips_index')}</p>
          <ul>
            <li>
              <a href={`${base}?part=checkin`}>{pt(locale, 'poster_link')}</a>
            </li>
            {towns.map((t) => (
              <li>
                <a href={`${base}?townshipId=${t.id}`}>{t.name}</a>
              </li>
            ))}
          </ul>
        </div>
      </Doc>,
    );
  }

  const e = schema.enrolments;
  const d = schema.deputies;
  const people = await db
    .select({ name: d.name, level: d.level, token: e.token })
    .from(e)
    .innerJoin(d, eq(d.id, e.deputyId))
    .where(and(eq(e.trainingId, training.id), eq(e.townshipId, township)))
    .orderBy(asc(d.level), asc(d.id))
    .all();
  const townshipName = towns.find((t) => t.id === township)?.name ?? '';
  return c.html(
    <Doc title={`${title} · ${townshipName}`} locale={locale}>
      <div class="sheet">
        <h2 class="township">{pt(locale, 'slips_count', { township: townshipName, count: people.length })}</h2>
        {people.length === 0 ? <p>{pt(locale, 'slips_empty')}</p> : null}
        {people.map((p) => (
          <div class="slip">
            <div class="qr">{qr(`${origin}/e/${p.token}`)}</div>
            <div class="who">
              <p class="name">{p.name}</p>
              <p class="meta">
                {townshipName} · {pt(locale, p.level === 'district' ? 'level_district' : 'level_township')}
              </p>
              <p class="scan">{pt(locale, 'slip_scan')}</p>
              <p class="scan">{pt(locale, 'slip_personal')}</p>
              <p class="training">{training.title}</p>
            </div>
          </div>
        ))}
      </div>
    </Doc>,
  );
});
