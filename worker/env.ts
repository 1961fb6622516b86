/** The Worker's bindings (see wrangler.toml). */
export interface Env {
  /** The one D1 database: roster, accounts, opinions, evaluations, statistics. */
  DB: D1Database;
  /** The built dashboard (dashboard/dist), served for every path the Worker does not own. */
  ASSETS: Fetcher;
  /** Photos attached to opinions and site visits. */
  PHOTOS: R2Bucket;
  /** Public intake limits: per client IP and per liaison station. */
  INTAKE_IP_LIMITER: RateLimit;
  INTAKE_STATION_LIMITER: RateLimit;
  /** Hours of inactivity after which a session expires. */
  SESSION_TTL_HOURS: string;
}

/** Hono's generic parameter for this app: bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    locale: import('./platform/i18n').Locale;
    user: import('./platform/auth/session').SessionUser | null;
  };
}
