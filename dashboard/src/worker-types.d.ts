/**
 * The dashboard imports `AppType` from worker/index.ts, so tsc checks the Worker's files in
 * this project too, and they name Cloudflare's global types (D1Database, Fetcher…). Loading
 * workers-types globally here would merge its own `Element`, `Response` and friends into the
 * DOM's and corrupt the dashboard's types, so only the names the Worker uses are aliased
 * from the module form of workers-types. A Worker file naming a new Cloudflare global adds
 * one line here.
 */
import type * as Workers from '@cloudflare/workers-types/index.ts';

declare global {
  type D1Database = Workers.D1Database;
  type D1PreparedStatement = Workers.D1PreparedStatement;
  type D1Result<T = unknown> = Workers.D1Result<T>;
  type Fetcher = Workers.Fetcher;
  type R2Bucket = Workers.R2Bucket;
  type RateLimit = Workers.RateLimit;
  type ExecutionContext = Workers.ExecutionContext;
  type ScheduledController = Workers.ScheduledController;
  type Queue<Body = unknown> = Workers.Queue<Body>;
  type MessageBatch<Body = unknown> = Workers.MessageBatch<Body>;
  /**
   * Structural stand-in: the real type's `Request` is workerd's, not the DOM's. Only a
   * `satisfies` in worker/index.ts meets it here; the Worker's own tsconfig checks the real one.
   */
  type ExportedHandler<Env = unknown, QueueBody = unknown> = {
    fetch?: (request: Request, env: Env, ctx: ExecutionContext) => unknown;
    scheduled?: (controller: ScheduledController, env: Env, ctx: ExecutionContext) => unknown;
    queue?: (batch: MessageBatch<QueueBody>, env: Env, ctx: ExecutionContext) => unknown;
  };
}
