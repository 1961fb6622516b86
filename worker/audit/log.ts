/**
 * The audit log: every write by a signed-in user records who, when, what, and the values
 * before and after. Callers put `auditEntry(...)` into the same `db.batch` as the write, so
 * the change and its record land together or not at all.
 */
import type { Database } from '../db/client';
import { schema } from '../db/client';
import type { SessionUser } from '../platform/auth/session';

/** Fields never written to the audit log. */
const SECRET_FIELDS = new Set(['passwordHash', 'passwordSalt', 'password', 'token']);

function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_FIELDS.has(key) ? '[redacted]' : v));
}

export function auditEntry(
  db: Database,
  actor: Pick<SessionUser, 'id' | 'username'>,
  action: string,
  entity: string,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
) {
  return db.insert(schema.auditLog).values({
    at: Date.now(),
    userId: actor.id,
    username: actor.username,
    action,
    entity,
    entityId: entityId === null ? null : String(entityId),
    before: snapshot(before),
    after: snapshot(after),
  });
}
