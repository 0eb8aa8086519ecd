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
 *
 * The honest changes are a comment member's own comment and its words (what such a member writes
 * through their socket; their feelings they give over HTTP since issue 17, and the guard refuses a
 * feeling from any client: guard.test.ts, feelings-unnamed.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { newComment, roundTrip, syncedClient } from '../support/guard-board.ts';
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
  /** `person`'s own comment on the board itself, as the page posts one. */
  const postComment = (doc: Y.Doc, id: string, person: TestPerson, body: string) => {
    const comment = newComment({ id, authorId: person.id, body, touchpointId: boardId });
    comment.set('target', { type: 'board', id: boardId });
    boardTypes(doc).comments.set(id, comment);
  };
  const bodyOf = (doc: Y.Doc, id: string) => boardTypes(doc).comments.get(id)?.get('body')?.toString();
  /** Adds `words` at the end of comment `id`'s body, with its editedAt, as the page edits one. */
  const addWords = (doc: Y.Doc, id: string, words: string, at: number) =>
    doc.transact(() => {
      const comment = boardTypes(doc).comments.get(id)!;
      const body = comment.get('body') as Y.Text;
      body.insert(body.length, words);
      comment.set('editedAt', at);
    });

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
    postComment(first.doc, 'comment-two-tabs', cam, 'The chairs were hard');
    // In the second tab the person adds to it: this change is built on the first one.
    addWords(second.doc, 'comment-two-tabs', ' and cold', Date.now());
    expect(await outcomeOfLastChange(second)).toBe('open');
    first.provider.connect();
    await waitUntil(() => bodyOf(observer.doc, 'comment-two-tabs') === 'The chairs were hard and cold', 'the second tab’s words arrived', 20_000);
  }, 60_000);

  it("keeps a person's Yjs client id theirs after the board is loaded again", async () => {
    const cams = await syncedClient(app, boardId, cam, open);
    postComment(cams.doc, 'comment-asleep', cam, 'Nobody said');
    const observer = await syncedClient(app, boardId, fay, open);
    await waitUntil(() => bodyOf(observer.doc, 'comment-asleep') === 'Nobody said', 'the comment is on the board', 20_000);
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
    postComment(forged, 'comment-by-mal', mal, 'Mine, written as Cam’s device');
    const refused = await outcomeOfLastChange(mals);
    forged.clientID = malsOwnId; // (its presence is under this id)
    expect(refused).toBe(CloseCode.changeRefused);

    // Cam added to their comment while asleep; the tab wakes and sends it.
    addWords(cams.doc, 'comment-asleep', ' what happens next', 5);
    const closed = nextCloseCode(cams.provider, 20_000).catch(() => 'open' as const);
    cams.provider.connect();
    // Its sync step 2 (with the change) goes out before the server's step 2 comes back as 'sync'.
    const synced = nextEvent(cams.provider, 'sync', 20_000).then(() => roundTrip(cams)).then(() => 'open' as const);
    expect(await Promise.race([closed, synced])).toBe('open');
    const later = await syncedClient(app, boardId, fay, open);
    await waitUntil(() => boardTypes(later.doc).comments.get('comment-asleep')?.get('editedAt') === 5, 'Cam’s words from while asleep arrived', 20_000).catch(() => undefined);
    expect(bodyOf(later.doc, 'comment-asleep')).toBe('Nobody said what happens next');
    expect(boardTypes(later.doc).comments.get('comment-asleep')?.get('editedAt')).toBe(5);
    expect(boardTypes(later.doc).comments.has('comment-by-mal')).toBe(false);
  }, 180_000);
});
