/**
 * One board for the guard's integration tests (test/integration/guard.test.ts): its people — the
 * facilitator who made it, an `edit`, a `comment` and a `view` member who joined by invite links,
 * and someone not on it — the content they put on it honestly, and a reference copy of the
 * document that only honest changes reach.
 *
 * The reference is how a test knows what the server must hold without asking the server: it
 * starts from the board as first loaded and takes every change an honest client makes itself
 * (never what the server relays). Any difference between it and what a client receives from the
 * server — a change the server let through, or an honest change it dropped — shows in one
 * comparison of the whole document ({@link documentJson}).
 */
import { giveFeeling } from './feelings.ts';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { boardTypes, newStage, newTouchpoint, participantKey, TopLevel } from '../../shared/board-document.ts';
import { MessageType } from '../../shared/sync-protocol.ts';
import { joinBoard } from './invites.ts';
import { connectClient, type SyncClient } from './sync-client.ts';
import { createBoard, signUp, type AppAddress, type TestPerson } from './test-server.ts';

/** Ids of what the board holds from the start (all valid ids: shared/api.ts idPattern). */
export const seeded = {
  arriving: 'stage-arriving',
  waiting: 'stage-waiting',
  /** The facilitator's touchpoint in "Arriving". */
  reception: 'touch-reception',
  facilitatorComment: 'comment-by-facilitator',
  editorComment: 'comment-by-editor',
} as const;

export interface Cast {
  facilitate: TestPerson;
  edit: TestPerson;
  comment: TestPerson;
  view: TestPerson;
  /** Signed up, but not a member of the board. */
  outsider: TestPerson;
}

/** Signs the cast up, has the facilitator make the board and invite each member with their access. */
export async function setUpBoard(app: AppAddress): Promise<{ boardId: string; cast: Cast }> {
  const facilitate = await signUp(app, 'Fay');
  const boardId = await createBoard(app, facilitate, 'Outpatients journey');
  const [edit, comment, view, outsider] = await Promise.all([
    signUp(app, 'Ed').then((person) => joinBoard(app, facilitate, boardId, 'edit', person)),
    signUp(app, 'Cam').then((person) => joinBoard(app, facilitate, boardId, 'comment', person)),
    signUp(app, 'Vi').then((person) => joinBoard(app, facilitate, boardId, 'view', person)),
    signUp(app, 'Otto'),
  ]);
  return { boardId, cast: { facilitate, edit, comment, view, outsider } };
}

/** A comment map as docs/board-document.md has it. */
export function newComment(init: { id: string; authorId: string; body: string; touchpointId: string; createdAt?: number }): Y.Map<unknown> {
  const comment = new Y.Map<unknown>();
  comment.set('id', init.id);
  comment.set('target', { type: 'touchpoint', id: init.touchpointId });
  comment.set('parentId', null);
  comment.set('authorId', init.authorId);
  comment.set('body', new Y.Text(init.body));
  comment.set('createdAt', init.createdAt ?? Date.now());
  return comment;
}

/** The whole board document as plain JSON (texts as strings), plus any top-level type it should not have. */
export function documentJson(doc: Y.Doc): Record<string, unknown> {
  const known = new Set<string>(Object.values(TopLevel));
  const json: Record<string, unknown> = {};
  for (const name of known) json[name] = name === TopLevel.stages ? doc.getArray(name).toJSON() : doc.getMap(name).toJSON();
  json['other top-level types'] = [...doc.share.keys()].filter((name) => !known.has(name)).sort();
  return json;
}

/** What the server must hold: the board as first loaded plus every change honest clients made. */
export class Reference {
  readonly doc = new Y.Doc();

  constructor(loaded: Y.Doc) {
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(loaded));
  }

  /** Takes every change `client` makes itself from now on (not what its provider receives). */
  follow(client: SyncClient): void {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== client.provider) Y.applyUpdate(this.doc, update);
    });
  }
}

/**
 * Resolves once the server has handled everything `client` sent before: it sends a sync step 1 on
 * the client's own socket and waits for the sync step 2 that answers it (a server handles one
 * socket's frames in order, on both targets; it sends step 2 only to answer a step 1).
 */
export function roundTrip(client: SyncClient, timeoutMs = 20_000): Promise<void> {
  const ws = client.provider.ws as unknown as WebSocket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.off('message', onMessage);
      reject(new Error('no answer to a sync step 1'));
    }, timeoutMs);
    const onMessage = (data: ArrayBuffer | Buffer): void => {
      const bytes = new Uint8Array(data);
      if (bytes[0] !== MessageType.sync || bytes[1] !== syncProtocol.messageYjsSyncStep2) return;
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolve();
    };
    ws.on('message', onMessage);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, client.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
}

/**
 * What the facilitator puts on the board first: two stages, a touchpoint and a comment on it. Their
 * feeling there is given over HTTP, as every feeling is since issue 17: {@link seedFeelings}.
 */
export function seedAsFacilitator(doc: Y.Doc, facilitatorId: string): void {
  const now = Date.now();
  const { stages, touchpoints, comments } = boardTypes(doc);
  doc.transact(() => {
    stages.push([newStage(seeded.arriving, 'Arriving'), newStage(seeded.waiting, 'Waiting')]);
    touchpoints.set(
      seeded.reception,
      newTouchpoint({ id: seeded.reception, stageId: seeded.arriving, order: 'a0', title: 'Reception', story: 'Nobody looked up.', createdBy: facilitatorId, createdAt: now }),
    );
    comments.set(seeded.facilitatorComment, newComment({ id: seeded.facilitatorComment, authorId: facilitatorId, body: 'Long wait', touchpointId: seeded.reception }));
  });
}

/** What the editor then says about the facilitator's touchpoint: a comment (their feeling: {@link seedFeelings}). */
export function seedAsEditor(doc: Y.Doc, editorId: string): void {
  const { comments } = boardTypes(doc);
  doc.transact(() => {
    comments.set(seeded.editorComment, newComment({ id: seeded.editorComment, authorId: editorId, body: 'Too loud', touchpointId: seeded.reception }));
  });
}

/** A member's provider on the board, synced. */
export async function syncedClient(app: { wsUrl: string }, boardId: string, person: TestPerson, open: SyncClient[]): Promise<SyncClient> {
  const client = connectClient(app, boardId, person.cookie, { syncTimeoutMs: 20_000 });
  open.push(client);
  await client.synced;
  return client;
}

/**
 * The seeded feelings at the reception, given over HTTP (the server writes them under keys that
 * name nobody): the facilitator's (+2, "safe") and the editor's (-1, "rushed", "my own words").
 * Resolves to their keys in the document.
 */
export async function seedFeelings(app: AppAddress, boardId: string, cast: Pick<Cast, 'facilitate' | 'edit'>): Promise<{ facilitate: string; edit: string }> {
  const facilitate = await giveFeeling(app, boardId, cast.facilitate, seeded.reception, { score: 2, words: ['safe'] });
  const edit = await giveFeeling(app, boardId, cast.edit, seeded.reception, { score: -1, words: ['rushed', 'my own words'] });
  return { facilitate: facilitate!, edit: edit! };
}
