/**
 * The live session's shared state (issue 15), in the board document's `session` map, which only
 * the server writes (server/sync/session-actions.ts; a client's change to it is refused): the
 * facilitator's timer and whether editing is paused. Times are the server's clock, so every
 * device shows the same countdown whatever its own clock says (the page learns how far its clock
 * is from the server's: GET /api/time). Read defensively: anything not of this shape reads as none.
 *
 * - `timer`: `{status: 'running', endsAt, durationMs, setBy}` or `{status: 'paused', remainingMs,
 *   durationMs, setBy}`; absent when there is none.
 * - `hands`: `{<userId>: raisedAt}`, the raised hands ("I'd like to say something"); the queue is
 *   in the order they were raised, by the server's clock.
 * - `gathered`: `{id, target: {type: 'stage'|'touchpoint', id}, by, at}`, the facilitator's last
 *   "Bring everyone here"; each new `id` moves the views of those who have not chosen to stay.
 * - `paused`: `{by, at}` while the facilitator has paused changes to the map; absent otherwise.
 *   While it is there, everyone below `facilitate` may only give feelings and comment (the
 *   server's guard judges them as `comment`).
 * - `vote`: the hidden dot vote, if one is open or revealed (shared/vote.ts).
 */
import type * as Y from 'yjs';
import { TopLevel } from './board-document.ts';

export const SessionKey = { timer: 'timer', paused: 'paused', hands: 'hands', gathered: 'gathered', vote: 'vote' } as const;

/** One value of the `session` map (the guard asks for `paused` on every editor's update: one lookup). */
export const sessionValue = (doc: Y.Doc, key: string): unknown => doc.getMap<unknown>(TopLevel.session).get(key);

export type Timer =
  | { status: 'running'; endsAt: number; durationMs: number; setBy: string }
  | { status: 'paused'; remainingMs: number; durationMs: number; setBy: string };

export interface EditingPaused {
  by: string;
  at: number;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The timer a stored value describes, or null. */
export function readTimer(value: unknown): Timer | null {
  if (typeof value !== 'object' || value === null) return null;
  const { status, endsAt, remainingMs, durationMs, setBy } = value as Record<string, unknown>;
  if (!isTime(durationMs) || typeof setBy !== 'string') return null;
  if (status === 'running' && isTime(endsAt)) return { status, endsAt, durationMs, setBy };
  if (status === 'paused' && isTime(remainingMs)) return { status, remainingMs, durationMs, setBy };
  return null;
}

/** Whether a stored value says editing is paused, and by whom. */
export function readPaused(value: unknown): EditingPaused | null {
  if (typeof value !== 'object' || value === null) return null;
  const { by, at } = value as Record<string, unknown>;
  return typeof by === 'string' && isTime(at) ? { by, at } : null;
}

/** The board's timer now, or null. */
export const timerOf = (doc: Y.Doc): Timer | null => readTimer(sessionValue(doc, SessionKey.timer));

/** Whether the facilitator has paused changes to the map. */
export const editingPaused = (doc: Y.Doc): EditingPaused | null => readPaused(sessionValue(doc, SessionKey.paused));

/** Milliseconds left on `timer` at the server's time `serverNow` (never below 0). */
export function timeLeft(timer: Timer, serverNow: number): number {
  return timer.status === 'paused' ? timer.remainingMs : Math.max(0, timer.endsAt - serverNow);
}

/** One raised hand. */
export interface RaisedHand {
  userId: string;
  raisedAt: number;
}

/** The raised hands in the order they went up (then by user id), from a stored value. */
export function readHands(value: unknown): RaisedHand[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter((entry): entry is [string, number] => isTime(entry[1]))
    .map(([userId, raisedAt]) => ({ userId, raisedAt }))
    .sort((a, b) => a.raisedAt - b.raisedAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/** Where the facilitator last brought everyone. */
export interface Gathered {
  id: string;
  target: { type: 'stage' | 'touchpoint'; id: string };
  by: string;
  at: number;
}

export function readGathered(value: unknown): Gathered | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, target, by, at } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof by !== 'string' || !isTime(at) || typeof target !== 'object' || target === null) return null;
  const { type, id: targetId } = target as Record<string, unknown>;
  if ((type !== 'stage' && type !== 'touchpoint') || typeof targetId !== 'string') return null;
  return { id, target: { type, id: targetId }, by, at };
}

/** The board's raised hands, in order. */
export const handsOf = (doc: Y.Doc): RaisedHand[] => readHands(sessionValue(doc, SessionKey.hands));

/** The facilitator's last "Bring everyone here", or null. */
export const gatheredOf = (doc: Y.Doc): Gathered | null => readGathered(sessionValue(doc, SessionKey.gathered));
