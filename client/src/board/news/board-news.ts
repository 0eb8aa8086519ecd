/**
 * What is new on this board for this person on this visit (issue 13): the server's answer to
 * `GET /api/boards/:id/news`, loaded once when the board opens (a Solid resource; asked again when
 * the connection comes back after it could not be read), less what the person went to from the
 * "What's new" list on this page — reading or tabbing past something never clears it (issue 13's
 * walk-through: people lost things before they reached them). Never in the shared document. Without an answer — offline, or the server could not say —
 * nothing is marked new and the board works as ever. One per board page, shared through
 * news-context.ts; the comments (comments/board-comments.ts) ask it which comments are new.
 */
import { createEffect, createMemo, createResource, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import type * as Y from 'yjs';
import { ApiError, type Api } from '../../api.ts';
import { newsItems, type NewsItem } from './news-items.ts';

export type NewsKind = 'comment' | 'touchpoint';

export interface BoardNews {
  /** `loading` until the server answers; `unavailable` when it could not (offline, or an error). */
  status: Accessor<'loading' | 'ready' | 'unavailable'>;
  /** The person's last visit (ms), once known. */
  since: Accessor<number | null>;
  /** The new things the board shows, in its order (news-items.ts). */
  items: Accessor<readonly NewsItem[]>;
  /** How many feelings others gave or changed since the last visit (only counted, never named). */
  feelings: Accessor<number>;
  /** The board's connection is not live (why the news may be unavailable). */
  offline: Accessor<boolean>;
  /** "Mark all as seen" was used on this visit. */
  allSeen: Accessor<boolean>;
  /** Shown as new: in the news and not yet gone to, or the thing the person has just gone to and is still on. */
  isNew(kind: NewsKind, id: string): boolean;
  /**
   * The person went to it from the list: it leaves the list for the rest of this visit, but still
   * says "New" where it is until `leftIt()` (so they hear what they came for).
   */
  goneTo(kind: NewsKind, id: string): void;
  /** The person has moved on from the thing they went to. */
  leftIt(): void;
  /** Clears everything here and asks the server to move the marker; false when the server could not be told. */
  markAllSeen(): Promise<boolean>;
}

/** Follows `boardId`'s news for the signed-in person. Call inside a component. */
export function createBoardNews(api: Api, boardId: string, doc: Y.Doc, online: Accessor<boolean>): BoardNews {
  const [answer, { refetch }] = createResource(() => boardId, (id) => api.boardNews(id));
  // Reading an errored resource throws; nothing here needs the error, only that there is no answer.
  const data = () => (answer.state === 'ready' || answer.state === 'refreshing' ? answer() : undefined);
  const status = () => (answer.state === 'errored' ? 'unavailable' : data() === undefined ? 'loading' : 'ready');
  // Back online after the news could not be read: ask again.
  createEffect(on(online, (isOnline) => isOnline && answer.state === 'errored' && void refetch(), { defer: true }));

  const ids = createMemo(() => {
    const news = data();
    return {
      comment: new Set(news?.comments.map((item) => item.id) ?? []),
      touchpoint: new Set(news?.touchpoints.map((item) => item.id) ?? []),
    };
  });
  const [visited, setVisited] = createStore<Record<string, true>>({});
  const [allSeen, setAllSeen] = createSignal(false);
  const [landed, setLanded] = createSignal<string | null>(null);
  const listed = (kind: NewsKind, id: string) => !allSeen() && ids()[kind].has(id) && visited[`${kind}:${id}`] === undefined;
  const isNew = (kind: NewsKind, id: string) => listed(kind, id) || (!allSeen() && landed() === `${kind}:${id}`);

  // The list follows the document (a card renamed, a comment deleted), coalesced per task.
  const [version, setVersion] = createSignal(0);
  let queued = false;
  const onUpdate = () => {
    if (queued || (ids().comment.size === 0 && ids().touchpoint.size === 0)) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      setVersion((v) => v + 1);
    });
  };
  doc.on('update', onUpdate);
  onCleanup(() => doc.off('update', onUpdate));

  const since = () => {
    const news = data();
    return news === undefined ? null : Date.parse(news.since);
  };
  const items = createMemo(() => {
    version();
    const current = ids();
    if (allSeen() || (current.comment.size === 0 && current.touchpoint.size === 0)) return [];
    return newsItems(doc, { isNew: listed, comments: current.comment, touchpoints: current.touchpoint, since: since() ?? 0 });
  });

  return {
    status,
    since,
    items,
    feelings: () => (allSeen() ? 0 : (data()?.feelings ?? 0)),
    offline: () => !online(),
    allSeen,
    isNew,
    goneTo(kind, id) {
      if (!ids()[kind].has(id)) return;
      setLanded(`${kind}:${id}`);
      if (visited[`${kind}:${id}`] === undefined) setVisited(`${kind}:${id}`, true);
    },
    leftIt: () => setLanded(null),
    async markAllSeen() {
      setAllSeen(true);
      try {
        await api.markBoardSeen(boardId);
        return true;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        return false;
      }
    },
  };
}
