/**
 * The guard across a Durable Object's hibernation: a Yjs client id stays the person's who wrote
 * with it after the object is evicted and rebuilt (each socket keeps its ids in its attachment), so
 * another member cannot write with it — and so take the clocks of that person's next changes.
 */
import { evictDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';
import { BoardPeer, call, createBoard, signUp } from './board-peer.ts';
import { workerEnv } from './worker-env.ts';

const open: BoardPeer[] = [];
afterEach(() => {
  for (const peer of open.splice(0)) peer.close();
});

async function connect(boardId: string, person: { id: string; cookie: string }): Promise<BoardPeer> {
  const peer = await BoardPeer.open(boardId, person);
  open.push(peer);
  return peer;
}

describe('the guard in the board object', () => {
  it("refuses a member writing with another person's Yjs client id after the object woke", async () => {
    const ann = await signUp('Ann');
    const carl = await signUp('Carl');
    const boardId = await createBoard(ann);
    const invite = await call(`/api/boards/${boardId}/invites`, { body: { access: 'edit' }, cookie: ann.cookie });
    const { token } = (await invite.json()) as { token: string };
    expect((await call(`/api/invites/${token}/accept`, { body: {}, cookie: carl.cookie })).status).toBe(200);

    const a = await connect(boardId, ann);
    const c = await connect(boardId, carl);
    boardTypes(a.doc).stages.push([newStage('stage-arriving-01', 'Arriving')]);
    await waitUntil(() => boardTypes(c.doc).stages.length === 1, 'Carl has the stage');

    await evictDurableObject(workerEnv.BOARDS.get(workerEnv.BOARDS.idFromName(boardId)));

    // Carl's next change carries Ann's client id, at the clocks Ann would use next.
    c.doc.clientID = a.doc.clientID;
    const id = 'touch-forged-0001';
    boardTypes(c.doc).touchpoints.set(
      id,
      newTouchpoint({ id, stageId: 'stage-arriving-01', order: 'a0', title: 'Forged', createdBy: carl.id, createdAt: Date.now() }),
    );
    await waitUntil(() => c.closeCode !== null, "Carl's socket is closed");
    expect(c.closeCode).toBe(CloseCode.changeRefused);

    // Ann's own next change still arrives for someone opening the board.
    boardTypes(a.doc).stages.push([newStage('stage-waiting-01', 'Waiting')]);
    const d = await connect(boardId, carl);
    await waitUntil(() => boardTypes(d.doc).stages.length === 2, 'a new peer has both of Ann’s stages');
    expect(boardTypes(d.doc).touchpoints.has(id)).toBe(false);
  });
});
