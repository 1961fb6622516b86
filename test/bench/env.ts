/**
 * Environment for every server the bench starts, set before anything reads it (run.ts imports
 * this first; scripts/lib/run.ts copies process.env when it is loaded).
 *
 * `X_LOCAL_OBSERVABILITY=false`: wrangler dev attaches a dev-only trace collector (miniflare's
 * "observability collector") to every Worker it serves, which cost about 0.8 ms per post in
 * both arms of the submission benchmark; production has no such collector.
 */
process.env.X_LOCAL_OBSERVABILITY = 'false';
