/**
 * The board's comments as the page follows them: every thread by what it is about (a Solid store
 * reconciled by id, so a new reply re-renders one thread), news of comments arriving from other
 * people, and the clock that "2 hours ago" is read against. One per board page, shared through
 * comments-context.ts. Typing in a comment's body touches none of this: each comment listens to
 * its own Y.Text (y-text-signal.ts).
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { commentCount, readComment, readThreads, targetKey, type CommentInfo, type CommentTarget, type Thread } from '../../../../shared/comment-read.ts';

export interface BoardComments {
  /** The threads about `target`, oldest first (sorted ones included). */
  threadsOn(target: CommentTarget): readonly Thread[];
  /** How many comments there are about `target`, replies included. */
  countOn(target: CommentTarget): number;
  /**
   * Whether this person has not seen the comment yet. Always false for now: what each person has
   * seen is kept by the server (issue 13, "What's new"), which will answer it.
   */
  isNew(commentId: string): boolean;
  /** How many comments about `target` are new to this person. */
  newCountOn(target: CommentTarget): number;
  /**
   * Calls `listener` once for each comment someone else adds while the page is open (not for
   * this person's own, from any device, and not for typing in it afterwards). Returns a stop function.
   */
  onArrival(listener: (comment: CommentInfo) => void): () => void;
  /** Now, to the minute, for "5 minutes ago". */
  now: Accessor<number>;
}

const none: readonly Thread[] = [];

/** Follows `doc` live for `me`. Call inside a component: it stops on cleanup. */
export function createBoardComments(doc: Y.Doc, me: string, isNew: (commentId: string) => boolean = () => false): BoardComments {
  const { comments, touchpoints, deleted } = boardTypes(doc);
  const [state, setState] = createStore<{ threads: Record<string, Thread[]> }>({ threads: readThreads(doc) });
  const reread = () => setState('threads', reconcile(readThreads(doc), { key: 'id', merge: true }));
  const onComments = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    // Typing in a body changes no thread.
    if (events.every((event) => event.target instanceof Y.Text)) return;
    reread();
  };
  // A touchpoint moving to a deleted stage hides its comments with it.
  const onTouchpoints = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (events.some((event) => event instanceof Y.YMapEvent && (event.target === touchpoints || event.keysChanged.has('stageId')))) reread();
  };
  const listeners = new Set<(comment: CommentInfo) => void>();
  const onAdded = (event: Y.YMapEvent<Y.Map<unknown>>, transaction: Y.Transaction) => {
    if (transaction.local || listeners.size === 0) return;
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add') continue;
      const comment = readComment(key, comments.get(key));
      if (comment === null || comment.authorId === me) continue;
      for (const listener of listeners) listener(comment);
    }
  };
  comments.observeDeep(onComments);
  comments.observe(onAdded);
  touchpoints.observeDeep(onTouchpoints);
  deleted.observe(reread);
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => {
    clearInterval(tick);
    comments.unobserveDeep(onComments);
    comments.unobserve(onAdded);
    touchpoints.unobserveDeep(onTouchpoints);
    deleted.unobserve(reread);
  });

  const threadsOn = (target: CommentTarget) => state.threads[targetKey(target)] ?? none;
  return {
    threadsOn,
    countOn: (target) => commentCount(threadsOn(target)),
    isNew,
    newCountOn: (target) =>
      threadsOn(target).reduce((sum, thread) => sum + [thread.first, ...thread.replies].filter((comment) => isNew(comment.id)).length, 0),
    onArrival(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    now,
  };
}
