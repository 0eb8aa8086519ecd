/**
 * API answers are private and never cached, and unknown API addresses answer in the contract's
 * shape (issue 9, items 4 and 12): every route of the app, in a success and an error, carries
 * `Cache-Control: no-store`, as do 404s and the sync endpoint's plain-HTTP answers; any /api
 * address or method the API does not have answers 404 `not_found`, with or without the client
 * files mounted. One suite against both targets (test/support/targets.ts), the Node server and the
 * Workers build in `wrangler dev`, over real HTTP; the list of the API's routes is read from the
 * app both build (`createApp`, here through the Node wiring). Feelings the server writes under
 * keys that name nobody (issue 17): each person's answers tell the key of their own feeling and
 * never anyone else's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeApp } from '../../server/runtime/node-app.ts';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import type { MyFeelingKey, MyFeelings, MyPerspective } from '../../shared/api.ts';
import type { HistoryList } from '../../shared/history.ts';
import { defaultPerspectives } from '../../shared/perspectives.ts';
import { roundTrip } from '../support/guard-board.ts';
import { connectClient } from '../support/sync-client.ts';
import { waitUntil } from '../support/wait.ts';
import { targets, type Target } from '../support/targets.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const password = 'a long enough password';
const dir = makeTempDir();
/** `GET /api/boards/:id` and so on: the app's own routes, as Hono lists them. */
let routes: string[] = [];

beforeAll(async () => {
  mkdirSync(`${dir.path}/client/api`, { recursive: true });
  writeFileSync(`${dir.path}/client/index.html`, '<!doctype html><title>Common Ground</title>');
  // A file where an API address would be: the API's own 404 must win over the client files.
  writeFileSync(`${dir.path}/client/api/nothing`, 'not an API answer');
  const node = await createNodeApp({ env: { LIBSQL_URL: `file:${dir.path}/routes.db`, PUBLIC_URL: 'http://127.0.0.1:8787' }, clientDir: null });
  const listed = node.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`);
  routes = [...new Set(listed)].sort();
  await node.close();
});
afterAll(() => dir.remove());

interface Call {
  method?: string;
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
}

async function request(app: Target, path: string, { method, body, cookie, headers = {} }: Call = {}): Promise<Response> {
  const all: Record<string, string> = { origin: app.config.publicOrigin, ...headers };
  if (cookie) all['cookie'] = cookie;
  if (body !== undefined) all['content-type'] = 'application/json';
  return fetch(`${app.url}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: all,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const cookieOf = (response: Response) => response.headers.getSetCookie()[0]!.split(';')[0]!;

async function expectNotFound(response: Response, what: string) {
  expect(response.status, what).toBe(404);
  expect(response.headers.get('cache-control'), what).toBe('no-store');
  expect(response.headers.get('content-type'), what).toMatch(/^application\/json/);
  if (response.headers.get('content-length') !== '0' && what.split(' ')[0] !== 'HEAD') {
    expect(await response.json(), what).toEqual({ error: { code: 'not_found', message: 'There is nothing at this address.' } });
  }
}

describe.each(targets)('private answers on %s', (target) => {
  /** Without client files (as the API tests run) and with them (as `npm start` serves). */
  const apps: { bare: Target; withClient: Target } = {} as never;
  beforeAll(async () => {
    [apps.bare, apps.withClient] = await Promise.all([target.start(), target.start({ clientDir: `${dir.path}/client` })]);
  });
  afterAll(async () => {
    await Promise.all(Object.values(apps).map((app) => app?.dispose()));
  });

  describe('Cache-Control: no-store on private answers', () => {
    it('is on the success and an error of every API route', async () => {
      const app = apps.bare;
      const answers = new Map<string, Response[]>();
      /** Whose session asked for each answer (none: signed out). */
      const askedBy = new Map<Response, string | undefined>();
      /** Calls `route` with its parameters filled in, and keeps the answer under the route's name. */
      const call = async (route: string, path: string, init: Call = {}) => {
        const response = await request(app, path, { method: route.split(' ')[0], ...init });
        answers.set(route, [...(answers.get(route) ?? []), response]);
        askedBy.set(response, init.cookie);
        return response;
      };
      const ok = async (route: string, path: string, init: Call = {}) => {
        const response = await call(route, path, init);
        expect(response.status, route).toBeLessThan(300);
        return response;
      };

      // Each route once as it is meant to be used...
      const ann = cookieOf(await ok('POST /api/auth/register', '/api/auth/register', { body: { email: 'ann@example.org', password, displayName: 'Ann' } }));
      const annAgain = cookieOf(await ok('POST /api/auth/login', '/api/auth/login', { body: { email: 'ann@example.org', password } }));
      await ok('GET /api/me', '/api/me', { cookie: ann });
      await ok('PATCH /api/me', '/api/me', { body: { displayName: 'Ann B' }, cookie: ann });
      const created = await ok('POST /api/boards', '/api/boards', { body: { title: 'Day surgery' }, cookie: ann });
      const boardId = ((await created.clone().json()) as { board: { id: string } }).board.id;
      await ok('GET /api/boards', '/api/boards', { cookie: ann });
      await ok('GET /api/boards/:id', `/api/boards/${boardId}`, { cookie: ann });
      await ok('GET /api/boards/:id/members', `/api/boards/${boardId}/members`, { cookie: ann });
      const invite = await ok('POST /api/boards/:id/invites', `/api/boards/${boardId}/invites`, { body: { access: 'edit' }, cookie: ann });
      const { token, invite: { id: inviteId } } = (await invite.clone().json()) as { token: string; invite: { id: string } };
      await ok('GET /api/boards/:id/invites', `/api/boards/${boardId}/invites`, { cookie: ann });
      await ok('GET /api/invites/:token', `/api/invites/${token}`);
      const guest = cookieOf(await ok('POST /api/invites/:token/accept', `/api/invites/${token}/accept`, { body: { displayName: 'Grace' } }));
      const graceId = ((await (await request(app, '/api/me', { cookie: guest })).json()) as { user: { id: string } }).user.id;
      // Comments the server writes (Grace, an editor still, says Me too to Ann's), and what's new.
      const comments = `/api/boards/${boardId}/comments`;
      const comment = `${comments}/comment-private-answers`;
      await ok('POST /api/boards/:id/comments', comments, { body: { id: 'comment-private-answers', target: { type: 'board', id: boardId }, parentId: null, body: 'Hello', anonymous: false }, cookie: ann });
      await ok('GET /api/boards/:id/comments/mine', `${comments}/mine`, { cookie: ann });
      await ok('PATCH /api/boards/:id/comments/:commentId', comment, { body: { body: 'Hello again' }, cookie: ann });
      await ok('PUT /api/boards/:id/comments/:commentId/me-too', `${comment}/me-too`, { cookie: guest });
      await ok('DELETE /api/boards/:id/comments/:commentId/me-too', `${comment}/me-too`, { cookie: guest });
      await ok('PUT /api/boards/:id/comments/:commentId/hidden', `${comment}/hidden`, { body: { reason: 'A test' }, cookie: ann });
      await ok('DELETE /api/boards/:id/comments/:commentId/hidden', `${comment}/hidden`, { cookie: ann });
      await ok('DELETE /api/boards/:id/comments/:commentId', comment, { cookie: ann });
      await ok('GET /api/boards/:id/news', `/api/boards/${boardId}/news`, { cookie: ann });
      const pdf = await ok('GET /api/boards/:id/export.pdf', `/api/boards/${boardId}/export.pdf`, { cookie: ann });
      await pdf.arrayBuffer();
      await ok('GET /api/time', '/api/time', { cookie: ann });
      await ok('POST /api/boards/:id/session', `/api/boards/${boardId}/session`, { body: { action: 'start-timer', minutes: 5 }, cookie: ann });
      await ok('POST /api/boards/:id/vote', `/api/boards/${boardId}/vote`, { body: { action: 'open', dots: 3 }, cookie: ann });
      await ok('GET /api/boards/:id/vote', `/api/boards/${boardId}/vote`, { cookie: ann });
      await ok('POST /api/boards/:id/seen', `/api/boards/${boardId}/seen`, { cookie: ann });
      // A moment with a story and the perspectives to choose from, written by Ann's stock client; once she leaves, a version is kept.
      const annId = ((await (await request(app, '/api/me', { cookie: ann })).json()) as { user: { id: string } }).user.id;
      const writer = connectClient(app, boardId, ann, { syncTimeoutMs: 20_000 });
      await writer.synced;
      writer.doc.transact(() => {
        boardTypes(writer.doc).meta.set('perspectives', defaultPerspectives.map((choice) => ({ ...choice })));
        boardTypes(writer.doc).stages.push([newStage('stage-private', 'Arriving')]);
        boardTypes(writer.doc).touchpoints.set('touch-private', newTouchpoint({ id: 'touch-private', stageId: 'stage-private', order: 'a0', title: 'At the desk', story: 'A story', createdBy: annId, createdAt: 1 }));
      });
      await roundTrip(writer);
      // Feelings the server writes (issue 17): Ann's and Grace's on the moment; each is told her own key only.
      const feelingsAt = `/api/boards/${boardId}/feelings/touch-private`;
      const give = async (cookie: string, score: number) =>
        ((await (await ok('PUT /api/boards/:id/feelings/:touchpointId', feelingsAt, { body: { feeling: { score, words: [] } }, cookie })).clone().json()) as MyFeelingKey).key!;
      const annsKey = await give(ann, 1);
      const gracesKey = await give(guest, -1);
      expect(annsKey).not.toBe(gracesKey);
      const mine = async (cookie: string) => (await (await ok('GET /api/boards/:id/feelings/mine', `/api/boards/${boardId}/feelings/mine`, { cookie })).clone().json()) as MyFeelings;
      expect(await mine(ann)).toEqual({ feelings: { 'touch-private': annsKey }, feelingsAfter: {} });
      expect(await mine(guest)).toEqual({ feelings: { 'touch-private': gracesKey }, feelingsAfter: {} });
      // Perspectives (issue 17): each is told her own choice only; the lines are everyone's.
      const perspective = `/api/boards/${boardId}/perspective`;
      await ok('PUT /api/boards/:id/perspective', perspective, { body: { choice: 'uses-this-service' }, cookie: ann });
      await ok('PUT /api/boards/:id/perspective', perspective, { body: { choice: 'works-here' }, cookie: guest });
      const choiceOf = async (cookie: string) => ((await (await ok('GET /api/boards/:id/perspective', perspective, { cookie })).clone().json()) as MyPerspective).choice;
      expect([await choiceOf(ann), await choiceOf(guest)]).toEqual(['uses-this-service', 'works-here']);
      await ok('GET /api/boards/:id/perspectives', `/api/boards/${boardId}/perspectives`, { cookie: ann });
      writer.destroy();
      const history = `/api/boards/${boardId}/history`;
      let versionId = '';
      await waitUntil(async () => {
        versionId = ((await (await request(app, history, { cookie: ann })).json()) as HistoryList).versions[0]?.id ?? '';
        return versionId !== '';
      }, 'a version is kept', 20_000);
      await ok('GET /api/boards/:id/history', history, { cookie: ann });
      await ok('GET /api/boards/:id/history/:versionId', `${history}/${versionId}`, { cookie: ann });
      await ok('POST /api/boards/:id/history/:versionId/restore', `${history}/${versionId}/restore`, { body: { what: 'board' }, cookie: ann });
      await ok('POST /api/boards/:id/touchpoints/:touchpointId/withdraw', `/api/boards/${boardId}/touchpoints/touch-private/withdraw`, { body: { feelings: false, comments: false }, cookie: ann });
      await ok('PATCH /api/boards/:id/members/:userId', `/api/boards/${boardId}/members/${graceId}`, { body: { access: 'view' }, cookie: ann });
      await ok('POST /api/me/credentials', '/api/me/credentials', { body: { email: 'grace@example.org', password }, cookie: guest });
      await ok('DELETE /api/boards/:id/members/:userId', `/api/boards/${boardId}/members/${graceId}`, { cookie: ann });
      await ok('DELETE /api/boards/:id/invites/:inviteId', `/api/boards/${boardId}/invites/${inviteId}`, { cookie: ann });
      await ok('DELETE /api/boards/:id', `/api/boards/${boardId}`, { cookie: ann });
      await ok('POST /api/auth/logout', '/api/auth/logout', { cookie: annAgain });
      await ok('POST /api/auth/logout-everywhere', '/api/auth/logout-everywhere', { cookie: ann });
      // No answer to one of them holds the other's feeling key.
      for (const [route, responses] of answers) {
        for (const response of responses) {
          const other = askedBy.get(response) === ann || askedBy.get(response) === annAgain ? gracesKey : askedBy.get(response) === guest ? annsKey : null;
          if (other !== null && !route.endsWith('export.pdf')) expect(await response.clone().text(), route).not.toContain(other);
        }
      }

      // ...and each once refused: from another site when it changes something, else signed out.
            for (const route of routes) {
        const [method, pattern] = route.split(' ') as [string, string];
        const path = pattern.replace(/:\w+/g, 'nothing-here');
        const response = method === 'GET' ? await call(route, path) : await call(route, path, { body: {}, headers: { origin: 'https://elsewhere.example' } });
        expect(response.status, route).toBeGreaterThanOrEqual(400);
        expect(await response.clone().json(), route).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }

      // Every route the app has was called both ways; a new route without this header fails here.
      expect([...answers.keys()].sort()).toEqual(routes);
      for (const [route, responses] of answers) {
        expect(responses.map((r) => r.status >= 400), route).toContain(false);
        expect(responses.map((r) => r.status >= 400), route).toContain(true);
        for (const response of responses) expect(response.headers.get('cache-control'), `${route} ${response.status}`).toBe('no-store');
      }
    });

    it('is on 404s under /api and on the sync endpoint answers that are not WebSockets', async () => {
      for (const app of Object.values(apps)) {
        await expectNotFound(await request(app, '/api/nothing'), 'GET /api/nothing');
        const plain = await request(app, '/sync/some-board');
        expect(plain.status).toBe(400);
        expect(plain.headers.get('cache-control')).toBe('no-store');
        expect(await plain.json()).toMatchObject({ error: { code: 'invalid_body' } });
        expect((await request(app, '/sync/some-board', { method: 'POST' })).headers.get('cache-control')).toBe('no-store');
      }
    });
  });

  describe('addresses the API does not have', () => {
    const unknown: [string, string][] = [
      ['GET', '/api/nothing'],
      ['POST', '/api/nothing'],
      ['DELETE', '/api/nothing'],
      ['HEAD', '/api/nothing'],
      ['GET', '/api'],
      ['GET', '/api/'],
      ['GET', '/api/boards/some-board/nothing'],
      ['POST', '/api/auth/nothing'],
    ];
    // A known address with a method it does not take is not there either: 404, not 405.
    const wrongMethod: [string, string][] = [
      ['GET', '/api/auth/login'],
      ['PUT', '/api/me'],
      ['DELETE', '/api/auth/register'],
      ['POST', '/api/boards/some-board'],
      ['PATCH', '/api/boards'],
      ['OPTIONS', '/api/me'],
    ];

    it('answer 404 not_found in the error shape, with or without the client files', async () => {
      for (const [name, app] of Object.entries(apps)) {
        for (const [method, path] of [...unknown, ...wrongMethod]) {
          await expectNotFound(await request(app, path, { method }), `${method} ${path} (${name})`);
        }
      }
    });

    it('are the same for a signed-in person, and change nothing', async () => {
      const app = apps.withClient;
      const registered = await request(app, '/api/auth/register', { body: { email: 'nobody-changes@example.org', password, displayName: 'Ann' } });
      const cookie = cookieOf(registered);
      for (const [method, path] of [...unknown, ...wrongMethod]) {
        await expectNotFound(await request(app, path, { method, cookie, body: method === 'GET' || method === 'HEAD' ? undefined : {} }), `${method} ${path}`);
      }
      expect((await request(app, '/api/me', { cookie })).status).toBe(200);
    });
  });
});
