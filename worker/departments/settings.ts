/**
 * /api/handling-settings: the district's handling settings (签收 limit, whether 办复 needs
 * staff acceptance, when an item is 挂牌督办). Staff and departments read them (the item page
 * says what will happen); admins change them.
 */
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../platform/auth/guard';
import { jsonBody } from '../platform/validation';
import { SETTING_KEYS } from '../workflow/handling';
import { loadHandlingSettings } from '../opinions/handling-state';
import { settingsPut } from './validation';

export const handlingSettingsRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff', 'leader', 'department'), async (c) => {
    return c.json({ settings: await loadHandlingSettings(database(c.env.DB)) });
  })
  .put('/', requireRole('admin'), async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, settingsPut);
    const db = database(c.env.DB);
    const before = await loadHandlingSettings(db);
    const w = schema.workflowSettings;
    const entries = Object.entries(body) as [keyof typeof SETTING_KEYS, number | boolean][];
    if (entries.length > 0) {
      await db.batch([
        ...entries.map(([k, v]) =>
          db
            .insert(w)
            .values({ key: SETTING_KEYS[k], value: JSON.stringify(v) })
            .onConflictDoUpdate({ target: w.key, set: { value: JSON.stringify(v) } }),
        ),
        auditEntry(db, user, 'update', 'handling_settings', null, before, body),
      ] as unknown as Parameters<typeof db.batch>[0]);
    }
    return c.json({ settings: await loadHandlingSettings(db) });
  });
