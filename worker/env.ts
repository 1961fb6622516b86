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
  /** Tracking-page lookups per client address (codes cannot be guessed in bulk). */
  TRACKING_IP_LIMITER: RateLimit;
  /** Training check-in posts per client address: flood control only, sized for a hall on one Wi-Fi. */
  CHECKIN_IP_LIMITER?: RateLimit;
  /** Hours of inactivity after which a session expires. */
  SESSION_TTL_HOURS: string;
  // --- Notifications (worker/notifications/) ---
  /** Outbox ids to deliver; consumed by this Worker's `queue()` handler. */
  OUTBOX_QUEUE: Queue<import('./notifications/queue').OutboxJob>;
  /** Forgotten-code SMS requests: per number (the key is a hash) and per client address. */
  CODE_LOOKUP_LIMITER?: RateLimit;
  /** The public address links in messages point at, e.g. https://lianluo.example.gov.cn. */
  PUBLIC_ORIGIN?: string;
  /** dev (record only; the default), tencent or webhook. */
  SMS_PROVIDER?: string;
  /** Secrets of the Tencent Cloud SMS adapter (`wrangler secret put …`). */
  TENCENT_SMS_SECRET_ID?: string;
  TENCENT_SMS_SECRET_KEY?: string;
  TENCENT_SMS_APP_ID?: string;
  TENCENT_SMS_SIGN_NAME?: string;
  TENCENT_SMS_ENDPOINT?: string;
  /** The district gateway of the webhook adapter, and the HMAC secret shared with it. */
  SMS_WEBHOOK_URL?: string;
  SMS_WEBHOOK_SECRET?: string;
}

/** Hono's generic parameter for this app: bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    locale: import('./platform/i18n').Locale;
    user: import('./platform/auth/session').SessionUser | null;
  };
}
