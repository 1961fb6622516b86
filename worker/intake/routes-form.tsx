/** @jsxImportSource hono/jsx */
/**
 * GET/POST /s/:stationCode — the page a station's QR code opens, and its submission
 * (POST/redirect/GET to the tracking page). Every bad request is answered with a page and
 * a 4xx status: unknown station 404, unreadable body 400, oversized body 413, validation
 * 422, too many submissions 429. Only a failing database gives a 503 (with the form kept).
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { type FieldError, validateAnswers } from '../forms';
import { cleanText } from '../forms/normalise';
import { normaliseCode } from '../platform/codes';
import { type PublicStation, currentOpinionForm, opinionOfKey, planContext, stationByCode } from './db';
import { FormPage, RECIPIENT_FIELD, SUBMISSION_KEY_FIELD } from './form-page';
import { MessagePage, pageLocale, sendPage } from './layout';
import { type Locale, tx } from './messages';
import { clientKey, underLimit } from './rate-limit';
import { storeOpinion } from './submit';
import { submissionNoticeKey } from '../notifications/outbox';
import { enqueueKeys } from '../notifications/queue';
import { BODY_MAX_BYTES, inQuestionOrder, PHOTO_MAX_BYTES, PHOTO_MAX_COUNT, readUploads } from './uploads';
import { PageErrorPage } from './errors';
import { stationContact } from '../receptions/public';
import { recipientFor } from '../deputies/code';
import { chinaDay } from '../workflow/calendar';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The submission key sent with a form, if it is one we could have made. */
function submittedKey(value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : null;
  return text !== null && UUID.test(text) ? text : null;
}

/** The station of the URL, or null (codes are short upper-case letters and digits). */
async function stationOf(c: Context<AppEnv>): Promise<PublicStation | null> {
  const code = normaliseCode(c.req.param('stationCode') ?? '');
  if (!/^[A-Z0-9]{4,16}$/.test(code)) return null;
  return stationByCode(database(c.env.DB), code);
}

function stationNotFound(c: Context<AppEnv>, locale: Locale) {
  return sendPage(
    c,
    <MessagePage
      locale={locale}
      path={c.req.path}
      title={tx(locale, 'station_not_found_title')}
      body={tx(locale, 'station_not_found_body')}
    />,
    404,
  );
}

/** GET/POST /s/:stationCode (mounted at /s). */
export const intakeFormRoutes = new Hono<AppEnv>()
  .get('/:stationCode', async (c) => {
    const locale = pageLocale(c);
    const station = await stationOf(c);
    if (!station) return stationNotFound(c, locale);
    const db = database(c.env.DB);
    const [form, contact, recipient] = await Promise.all([
      currentOpinionForm(db),
      stationContact(db, station.id, chinaDay(Date.now())),
      recipientFor(db, station.townshipId, c.req.query('d')),
    ]);
    return sendPage(
      c,
      <FormPage
        locale={locale}
        station={station}
        definition={form.definition}
        submissionKey={crypto.randomUUID()}
        contact={contact}
        recipient={recipient}
      />,
    );
  })
  .post(
    '/:stationCode',
    bodyLimit({
      maxSize: BODY_MAX_BYTES,
      onError: (c) => {
        const locale = pageLocale(c);
        const max = PHOTO_MAX_BYTES / 1024 / 1024;
        return sendPage(
          c,
          <MessagePage
            locale={locale}
            path={c.req.path}
            title={tx(locale, 'too_large_title')}
            body={tx(locale, 'too_large_body', { max, count: PHOTO_MAX_COUNT })}
            back={{ href: c.req.path, text: tx(locale, 'back_to_form') }}
          />,
          413,
        );
      },
    }),
    async (c) => {
      const locale = pageLocale(c);
      const station = await stationOf(c);
      if (!station) return stationNotFound(c, locale);
      const db = database(c.env.DB);

      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody({ all: true });
      } catch {
        const back = { href: c.req.path, text: tx(locale, 'back_to_form') };
        const page = (
          <MessagePage
            locale={locale}
            path={c.req.path}
            title={tx(locale, 'bad_request_title')}
            body={tx(locale, 'bad_request_body')}
            back={back}
          />
        );
        return sendPage(c, page, 400);
      }

      const form = await currentOpinionForm(db);
      const recipient = await recipientFor(db, station.townshipId, body[RECIPIENT_FIELD]);
      let key = submittedKey(body[SUBMISSION_KEY_FIELD]);
      const again = (status: 400 | 422 | 429 | 503, extra: { notice?: string; errors?: FieldError[]; photosDropped?: boolean }) =>
        sendPage(
          c,
          <FormPage
            locale={locale}
            station={station}
            definition={form.definition}
            submissionKey={key ?? crypto.randomUUID()}
            values={body}
            recipient={recipient}
            {...extra}
          />,
          status,
        );

      // A page without a usable key cannot be de-duplicated: hand out a fresh one and ask again.
      if (!key) return again(400, { notice: tx(locale, 'stale_form') });

      // A retry of something already stored: the same answer, nothing stored twice.
      const existing = await opinionOfKey(db, key);
      if (existing && existing.body === cleanText(String(body.body ?? ''), true)) {
        return c.redirect(`/t/${existing.code}?new=1`, 303);
      }
      if (existing) {
        // The key was reused for a different opinion (Back after submitting, or a restored draft):
        // derive a key from the old one and the new text, so this opinion is stored — once, even
        // when it is itself retried.
        key = await derivedKey(key, String(body.body ?? ''));
        const retried = await opinionOfKey(db, key);
        if (retried) return c.redirect(`/t/${retried.code}?new=1`, 303);
      }

      // Every post counts against its address, valid or not: one address cannot flood us.
      if (!(await underLimit(c.env.INTAKE_IP_LIMITER, `s:${clientKey(c)}`))) {
        return again(429, { notice: tx(locale, 'rate_limited'), photosDropped: hasFiles(body) });
      }

      const result = validateAnswers(form.definition, body, { locale });
      const uploads = await readUploads(form.definition, body, locale);
      const errors = inQuestionOrder(form.definition, [...(result.ok ? [] : result.errors), ...uploads.errors]);
      if (!result.ok || errors.length > 0) return again(422, { errors, photosDropped: uploads.anySent });

      // Only valid submissions count against the station: empty or broken posts from a few
      // addresses must not use up a station's minute and lock its real residents out.
      if (!(await underLimit(c.env.INTAKE_STATION_LIMITER, station.code))) {
        return again(429, { notice: tx(locale, 'rate_limited'), photosDropped: uploads.anySent });
      }

      try {
        const now = Date.now();
        const stored = await storeOpinion(
          c.env.DB,
          c.env.PHOTOS,
          {
            station,
            formVersionId: form.versionId,
            answers: result.values,
            submissionKey: key,
            photos: uploads.photos,
            recipientDeputyId: recipient?.id ?? null,
          },
          await planContext(db, now),
        );
        if (stored.created) c.executionCtx.waitUntil(enqueueKeys(c.env, db, [submissionNoticeKey(key)]));
        return c.redirect(`/t/${stored.trackingCode}?new=1`, 303);
      } catch (err) {
        console.error('storing an opinion failed', err);
        return again(503, { notice: tx(locale, 'save_failed'), photosDropped: uploads.anySent });
      }
    },
  )
  .all('*', async (c) => stationNotFound(c, pageLocale(c)))
  .onError((err, c) => PageErrorPage(c, err));

/** A submission key for a different opinion typed into a form whose key was already used. */
async function derivedKey(key: string, text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${key}\n${text}`));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  // UUID-shaped, so a form re-rendered with it (after a validation error) is accepted as usual.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Whether the body carries any non-empty file. */
function hasFiles(body: Record<string, unknown>): boolean {
  return Object.values(body).some((v) => (Array.isArray(v) ? v : [v]).some((x) => x instanceof File && x.size > 0));
}
