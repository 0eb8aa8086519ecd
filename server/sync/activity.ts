/**
 * The tracker behind "what's new since I was last here" (issue 13), attached to one loaded room's
 * document: per transaction it notes which comments, touchpoints and feelings were added or
 * changed (a comment's words, a card's title, story, place or stage included) and by whom, and
 * writes the latest (who, when) per item to its {@link ActivitySink} in batches — a few seconds
 * after the first change not yet written, and when the room unloads or the server stops — never
 * per keystroke. Losing the last few seconds of it in a crash loses no edit (those are in the log).
 *
 * Who made a change is told by `changedBy(origin)`: a socket's person, or the person a server
 * write is made for; a change made by no one (the room's load, its purge of expired deletions)
 * records nothing, but what it removed is forgotten all the same. An item gone from the document,
 * or hidden in "Recently deleted" (with its stage, card or target), is forgotten; brought back, it
 * counts as changed by whoever restored it. Transport-free, no process-wide state.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../shared/board-document.ts';
import { readDeletedEntry } from '../../shared/recently-deleted.ts';
import type { Clock } from '../ports/clock.ts';
import type { ActivityChange, ActivityItem, ActivityKind, ActivitySink } from '../ports/board-activity.ts';

/** Default wait between the first change not yet written and the write. */
export const activityFlushMs = 5_000;

/** Runs `task` after `ms`; returns what cancels it. */
export type Schedule = (task: () => void, ms: number) => () => void;

const timerSchedule: Schedule = (task, ms) => {
  const timer = setTimeout(task, ms);
  return () => clearTimeout(timer);
};

export interface ActivityTrackerOptions {
  boardId: string;
  doc: Y.Doc;
  sink: ActivitySink;
  clock: Clock;
  /** The person a transaction's origin speaks for; undefined when it is nobody's change. */
  changedBy: (origin: unknown) => string | undefined;
  /** Wait before writing a batch (default {@link activityFlushMs}). */
  flushAfterMs?: number;
  /** How the wait is timed (default setTimeout); tests pass their own. */
  schedule?: Schedule;
  onError: (error: unknown) => void;
}

type Pending = { item: ActivityItem; change: ActivityChange | null };

export class ActivityTracker {
  readonly #options: ActivityTrackerOptions;
  readonly #types: ReturnType<typeof boardTypes>;
  /** Per `kind/key`: its latest change, or null when it was removed; not yet written. */
  readonly #pending = new Map<string, Pending>();
  #cancelTimer: (() => void) | null = null;
  /** Every write, in order, so a later batch never lands before an earlier one. */
  #writes: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(options: ActivityTrackerOptions) {
    this.#options = options;
    this.#types = boardTypes(options.doc);
    options.doc.on('afterTransaction', this.#onTransaction);
  }

  /** Items noted and not yet written (for tests and metrics). */
  get pending(): number {
    return this.#pending.size;
  }

  /** The person's last socket on the board has gone: they had it open until now. */
  seen(userId: string): void {
    if (this.#stopped) return;
    const { sink, boardId, clock } = this.#options;
    const at = clock.now();
    this.#write(() => sink.seen(boardId, userId, at));
  }

  /** Writes what is pending now; resolves once every write so far is done (failures are reported, not thrown). */
  flush(): Promise<void> {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    if (this.#pending.size > 0) {
      const changes: ActivityChange[] = [];
      const removals: ActivityItem[] = [];
      for (const { item, change } of this.#pending.values()) {
        if (change) changes.push(change);
        else removals.push(item);
      }
      this.#pending.clear();
      const { sink, boardId } = this.#options;
      this.#write(() => sink.record(boardId, changes, removals));
    }
    return this.#writes;
  }

  /** Stops watching; what is pending is dropped (flush first to keep it). Writes under way go on. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#pending.clear();
    this.#options.doc.off('afterTransaction', this.#onTransaction);
  }

  #write(run: () => Promise<void>): void {
    this.#writes = this.#writes.then(run).catch((error: unknown) => this.#options.onError(error));
  }

  #onTransaction = (transaction: Y.Transaction): void => {
    if (this.#stopped || transaction.changed.size === 0) return;
    const actor = this.#options.changedBy(transaction.origin);
    const { touchpoints, comments, feelings, deleted } = this.#types;
    const at = this.#options.clock.now();
    for (const [changed, keys] of transaction.changed) {
      const type: unknown = changed;
      if (type === touchpoints || type === comments || type === feelings) {
        const kind = type === touchpoints ? 'touchpoint' : type === comments ? 'comment' : 'feeling';
        for (const key of keys) if (key !== null) this.#note(kind, key, actor, at);
      } else if (type === deleted) {
        for (const key of keys) if (key !== null) this.#hiddenOrRestored(key, actor, at);
      } else {
        // Inside an item: its fields (a Y.Map's keys) or its texts; the item is the ancestor
        // whose parent is `touchpoints` or `comments`. Items are a level or two deep.
        let inner: Y.AbstractType<Y.YEvent<any>> = changed;
        for (let depth = 0; depth < 4 && inner._item; depth++) {
          const parent: unknown = inner._item.parent;
          const key = inner._item.parentSub;
          if ((parent === touchpoints || parent === comments) && key !== null) {
            // A "Me too" count going up or down is no new word on the comment.
            const onlyMeToo = parent === comments && inner === changed && keys.size === 1 && keys.has('meToo');
            if (!onlyMeToo) this.#note(parent === touchpoints ? 'touchpoint' : 'comment', key, actor, at);
            break;
          }
          if (!(parent instanceof Y.AbstractType)) break;
          inner = parent;
        }
      }
    }
  };

  /** A "Recently deleted" entry for stage or touchpoint `id` came or went: everything it hides or shows again. */
  #hiddenOrRestored(id: string, actor: string | undefined, at: number): void {
    const { touchpoints, comments, feelings } = this.#types;
    const cards = new Set<string>();
    for (const [cardId, card] of touchpoints) {
      if (cardId === id || (card instanceof Y.Map && card.get('stageId') === id)) cards.add(cardId);
    }
    for (const cardId of cards) this.#note('touchpoint', cardId, actor, at);
    for (const [commentId, comment] of comments) {
      const targetId = comment instanceof Y.Map ? targetOf(comment)?.id : undefined;
      if (targetId !== undefined && (targetId === id || cards.has(targetId))) this.#note('comment', commentId, actor, at);
    }
    for (const key of feelings.keys()) {
      if (cards.has(key.slice(0, key.indexOf('/')))) this.#note('feeling', key, actor, at);
    }
  }

  /** Notes an item's latest state: gone or hidden → forgotten; otherwise changed by `actor` (if anyone). */
  #note(kind: ActivityKind, key: string, actor: string | undefined, at: number): void {
    const id = `${kind}/${key}`;
    if (!this.#visible(kind, key)) {
      this.#pending.set(id, { item: { kind, key }, change: null });
    } else if (actor !== undefined) {
      this.#pending.set(id, { item: { kind, key }, change: { kind, key, actorId: actor, at } });
    } else {
      return;
    }
    if (!this.#cancelTimer && !this.#stopped) {
      const { schedule = timerSchedule, flushAfterMs = activityFlushMs } = this.#options;
      this.#cancelTimer = schedule(() => {
        this.#cancelTimer = null;
        void this.flush();
      }, flushAfterMs);
    }
  }

  /** True when the item is in the document and not hidden in "Recently deleted". */
  #visible(kind: ActivityKind, key: string): boolean {
    const { touchpoints, comments, feelings } = this.#types;
    if (kind === 'touchpoint') return touchpoints.has(key) && !this.#cardHidden(key);
    if (kind === 'feeling') return feelings.has(key) && !this.#cardHidden(key.slice(0, key.indexOf('/')));
    const comment = comments.get(key);
    if (!(comment instanceof Y.Map)) return false;
    const target = targetOf(comment);
    if (target?.type === 'touchpoint') return !this.#cardHidden(target.id);
    if (target?.type === 'stage') return !this.#isDeleted(target.id);
    return true;
  }

  #cardHidden(cardId: string): boolean {
    if (this.#isDeleted(cardId)) return true;
    const stageId = this.#types.touchpoints.get(cardId)?.get?.('stageId');
    return typeof stageId === 'string' && this.#isDeleted(stageId);
  }

  #isDeleted(id: string): boolean {
    return readDeletedEntry(id, this.#types.deleted.get(id)) !== null;
  }
}

function targetOf(comment: Y.Map<unknown>): { type: string; id: string } | undefined {
  const target = comment.get('target') as { type?: unknown; id?: unknown } | undefined;
  if (typeof target !== 'object' || target === null || target instanceof Y.AbstractType) return undefined;
  return typeof target.type === 'string' && typeof target.id === 'string' ? { type: target.type, id: target.id } : undefined;
}
