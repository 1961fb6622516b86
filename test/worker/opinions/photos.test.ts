/**
 * Site-visit photos: uploaded by the handler (metadata stripped, type sniffed), linked to the
 * step's event when the action is taken, and streamed from R2 only to people who may see them.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Fixture, ORIGIN, seedFixture } from '../helpers';
import { act, detail, insertOpinion } from './helpers';

let users: Fixture['users'];
beforeAll(async () => {
  ({ users } = await seedFixture());
});

/** A tiny valid PNG (1×1, grey) with a tEXt chunk that must not survive the upload. */
function pngWithText(): Uint8Array {
  const b64 =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAAEHRFWHRBdXRob3IAWmhhbmcgU2FuT7bUcgAAAApJREFUeJxjaAAAAIIAgXfNcrYAAAAASUVORK5CYII=';
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

function upload(cookie: string, id: number, bytes: Uint8Array, type = 'image/png') {
  const form = new FormData();
  form.append('photo', new File([bytes as Uint8Array<ArrayBuffer>], 'visit.png', { type }));
  return call('POST', `/api/opinions/${id}/photos`, { cookie, body: form, headers: { origin: ORIGIN } });
}

describe('photos', () => {
  it('the assigned deputy uploads a site photo, links it with the visit, and handlers can view it', async () => {
    const { id } = await insertOpinion();
    await act(users.staffA, id, 'accept', { deputyId: 1 });
    const res = await upload(users.deputy, id, pngWithText());
    expect(res.status, await res.clone().text()).toBe(201);
    const { photo } = await res.json<{ photo: { id: number; url: string; bytes: number } }>();
    const stored = await env.DB.prepare('SELECT object_key FROM opinion_photos WHERE id = ?')
      .bind(photo.id)
      .first<{ object_key: string }>();
    const object = await env.PHOTOS.get(stored!.object_key);
    const bytes = new Uint8Array(await object!.arrayBuffer());
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('Zhang San');

    const visit = await act(users.deputy, id, 'record_visit', { findings: '路灯确实不亮', photoIds: [photo.id] });
    expect(visit.status).toBe(200);
    const d = await detail(users.staffA, id);
    const event = d.timeline.find((e) => e.action === 'record_visit') as unknown as { id: number };
    const listed = (d as unknown as { photos: { id: number; eventId: number; url: string }[] }).photos;
    expect(listed).toEqual([expect.objectContaining({ id: photo.id, eventId: event.id, url: photo.url })]);

    const view = await call('GET', photo.url, { cookie: users.staffA });
    expect(view.status).toBe(200);
    expect(view.headers.get('content-type')).toBe('image/png');
    expect(view.headers.get('cache-control')).toContain('private');
    expect((await view.arrayBuffer()).byteLength).toBe(photo.bytes);
  });

  it('refuses files that are not photos, photos of other opinions, and people who may not see them', async () => {
    const { id } = await insertOpinion();
    const other = await insertOpinion();
    expect((await upload(users.staffA, id, new TextEncoder().encode('<svg onload=alert(1)>'), 'image/png')).status).toBe(422);
    const ok = await (await upload(users.staffA, other.id, pngWithText())).json<{ photo: { id: number; url: string } }>();
    // A photo of another opinion cannot be attached to this one.
    const res = await act(users.staffA, id, 'accept', { deputyId: 1, publicReply: '已受理' });
    expect(res.status).toBe(200);
    const wrong = await act(users.deputy, id, 'record_visit', { findings: 'x', photoIds: [ok.photo.id] });
    expect(wrong.status).toBe(422);
    expect((await wrong.json<{ error: { code: string } }>()).error.code).toBe('invalid_id');
    // Leaders read the opinion but not the handlers' photos; other townships not even that.
    expect((await call('GET', ok.photo.url, { cookie: users.leader })).status).toBe(404);
    expect((await call('GET', ok.photo.url, { cookie: users.staffB })).status).toBe(404);
    // Another township's opinion is not found at all (ids cannot be probed).
    expect((await upload(users.staffB, other.id, pngWithText())).status).toBe(404);
    expect((await upload(users.leader, other.id, pngWithText())).status).toBe(403);
  });
});
