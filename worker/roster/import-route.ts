/** Placeholder until the import parsers land (same commit series). */
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { requireRole } from '../platform/auth/guard';

export const importRoutes = new Hono<AppEnv>().post('/', requireRole('admin', 'staff'), (c) =>
  c.json({ created: 0, updated: 0, unchanged: 0, dryRun: true }),
);
