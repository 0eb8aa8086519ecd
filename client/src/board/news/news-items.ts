/**
 * The list "What's new" shows: of the ids the server says are new to this person (and not yet seen
 * on this visit), those the page shows — not in "Recently deleted", not about something that is —
 * in the board's order: comments on the whole board first, then stage by stage the stage's own
 * comments and each card followed by the new comments on it, conversations oldest first. Only the
 * new ids are looked at, never the whole board, so it stays cheap on a board of 2,000 comments.
 * Pure (no Solid, no DOM): test/unit/news-items.test.ts runs it on real Y.Docs.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { hiddenIds } from '../../../../shared/recently-deleted.ts';
import { readComment, type CommentTarget } from '../../../../shared/comment-read.ts';

export interface NewCard {
  kind: 'touchpoint';
  id: string;
  title: string;
  stageTitle: string;
  /** Added since the last visit (otherwise changed: its words, place or stage). */
  added: boolean;
}

export interface NewComment {
  kind: 'comment';
  id: string;
  /** null: posted without a name. */
  authorId: string | null;
  /** Its words, whole (the list shows their start). */
  body: string;
  target: CommentTarget;
  /** The card's or stage's title ('' for the whole board). */
  targetTitle: string;
  /** The stage a card is in ('' otherwise). */
  stageTitle: string;
  reply: boolean;
  /** Written since the last visit (otherwise its words were changed). */
  added: boolean;
}

export type NewsItem = NewCard | NewComment;

/** What the list is made from. */
export interface NewsQuery {
  /** New to this person: ids of comments and cards (the server's answer less what was seen on this visit). */
  isNew: (kind: 'comment' | 'touchpoint', id: string) => boolean;
  comments: Iterable<string>;
  touchpoints: Iterable<string>;
  /** The person's last visit (ms): anything created after it was added, not changed. */
  since: number;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : '');
const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

type SortKey = (string | number)[];

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return a.length - b.length;
}

/** The new things on `doc` for this person, in the board's order. */
export function newsItems(doc: Y.Doc, query: NewsQuery): NewsItem[] {
  const { stages, touchpoints, comments } = boardTypes(doc);
  const hidden = hiddenIds(doc);
  // Stages shown, in journey order (the first copy of an id only, as the board shows them).
  const stagePlace = new Map<string, { index: number; title: string }>();
  stages.forEach((stage) => {
    if (!(stage instanceof Y.Map)) return;
    const id = text(stage.get('id'));
    if (id === '' || hidden.has(id) || stagePlace.has(id)) return;
    stagePlace.set(id, { index: stagePlace.size, title: text(stage.get('title')) });
  });
  /** Where a card is on the board, or null when it is not shown. */
  const cardPlace = (id: string) => {
    const card = touchpoints.get(id);
    if (!(card instanceof Y.Map) || hidden.has(id)) return null;
    const stage = stagePlace.get(text(card.get('stageId')));
    if (stage === undefined) return null;
    return { card, stage, key: [1, stage.index, 1, text(card.get('order')), id] as SortKey };
  };

  const found: { key: SortKey; item: NewsItem }[] = [];
  for (const id of new Set(query.touchpoints)) {
    if (!query.isNew('touchpoint', id)) continue;
    const place = cardPlace(id);
    if (place === null) continue;
    found.push({
      key: [...place.key, 0],
      item: { kind: 'touchpoint', id, title: text(place.card.get('title')), stageTitle: place.stage.title, added: number(place.card.get('createdAt')) > query.since },
    });
  }
  for (const id of new Set(query.comments)) {
    if (!query.isNew('comment', id)) continue;
    const map = comments.get(id);
    const comment = readComment(id, map);
    if (comment === null || !(map instanceof Y.Map)) continue;
    // A reply shows in its conversation only while the conversation's first comment is there.
    const first = comment.parentId === null ? comment : readComment(comment.parentId, comments.get(comment.parentId));
    if (first === null || first.parentId !== null) continue;
    let place: SortKey;
    let targetTitle = '';
    let stageTitle = '';
    if (comment.target.type === 'board') place = [0];
    else if (comment.target.type === 'stage') {
      const stage = stagePlace.get(comment.target.id);
      if (stage === undefined) continue;
      place = [1, stage.index, 0];
      targetTitle = stage.title;
    } else {
      const card = cardPlace(comment.target.id);
      if (card === null) continue;
      place = card.key;
      targetTitle = text(card.card.get('title'));
      stageTitle = card.stage.title;
    }
    found.push({
      key: [...place, 1, first.createdAt, first.id, comment.parentId === null ? 0 : 1, comment.createdAt, id],
      item: {
        kind: 'comment',
        id,
        authorId: comment.authorId,
        body: text(map.get('body')),
        target: comment.target,
        targetTitle,
        stageTitle,
        reply: comment.parentId !== null,
        added: comment.createdAt > query.since,
      },
    });
  }
  return found.sort((a, b) => compareKeys(a.key, b.key)).map(({ item }) => item);
}
