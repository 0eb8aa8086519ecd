/**
 * "Comment without my name" on the board page (issue 13). Such comments never go into the shared
 * document from here: the server writes them (POST /api/boards/:id/comments, `anonymous: true`),
 * with its own Yjs client id, so nothing the others receive links them to this person. This keeps:
 *
 * - whether the facilitator allows it (`meta.anonymousComments`);
 * - the ones on their way: kept on this device first (anonymous-outbox.ts), shown in place as
 *   "Sending…" or "Will be sent when you are back online" until the server's arrives through sync
 *   with the same id, sent again when the connection comes back (harmless: the id is made here);
 * - which comments without a name are this person's (my-comments.ts: `GET …/comments/mine`, a
 *   Solid resource, asked again after posting or deleting and when the page is back online, and
 *   the ones on their way from here), so they alone see
 *   "You wrote this without your name" and may change, delete and mark them sorted — through the
 *   API, never as Undo steps (the page cannot write them).
 *
 * One per board page, shared through anonymous-context.ts.
 */
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { ApiError, type Api } from '../../api.ts';
import { randomId } from '../random-id.ts';
import { readOutbox, writeOutbox, type OutboxEntry } from './anonymous-outbox.ts';
import { targetKey, type CommentTarget } from '../../../../shared/comment-read.ts';
import type { MyComments } from './my-comments.ts';

/** Where a comment without a name is on its way: being sent, waiting for a connection, or refused by the server (with why). */
export type PendingState = { kind: 'sending' } | { kind: 'waiting' } | { kind: 'refused'; message: string };

export interface PendingComment extends OutboxEntry {
  state: PendingState;
}

export interface AnonymousComments {
  /** Whether the facilitator lets people comment without their name on this board. */
  allowed: Accessor<boolean>;
  /** Comments without a name on their way, about `target` (`parentId` null: new conversations; else replies to it), oldest first. */
  pendingOn(target: CommentTarget, parentId: string | null): readonly PendingComment[];
  /** How many comments about `target` are on their way (replies included). */
  pendingCount(target: CommentTarget): number;
  /** Keeps it on this device, then sends it. */
  post(comment: { target: CommentTarget; parentId: string | null; body: string }): void;
  /** Gives up a comment the server refused (its words stay on screen until then). */
  discard(id: string): void;
  /** Whether this person wrote this comment without their name. */
  isMine(commentId: string): boolean;
  /** Changes the words, deletes it, or marks its conversation sorted / opens it again; throws ApiError. */
  change(commentId: string, body: string): Promise<void>;
  remove(commentId: string): Promise<void>;
  setSorted(commentId: string, sorted: boolean): Promise<void>;
}

/** Retrying a send that failed while the connection looked live (the server was busy). */
const retryMs = 15_000;

/** Follows `boardId` for `userId`; `mine` (my-comments.ts) says which are theirs and whether the board is live. Call inside a component. */
export function createAnonymousComments(api: Api, boardId: string, userId: string, doc: Y.Doc, mine: MyComments): AnonymousComments {
  const online = mine.online;
  const { meta, comments } = boardTypes(doc);
  const [allowed, setAllowed] = createSignal(meta.get('anonymousComments') === true);
  const onMeta = () => setAllowed(meta.get('anonymousComments') === true);
  meta.observe(onMeta);

  // The ids in the document, to drop a waiting comment once the server's has come through.
  // Read once the document's change is through, after the comments' own store has the new one:
  // otherwise the one on its way leaves before the real one is drawn, and a panel left with none
  // for that moment closes (CommentsSection.tsx).
  const [inDoc, setInDoc] = createSignal<ReadonlySet<string>>(new Set(comments.keys()));
  const onComments = () => queueMicrotask(() => setInDoc(new Set(comments.keys())));
  comments.observe(onComments);

  const [entries, setEntries] = createSignal<OutboxEntry[]>(readOutbox(userId, boardId));
  const [states, setStates] = createStore<Record<string, PendingState>>({});
  // Sent and answered, but not yet come through sync: still shown in place.
  const [sent, setSent] = createSignal<readonly OutboxEntry[]>([]);
  const keep = (next: OutboxEntry[]) => {
    setEntries(next);
    writeOutbox(userId, boardId, next);
  };
  // What came through sync leaves the device's list too (its answer may have been lost).
  createEffect(() => {
    const here = inDoc();
    const waiting = entries();
    if (waiting.some((entry) => here.has(entry.id))) keep(waiting.filter((entry) => !here.has(entry.id)));
    if (sent().some((entry) => here.has(entry.id))) setSent(sent().filter((entry) => !here.has(entry.id)));
  });

  const askAgain = () => mine.refetch();

  const inFlight = new Set<string>();
  let retry: ReturnType<typeof setTimeout> | undefined;
  const send = (entry: OutboxEntry) => {
    if (inFlight.has(entry.id)) return;
    inFlight.add(entry.id);
    setStates(entry.id, { kind: 'sending' });
    api
      .postComment(boardId, { id: entry.id, target: entry.target, parentId: entry.parentId, body: entry.body, anonymous: true })
      .then(
        () => {
          if (!inDoc().has(entry.id)) setSent([...sent(), entry]);
          keep(entries().filter((other) => other.id !== entry.id));
          askAgain();
        },
        (err: unknown) => {
          const lost = !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 429;
          if (err instanceof ApiError && !lost) setStates(entry.id, { kind: 'refused', message: err.message });
          else {
            setStates(entry.id, { kind: 'waiting' });
            clearTimeout(retry);
            retry = setTimeout(() => online() && sendAll(), retryMs);
          }
        },
      )
      .finally(() => inFlight.delete(entry.id));
  };
  const sendAll = () => {
    for (const entry of entries()) if (states[entry.id]?.kind !== 'refused') send(entry);
  };
  // Back online (or live at last): send what waits, and ask again which are mine.
  createEffect(
    on(online, (isOnline) => {
      if (!isOnline) return;
      sendAll();
    }),
  );
  onCleanup(() => {
    clearTimeout(retry);
    meta.unobserve(onMeta);
    comments.unobserve(onComments);
  });

  const stateOf = (id: string): PendingState => states[id] ?? (online() ? { kind: 'sending' } : { kind: 'waiting' });
  const pending = createMemo<PendingComment[]>(() => {
    const here = inDoc();
    const shown = [...sent().map((entry) => ({ ...entry, state: { kind: 'sending' } as PendingState })), ...entries().map((entry) => ({ ...entry, state: stateOf(entry.id) }))];
    return shown.filter((entry) => !here.has(entry.id)).sort((a, b) => a.at - b.at);
  });

  return {
    allowed,
    pendingOn: (target, parentId) => pending().filter((entry) => targetKey(entry.target) === targetKey(target) && entry.parentId === parentId),
    pendingCount: (target) => pending().filter((entry) => targetKey(entry.target) === targetKey(target)).length,
    post({ target, parentId, body }) {
      const entry: OutboxEntry = { id: randomId(), target: { type: target.type, id: target.id }, parentId, body, at: Date.now() };
      keep([...entries(), entry]);
      if (online()) send(entry);
      else setStates(entry.id, { kind: 'waiting' });
    },
    discard(id) {
      keep(entries().filter((entry) => entry.id !== id));
    },
    isMine: (commentId) => mine.wroteWithoutName(commentId) || pending().some((entry) => entry.id === commentId),
    async change(commentId, body) {
      await api.updateComment(boardId, commentId, { body });
    },
    async remove(commentId) {
      await api.deleteComment(boardId, commentId);
      askAgain();
    },
    async setSorted(commentId, sorted) {
      await api.updateComment(boardId, commentId, { resolved: sorted });
    },
  };
}
