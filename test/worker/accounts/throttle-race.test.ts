import { describe, expect, it } from 'vitest';
import { call, PASSWORD, seedFixture } from '../helpers';

/** Sends `count` sign-ins to one account at once, the right password at position `rightAt` (or never). */
async function burst(username: string, count: number, ip: string, rightAt = -1) {
  const attempts = Array.from({ length: count }, (_, i) =>
    call('POST', '/api/auth/login', {
      json: { username, password: i === rightAt ? PASSWORD : `wrong-guess-${i}` },
      headers: { 'cf-connecting-ip': ip },
    }),
  );
  const responses = await Promise.all(attempts);
  return {
    evaluated: responses.filter((r) => r.status === 401).length,
    signedIn: responses.filter((r) => r.status === 200).length,
    throttled: responses.filter((r) => r.status === 429).length,
  };
}

describe('sign-in throttling under concurrency', () => {
  it('evaluates at most 5 of 200 concurrent wrong passwords, and the right one among them does not get in', async () => {
    await seedFixture();
    const result = await burst('staffB', 200, '198.51.100.7', 100);
    console.log('concurrent burst of 200 at one account:', JSON.stringify(result));
    expect(result.signedIn).toBe(0);
    expect(result.evaluated).toBeLessThanOrEqual(5);
    expect(result.evaluated + result.throttled).toBe(200);
  }, 60_000);
});
