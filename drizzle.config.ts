import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL; wrangler applies it (`npm run db:migrate`).
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/schema/index.ts',
  out: './migrations',
});
