/** @jsxImportSource hono/jsx */
/**
 * The builder's live preview. The dashboard posts the definition being edited; it is checked
 * by the engine's schema (problems come back in Chinese, keyed by the path of the field at
 * fault) and kept for a day under a random token. `/p/<token>` then renders it with the very
 * page the deputy gets (EvaluationPage: same renderer, CSS, scripts, pages and logic), in the
 * builder's 360 px iframe or on the staff member's own phone through a QR code. Posting the
 * previewed form walks its pages but never stores an answer.
 *
 *   POST /api/forms/previews            { kind, definition } → 201 { token, url, pages }
 *   PUT  /api/forms/previews/:token     same body → 200 (only its author)
 *   GET  /api/forms/previews/:token/qr.svg
 *   GET  /api/forms/templates           starting points: 空白问卷, 培训评估, 专题调研, 满意度回访
 *   GET|POST /p/:token                  the page itself (no sign-in: the token is the key)
 */
import { and, eq, lt } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { MessagePage } from '../evaluations/pages/layout';
import { EvaluationPage } from '../evaluations/pages/evaluate';
import { newToken, TOKEN_PATTERN } from '../evaluations/tokens';
import { qrSvg } from '../intake/qr';
import { currentUser, requireRole } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';
import { jsonBody } from '../platform/validation';
import { type FormDefinition, parseDefinition } from './definition';
import { definitionErrorFields } from './definition-errors';
import type { Course } from './fields';
import { type Locale, msg } from './messages';
import { formPages } from './pages';
import { formStep } from './step';
import { FORM_TEMPLATES } from './templates';

/** How long a preview link works. */
const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

const previewInput = z.object({
  kind: z.enum(['questionnaire', 'opinion']).default('questionnaire'),
  definition: z.unknown(),
});

/** Example courses (two days) so a preview shows course cards and day pages as deputies will. */
function sampleCourses(locale: Locale): Course[] {
  const zh = locale !== 'en';
  const day = (n: number) => `2026-01-0${n}`;
  return [
    {
      id: 1,
      title: zh ? '示例课程：人民代表大会制度' : 'Sample: the People’s Congress system',
      lecturer: zh ? '张老师' : 'Zhang',
      day: day(1),
    },
    { id: 2, title: zh ? '示例课程：代表法解读' : 'Sample: the Deputies Law', lecturer: zh ? '李老师' : 'Li', day: day(1) },
    {
      id: 3,
      title: zh ? '示例课程：如何写好建议' : 'Sample: writing suggestions',
      lecturer: zh ? '王老师' : 'Wang',
      day: day(2),
    },
  ];
}

function sampleTraining(locale: Locale) {
  return {
    title: locale === 'en' ? 'Preview: sample training' : '预览：示例培训',
    startsOn: '2026-01-01',
    endsOn: '2026-01-02',
    place: locale === 'en' ? 'Sample venue' : '示例地点',
  };
}

/** Validates a posted definition, or throws 422 with each problem beside its path. */
function checked(c: Context<AppEnv>, definition: unknown): FormDefinition {
  const parsed = parseDefinition(definition);
  if (parsed.ok) return parsed.definition;
  const locale = c.get('locale') as Locale;
  throw new ApiError(
    422,
    'form_definition_invalid',
    { count: parsed.errors.length },
    definitionErrorFields(parsed.errors, locale),
  );
}

function describe(c: Context<AppEnv>, token: string, definition: FormDefinition) {
  return {
    token,
    url: `${new URL(c.req.url).origin}/p/${token}`,
    pages: formPages(definition, sampleCourses(c.get('locale') as Locale)).length,
  };
}

/** Drops expired previews; cheap (indexed) and done whenever one is written. */
function sweep(db: Database, now: number) {
  return db.delete(schema.formPreviews).where(lt(schema.formPreviews.expiresAt, now));
}

const organisers = requireRole('admin', 'staff');

/** The preview API (mounted at /api/forms). */
export const formPreviewRoutes = new Hono<AppEnv>()
  .post('/previews', organisers, async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, previewInput);
    const definition = checked(c, body.definition);
    const db = database(c.env.DB);
    const now = Date.now();
    const token = newToken();
    await db.batch([
      sweep(db, now),
      db.insert(schema.formPreviews).values({
        token,
        kind: body.kind,
        definition: JSON.stringify(definition),
        createdBy: user.id,
        updatedAt: now,
        expiresAt: now + PREVIEW_TTL_MS,
      }),
    ]);
    return c.json(describe(c, token, definition), 201);
  })
  .put('/previews/:token', organisers, async (c) => {
    const user = currentUser(c);
    const token = c.req.param('token');
    if (!TOKEN_PATTERN.test(token)) throw new ApiError(404, 'preview_not_found');
    const body = await jsonBody(c, previewInput);
    const definition = checked(c, body.definition);
    const db = database(c.env.DB);
    const now = Date.now();
    const updated = await db
      .update(schema.formPreviews)
      .set({ kind: body.kind, definition: JSON.stringify(definition), updatedAt: now, expiresAt: now + PREVIEW_TTL_MS })
      .where(and(eq(schema.formPreviews.token, token), eq(schema.formPreviews.createdBy, user.id)))
      .returning({ token: schema.formPreviews.token });
    if (updated.length === 0) throw new ApiError(404, 'preview_not_found');
    return c.json(describe(c, token, definition));
  })
  .get('/templates', organisers, (c) => {
    const locale = c.get('locale') as Locale;
    return c.json({
      items: FORM_TEMPLATES.map((tpl) => ({
        code: tpl.code,
        name: tpl.name[locale === 'en' ? 'en' : 'zh-CN'],
        definition: tpl.definition,
      })),
    });
  })
  .get('/previews/:token/qr.svg', organisers, async (c) => {
    const token = c.req.param('token');
    if (!TOKEN_PATTERN.test(token)) throw new ApiError(404, 'preview_not_found');
    return c.body(qrSvg(`${new URL(c.req.url).origin}/p/${token}`, undefined, { modulePixels: 6 }), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'private, max-age=86400',
    });
  });

async function loadPreview(c: Context<AppEnv>): Promise<FormDefinition | null> {
  const token = c.req.param('token') ?? '';
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await database(c.env.DB)
    .select({ definition: schema.formPreviews.definition, expiresAt: schema.formPreviews.expiresAt })
    .from(schema.formPreviews)
    .where(eq(schema.formPreviews.token, token))
    .get();
  if (!row || row.expiresAt < Date.now()) return null;
  const parsed = parseDefinition(row.definition);
  return parsed.ok ? parsed.definition : null;
}

/** Lets the dashboard (same origin) frame the page; the security middleware honours it. */
function frameable(c: Context<AppEnv>): void {
  c.header('Content-Security-Policy', "frame-ancestors 'self'");
  c.header('cache-control', 'no-store');
}

function gone(c: Context<AppEnv>, locale: Locale) {
  return c.html(
    <MessagePage locale={locale} tone="warn" title={msg(locale, 'preview_gone')} lines={[msg(locale, 'preview_gone_body')]} />,
    404,
  );
}

/** The previewed page itself (mounted at /p). */
export const formPreviewPages = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    frameable(c);
    const locale = c.get('locale') as Locale;
    const definition = await loadPreview(c);
    if (!definition) return gone(c, locale);
    return c.html(
      <EvaluationPage
        training={sampleTraining(locale)}
        definition={definition}
        courses={sampleCourses(locale)}
        locale={locale}
        banner={msg(locale, 'preview_banner')}
      />,
    );
  })
  .post('/:token', async (c) => {
    frameable(c);
    const locale = c.get('locale') as Locale;
    const definition = await loadPreview(c);
    if (!definition) return gone(c, locale);
    let body: Record<string, unknown> = {};
    try {
      body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
    } catch {
      // An unreadable body is an empty form: the page says what is missing.
    }
    const courses = sampleCourses(locale);
    const step = formStep(definition, body, { locale, courses });
    if (step.kind === 'complete') {
      return c.html(
        <MessagePage locale={locale} tone="ok" title={msg(locale, 'preview_done')} lines={[msg(locale, 'preview_done_body')]} />,
      );
    }
    return c.html(
      <EvaluationPage
        training={sampleTraining(locale)}
        definition={definition}
        courses={courses}
        locale={locale}
        values={body}
        errors={step.errors}
        page={step.page}
        banner={msg(locale, 'preview_banner')}
      />,
      step.status,
    );
  });
