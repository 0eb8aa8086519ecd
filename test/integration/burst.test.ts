/**
 * Many clients typing into one text — a touchpoint's story — at once converge (relays are merged
 * per commit). One suite against both targets (test/support/targets.ts): the Node server and the
 * Workers build in `wrangler dev`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { connectClient, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

/** The touchpoint whose story everyone types into. */
const card = 'touch-front-desk';
const storyOf = (client: SyncClient): Y.Text => boardTypes(client.doc).touchpoints.get(card)!.get('story') as Y.Text;

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
    const { stages, touchpoints } = boardTypes(clients[0]!.doc);
    clients[0]!.doc.transact(() => {
      stages.push([newStage('stage-arriving', 'Arriving')]);
      touchpoints.set(card, newTouchpoint({ id: card, stageId: 'stage-arriving', order: 'a0', title: 'Front desk', createdBy: ann.id, createdAt: 1 }));
    });
    await waitUntil(() => clients.every((c) => boardTypes(c.doc).touchpoints.has(card)), 'every client has the touchpoint');
    for (let round = 0; round < 30; round++) {
      clients.forEach((client, i) => {
        // Whole words at word boundaries, so every word stays countable.
        const text = storyOf(client);
        const boundaries = [0, ...[...text.toString().matchAll(/ /g)].map((m) => m.index + 1)];
        text.insert(boundaries[(round * 7 + i * 3) % boundaries.length]!, `w${i}-${round} `);
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const expected = 10 * 30;
    await waitUntil(
      () => clients.every((c) => (storyOf(c).toString().match(/w\d+-\d+ /g) ?? []).length === expected),
      'every client has every word',
      20_000,
    );
    const first = storyOf(clients[0]!).toString();
    for (const client of clients) expect(storyOf(client).toString()).toBe(first);
  });
});
