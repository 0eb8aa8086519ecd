/**
 * How the page reads the `comments` map into threads (shared/comment-read.ts):
 * one level of replies under each thread's first comment, oldest first; nothing about a stage or
 * touchpoint in "Recently deleted" (and it comes back with it); no reply whose parent is gone; an
 * author-less comment (posted without a name) kept with a null author.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { newCommentMap } from '../../client/src/board/comments/comment-actions.ts';
import { commentCount, readThreads, targetKey, type CommentTarget } from '../../shared/comment-read.ts';
import { commentCountWords, whoseComment } from '../../client/src/board/comments/comment-words.ts';

const card: CommentTarget = { type: 'touchpoint', id: 'touch-reception' };
const stage: CommentTarget = { type: 'stage', id: 'stage-arriving' };

function board() {
  const doc = new Y.Doc();
  const { stages, touchpoints } = boardTypes(doc);
  stages.push([newStage('stage-arriving', 'Arriving')]);
  touchpoints.set('touch-reception', newTouchpoint({ id: 'touch-reception', stageId: 'stage-arriving', order: 'a0', title: 'Reception', createdBy: 'ann', createdAt: 1 }));
  const add = (id: string, target: CommentTarget, parentId: string | null, createdAt: number, authorId = 'ann') =>
    boardTypes(doc).comments.set(id, newCommentMap(id, { target, parentId, authorId, body: `words of ${id}`, createdAt }));
  return { doc, add };
}

const shape = (doc: Y.Doc) =>
  Object.fromEntries(Object.entries(readThreads(doc)).map(([key, threads]) => [key, threads.map((t) => [t.id, ...t.replies.map((r) => r.id)])]));

describe('reading comments into threads', () => {
  it('groups replies under their thread, oldest first, by what they are about', () => {
    const { doc, add } = board();
    add('second-thread', card, null, 20);
    add('first-thread', card, null, 10);
    add('late-reply', card, 'first-thread', 40, 'bob');
    add('early-reply', card, 'first-thread', 30, 'bob');
    add('on-the-stage', stage, null, 5);
    add('on-the-board', { type: 'board', id: 'board-12345678' }, null, 1);
    expect(shape(doc)).toEqual({
      [targetKey(card)]: [['first-thread', 'early-reply', 'late-reply'], ['second-thread']],
      [targetKey(stage)]: [['on-the-stage']],
      'board:board-12345678': [['on-the-board']],
    });
    expect(commentCount(readThreads(doc)[targetKey(card)]!)).toBe(4);
  });

  it('hides comments about a deleted touchpoint or stage, and brings them back with it', () => {
    const { doc, add } = board();
    add('on-the-card', card, null, 1);
    add('on-the-stage', stage, null, 2);
    markDeleted(doc, { id: 'touch-reception', kind: 'touchpoint', deletedAt: 1, deletedBy: 'ann' }, null);
    expect(shape(doc)).toEqual({ [targetKey(stage)]: [['on-the-stage']] });
    boardTypes(doc).deleted.delete('touch-reception');
    markDeleted(doc, { id: 'stage-arriving', kind: 'stage', deletedAt: 1, deletedBy: 'ann' }, null);
    // The card's stage is deleted: the card and its comments are hidden with it.
    expect(shape(doc)).toEqual({});
    boardTypes(doc).deleted.delete('stage-arriving');
    expect(Object.keys(shape(doc)).sort()).toEqual([targetKey(stage), targetKey(card)].sort());
  });

  it('shows no reply whose parent is gone, and no reply to a reply', () => {
    const { doc, add } = board();
    add('thread', card, null, 1);
    add('reply', card, 'thread', 2, 'bob');
    add('reply-to-reply', card, 'reply', 3, 'bob');
    add('orphan', card, 'gone-for-good', 4, 'bob');
    expect(shape(doc)).toEqual({ [targetKey(card)]: [['thread', 'reply']] });
    boardTypes(doc).comments.delete('thread');
    expect(shape(doc)).toEqual({});
  });

  it('reads a comment posted without a name, and skips what is not a comment', () => {
    const { doc, add } = board();
    add('anonymous', card, null, 1);
    boardTypes(doc).comments.get('anonymous')!.set('authorId', null);
    const odd = new Y.Map<unknown>();
    odd.set('target', { type: 'elsewhere', id: 'x' });
    boardTypes(doc).comments.set('not-a-target', odd);
    const [thread] = readThreads(doc)[targetKey(card)]!;
    expect(thread!.first.authorId).toBeNull();
    expect(Object.keys(readThreads(doc))).toEqual([targetKey(card)]);
  });

  it('says counts and whose comment in plain words', () => {
    expect([0, 1, 3].map((n) => commentCountWords(n))).toEqual(['No comments yet', '1 comment', '3 comments']);
    expect(commentCountWords(3, 1)).toBe('3 comments, 1 new');
    const who = (id: string) => (id === 'me' ? 'you' : id === 'sam' ? 'Sam' : null);
    expect([whoseComment(who, 'me'), whoseComment(who, 'sam'), whoseComment(who, null)]).toEqual([
      'your comment',
      'Sam’s comment',
      'the comment from someone on this board',
    ]);
  });
});
