/**
 * Photos of a step (二看 site visits, progress, results), uploaded by the handler. The type is
 * taken from the bytes and location metadata is stripped by the same code that cleans residents'
 * photos (worker/intake/photos.ts). Photos are served only through the session-checked route:
 * handlers see every photo, everyone else who may read the opinion only the public ones.
 */
import { and, eq } from 'drizzle-orm';
import { auditEntry } from '../audit/log';
import { type Database, schema } from '../db/client';
import type { Env } from '../env';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';
import { PHOTO_EXTENSIONS, stripMetadata } from '../intake/photos';
import { assertCanSee, canSee, isHandler } from './access';
import { loadRow } from './queries';

/** Largest photo staff or deputies may upload: phone cameras produce 3–6 MB. */
export const MAX_PHOTO_MB = 10;

/** The URL a photo is served from. */
export function photoUrl(opinionId: number, photoId: number): string {
  return `/api/opinions/${opinionId}/photos/${photoId}`;
}

const invalid = () =>
  new ApiError(422, 'photo_invalid', { max: MAX_PHOTO_MB }, { photo: { key: 'photo_invalid', params: { max: MAX_PHOTO_MB } } });

/**
 * Stores an uploaded file as a photo of the opinion, not yet linked to any event (the action
 * that follows links it through `photoIds`). Only the opinion's handlers may upload.
 */
export async function storePhoto(env: Env, db: Database, user: SessionUser, opinionId: number, file: unknown) {
  const row = await loadRow(db, opinionId);
  if (!row) throw new ApiError(404, 'not_found');
  assertCanSee(user, row);
  if (!isHandler(user, row)) throw new ApiError(403, 'forbidden');
  if (!(file instanceof File) || file.size === 0 || file.size > MAX_PHOTO_MB * 1024 * 1024) throw invalid();
  const clean = stripMetadata(new Uint8Array(await file.arrayBuffer()));
  if (!clean.ok) throw invalid();
  const key = `opinions/${opinionId}/${crypto.randomUUID()}.${PHOTO_EXTENSIONS[clean.type]}`;
  await env.PHOTOS.put(key, clean.bytes, { httpMetadata: { contentType: clean.type } });
  const [inserted] = await db.batch([
    db
      .insert(schema.opinionPhotos)
      .values({
        opinionId,
        objectKey: key,
        contentType: clean.type,
        bytes: clean.bytes.length,
        public: false,
        createdAt: Date.now(),
      })
      .returning(),
    auditEntry(db, user, 'upload_photo', 'opinion', opinionId, null, { objectKey: key, bytes: clean.bytes.length }),
  ]);
  const photo = inserted[0]!;
  return { id: photo.id, contentType: photo.contentType, bytes: photo.bytes, url: photoUrl(opinionId, photo.id) };
}

/**
 * The photo's bytes from R2, for a user who may see it; 404 otherwise, so nobody learns which
 * photos exist on opinions they cannot read.
 */
export async function photoResponse(
  env: Env,
  db: Database,
  user: SessionUser,
  opinionId: number,
  photoId: number,
): Promise<Response> {
  const row = await loadRow(db, opinionId);
  if (!row || !canSee(user, row)) throw new ApiError(404, 'not_found');
  const photo = await db
    .select()
    .from(schema.opinionPhotos)
    .where(and(eq(schema.opinionPhotos.id, photoId), eq(schema.opinionPhotos.opinionId, opinionId)))
    .get();
  if (!photo || (!photo.public && !isHandler(user, row))) throw new ApiError(404, 'not_found');
  const object = await env.PHOTOS.get(photo.objectKey);
  if (!object) throw new ApiError(404, 'not_found');
  // The cast only matters when the dashboard's tsconfig (DOM types) checks this file; in the Worker it is a no-op.
  return new Response(object.body as unknown as BodyInit, {
    headers: {
      'content-type': photo.contentType,
      'content-length': String(object.size),
      // Residents' photos are personal data: neither the browser nor a shared cache keeps a copy (issue 9).
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
    },
  });
}
