/** GET /api/health: is the database reachable, and which migration is it on? */
import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  try {
    const row = await c.env.DB.prepare('SELECT name FROM d1_migrations ORDER BY id DESC LIMIT 1').first<{ name: string }>();
    return c.json({ ok: true, database: 'reachable', migration: row?.name ?? null });
  } catch {
    return c.json({ ok: false, database: 'unreachable', migration: null }, 503);
  }
});
