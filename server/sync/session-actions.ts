/**
 * The live session's tools as the server writes them into the board document's `session` map
 * (shared/session.ts): the facilitator's timer, stamped with the server's clock so every device
 * counts down to the same moment, and pausing changes to the map. Only the server writes there
 * (the guard refuses a client's change to it), so nobody can stop the clock or lift a pause but
 * a facilitator through the API. Transport-free: both runtimes run it through the board's host.
 */
import type * as Y from 'yjs';
import { canFacilitate } from '../../shared/access.ts';
import { boardTypes } from '../../shared/board-document.ts';
import { SessionKey, timeLeft, timerOf, type Timer } from '../../shared/session.ts';
import type { SessionAction, SessionActionResult, SessionActor } from '../ports/session-action.ts';

const minute = 60_000;

/** Runs `action` for `actor` on `doc` through `write` (the room's server write) at the server's time `now`. */
export async function runSessionAction(
  doc: Y.Doc,
  write: (change: (doc: Y.Doc) => void) => Promise<void>,
  actor: SessionActor,
  action: SessionAction,
  now: number,
): Promise<SessionActionResult> {
  if (!canFacilitate(actor.access)) return { ok: false, code: 'forbidden', message: 'Only a facilitator can run the session’s timer or pause changes.' };
  const timer = timerOf(doc);
  const setTimer = (next: Timer | null) =>
    write((d) => {
      const { session } = boardTypes(d);
      if (next === null) session.delete(SessionKey.timer);
      else session.set(SessionKey.timer, next);
    });
  const noTimer = { ok: false, code: 'conflict', message: 'There is no timer running. Start one first.' } as const;
  switch (action.kind) {
    case 'start-timer':
      await setTimer({ status: 'running', endsAt: now + action.minutes * minute, durationMs: action.minutes * minute, setBy: actor.userId });
      break;
    case 'pause-timer':
      if (timer === null) return noTimer;
      if (timer.status === 'running') await setTimer({ status: 'paused', remainingMs: timeLeft(timer, now), durationMs: timer.durationMs, setBy: actor.userId });
      break;
    case 'resume-timer':
      if (timer === null) return noTimer;
      if (timer.status === 'paused') await setTimer({ status: 'running', endsAt: now + timer.remainingMs, durationMs: timer.durationMs, setBy: actor.userId });
      break;
    case 'add-minute':
      if (timer === null) return noTimer;
      await setTimer(
        timer.status === 'running'
          ? { ...timer, endsAt: Math.max(timer.endsAt, now) + minute, durationMs: timer.durationMs + minute, setBy: actor.userId }
          : { ...timer, remainingMs: timer.remainingMs + minute, durationMs: timer.durationMs + minute, setBy: actor.userId },
      );
      break;
    case 'stop-timer':
      if (timer !== null) await setTimer(null);
      break;
    case 'pause-editing':
      await write((d) => boardTypes(d).session.set(SessionKey.paused, { by: actor.userId, at: now }));
      break;
    case 'resume-editing':
      await write((d) => boardTypes(d).session.delete(SessionKey.paused));
      break;
  }
  return { ok: true, now };
}
