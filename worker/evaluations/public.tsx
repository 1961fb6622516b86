/** @jsxImportSource hono/jsx */
/**
 * The deputies' pages: the personal evaluation link (/e/:token) and the daily check-in behind
 * the training's QR code (/c/:code). No session and no cookies: the token is the credential
 * (144 random bits), so there is nothing for a cross-site form to ride on and no CSRF check
 * is needed; check-in, which anyone can reach, is rate-limited per client IP.
 */
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { type FieldError, validateAnswers } from '../forms';
import { formStep } from '../forms/step';
import { attendedDays } from './attended';
import { chinaDay } from '../workflow/calendar';
import { currentForm, engineCourses, loadCourses, trainingDays, trainingFormId } from './db';
import { pt } from './messages';
import { CheckedInPage, CheckinPage, checkinDefinition, NotTrainingDayPage } from './pages/checkin';
import { AlreadySubmittedPage, EvaluationPage, LinkNotFoundPage, NotOpenPage, ThanksPage } from './pages/evaluate';
import { MessagePage } from './pages/layout';
import { checkIn } from './checkin';
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
    const [form, courses, days] = await Promise.all([
      trainingFormId(db, training).then((id) => currentForm(db, id)),
      loadCourses(db, training.id),
      attendedDays(db, training.id, found.enrolmentId),
    ]);
    // No "opened" here: link previews fetch this too (opened.ts); the page reports real use.
    return c.html(
      <EvaluationPage
        training={training}
        definition={form.definition}
        courses={engineCourses(courses)}
        locale={locale}
        attendedDays={days}
      />,
    );
  })
  .post('/:token/opened', async (c) => {
    noStore(c);
    const found = await enrolmentOf(c, c.req.param('token'));
    if (!found) return c.body(null, 404);
    if (!found.openedOn && !found.submittedOn) await recordOpened(c.env.DB, found.enrolmentId, chinaDay(Date.now()));
    return c.body(null, 204);
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
    // A form post (next page or submit) is a real interaction, also with JavaScript off.
    if (!found.openedOn) await recordOpened(c.env.DB, found.enrolmentId, chinaDay(Date.now()));
    const db = database(c.env.DB);
    const [form, courseRows, body, days] = await Promise.all([
      trainingFormId(db, training).then((id) => currentForm(db, id)),
      loadCourses(db, training.id),
      formBody(c),
      attendedDays(db, training.id, found.enrolmentId),
    ]);
    const courses = engineCourses(courseRows);
    // Back / next between pages, or the final submission (each page checked on its own).
    const step = formStep(form.definition, body, { locale, courses, attendedDays: days });
    if (step.kind === 'page') {
      return c.html(
        <EvaluationPage
          training={training}
          definition={form.definition}
          courses={courses}
          locale={locale}
          values={body}
          errors={step.errors}
          page={step.page}
          attendedDays={days}
        />,
        step.status,
      );
    }
    const result = { values: step.values };
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
    // Flood control only: a lecture hall of hundreds shares one address, so the real limit on
    // guessing is per deputy (checkin.ts), and this one is generous.
    const limiter = c.env.CHECKIN_IP_LIMITER;
    const { success } = limiter ? await limiter.limit({ key: `checkin:${clientIp(c)}` }) : { success: true };
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
    const retry = (errors: FieldError[], status: 422 | 429 = 422) =>
      c.html(
        <CheckinPage training={training} today={today} dayNumber={dayNumber} locale={locale} values={body} errors={errors} />,
        status,
      );

    const checked = validateAnswers(checkinDefinition, body, { locale });
    if (!checked.ok) return retry(checked.errors);
    const digits = String(checked.values.phone_mid).normalize('NFKC').replace(/\s+/g, '');
    if (!/^\d{4}$/.test(digits))
      return retry([{ field: 'phone_mid', code: 'invalid_value', message: pt(locale, 'checkin_mid_invalid') }]);

    const outcome = await checkIn(c.env.DB, training.id, { name: String(checked.values.name), digits }, today, Date.now());
    switch (outcome.kind) {
      case 'no_such_name':
        return retry([{ field: 'name', code: 'invalid_value', message: pt(locale, 'checkin_no_name') }]);
      case 'wrong_digits':
        return retry([
          {
            field: 'phone_mid',
            code: 'invalid_value',
            message: pt(locale, 'checkin_wrong_digits', { left: outcome.attemptsLeft }),
          },
        ]);
      case 'locked':
        return retry([{ field: 'phone_mid', code: 'invalid_value', message: pt(locale, 'checkin_locked') }], 429);
      case 'ambiguous':
        return retry([{ field: 'name', code: 'invalid_value', message: pt(locale, 'checkin_ambiguous') }]);
      case 'checked_in':
        break;
    }
    const match = { enrolmentId: outcome.enrolmentId, name: outcome.name };
    const attended = await database(c.env.DB)
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
        again={outcome.again}
        days={days}
        attended={new Set(attended.map((a) => a.day))}
        trainingTitle={training.title}
      />,
    );
  });
