/**
 * "Posting a comment → visible to 20 others (p50, p99)" (issue 13): 21 stock y-websocket clients
 * on one board against the real server. One posts comments, paced, and we time each until every
 * one of the other 20 has it in its document — named comments written through the document, as the
 * page writes them (a new Y.Map in `comments`, docs/board-document.md), and comments without a name
 * through `POST /api/boards/:id/comments`, which the server writes into the document itself (the
 * board's `meta.anonymousComments` set by the facilitator through the document first).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { boardTypes } from '../shared/board-document.ts';
import { cookieWebSocket, connectProvider, type SyncClient } from '../test/support/sync-client.ts';
import { waitUntil } from '../test/support/wait.ts';
import type { BenchAccount } from './account.ts';
import type { CommentsServer } from './comments-board.ts';
import { withTimeout } from './clients.ts';

export interface PostRun {
  kind: 'named' | 'without a name';
  comments: number;
  /** Per comment: posted → the last of the 20 others has it. */
  allMs: number[];
  /** Per comment and receiver: posted → that receiver has it. */
  eachMs: number[];
  /** Without a name: posted → the POST's answer (written, durable). */
  answerMs: number[];
}

export interface PostOptions {
  server: CommentsServer;
  boardId: string;
  /** The facilitator (allowed to turn on comments without a name); all 21 clients are theirs. */
  account: BenchAccount;
  target: { type: 'board' | 'stage' | 'touchpoint'; id: string };
  comments: number;
  /** At most one comment every so many ms (the next waits for the last to reach everyone). */
  intervalMs: number;
  timeoutMs: number;
  /** A label unique within the board, for the comment ids. */
  label: string;
}

const receivers = 20;

/** 21 clients on the board, synced; the first turns on comments without a name if needed. */
export async function joinBoard(server: CommentsServer, boardId: string, account: BenchAccount, timeoutMs: number): Promise<SyncClient[]> {
  const clients = Array.from({ length: receivers + 1 }, () =>
    connectProvider({ serverUrl: `${server.wsUrl}/sync`, room: boardId, WebSocketPolyfill: cookieWebSocket(account.cookie) }, { syncTimeoutMs: timeoutMs }),
  );
  try {
    await withTimeout(Promise.all(clients.map((client) => client.synced)), timeoutMs, '21 clients to sync');
    const { meta } = boardTypes(clients[0]!.doc);
    if (meta.get('anonymousComments') !== true) meta.set('anonymousComments', true);
    await waitUntil(() => clients.every((client) => boardTypes(client.doc).meta.get('anonymousComments') === true), 'everyone sees comments without a name allowed', timeoutMs);
    return clients;
  } catch (error) {
    clients.forEach((client) => client.destroy());
    throw error;
  }
}

/** Posts `comments` comments of one kind from clients[0] (or its account over HTTP) and times them at clients[1..20]. */
export async function measurePosting(clients: SyncClient[], kind: PostRun['kind'], options: PostOptions): Promise<PostRun> {
  const [poster, ...others] = clients as [SyncClient, ...SyncClient[]];
  const arrived = new Map<string, number[]>();
  let waiting = null as { id: string; done: () => void } | null;
  const stops = others.map((client) => {
    const comments = boardTypes(client.doc).comments;
    const seen = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        if (!comments.has(key)) continue;
        const times = arrived.get(key) ?? [];
        if (times.length === 0) arrived.set(key, times);
        times.push(now);
        const current = waiting;
        if (current !== null && current.id === key && times.length === others.length) current.done();
      }
    };
    comments.observe(seen);
    return () => comments.unobserve(seen);
  });
  const run: PostRun = { kind, comments: options.comments, allMs: [], eachMs: [], answerMs: [] };
  try {
    for (let i = 0; i < options.comments; i++) {
      const id = `${options.label}-${kind === 'named' ? 'n' : 'a'}-${String(i).padStart(4, '0')}`;
      const body = `Comment ${i}: the waiting room was cold and nobody said how long it would be.`;
      const everyone = new Promise<void>((resolve) => (waiting = { id, done: resolve }));
      const started = performance.now();
      if (kind === 'named') {
        poster.doc.transact(() => {
          const map = new Y.Map<unknown>();
          map.set('id', id);
          map.set('target', options.target);
          map.set('parentId', null);
          map.set('authorId', options.account.userId);
          map.set('body', new Y.Text(body));
          map.set('createdAt', Date.now());
          map.set('editedAt', null);
          map.set('resolvedAt', null);
          map.set('resolvedBy', null);
          boardTypes(poster.doc).comments.set(id, map);
        });
      } else {
        const response = await fetch(`${options.server.url}/api/boards/${options.boardId}/comments`, {
          method: 'POST',
          headers: { origin: options.server.origin, 'content-type': 'application/json', cookie: options.account.cookie },
          body: JSON.stringify({ id, target: options.target, parentId: null, body, anonymous: true }),
        });
        if (response.status !== 201) throw new Error(`posting a comment without a name failed: ${response.status} ${await response.text()}`);
        run.answerMs.push(performance.now() - started);
      }
      await withTimeout(everyone, options.timeoutMs, `comment ${id} to reach all ${others.length} others`);
      const times = arrived.get(id)!;
      run.allMs.push(Math.max(...times) - started);
      run.eachMs.push(...times.map((time) => time - started));
      const rest = started + options.intervalMs - performance.now();
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
    return run;
  } finally {
    stops.forEach((stop) => stop());
  }
}
