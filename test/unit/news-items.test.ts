/**
 * The "What's new" list (client/src/board/news/news-items.ts) on real Y.Docs: the new things in
 * the board's order — whole-board comments, then stage by stage the stage's comments and each card
 * followed by the new comments on it — told added from changed by the last visit, and leaving out
 * what the page does not show (in "Recently deleted", a reply without its conversation) and what
 * this visit has seen already.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { newCommentMap } from '../../client/src/board/comments/comment-actions.ts';
import type { CommentTarget } from '../../shared/comment-read.ts';
import { newsItems, type NewsQuery } from '../../client/src/board/news/news-items.ts';

const since = 1_000;

function board() {
  const doc = new Y.Doc();
  const { stages, touchpoints, comments } = boardTypes(doc);
  stages.push([newStage('stage-arriving', 'Arriving'), newStage('stage-waiting', 'Waiting')]);
  const card = (id: string, stageId: string, order: string, title: string, createdAt: number) =>
    touchpoints.set(id, newTouchpoint({ id, stageId, order, title, createdBy: 'ann', createdAt }));
  card('card-parking', 'stage-arriving', 'a1', 'Car park', 10);
  card('card-reception', 'stage-arriving', 'a0', 'Reception', 2_000);
  card('card-chairs', 'stage-waiting', 'a0', 'Chairs', 3_000);
  const comment = (id: string, target: CommentTarget, parentId: string | null, createdAt: number, authorId: string | null = 'ann') => {
    const map = comments.set(id, newCommentMap(id, { target, parentId, authorId: authorId ?? 'nobody', body: `words of ${id}`, createdAt }));
    // Posted without a name: the server writes it with no author.
    if (authorId === null) map.set('authorId', null);
  };
  return { doc, comment };
}

const everything = (comments: string[], touchpoints: string[], seen: string[] = []): NewsQuery => ({
  isNew: (kind, id) => !seen.includes(`${kind}:${id}`),
  comments,
  touchpoints,
  since,
});

const onCard = (id: string): CommentTarget => ({ type: 'touchpoint', id });

describe('the What’s new list', () => {
  it('lists new things in the board’s order, each card before the comments on it', () => {
    const { doc, comment } = board();
    comment('on-chairs', onCard('card-chairs'), null, 5_000);
    comment('on-parking-reply', onCard('card-parking'), 'on-parking', 4_500, 'bob');
    comment('on-parking', onCard('card-parking'), null, 4_000);
    comment('on-waiting', { type: 'stage', id: 'stage-waiting' }, null, 6_000);
    comment('on-board', { type: 'board', id: 'board-1' }, null, 7_000, null);
    const items = newsItems(
      doc,
      everything(['on-chairs', 'on-parking-reply', 'on-parking', 'on-waiting', 'on-board'], ['card-chairs', 'card-parking', 'card-reception']),
    );
    expect(items.map((item) => `${item.kind}:${item.id}`)).toEqual([
      'comment:on-board',
      'touchpoint:card-reception',
      'touchpoint:card-parking',
      'comment:on-parking',
      'comment:on-parking-reply',
      'comment:on-waiting',
      'touchpoint:card-chairs',
      'comment:on-chairs',
    ]);
    expect(items[0]).toMatchObject({ kind: 'comment', authorId: null, body: 'words of on-board', targetTitle: '', added: true, reply: false });
    expect(items[4]).toMatchObject({ kind: 'comment', authorId: 'bob', targetTitle: 'Car park', stageTitle: 'Arriving', reply: true });
    expect(items[5]).toMatchObject({ kind: 'comment', targetTitle: 'Waiting', stageTitle: '' });
    // Added after the last visit, or there before it and changed since.
    expect(items[1]).toMatchObject({ title: 'Reception', stageTitle: 'Arriving', added: true });
    expect(items[2]).toMatchObject({ title: 'Car park', added: false });
  });

  it('tells a comment changed since the last visit from one written since', () => {
    const { doc, comment } = board();
    comment('old-words', onCard('card-parking'), null, 500);
    expect(newsItems(doc, everything(['old-words'], []))).toMatchObject([{ id: 'old-words', added: false }]);
  });

  it('leaves out what this visit has seen, what is in Recently deleted, and replies without their conversation', () => {
    const { doc, comment } = board();
    comment('on-chairs', onCard('card-chairs'), null, 5_000);
    comment('on-parking', onCard('card-parking'), null, 4_000);
    comment('orphan-reply', onCard('card-parking'), 'gone-thread', 4_000);
    comment('on-waiting', { type: 'stage', id: 'stage-waiting' }, null, 6_000);
    markDeleted(doc, { id: 'stage-waiting', kind: 'stage', deletedAt: 9_000, deletedBy: 'ann' }, null);
    const query = everything(['on-chairs', 'on-parking', 'orphan-reply', 'on-waiting', 'no-such-comment'], ['card-chairs', 'card-parking', 'no-such-card'], [
      'touchpoint:card-parking',
    ]);
    expect(newsItems(doc, query).map((item) => item.id)).toEqual(['on-parking']);
  });

  it('shows a card’s title as it is now', () => {
    const { doc } = board();
    const title = boardTypes(doc).touchpoints.get('card-parking')!.get('title') as Y.Text;
    title.insert(title.length, ' at night');
    expect(newsItems(doc, everything([], ['card-parking']))).toMatchObject([{ title: 'Car park at night' }]);
  });
});
