/**
 * The bare Worker of the submission benchmark: reads the posted form, inserts one row,
 * answers 303 like the real intake. Whatever the real intake spends beyond this (validation,
 * the idempotency check, rate limits, the form and calendar reads, the timeline event, the
 * rollup triggers) is what `submit_ratio` measures.
 */
interface Env {
  DB: D1Database;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== 'POST') return new Response('ok');
    const form = await request.formData();
    const code = crypto.randomUUID().slice(0, 8).toUpperCase();
    await env.DB.prepare('INSERT INTO opinions (submission_key, tracking_code, body, received_at) VALUES (?1, ?2, ?3, ?4)')
      .bind(String(form.get('_key')), code, String(form.get('body')), Date.now())
      .run();
    return new Response(null, { status: 303, headers: { location: `/t/${code}` } });
  },
} satisfies ExportedHandler<Env>;
