/** @jsxImportSource hono/jsx */
/**
 * Staff downloads for a station's QR code: GET /api/stations/:id/qr.svg, /qr.png?size=
 * and /poster (an A4 page to print). Admins, district staff and leaders see every station;
 * township staff only their township's. The code holds the absolute URL of /s/:code on the
 * origin the request came to, so a code printed from the real site opens the real site.
 */
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { assertTownship, currentUser, requireRole } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';
import { validate } from '../platform/validation';
import { deputyNamesAt, stationById } from './db';
import { PosterPage } from './poster';
import { PNG_SIZE_MAX, PNG_SIZE_MIN, qrPng, qrSvg } from './qr';
import { stationContact } from '../receptions/public';
import { chinaDay } from '../workflow/calendar';

/** Default PNG width: sharp on an A4 print at 300 dpi across 9 cm. */
const PNG_SIZE_DEFAULT = 1024;

const pngQuery = z.object({ size: z.coerce.number().int().min(PNG_SIZE_MIN).max(PNG_SIZE_MAX).optional() });

/** The station of the URL, if the user may see it, and the form URL its code holds. */
async function staffStation(c: Context<AppEnv>) {
  const db = database(c.env.DB);
  const station = await stationById(db, Number(c.req.param('id')));
  if (!station) throw new ApiError(404, 'not_found');
  assertTownship(currentUser(c), station.townshipId);
  return { db, station, formUrl: `${new URL(c.req.url).origin}/s/${station.code}` };
}

const staff = requireRole('admin', 'staff', 'leader');

/** GET /api/stations/:id/qr.svg, /qr.png and /poster (mounted at /api/stations). */
export const stationQrRoutes = new Hono<AppEnv>()
  .get('/:id{[0-9]+}/qr.svg', staff, async (c) => {
    const { station, formUrl } = await staffStation(c);
    return c.body(qrSvg(formUrl, station.name, { modulePixels: 10 }), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Disposition': `inline; filename="station-${station.code}.svg"`,
      'Cache-Control': 'private, max-age=300',
    });
  })
  .get('/:id{[0-9]+}/qr.png', staff, async (c) => {
    const { size } = validate(pngQuery, c.req.query());
    const { station, formUrl } = await staffStation(c);
    const { png } = qrPng(formUrl, size ?? PNG_SIZE_DEFAULT);
    return c.body(png, 200, {
      'Content-Type': 'image/png',
      'Content-Disposition': `inline; filename="station-${station.code}.png"`,
      'Cache-Control': 'private, max-age=300',
    });
  })
  .get('/:id{[0-9]+}/poster', staff, async (c) => {
    const { db, station, formUrl } = await staffStation(c);
    const locale = c.get('locale');
    const [deputies, contact] = await Promise.all([
      deputyNamesAt(db, station.id),
      stationContact(db, station.id, chinaDay(Date.now())),
    ]);
    const page = <PosterPage locale={locale} station={station} deputies={deputies} formUrl={formUrl} contact={contact} />;
    c.header('Cache-Control', 'private, no-store');
    return c.html(`<!doctype html>${await page.toString()}`);
  });
