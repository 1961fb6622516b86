/**
 * `npm start`: build the dashboard, migrate the local D1, seed the demo district when the
 * database is empty, and serve everything at http://127.0.0.1:8787 with wrangler dev.
 */
import { must, run } from './lib/run';
import { buildDemoDistrict } from './seed/district';

const PORT = process.env.PORT ?? '8787';
const URL = `http://127.0.0.1:${PORT}`;

async function main() {
  console.log('› building the dashboard');
  await must('vite', ['build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn']);
  console.log('› applying migrations to the local D1 (.wrangler/state)');
  await must('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local']);
  console.log('› seeding the demo district if the database is empty');
  await must('tsx', ['scripts/seed.ts', '--if-empty', '--skip-migrations']);
  // The demo seed is deterministic, so the first station's public code is known without a query.
  const station = buildDemoDistrict().stations[0];
  console.log(`
  联络 Lianluo is starting at ${URL}

  Dashboard (staff, leaders, deputies):  ${URL}/login
  Resident opinion form:                 ${URL}/s/${station?.code}   (${station?.name}; others: 名册 → 联络站)
  Track an opinion:                      ${URL}/t
  Health:                                ${URL}/api/health

  Messages (SMS) are not sent: the dev provider records them. See every message that would
  have been sent, with its text, at ${URL}/messages (消息记录; sign in as admin or staff);
  each is also logged below as "[sms:dev] …". Fire the Cron Triggers by hand:
    morning run (08:30 China time):      ${URL}/__scheduled?cron=30+0+*+*+*
    outbox sweep (every 10 minutes):     ${URL}/__scheduled?cron=*/10+*+*+*+*

  Demo accounts (password for all: lianluo2026)
    admin      系统管理员 (everything)
    staff      区代表服务中心 staff, district-wide
    chengguan  城关街道 staff (own township only)
    donghu     东湖街道 staff (own township only)
    leader     区人大常委会 leader (read-only)
    deputy     a district deputy of 城关街道
`);
  // --test-scheduled exposes /__scheduled; PUBLIC_ORIGIN makes the links in messages point here.
  process.exit(
    await run('wrangler', ['dev', '--ip', '127.0.0.1', '--port', PORT, '--test-scheduled', '--var', `PUBLIC_ORIGIN:${URL}`]),
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
