/** @jsxImportSource hono/jsx */
/**
 * Downloads of a deputy's 代表码: GET /api/deputies/:id/qr.svg, /qr.png?size= and /poster
 * (an A4 poster, then a card to cut out). Staff of the deputy's township, leaders, admins
 * and the deputy themself may fetch them.
 */
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import * as z from 'zod';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { PNG_SIZE_MAX, PNG_SIZE_MIN, qrPng, qrSvg } from '../intake/qr';
import { assertTownship, currentUser, requireRole } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';
import { type Locale, t } from '../platform/i18n';
import { validate } from '../platform/validation';
import { codeStation, codeUrl } from './code';

const pngQuery = z.object({ size: z.coerce.number().int().min(PNG_SIZE_MIN).max(PNG_SIZE_MAX).optional() });

/** The deputy of the URL (if this user may have their code) and the URL the code holds. */
async function deputyCode(c: Context<AppEnv>) {
  const user = currentUser(c);
  const db = database(c.env.DB);
  const d = schema.deputies;
  const deputy = await db
    .select({
      id: d.id,
      name: d.name,
      level: d.level,
      townshipId: d.townshipId,
      stationId: d.stationId,
      townshipName: schema.townships.name,
    })
    .from(d)
    .innerJoin(schema.townships, eq(schema.townships.id, d.townshipId))
    .where(eq(d.id, Number(c.req.param('id'))))
    .get();
  if (!deputy) throw new ApiError(404, 'not_found');
  if (user.role === 'deputy') {
    if (user.deputyId !== deputy.id) throw new ApiError(403, 'forbidden');
  } else {
    assertTownship(user, deputy.townshipId);
  }
  const station = await codeStation(db, deputy);
  if (!station) throw new ApiError(409, 'code_no_station');
  return { deputy, url: codeUrl(new URL(c.req.url).origin, station, deputy.id) };
}

const posterCss = `
@page{size:A4;margin:12mm}
*{box-sizing:border-box}
body{margin:0;background:#e8e8e8;color:#000;font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.tools{max-width:210mm;margin:1rem auto;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:0 1rem}
.tools button{font:inherit;font-weight:700;padding:.75rem 1.5rem;color:#fff;background:#00703c;border:0;cursor:pointer}
.tools button:focus{outline:3px solid #ffdd00;box-shadow:0 0 0 6px #0b0c0c}
.sheet{width:210mm;max-width:100%;min-height:297mm;margin:0 auto 2rem;padding:14mm 16mm;background:#fff;display:flex;flex-direction:column;align-items:center;text-align:center}
.head{width:100%;background:#9e1b1b;color:#fff;padding:6mm 4mm;font-size:24pt;font-weight:700;line-height:1.3;margin:0}
.town{font-size:16pt;margin:8mm 0 0}
.name{font-size:30pt;font-weight:700;margin:2mm 0 0;line-height:1.25}
.qr{width:105mm;max-width:100%;aspect-ratio:1;margin:8mm auto 6mm}
.qr svg{width:100%;height:100%;display:block}
.line{font-size:18pt;font-weight:700;margin:0 0 3mm;line-height:1.35}
.url{margin:auto 0 0;padding-top:6mm;font-size:10pt;color:#333;overflow-wrap:anywhere}
.cardpage{width:210mm;max-width:100%;margin:0 auto 2rem;padding:14mm 16mm;background:#fff}
.cardpage h2{font-size:12pt;margin:0 0 4mm}
.card{width:90mm;max-width:100%;height:54mm;border:.5pt dashed #555;padding:4mm;display:flex;gap:4mm;align-items:center}
.card .qr{width:44mm;height:44mm;margin:0;flex:0 0 auto}
.card p{margin:0 0 1.5mm;text-align:left;font-size:9pt;line-height:1.4}
.card .who{font-size:13pt;font-weight:700}
@media print{body{background:#fff}.tools{display:none}.sheet{width:auto;min-height:0;height:273mm;margin:0;padding:0;break-after:page}.cardpage{margin:0;padding:0;width:auto}}
`.trim();

function CodePoster(props: { locale: Locale; name: string; level: 'district' | 'township'; townshipName: string; url: string }) {
  const { locale, name } = props;
  const level = t(locale, props.level === 'district' ? 'sheet_level_district' : 'sheet_level_township');
  const label = t(locale, 'code_title', { name });
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{label}</title>
        <style dangerouslySetInnerHTML={{ __html: posterCss }} />
      </head>
      <body>
        <div class="tools">
          <button type="button" onclick="window.print()">
            {t(locale, 'code_print')}
          </button>
          <span>{t(locale, 'code_print_hint')}</span>
        </div>
        <main class="sheet">
          <h1 class="head">{t(locale, 'code_heading')}</h1>
          <p class="town">{props.townshipName}</p>
          <p class="name">{t(locale, 'code_deputy', { level, name })}</p>
          <div class="qr">{raw(qrSvg(props.url, label))}</div>
          <p class="line">{t(locale, 'code_scan')}</p>
          <p class="line">{t(locale, 'code_keep')}</p>
          <p class="url">{props.url}</p>
        </main>
        <section class="cardpage">
          <h2>{t(locale, 'code_card')}</h2>
          <div class="card">
            <div class="qr">{raw(qrSvg(props.url, label))}</div>
            <div>
              <p class="who">{t(locale, 'code_deputy', { level, name })}</p>
              <p>{props.townshipName}</p>
              <p>{t(locale, 'code_scan')}</p>
            </div>
          </div>
        </section>
      </body>
    </html>
  );
}

const READERS = requireRole('admin', 'staff', 'leader', 'deputy');

export const deputyCodeRoutes = new Hono<AppEnv>()
  .get('/:id{[0-9]+}/qr.svg', READERS, async (c) => {
    const { deputy, url } = await deputyCode(c);
    return c.body(qrSvg(url, deputy.name, { modulePixels: 10 }), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Disposition': `inline; filename="deputy-${deputy.id}.svg"`,
      'Cache-Control': 'private, max-age=300',
    });
  })
  .get('/:id{[0-9]+}/qr.png', READERS, async (c) => {
    const { size } = validate(pngQuery, c.req.query());
    const { deputy, url } = await deputyCode(c);
    const { png } = qrPng(url, size ?? 1024);
    return c.body(png, 200, {
      'Content-Type': 'image/png',
      'Content-Disposition': `inline; filename="deputy-${deputy.id}.png"`,
      'Cache-Control': 'private, max-age=300',
    });
  })
  .get('/:id{[0-9]+}/poster', READERS, async (c) => {
    const { deputy, url } = await deputyCode(c);
    const page = (
      <CodePoster locale={c.get('locale')} name={deputy.name} level={deputy.level} townshipName={deputy.townshipName} url={url} />
    );
    c.header('Cache-Control', 'private, no-store');
    return c.html(`<!doctype html>${await page.toString()}`);
  });
