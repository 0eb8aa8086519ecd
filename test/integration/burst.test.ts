/**
 * Many clients typing into one text at once converge (relays are merged per commit). One suite
 * against both targets (test/support/targets.ts): the Node server and the Workers build in
 * `wrangler dev`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

describe.each(targets)('bursts on %s', (target) => {
  let server: Target;
  const clients: SyncClient[] = [];
  beforeAll(async () => {
    server = await target.start();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.dispose();
  });

  it('ten clients typing at once into one text all end up equal', async () => {
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann);
    for (let i = 0; i < 10; i++) clients.push(connectClient(server, boardId, ann.cookie));
    await Promise.all(clients.map((c) => c.synced));
    for (let round = 0; round < 30; round++) {
      clients.forEach((client, i) => {
        // Whole words at word boundaries, so every word stays countable.
        const text = client.doc.getText('story');
        const boundaries = [0, ...[...text.toString().matchAll(/ /g)].map((m) => m.index + 1)];
        text.insert(boundaries[(round * 7 + i * 3) % boundaries.length]!, `w${i}-${round} `);
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const expected = 10 * 30;
    await waitUntil(
      () => clients.every((c) => (c.doc.getText('story').toString().match(/w\d+-\d+ /g) ?? []).length === expected),
      'every client has every word',
      20_000,
    );
    const first = clients[0]!.doc.getText('story').toString();
    for (const client of clients) expect(client.doc.getText('story').toString()).toBe(first);
  });
});
