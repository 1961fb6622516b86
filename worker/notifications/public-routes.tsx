/** @jsxImportSource hono/jsx */
/**
 * Residents' notification pages under /t (mounted before the tracking routes):
 * - GET/POST /t/codes — 忘记查询码: the codes of a number's opinions by SMS to that number,
 *   rate-limited per number and per client address, with the same neutral answer whether or
 *   not the number is known (so the page cannot be used to learn who wrote in);
 * - POST /t/:code/unsubscribe — 退订: the reporter's number is added to the opt-outs.
 * Server-rendered, work with JavaScript off.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { defineForm, type FieldError, validateAnswers } from '../forms';
import { ErrorSummary, FormFields, formCss } from '../forms/render';
import { MessagePage, Page, pageLocale, sendPage } from '../intake/layout';
import { tx } from '../intake/messages';
import { clientKey, underLimit } from '../intake/rate-limit';
import { parseTrackingCode } from '../intake/tracking-code';
import { chinaDay } from '../workflow/calendar';
import { directNotice } from './outbox';
import { nt, type PageLocale } from './public-messages';
import { enqueueKeys } from './queue';

/** One field: the mobile number. */
export const codesFormDefinition = defineForm({
  schemaVersion: 1,
  questions: [
    {
      id: 'phone',
      type: 'text',
      label: { 'zh-CN': '手机号码', en: 'Mobile number' },
      required: true,
      pattern: 'mobile_cn',
      autocomplete: 'tel',
      messages: { required: { 'zh-CN': '请输入手机号码', en: 'Enter your mobile number' } },
    },
  ],
});

/** Codes sent in one SMS at most (the newest), so the message stays short. */
const MAX_CODES = 5;

function CodesPage(props: {
  locale: PageLocale;
  values?: Record<string, unknown>;
  errors?: readonly FieldError[];
  notice?: string;
}) {
  const { locale } = props;
  const errors = props.errors ?? [];
  return (
    <Page locale={locale} title={nt(locale, 'codes_title')} hasErrors={errors.length > 0} css={formCss} path="/t/codes">
      <h1 class="pg-h1">{nt(locale, 'codes_title')}</h1>
      <p class="pg-lead">{nt(locale, 'codes_lead')}</p>
      {props.notice && (
        <p class="pg-lead" role="alert">
          {props.notice}
        </p>
      )}
      <ErrorSummary errors={errors} locale={locale} />
      <form class="lf-form" novalidate method="post" action="/t/codes">
        <FormFields definition={codesFormDefinition} values={props.values} errors={errors} locale={locale} />
        <button class="lf-button" type="submit">
          {nt(locale, 'codes_submit')}
        </button>
      </form>
      <p class="pg-more">
        <a href="/t/">{nt(locale, 'back_lookup')}</a>
      </p>
    </Page>
  );
}

async function phoneKey(phone: string): Promise<string> {
  // The limiter's key is a hash: a rate-limit key is no place for a phone number.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`codes:${phone}`));
  return [...new Uint8Array(digest)]
    .slice(0, 12)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

async function sendCodes(c: Context<AppEnv>) {
  const locale = pageLocale(c);
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    body = {};
  }
  const result = validateAnswers(codesFormDefinition, body, { locale });
  if (!result.ok) return sendPage(c, <CodesPage locale={locale} values={body} errors={result.errors} />, 422);
  const phone = String(result.values.phone);
  const limiter = c.env.CODE_LOOKUP_LIMITER ?? c.env.INTAKE_IP_LIMITER;
  if (
    !(await underLimit(limiter, `n:${await phoneKey(phone)}`)) ||
    !(await underLimit(c.env.INTAKE_IP_LIMITER, `codes:${clientKey(c)}`))
  ) {
    return sendPage(c, <CodesPage locale={locale} values={body} notice={nt(locale, 'codes_limited')} />, 429);
  }
  const db = database(c.env.DB);
  const o = schema.opinions;
  const rows = await db
    .select({ code: o.trackingCode, townshipId: o.townshipId })
    .from(o)
    .where(and(eq(o.reporterPhone, phone), isNotNull(o.consentAt)))
    .orderBy(desc(o.receivedAt))
    .limit(MAX_CODES)
    .all();
  if (rows.length > 0) {
    const now = Date.now();
    // Once per number per day, however often the form is sent.
    const dedupeKey = `codes:${phone}:${chinaDay(now)}`;
    await db.batch([
      directNotice(db, {
        dedupeKey,
        phone,
        audience: 'resident',
        templateId: 'tracking_codes',
        variables: { codes: rows.map((r) => r.code).join('、'), link: '/t/' },
        eventKind: 'lookup',
        townshipId: rows[0]!.townshipId,
        now,
      }),
    ]);
    c.executionCtx.waitUntil(enqueueKeys(c.env, db, [dedupeKey]));
  }
  return sendPage(
    c,
    <MessagePage
      locale={locale}
      path="/t/codes"
      title={nt(locale, 'codes_sent_title')}
      body={nt(locale, 'codes_sent_body')}
      back={{ href: '/t/', text: nt(locale, 'back_lookup') }}
    />,
  );
}

export const notificationPages = new Hono<AppEnv>()
  .get('/codes', (c) => sendPage(c, <CodesPage locale={pageLocale(c)} />))
  .post('/codes', sendCodes)
  .post('/:code/unsubscribe', async (c) => {
    const locale = pageLocale(c);
    const code = parseTrackingCode(c.req.param('code'));
    const db = database(c.env.DB);
    const o = schema.opinions;
    const row = code ? await db.select({ phone: o.reporterPhone }).from(o).where(eq(o.trackingCode, code)).get() : undefined;
    if (!row) {
      const page = (
        <MessagePage
          locale={locale}
          path={c.req.path}
          title={tx(locale, 'tracking_not_found_title')}
          body={tx(locale, 'tracking_not_found_body')}
          back={{ href: '/t/', text: tx(locale, 'lookup_title') }}
        />
      );
      return sendPage(c, page, 404);
    }
    const back = { href: `/t/${code}`, text: nt(locale, 'back_lookup') };
    if (!row.phone) {
      return sendPage(
        c,
        <MessagePage
          locale={locale}
          path={c.req.path}
          title={nt(locale, 'unsubscribe_title')}
          body={nt(locale, 'unsubscribe_no_phone')}
          back={back}
        />,
      );
    }
    await db
      .insert(schema.smsOptOuts)
      .values({ phone: row.phone, source: 'tracking_page', createdAt: Date.now() })
      .onConflictDoNothing();
    return sendPage(
      c,
      <MessagePage
        locale={locale}
        path={c.req.path}
        title={nt(locale, 'unsubscribed_title')}
        body={nt(locale, 'unsubscribed_body')}
        back={back}
      />,
    );
  });

/** The 退订 block at the foot of the tracking page. */
export function UnsubscribeForm(props: { locale: PageLocale; trackingCode: string }) {
  const { locale } = props;
  return (
    <form class="lf-form" method="post" action={`/t/${props.trackingCode}/unsubscribe`}>
      <h2 class="pg-h2">{nt(locale, 'unsubscribe_title')}</h2>
      <p>{nt(locale, 'unsubscribe_lead')}</p>
      <button class="lf-button lf-button--back" type="submit">
        {nt(locale, 'unsubscribe_submit')}
      </button>
    </form>
  );
}

/** The 忘记查询码 link under the lookup form. */
export function CodesLink(props: { locale: PageLocale }) {
  return (
    <p class="pg-more">
      <a href="/t/codes">{nt(props.locale, 'codes_link')}</a>
    </p>
  );
}
