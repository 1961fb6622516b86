/**
 * Lianluo's Worker: the JSON API under /api, the server-rendered public pages for residents
 * and deputies, and (through the ASSETS binding) the dashboard app for everything else.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { authRoutes, userRoutes } from './accounts/routes';
import { auditRoutes } from './audit/routes';
import type { AppEnv } from './env';
import { ApiError, errorHandler } from './platform/errors';
import { calendarRoutes, stepLimitRoutes } from './opinions/calendar-routes';
import { opinionRoutes } from './opinions/routes';
import { departmentRoutes } from './departments/routes';
import { handlingSettingsRoutes } from './departments/settings';
import { reminderRoutes, supervisionRoutes } from './departments/supervision';
import { templateRoutes } from './departments/templates';
import { healthRoutes } from './platform/health';
import { requestContext, sessionUser } from './platform/middleware';
import { sameOriginWrites } from './platform/origin';
import { deputyRoutes } from './roster/deputies';
import { importRoutes } from './roster/import-route';
import { stationRoutes } from './roster/stations';
import { townshipRoutes } from './roster/townships';
import { receptionRoutes } from './receptions/routes';
import { deputySelfRoutes } from './deputies/routes';
import { deputyRecordRoutes } from './deputies/record-routes';
import { deputyCodeRoutes } from './deputies/code-routes';
import { statsRoutes } from './stats/routes';
import { checkinPages, evaluationPages, trainingRoutes } from './evaluations/routes';
import { intakeFormRoutes, stationQrRoutes, trackingRoutes } from './intake';
import { handleOutboxBatch } from './notifications/queue';
import { runScheduled } from './scheduled';
import { notificationPages } from './notifications/public-routes';
import { inboundRoutes, messageRoutes } from './notifications/routes';
import { d1Metrics } from './platform/d1-metrics';
import { serveAsset } from './platform/assets';
import { securityHeaders } from './platform/headers';
import { CLEAR_DRAFT_SCRIPT, DRAFT_SCRIPT } from './intake/draft-script';
import { CLEAR_DRAFT_SCRIPT as EVALUATION_CLEAR_SCRIPT, EVALUATION_PAGE_SCRIPT } from './evaluations/pages/evaluate';
import { LOGIC_SCRIPT } from './forms/logic-script';
import { formPreviewPages, formPreviewRoutes } from './forms/preview-routes';

/**
 * The exact text of every inline script a page renders: the pages' Content-Security-Policy
 * allows these by hash and nothing else. A new inline script must be added here
 * (test/worker/platform/headers.test.ts renders the pages and checks).
 */
const INLINE_SCRIPTS = [
  DRAFT_SCRIPT,
  CLEAR_DRAFT_SCRIPT,
  EVALUATION_PAGE_SCRIPT,
  EVALUATION_CLEAR_SCRIPT,
  // The opinion form with conditions or 其他 boxes (a campaign's questions): worker/intake/form-page.tsx.
  `${DRAFT_SCRIPT}\n${LOGIC_SCRIPT}`,
];

const app = new Hono<AppEnv>();

// Benchmark-only D1 accounting; a no-op unless BENCH_METRICS is set (see the module).
app.use(d1Metrics);
app.use(secureHeaders({ referrerPolicy: 'same-origin', crossOriginEmbedderPolicy: false }));
// CSP (inline scripts by hash, no framing) and no-store by default on everything the Worker answers.
app.use(securityHeaders(INLINE_SCRIPTS));
app.use(requestContext);
app.use(
  '/api/*',
  bodyLimit({
    maxSize: 12 * 1024 * 1024,
    onError: () => {
      throw new ApiError(413, 'body_too_large');
    },
  }),
  sessionUser,
  sameOriginWrites,
);
app.onError(errorHandler);

const api = new Hono<AppEnv>()
  .route('/health', healthRoutes)
  .route('/auth', authRoutes)
  .route('/users', userRoutes)
  .route('/townships', townshipRoutes)
  .route('/stations', stationRoutes)
  .route('/stations', stationQrRoutes)
  .route('/deputies', deputyRoutes)
  .route('/deputies', deputySelfRoutes)
  .route('/deputies', deputyRecordRoutes)
  .route('/deputies', deputyCodeRoutes)
  .route('/roster/import', importRoutes)
  .route('/audit', auditRoutes)
  .route('/trainings', trainingRoutes)
  .route('/opinions', opinionRoutes)
  .route('/calendar', calendarRoutes)
  .route('/step-limits', stepLimitRoutes)
  .route('/stats', statsRoutes)
  .route('/receptions', receptionRoutes)
  .route('/messages', messageRoutes)
  .route('/forms', formPreviewRoutes)
  .route('/departments', departmentRoutes)
  .route('/reply-templates', templateRoutes)
  .route('/handling-settings', handlingSettingsRoutes)
  .route('/supervision', supervisionRoutes)
  .route('/reminders', reminderRoutes);

const routes = app.route('/api', api);
app.all('/api/*', () => {
  throw new ApiError(404, 'not_found');
});
// Deputies' pages: the personal evaluation link and the training check-in.
app.route('/e', evaluationPages);
app.route('/c', checkinPages);
// Residents' pages: a station's opinion form (its QR code) and the tracking page.
app.route('/s', intakeFormRoutes);
// 忘记查询码 and 退订 (worker/notifications) come before the tracking routes' catch-all.
app.route('/t', notificationPages);
app.route('/t', trackingRoutes);
// The form builder's preview (an iframe in the dashboard, or a phone by QR): worker/forms.
app.route('/p', formPreviewPages);
// The dashboard's fingerprinted files: missing names are a 404, never index.html (platform/assets).
app.get('/assets/*', serveAsset);
// The SMS gateway's signed callbacks (replies such as TD = 退订).
app.route('/hooks/sms', inboundRoutes);

/** The RPC type the dashboard's `hc<AppType>()` client is built from. */
export type AppType = typeof routes;

export default {
  fetch: app.fetch,
  // Outbox delivery (Cloudflare Queues) and the Cron Triggers: worker/notifications, worker/scheduled.
  async queue(batch, env, _ctx) {
    await handleOutboxBatch(batch, env);
  },
  async scheduled(controller, env, _ctx) {
    const report = await runScheduled(controller.cron, env, controller.scheduledTime);
    console.log('scheduled run', JSON.stringify(report));
  },
} satisfies ExportedHandler<import('./env').Env, import('./notifications/queue').OutboxJob>;

export { app };
