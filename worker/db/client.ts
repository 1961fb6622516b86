import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

// Building drizzle's view of the whole schema costs a few milliseconds of CPU (measured by
// `npm run bench`); the binding object lives as long as the isolate, so build it once per binding.
const handles = new WeakMap<D1Database, ReturnType<typeof build>>();

function build(d1: D1Database) {
  return drizzle(d1, { schema });
}

/** The drizzle handle over a D1 binding (cached per binding). */
export function database(d1: D1Database) {
  let db = handles.get(d1);
  if (!db) {
    db = build(d1);
    handles.set(d1, db);
  }
  return db;
}
export type Database = ReturnType<typeof database>;
export { schema };
