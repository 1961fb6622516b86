/** @jsxImportSource hono/jsx */
/**
 * The resident's tracking pages: GET /t/ (type a code), GET /t/:code (progress), and
 * POST /t/:code/rate (满意 / 基本满意 / 不满意 through the state machine as the 'resident'
 * actor; 不满意 sends the opinion to review). Rating posts are rate-limited per client.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { database, type Database } from '../db/client';
import type { AppEnv } from '../env';
import { type FieldError, validateAnswers } from '../forms';
import { checkPermission, isOpinionState, planTransition } from '../workflow/machine';
import { planContext, publicEvents, publicOpinion, trackingCodeOf } from './db';
import { PageErrorPage } from './errors';
import { MessagePage, pageLocale, sendPage } from './layout';
import { type Locale, tx } from './messages';
import { applyResidentPlan } from './rate';
import { clientKey, underLimit } from './rate-limit';
import { lookupFormDefinition, ratingFormDefinition } from './small-forms';
import { LookupPage, TrackingPage, type TrackingPageProps } from './tracking-page';
import { parseTrackingCode } from './tracking-code';
import { stationContact } from '../receptions/public';
import { chinaDay } from '../workflow/calendar';

/** Everything the tracking page shows, or null when no opinion has this code. */
async function loadView(db: Database, code: string) {
  const opinion = await publicOpinion(db, code);
  if (!opinion) return null;
  const [events, mergedCode, contact] = await Promise.all([
    publicEvents(db, opinion.id),
    opinion.mergedIntoId === null ? null : trackingCodeOf(db, opinion.mergedIntoId),
    stationContact(db, opinion.stationCode, chinaDay(Date.now())),
  ]);
  return { opinion, events, mergedCode, contact };
}

function notFound(c: Context<AppEnv>, locale: Locale) {
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

/** Residents rate as the machine's 'resident' actor. */
const RESIDENT = { role: 'resident' } as const;

type Extra = Pick<TrackingPageProps, 'isNew' | 'justRated' | 'notice' | 'ratingValues' | 'ratingErrors'>;

function tracking(
  c: Context<AppEnv>,
  locale: Locale,
  view: NonNullable<Awaited<ReturnType<typeof loadView>>>,
  extra: Extra,
  status: 200 | 409 | 422 | 429 = 200,
) {
  const url = `${new URL(c.req.url).origin}/t/${view.opinion.trackingCode}`;
  return sendPage(c, <TrackingPage locale={locale} {...view} url={url} {...extra} />, status);
}

/** The page of an address that looked up too many codes this minute. */
function lookupLimited(c: Context<AppEnv>, locale: Locale) {
  const page = (
    <MessagePage
      locale={locale}
      path={c.req.path}
      title={tx(locale, 'lookup_limited_title')}
      body={tx(locale, 'lookup_limited_body')}
      back={{ href: '/t/', text: tx(locale, 'lookup_title') }}
    />
  );
  c.header('Retry-After', '60');
  return sendPage(c, page, 429);
}

/** Counts one lookup of a code from this address; false past the limit (codes must not be guessed in bulk). */
function lookupAllowed(c: Context<AppEnv>): Promise<boolean> {
  return underLimit(c.env.TRACKING_IP_LIMITER, `t:${clientKey(c)}`);
}

async function lookup(c: Context<AppEnv>) {
  const locale = pageLocale(c);
  const typed = c.req.query('code');
  if (typed === undefined) return sendPage(c, <LookupPage locale={locale} />);
  if (!(await lookupAllowed(c))) return lookupLimited(c, locale);
  const values = { code: typed };
  const again = (errors: readonly FieldError[], status: 404 | 422) =>
    sendPage(c, <LookupPage locale={locale} values={values} errors={errors} />, status);
  const result = validateAnswers(lookupFormDefinition, values, { locale });
  if (!result.ok) return again(result.errors, 422);
  const code = parseTrackingCode(String(result.values.code));
  if (!code) return again([{ field: 'code', code: 'invalid_value', message: tx(locale, 'lookup_invalid') }], 422);
  if (!(await publicOpinion(database(c.env.DB), code))) {
    return again(
      [{ field: 'code', code: 'invalid_value', message: tx(locale, 'lookup_not_found', { code: typed.trim() }) }],
      404,
    );
  }
  return c.redirect(`/t/${code}`, 303);
}

/** GET /t/, GET /t/:code, POST /t/:code/rate (mounted at /t). */
export const trackingRoutes = new Hono<AppEnv>()
  .get('/', lookup)
  .get('/:code', async (c) => {
    const locale = pageLocale(c);
    if (!(await lookupAllowed(c))) return lookupLimited(c, locale);
    const code = parseTrackingCode(c.req.param('code'));
    if (!code) return notFound(c, locale);
    const view = await loadView(database(c.env.DB), code);
    if (!view) return notFound(c, locale);
    return tracking(c, locale, view, { isNew: c.req.query('new') === '1', justRated: c.req.query('rated') === '1' });
  })
  .post(
    '/:code/rate',
    // A rating and a comment of 500 characters fit in a few KB.
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => PageErrorPage(c, new HTTPException(413)) }),
    async (c) => {
      const locale = pageLocale(c);
      const code = parseTrackingCode(c.req.param('code'));
      if (!code) return notFound(c, locale);
      const db = database(c.env.DB);
      const view = await loadView(db, code);
      if (!view) return notFound(c, locale);

      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody({ all: true });
      } catch {
        body = {};
      }
      if (!(await underLimit(c.env.INTAKE_IP_LIMITER, `t:${clientKey(c)}`))) {
        return tracking(c, locale, view, { notice: tx(locale, 'rate_limited_short'), ratingValues: body }, 429);
      }
      const { opinion } = view;
      const refused = (v: typeof view) =>
        tracking(c, locale, v, { notice: tx(locale, v.opinion.rating !== null ? 'already_rated' : 'not_ratable') }, 409);
      // Not ratable now (not resolved yet, or rated already): say so before judging the answer.
      if (!isOpinionState(opinion.state) || checkPermission(opinion.state, 'rate', RESIDENT) !== null) return refused(view);
      const result = validateAnswers(ratingFormDefinition, body, { locale });
      if (!result.ok) return tracking(c, locale, view, { ratingValues: body, ratingErrors: result.errors }, 422);

      const now = Date.now();
      const payload = {
        rating: String(result.values.rating),
        ratingComment: typeof result.values.comment === 'string' ? result.values.comment : null,
      };
      const plan = planTransition(opinion, 'rate', RESIDENT, payload, await planContext(db, now));
      if (!plan.ok) return refused(view);
      if (!(await applyResidentPlan(c.env.DB, opinion, plan, now))) {
        // Someone (a second tab, a staff member's phone follow-up) got there first.
        const fresh = await loadView(db, code);
        return fresh ? refused(fresh) : notFound(c, locale);
      }
      return c.redirect(`/t/${code}?rated=1`, 303);
    },
  )
  .all('*', async (c) => {
    // /t/ with the slash is the lookup page's canonical address (the worker owns /t/*).
    if (c.req.method === 'GET' && c.req.path === '/t/') return lookup(c);
    return notFound(c, pageLocale(c));
  })
  .onError((err, c) => PageErrorPage(c, err));
