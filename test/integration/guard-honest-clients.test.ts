/**
 * What the server's guard must not do to honest people (issue 12: "an honest client never meets
 * this"), with stock y-websocket clients on both targets (test/support/targets.ts):
 *
 * - Two tabs of one person share changes by BroadcastChannel (y-websocket does, and so does the
 *   board page): a change one tab makes on top of the other tab's can reach the server before the
 *   other tab's own socket delivers the first. Yjs would wait for it; the guard must not refuse it.
 * - A person's Yjs client id stays theirs when the board is loaded again (after a restart, or
 *   when the room was unloaded): if someone else could write with it first, the clocks of that
 *   person's next changes would be taken, and the changes they kept offline silently dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, participantKey } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { roundTrip, seeded, syncedClient } from '../support/guard-board.ts';
import { joinBoard } from '../support/invites.ts';
import { startRestartable, type RestartableApp } from '../support/restartable-app.ts';
import { connectClient, nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets } from '../support/targets.ts';
import { createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { nextEvent, waitUntil } from '../support/wait.ts';

/** Call right after a change: resolves with the close code `client` meets, or 'open' once the server has handled the change. */
function outcomeOfLastChange(client: SyncClient): Promise<number | 'open'> {
  const closed = nextCloseCode(client.provider, 20_000).catch(() => 'open' as const);
  return Promise.race([closed, roundTrip(client).then(() => 'open' as const)]);
}

describe.each(targets)('the guard and honest clients on %s', (target) => {
  let app: RestartableApp;
  let boardId: string;
  let fay: TestPerson;
  let cam: TestPerson;
  let mal: TestPerson;
  const open: SyncClient[] = [];
  const feelingKey = () => participantKey(seeded.reception, cam.id);

  beforeAll(async () => {
    app = await startRestartable(target);
    fay = await signUp(app, 'Fay');
    boardId = await createBoard(app, fay);
    cam = await joinBoard(app, fay, boardId, 'comment', 'Cam');
    mal = await joinBoard(app, fay, boardId, 'comment', 'Mal');
  }, 120_000);
  afterAll(async () => {
    try {
      for (const client of open.splice(0)) client.destroy();
    } finally {
      await app?.dispose(); // whatever a client's teardown threw, no server is left running
    }
  });

  it("takes a tab's change built on another tab's change that the server has not had yet", async () => {
    const [first, second, observer] = [await syncedClient(app, boardId, cam, open), await syncedClient(app, boardId, cam, open), await syncedClient(app, boardId, fay, open)];
    // The first tab's socket is down for a moment (reconnecting); what it does still reaches the
    // second tab, as y-websocket passes it on by BroadcastChannel (applied with the provider as origin).
    first.provider.disconnect();
    first.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== first.provider) Y.applyUpdate(second.doc, update, second.provider);
    });
    boardTypes(first.doc).feelings.set(feelingKey(), { score: -1, words: ['anxious'], at: 1 });
    // In the second tab the person changes their mind: this change is built on the first one.
    boardTypes(second.doc).feelings.set(feelingKey(), { score: 1, words: ['reassured'], at: 2 });
    expect(await outcomeOfLastChange(second)).toBe('open');
    first.provider.connect();
    await waitUntil(() => boardTypes(observer.doc).feelings.get(feelingKey())?.score === 1, 'the second tab’s feeling arrived', 20_000);
  }, 60_000);

  it("keeps a person's Yjs client id theirs after the board is loaded again", async () => {
    const cams = await syncedClient(app, boardId, cam, open);
    boardTypes(cams.doc).feelings.set(feelingKey(), { score: 0, words: [], at: 3 });
    const observer = await syncedClient(app, boardId, fay, open);
    await waitUntil(() => boardTypes(observer.doc).feelings.get(feelingKey())?.at === 3, 'the feeling is on the board', 20_000);
    observer.destroy();
    // Cam's tab sleeps (its socket is down) while the server restarts and loads the board again.
    cams.provider.disconnect();
    await app.restart();

    // Mal is first back, writing with Cam's client id (anyone can read it from the document).
    const forged = new Y.Doc();
    const mals = connectClient(app, boardId, mal.cookie, { doc: forged, syncTimeoutMs: 20_000 });
    open.push(mals);
    await mals.synced;
    const malsOwnId = forged.clientID;
    forged.clientID = cams.doc.clientID;
    boardTypes(forged).feelings.set(participantKey(seeded.reception, mal.id), { score: -2, words: [], at: 4 });
    const refused = await outcomeOfLastChange(mals);
    forged.clientID = malsOwnId; // (its presence is under this id)
    expect(refused).toBe(CloseCode.changeRefused);

    // Cam changed their feeling while asleep; the tab wakes and sends it.
    boardTypes(cams.doc).feelings.set(feelingKey(), { score: 2, words: ['safe'], at: 5 });
    const closed = nextCloseCode(cams.provider, 20_000).catch(() => 'open' as const);
    cams.provider.connect();
    // Its sync step 2 (with the change) goes out before the server's step 2 comes back as 'sync'.
    const synced = nextEvent(cams.provider, 'sync', 20_000).then(() => roundTrip(cams)).then(() => 'open' as const);
    expect(await Promise.race([closed, synced])).toBe('open');
    const later = await syncedClient(app, boardId, fay, open);
    await waitUntil(() => boardTypes(later.doc).feelings.get(feelingKey())?.at === 5, 'Cam’s feeling from while asleep arrived', 20_000).catch(() => undefined);
    expect(boardTypes(later.doc).feelings.get(feelingKey())).toEqual({ score: 2, words: ['safe'], at: 5 });
  }, 180_000);
});
