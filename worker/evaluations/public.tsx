/** @jsxImportSource hono/jsx */
/**
 * The deputies' pages: the personal evaluation link (/e/:token) and the daily check-in behind
 * the training's QR code (/c/:code). No session and no cookies: the token is the credential
 * (144 random bits), so there is nothing for a cross-site form to ride on and no CSRF check
 * is needed; check-in, which anyone can reach, is rate-limited per client IP.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { type FieldError, validateAnswers } from '../forms';
import { cleanText } from '../forms/normalise';
import { chinaDay } from '../workflow/calendar';
import { currentForm, engineCourses, loadCourses, trainingDays, trainingFormId } from './db';
import { pt } from './messages';
import { CheckedInPage, CheckinPage, checkinDefinition, NotTrainingDayPage } from './pages/checkin';
import { AlreadySubmittedPage, EvaluationPage, LinkNotFoundPage, NotOpenPage, ThanksPage } from './pages/evaluate';
import { MessagePage } from './pages/layout';
import { recordOpened, recordSubmission } from './submit';
import { TOKEN_PATTERN } from './tokens';

/** A questionnaire with long comments stays far below this; anything bigger is not a form post. */
const MAX_FORM_BYTES = 256 * 1024;

const limitBody = bodyLimit({
  maxSize: MAX_FORM_BYTES,
  onError: (c) => c.text('Payload Too Large', 413),
});

/** Personal pages must not be cached by a shared proxy, nor kept in a shared phone's history cache. */
function noStore(c: Context<AppEnv>): void {
  c.header('cache-control', 'no-store');
}

/** The enrolment behind a token, with its training; null for unknown or malformed tokens. */
async function enrolmentOf(c: Context<AppEnv>, token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const e = schema.enrolments;
  const t = schema.trainings;
  return database(c.env.DB)
    .select({
      enrolmentId: e.id,
      townshipId: e.townshipId,
      openedOn: e.openedOn,
      submittedOn: e.submittedOn,
      training: t,
    })
    .from(e)
    .innerJoin(t, eq(t.id, e.trainingId))
    .where(eq(e.token, token))
    .get();
}

/** Reads a urlencoded/multipart body as the form engine expects: repeated names become arrays. */
async function formBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export const evaluationPages = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    noStore(c);
    const locale = c.get('locale');
    const found = await enrolmentOf(c, c.req.param('token'));
    if (!found) return c.html(<LinkNotFoundPage locale={locale} />, 404);
    const { training } = found;
    if (found.submittedOn) return c.html(<AlreadySubmittedPage locale={locale} trainingTitle={training.title} />);
    if (training.evaluationStatus !== 'open') {
      return c.html(<NotOpenPage locale={locale} trainingTitle={training.title} status={training.evaluationStatus} />);
    }
    const db = database(c.env.DB);
    const [form, courses] = await Promise.all([
      trainingFormId(db, training).then((id) => currentForm(db, id)),
      loadCourses(db, training.id),
    ]);
    if (!found.openedOn) await recordOpened(c.env.DB, found.enrolmentId, chinaDay(Date.now()));
    return c.html(
      <EvaluationPage training={training} definition={form.definition} courses={engineCourses(courses)} locale={locale} />,
    );
  })
  .post('/:token', limitBody, async (c) => {
    noStore(c);
    const locale = c.get('locale');
    const found = await enrolmentOf(c, c.req.param('token'));
    if (!found) return c.html(<LinkNotFoundPage locale={locale} />, 404);
    const { training } = found;
    if (found.submittedOn) return c.html(<AlreadySubmittedPage locale={locale} trainingTitle={training.title} />, 409);
    if (training.evaluationStatus !== 'open') {
      return c.html(<NotOpenPage locale={locale} trainingTitle={training.title} status={training.evaluationStatus} />, 409);
    }
    const db = database(c.env.DB);
    const [form, courseRows, body] = await Promise.all([
      trainingFormId(db, training).then((id) => currentForm(db, id)),
      loadCourses(db, training.id),
      formBody(c),
    ]);
    const courses = engineCourses(courseRows);
    const result = validateAnswers(form.definition, body, { locale, courses });
    if (!result.ok) {
      return c.html(
        <EvaluationPage
          training={training}
          definition={form.definition}
          courses={courses}
          locale={locale}
          values={body}
          errors={result.errors}
        />,
        422,
      );
    }
    const outcome = await recordSubmission(c.env.DB, {
      enrolmentId: found.enrolmentId,
      trainingId: training.id,
      formVersionId: form.versionId,
      townshipId: found.townshipId,
      answers: result.values,
      today: chinaDay(Date.now()),
    });
    if (outcome === 'already') return c.html(<AlreadySubmittedPage locale={locale} trainingTitle={training.title} />, 409);
    return c.html(<ThanksPage locale={locale} trainingTitle={training.title} />);
  });

/** A name as people type it: full-width letters folded, spaces (also U+3000) removed. */
function comparableName(name: string): string {
  return cleanText(name, false).normalize('NFKC').replace(/\s+/g, '');
}

async function trainingByCode(c: Context<AppEnv>, code: string) {
  if (!/^[A-Za-z0-9]{4,16}$/.test(code)) return null;
  return database(c.env.DB).select().from(schema.trainings).where(eq(schema.trainings.checkinCode, code.toUpperCase())).get();
}

function clientIp(c: Context<AppEnv>): string {
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}

export const checkinPages = new Hono<AppEnv>()
  .get('/:code', async (c) => {
    noStore(c);
    const locale = c.get('locale');
    const training = await trainingByCode(c, c.req.param('code'));
    if (!training) return c.html(<LinkNotFoundPage locale={locale} />, 404);
    const today = chinaDay(Date.now());
    const days = trainingDays(training);
    if (!days.includes(today)) return c.html(<NotTrainingDayPage locale={locale} training={training} />);
    return c.html(<CheckinPage training={training} today={today} dayNumber={days.indexOf(today) + 1} locale={locale} />);
  })
  .post('/:code', limitBody, async (c) => {
    noStore(c);
    const locale = c.get('locale');
    // Name + four digits is guessable by someone patient: limit attempts per client.
    const { success } = await c.env.INTAKE_IP_LIMITER.limit({ key: `checkin:${clientIp(c)}` });
    if (!success) {
      return c.html(
        <MessagePage
          locale={locale}
          tone="warn"
          title={pt(locale, 'rate_limited_title')}
          lines={[pt(locale, 'rate_limited_body')]}
        />,
        429,
      );
    }
    const training = await trainingByCode(c, c.req.param('code'));
    if (!training) return c.html(<LinkNotFoundPage locale={locale} />, 404);
    const today = chinaDay(Date.now());
    const days = trainingDays(training);
    if (!days.includes(today)) return c.html(<NotTrainingDayPage locale={locale} training={training} />, 422);
    const dayNumber = days.indexOf(today) + 1;
    const body = await formBody(c);
    const retry = (errors: FieldError[]) =>
      c.html(
        <CheckinPage training={training} today={today} dayNumber={dayNumber} locale={locale} values={body} errors={errors} />,
        422,
      );

    const checked = validateAnswers(checkinDefinition, body, { locale });
    if (!checked.ok) return retry(checked.errors);
    const last4 = String(checked.values.last4).normalize('NFKC').replace(/\s+/g, '');
    if (!/^\d{4}$/.test(last4))
      return retry([{ field: 'last4', code: 'invalid_value', message: pt(locale, 'checkin_last4_invalid') }]);
    const name = comparableName(String(checked.values.name));

    const db = database(c.env.DB);
    const e = schema.enrolments;
    const candidates = await db
      .select({ enrolmentId: e.id, name: schema.deputies.name })
      .from(e)
      .innerJoin(schema.deputies, eq(schema.deputies.id, e.deputyId))
      .where(and(eq(e.trainingId, training.id), sql`substr(${schema.deputies.phone}, -4) = ${last4}`))
      .all();
    const matches = candidates.filter((m) => comparableName(m.name) === name);
    if (matches.length === 0) return retry([{ field: 'name', code: 'invalid_value', message: pt(locale, 'checkin_no_match') }]);
    if (matches.length > 1) return retry([{ field: 'name', code: 'invalid_value', message: pt(locale, 'checkin_ambiguous') }]);
    const match = matches[0]!;

    const inserted = await db
      .insert(schema.attendance)
      .values({ enrolmentId: match.enrolmentId, day: today, checkedInAt: Date.now() })
      .onConflictDoNothing()
      .returning({ day: schema.attendance.day });
    const attended = await db
      .select({ day: schema.attendance.day })
      .from(schema.attendance)
      .where(eq(schema.attendance.enrolmentId, match.enrolmentId))
      .all();
    return c.html(
      <CheckedInPage
        locale={locale}
        name={match.name}
        today={today}
        dayNumber={dayNumber}
        again={inserted.length === 0}
        days={days}
        attended={new Set(attended.map((a) => a.day))}
        trainingTitle={training.title}
      />,
    );
  });
