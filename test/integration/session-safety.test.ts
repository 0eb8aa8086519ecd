/**
 * Session safety: rate limits on signing in and creating accounts (429 + Retry-After, lifted when
 * the window has passed on the moved clock), and security headers on API and page responses.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../server/http/security-headers.ts';
import { createNodeApp, type NodeApp } from '../../server/runtime/node-app.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { api, startTestServer, testScryptCost } from '../support/test-server.ts';

const origin = 'http://127.0.0.1:8787';
const dir = makeTempDir();
const minute = 60 * 1000;
const password = 'a long enough password';
let node: NodeApp;
let now: number;
let apps = 0;

beforeAll(() => {
  writeFileSync(`${dir.path}/index.html`, '<!doctype html><title>Common Ground</title>');
});
// Each test starts from nothing: its own database, its own limiter counts, its own clock.
beforeEach(async () => {
  now = Date.UTC(2026, 10, 23);
  // Default limits; in-process requests all come from one (unknown) address.
  node = await createNodeApp({
    env: { LIBSQL_URL: `file:${dir.path}/safety-${++apps}.db`, PUBLIC_URL: origin },
    clientDir: dir.path,
    scryptCost: testScryptCost,
    clock: { now: () => now },
  });
});
afterEach(async () => {
  await node.close();
});
afterAll(() => {
  dir.remove();
});

function post(path: string, body: unknown) {
  return node.app.request(`${origin}${path}`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function expectLimited(response: Response, maxSeconds: number) {
  expect(response.status).toBe(429);
  expect(await response.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('try again') } });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

describe('rate limits', () => {
  it('limits failed sign-ins per account, then per address, and lifts them after the window', async () => {
    const email = 'limited@example.org';
    expect((await post('/api/auth/register', { email, password, displayName: 'Lim' })).status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await post('/api/auth/login', { email, password: 'wrong password' })).status).toBe(401);
    // Even the right password waits now: guessing one person's password is slowed to a crawl.
    await expectLimited(await post('/api/auth/login', { email, password }), 15 * 60);
    // Other accounts are still fine from this address, until it has made 20 attempts in all.
    for (let i = 0; i < 9; i++) expect((await post('/api/auth/login', { email: `other${i}@example.org`, password })).status).toBe(401);
    await expectLimited(await post('/api/auth/login', { email: 'someone@example.org', password }), 15 * 60);
    now += 15 * minute;
    expect((await post('/api/auth/login', { email, password })).status).toBe(200);
  });

  it('limits account creation per address: 10 an hour', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await post('/api/auth/register', { email: `new${i}@example.org`, password, displayName: 'New' })).status).toBe(201);
    }
    await expectLimited(await post('/api/auth/register', { email: 'late@example.org', password, displayName: 'Late' }), 60 * 60);
    now += 60 * minute;
    expect((await post('/api/auth/register', { email: 'late@example.org', password, displayName: 'Late' })).status).toBe(201);
  });

  it('counts by the real client address on a running server', async () => {
    const server = await startTestServer({ rateLimits: { registerPerIp: { limit: 2, windowMs: 60 * minute } } });
    try {
      const register = (i: number) => api(server, '/api/auth/register', { body: { email: `ip${i}@example.org`, password, displayName: 'Ip' } });
      expect((await register(1)).status).toBe(201);
      expect((await register(2)).status).toBe(201);
      await expectLimited(await register(3), 60 * 60);
    } finally {
      await server.dispose();
    }
  });
});

describe('security headers', () => {
  it('are on API answers, errors and pages alike', async () => {
    const csp = contentSecurityPolicy(origin);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:8787");
    expect(csp).toContain("frame-ancestors 'none'");
    for (const path of ['/healthz', '/api/me', '/api/nothing', '/', '/invite/abc', '/boards/xyz']) {
      const response = await node.app.request(`${origin}${path}`);
      expect(response.headers.get('content-security-policy'), path).toBe(csp);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
    expect((await node.app.request(`${origin}/invite/abc`)).headers.get('content-type')).toContain('text/html');
  });
});
