/**
 * The live session as this page follows it (issue 15): the facilitator's timer and whether
 * changes to the map are paused, read live from the board document's `session` map (which only
 * the server writes, shared/session.ts), the server's clock (server-clock.ts) and the countdown
 * drawn from the two. Made once by BoardPage and given to the board with SessionProvider.
 *
 * When a pause takes away the controls someone was using (a card's editor or menu, "Add
 * touchpoint"), focus must not fall to the top of the page: it goes to a note in that card saying
 * why (PausedNote.tsx), or to the pause banner.
 */
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { ServerTime } from '../../../../shared/api.ts';
import { boardTypes } from '../../../../shared/board-document.ts';
import { editingPaused, timeLeft, timerOf, type EditingPaused, type Timer } from '../../../../shared/session.ts';
import { createServerClock, type ServerClock } from './server-clock.ts';

/** The pause banner's id: focus goes there when the pause took away what had it. */
export const pauseBannerId = 'pause-banner';

export interface LiveSession {
  timer: Accessor<Timer | null>;
  paused: Accessor<EditingPaused | null>;
  /** Milliseconds left on the timer by the server's clock, or null without a timer. */
  left: Accessor<number | null>;
  clock: ServerClock;
  /** Whether the board is live (connected and synced). */
  online: Accessor<boolean>;
  /** The card whose controls the pause took while focus was in them (its note takes focus). */
  interruptedCard: Accessor<string | null>;
  /** The note was read or left: it goes. */
  clearInterrupted(): void;
}

/** Follows `doc`'s live session. Call inside a component (BoardPage). */
export function createLiveSession(doc: Y.Doc, askTime: () => Promise<ServerTime>, online: Accessor<boolean>): LiveSession {
  const { session } = boardTypes(doc);
  const [timer, setTimer] = createSignal(timerOf(doc), { equals: sameJson });
  const [paused, setPaused] = createSignal(editingPaused(doc), { equals: sameJson });
  const [interruptedCard, setInterruptedCard] = createSignal<string | null>(null);

  const onChange = () => {
    setTimer(timerOf(doc));
    const focused = document.activeElement;
    const card = focused?.closest('[data-touchpoint-id]')?.getAttribute('data-touchpoint-id') ?? null;
    const wasPaused = paused() !== null;
    // Solid redraws at once: a control the pause takes away is gone when this returns.
    setPaused(editingPaused(doc));
    if (wasPaused || paused() === null) return;
    if (focused === null || focused === document.body || focused.isConnected) return;
    if (card !== null && document.querySelector(`[data-touchpoint-id="${CSS.escape(card)}"]`) !== null) setInterruptedCard(card);
    else document.getElementById(pauseBannerId)?.focus();
  };
  session.observe(onChange);
  onCleanup(() => session.unobserve(onChange));
  createEffect(() => paused() === null && setInterruptedCard(null));

  const clock = createServerClock(askTime, online);
  const left = createCountdown(timer, clock);
  return { timer, paused, left, clock, online, interruptedCard, clearInterrupted: () => setInterruptedCard(null) };
}

/** Stored values are plain objects, read afresh on each change: equal when their JSON is. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The time left on `timer` by `clock`, redrawn as each whole second passes (by the server's
 * clock, so every device turns over together) and whenever the timer or the offset changes.
 */
function createCountdown(timer: Accessor<Timer | null>, clock: ServerClock): Accessor<number | null> {
  const [tick, setTick] = createSignal(0);
  const left = createMemo(() => {
    tick();
    clock.offset();
    const current = timer();
    return current === null ? null : timeLeft(current, clock.now());
  });
  createEffect(() => {
    const ms = left();
    if (ms === null || ms <= 0 || timer()?.status !== 'running') return;
    // Just past the next whole second, so the line shows its new second at once.
    const wait = (ms % 1000 || 1000) + 20;
    const handle = setTimeout(() => setTick((n) => n + 1), wait);
    onCleanup(() => clearTimeout(handle));
  });
  return left;
}
