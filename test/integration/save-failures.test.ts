/**
 * When the database refuses one board's writes, only that board stops: its sockets are closed with
 * 4503 and it takes no more updates, the log says so, its room is freed (nothing counts as unsaved
 * for ever), and every other board carries on. When the database takes writes again, the clients'
 * kept changes arrive and nothing is lost. Faults come from a wrapper around the real LibSQL store
 * (what an oversize write to a remote LibSQL does); server, sockets and clients are real.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { refusingWritesFor } from '../support/faults.ts';
import { clientPool, nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp, startTestServer, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

let server: TestServer;
const pool = clientPool(() => server);
afterEach(async () => {
  pool.destroyAll();
  await server.dispose();
});

const client = (boardId: string, person: TestPerson): SyncClient => pool.connect(boardId, person);

const stageTitles = (doc: Y.Doc) => boardTypes(doc).stages.toArray().map((stage) => String(stage.get('title')));
/** Adds a stage with an id made from its title, e.g. "stage-Still-fine". */
const addStage = (doc: Y.Doc, title: string) => boardTypes(doc).stages.push([newStage(`stage-${title.replace(/[^A-Za-z0-9]+/g, '-')}`, title)]);


describe('a board whose writes keep failing', () => {
  it('is closed with 4503 and freed while other boards carry on; its changes arrive once writes work again', async () => {
    const failing = new Set<string>();
    const logged: string[] = [];
    server = await startTestServer({
      wrapDocumentStore: refusingWritesFor(failing),
      onError: (error) => logged.push(String(error instanceof Error ? error.message : error)),
    });
    const ann = await signUp(server, 'Ann');
    const broken = await createBoard(server, ann, 'Board that cannot save');
    const healthy = await createBoard(server, ann, 'Board that can');
    const [brokenA, brokenB, healthyA, healthyB] = [client(broken, ann), client(broken, ann), client(healthy, ann), client(healthy, ann)];
    await Promise.all([brokenA, brokenB, healthyA, healthyB].map((c) => c.synced));
    const brokenRoom = server.registry.loaded(broken)!;

    failing.add(broken);
    const closed = [nextCloseCode(brokenA.provider, 10_000), nextCloseCode(brokenB.provider, 10_000)];
    addStage(brokenA.doc, 'Kept on my device');
    // While the broken board is retrying, the healthy one relays as usual.
    addStage(healthyA.doc, 'Relayed meanwhile');
    await waitUntil(() => stageTitles(healthyB.doc).includes('Relayed meanwhile'), 'the healthy board relays');
    expect(brokenRoom.cannotSave).toBe(false);

    expect(await Promise.all(closed)).toEqual([CloseCode.cannotSave, CloseCode.cannotSave]);
    expect(stageTitles(brokenB.doc)).not.toContain('Kept on my device'); // never relayed
    expect(logged.some((line) => line.includes(`board ${broken} cannot save`))).toBe(true);
    // Every refused write was counted off: the room is empty, has nothing unsaved, and was let go.
    await waitUntil(() => brokenRoom.size === 0 && !brokenRoom.hasUnsavedChanges, 'the broken room is empty and settled');
    expect(server.registry.loaded(broken)).not.toBe(brokenRoom);

    // The database takes the board again: the providers reconnect by themselves (4503 is not
    // terminal) and the change kept on the device arrives everywhere.
    failing.delete(broken);
    await waitUntil(() => stageTitles(brokenB.doc).includes('Kept on my device'), 'the kept change arrives', 15_000);
    addStage(healthyB.doc, 'Still fine');
    await waitUntil(() => stageTitles(healthyA.doc).includes('Still fine'), 'the healthy board still relays');
  });
});
