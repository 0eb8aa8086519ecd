/**
 * Every comment action the page records as an Undo step can be undone — and redone — without the
 * server's guard refusing it (server/sync/guard, run here in process on the server's copy), and the
 * one that could not (opening again a thread someone else sorted) is not recorded. Undo of "add a
 * comment" others have replied to or said "Me too" to, and of deleting a comment the server wrote
 * in, is dropped with a reason (comment-undo-limit.ts): the guard would refuse the second.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Access } from '../../shared/access.ts';
import { boardTypes, initBoardDocument, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { checkUpdate, RefusedChange } from '../../server/sync/guard/update-guard.ts';
import { localOrigin } from '../../client/src/board/local-origin.ts';
import {
  commentBody,
  deleteComment,
  editComment,
  newCommentMap,
  postComment,
  reopenOrigin,
  reopenThread,
  resolveThread,
} from '../../client/src/board/comments/comment-actions.ts';
import { readThreads, targetKey, type CommentTarget } from '../../shared/comment-read.ts';
import { commentStepKept } from '../../client/src/board/comments/comment-undo-limit.ts';

const fay = 'facilitator-0001';
const cam = 'commenter-000001';
const bob = 'editor-000000001';
const card: CommentTarget = { type: 'touchpoint', id: 'touch-0000000001' };
const fromServer = Symbol('server');

/** The server's copy of a board and `me`'s page's copy of it, with the page's Undo; every update the page sends is judged first. */
function pageOn(me: string, access: Access) {
  const server = new Y.Doc({ gc: true });
  initBoardDocument(server, { title: 'Outpatients' });
  const { stages, touchpoints } = boardTypes(server);
  stages.push([newStage('stage-0000000001', 'Arriving')]);
  touchpoints.set(card.id, newTouchpoint({ id: card.id, stageId: 'stage-0000000001', order: 'a0', title: 'Reception', createdBy: fay, createdAt: 1 }));
  const page = new Y.Doc();
  Y.applyUpdate(page, Y.encodeStateAsUpdate(server), fromServer);
  const undo = new Y.UndoManager(Object.values(boardTypes(page)), { trackedOrigins: new Set([localOrigin]) });
  const sent: Uint8Array[] = [];
  page.on('update', (update: Uint8Array, origin: unknown) => origin !== fromServer && sent.push(update));
  /** Sends what the page changed; throws RefusedChange as the server would refuse it. */
  const send = () => {
    for (const update of sent.splice(0)) {
      checkUpdate(server, update, { userId: me, access }, () => undefined);
      Y.applyUpdate(server, update);
    }
  };
  /** Someone else's change, made on the server and relayed to the page. */
  const others = (change: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(server);
    change(server);
    Y.applyUpdate(page, Y.encodeStateAsUpdate(server, before), fromServer);
  };
  const act = (change: () => void) => {
    undo.stopCapturing();
    change();
    send();
  };
  return { server, page, undo, send, others, act };
}

const thread = (doc: Y.Doc, id: string) => readThreads(doc)[targetKey(card)]?.find((t) => t.id === id);

describe('undoing comment actions never meets the guard', () => {
  it('a commenter posts, edits and deletes their own comment, and undoes and redoes each', () => {
    const { server, page, undo, send, others, act } = pageOn(cam, 'comment');
    let id = '';
    act(() => (id = postComment(page, { target: card, parentId: null, authorId: cam, body: 'Nobody looked up', createdAt: 5 }, localOrigin)));
    act(() => editComment(page, id, 'Nobody looked up at me', 6, localOrigin));
    others((doc) => boardTypes(doc).comments.set('reply-by-bob-01', newCommentMap('reply-by-bob-01', { target: card, parentId: id, authorId: bob, body: 'Same here', createdAt: 7 })));
    act(() => deleteComment(page, id, localOrigin));
    expect(thread(server, id)).toBeUndefined();

    // Undo the delete: the comment is back with its id, words and Bob's reply.
    undo.undo();
    send();
    expect(thread(server, id)?.replies.map((reply) => reply.id)).toEqual(['reply-by-bob-01']);
    expect(commentBody(server, id)).toBe('Nobody looked up at me');
    // Undo the edit: the first words, no longer marked edited.
    undo.undo();
    send();
    expect(commentBody(server, id)).toBe('Nobody looked up');
    expect(thread(server, id)?.first.editedAt).toBeNull();
    // Redo both.
    undo.redo();
    undo.redo();
    send();
    expect(thread(server, id)).toBeUndefined();
    undo.undo();
    send();
    expect(commentBody(server, id)).toBe('Nobody looked up at me');
  });

  it('marking one\'s own thread sorted, and a facilitator marking anyone\'s, can be undone', () => {
    for (const [me, access] of [[cam, 'comment'], [fay, 'facilitate']] as const) {
      const { server, page, undo, send, others, act } = pageOn(me, access);
      others((doc) => boardTypes(doc).comments.set('by-cam-00000001', newCommentMap('by-cam-00000001', { target: card, parentId: null, authorId: cam, body: 'Cold room', createdAt: 1 })));
      act(() => resolveThread(page, 'by-cam-00000001', me, 9, localOrigin));
      expect(thread(server, 'by-cam-00000001')?.first).toMatchObject({ resolvedAt: 9, resolvedBy: me });
      undo.undo();
      send();
      expect(thread(server, 'by-cam-00000001')?.first).toMatchObject({ resolvedAt: null, resolvedBy: null });
      // Opening again one's own sorting is an Undo step too.
      act(() => resolveThread(page, 'by-cam-00000001', me, 10, localOrigin));
      act(() => reopenThread(page, 'by-cam-00000001', reopenOrigin(page, 'by-cam-00000001', me, localOrigin)));
      undo.undo();
      send();
      expect(thread(server, 'by-cam-00000001')?.first).toMatchObject({ resolvedAt: 10, resolvedBy: me });
    }
  });

  it('opening again a thread someone else sorted is not an Undo step: undoing it would be refused', () => {
    const { server, page, undo, others, act } = pageOn(cam, 'comment');
    others((doc) => {
      const comment = newCommentMap('by-cam-00000001', { target: card, parentId: null, authorId: cam, body: 'Cold room', createdAt: 1 });
      boardTypes(doc).comments.set('by-cam-00000001', comment);
      comment.set('resolvedAt', 3);
      comment.set('resolvedBy', fay);
    });
    act(() => reopenThread(page, 'by-cam-00000001', reopenOrigin(page, 'by-cam-00000001', cam, localOrigin)));
    expect(thread(server, 'by-cam-00000001')?.first.resolvedAt).toBeNull();
    expect(undo.undoStack).toHaveLength(0);

    // Why: recorded, its Undo would mark the thread sorted in Fay's name, which the server refuses.
    const recorded = pageOn(cam, 'comment');
    recorded.others((doc) => {
      const comment = newCommentMap('by-cam-00000001', { target: card, parentId: null, authorId: cam, body: 'Cold room', createdAt: 1 });
      boardTypes(doc).comments.set('by-cam-00000001', comment);
      comment.set('resolvedAt', 3);
      comment.set('resolvedBy', fay);
    });
    recorded.act(() => reopenThread(recorded.page, 'by-cam-00000001', localOrigin));
    recorded.undo.undo();
    expect(() => recorded.send()).toThrow(RefusedChange);
  });

  it('keeps a comment others have replied to when its author presses Undo', () => {
    const { page, undo, others, act } = pageOn(cam, 'comment');
    let id = '';
    act(() => (id = postComment(page, { target: card, parentId: null, authorId: cam, body: 'Too hot', createdAt: 5 }, localOrigin)));
    expect(commentStepKept(page, undo.undoStack.at(-1)!, cam)).toBeNull();
    act(() => postComment(page, { target: card, parentId: id, authorId: cam, body: 'And loud', createdAt: 6 }, localOrigin));
    expect(commentStepKept(page, undo.undoStack.at(-2)!, cam)).toBeNull();
    others((doc) => boardTypes(doc).comments.set('reply-by-bob-01', newCommentMap('reply-by-bob-01', { target: card, parentId: id, authorId: bob, body: 'Yes', createdAt: 7 })));
    expect(commentStepKept(page, undo.undoStack.at(-2)!, cam)).toMatch(/other people have replied/);
    // Undoing one's own reply is still fine.
    expect(commentStepKept(page, undo.undoStack.at(-1)!, cam)).toBeNull();
  });

  it('never brings back a deleted comment the server has written in, which the guard would refuse', () => {
    const { server, page, undo, send, others, act } = pageOn(cam, 'comment');
    let id = '';
    act(() => (id = postComment(page, { target: card, parentId: null, authorId: cam, body: 'Lost my letter', createdAt: 5 }, localOrigin)));
    expect(commentStepKept(page, undo.undoStack.at(-1)!, cam)).toBeNull();
    // Bob says "Me too": the server writes the count into the comment.
    others((doc) => boardTypes(doc).comments.get(id)!.set('meToo', 1));
    expect(commentStepKept(page, undo.undoStack.at(-1)!, cam)).toMatch(/said “Me too”/);
    // Deleting it as an Undo step: the step is dropped, since undoing it would be refused.
    act(() => deleteComment(page, id, localOrigin));
    expect(thread(server, id)).toBeUndefined();
    expect(commentStepKept(page, undo.undoStack.at(-1)!, cam)).toMatch(/cannot be brought back/);
    undo.undo();
    expect(() => send()).toThrow(RefusedChange);
  });
});
