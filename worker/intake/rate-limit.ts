/**
 * Rate limits of the public pages (the `[[ratelimits]]` bindings, see wrangler.toml). A
 * limiter that fails lets the request through: refusing every resident because a counter is
 * unavailable would be worse than letting an abuser through for a minute.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** The client's address as Cloudflare reports it; one shared key when it is missing (local tools). */
export function clientKey(c: Context<AppEnv>): string {
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}

/** Counts one request against `key`; false when the limit is reached. */
export async function underLimit(limiter: RateLimit, key: string): Promise<boolean> {
  try {
    const { success } = await limiter.limit({ key });
    return success;
  } catch (err) {
    console.error('rate limiter unavailable', err);
    return true;
  }
}
