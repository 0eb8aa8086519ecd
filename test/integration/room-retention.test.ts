/**
 * Nothing of a board stays in the server's memory once its last client has left (issue 5: "nothing
 * retained for a room 60 s after its last client leaves" — here it is gone as soon as the room is
 * compacted). 150 boards, each with a few KB of story, are opened, edited and left; the registry
 * must hold no room and the heap must come back to where it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { readMemory } from '../support/memory.ts';
import { connectClient, type SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp, startTestServer, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

let server: TestServer;
let ann: TestPerson;

beforeAll(async () => {
  server = await startTestServer();
  ann = await signUp(server, 'Ann');
});
afterAll(() => server.dispose());

/** Opens `count` boards, writes a story of `storyChars` into each, and leaves them all. */
async function visitBoards(count: number, storyChars: number): Promise<string[]> {
  const boards: string[] = [];
  for (let i = 0; i < count; i++) boards.push(await createBoard(server, ann, `Board ${i}`));
  const clients: SyncClient[] = boards.map((boardId) => connectClient(server, boardId, ann.cookie));
  await Promise.all(clients.map((client) => client.synced));
  for (const client of clients) {
    const { stages, touchpoints } = boardTypes(client.doc);
    client.doc.transact(() => {
      stages.push([newStage('stage-waiting', 'Waiting')]);
      touchpoints.set('touch-waiting-room', newTouchpoint({ id: 'touch-waiting-room', stageId: 'stage-waiting', order: 'a0', title: 'The waiting room', createdBy: ann.id, createdAt: 0 }));
    });
    // Typed in small pieces, each at the start, so the document holds many items as an edited story does.
    const story = touchpoints.get('touch-waiting-room')!.get('story') as Y.Text;
    for (let typed = 0; typed < storyChars; typed += 20) story.insert(0, 'we waited for hours ');
  }
  await waitUntil(() => boards.every((boardId) => server.registry.loaded(boardId)?.hasUnsavedChanges === false), 'every board saved', 30_000);
  for (const client of clients) client.destroy();
  await waitUntil(() => server.registry.size === 0, 'every room unloaded', 30_000);
  return boards;
}

describe('room retention', () => {
  it('keeps nothing of a board in memory after its last client leaves', async () => {
    await visitBoards(20, 6_000); // warm-up: JIT, statement caches, pools
    const before = readMemory();
    await visitBoards(150, 6_000);
    const after = readMemory();
    const heapGrown = after.heapUsed - before.heapUsed;
    // A kept room is JS objects (its Y.Doc, awareness, maps): kept rooms (unloading switched off by
    // hand) add ~14 MiB of heap here; without that the heap grows ~1.2 MiB (JIT code, connection
    // pools). External memory (socket buffers) moves by ~1–2 MiB either way, so it is only reported.
    console.log(`after 150 boards left: heap ${(heapGrown / 1024).toFixed(0)} KiB, external ${((after.external - before.external) / 1024).toFixed(0)} KiB`);
    expect(server.registry.size).toBe(0);
    expect(heapGrown).toBeLessThan(5 * 1024 * 1024);
  }, 180_000);
});
