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
import { healthRoutes } from './platform/health';
import { requestContext, sessionUser } from './platform/middleware';
import { sameOriginWrites } from './platform/origin';
import { deputyRoutes } from './roster/deputies';
import { importRoutes } from './roster/import-route';
import { stationRoutes } from './roster/stations';
import { townshipRoutes } from './roster/townships';
import { receptionRoutes } from './receptions/routes';
import { statsRoutes } from './stats/routes';
import { checkinPages, evaluationPages, trainingRoutes } from './evaluations/routes';
import { intakeFormRoutes, stationQrRoutes, trackingRoutes } from './intake';

const app = new Hono<AppEnv>();

app.use(secureHeaders({ referrerPolicy: 'same-origin', crossOriginEmbedderPolicy: false }));
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
  .route('/roster/import', importRoutes)
  .route('/audit', auditRoutes)
  .route('/trainings', trainingRoutes)
  .route('/opinions', opinionRoutes)
  .route('/calendar', calendarRoutes)
  .route('/step-limits', stepLimitRoutes)
  .route('/stats', statsRoutes)
  .route('/receptions', receptionRoutes);

const routes = app.route('/api', api);
app.all('/api/*', () => {
  throw new ApiError(404, 'not_found');
});
// Deputies' pages: the personal evaluation link and the training check-in.
app.route('/e', evaluationPages);
app.route('/c', checkinPages);
// Residents' pages: a station's opinion form (its QR code) and the tracking page.
app.route('/s', intakeFormRoutes);
app.route('/t', trackingRoutes);

/** The RPC type the dashboard's `hc<AppType>()` client is built from. */
export type AppType = typeof routes;

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<import('./env').Env>;

export { app };
