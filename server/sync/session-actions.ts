/**
 * The live session's tools as the server writes them into the board document's `session` map
 * (shared/session.ts): the facilitator's timer, stamped with the server's clock so every device
 * counts down to the same moment; pausing changes to the map; raised hands, queued by the
 * server's clock; and "Bring everyone here". Only the server writes there (the guard refuses a
 * client's change to it), so nobody can stop the clock, lift a pause, lower another's hand or
 * move everyone's view but a facilitator through the API, and nobody can raise a hand for
 * someone else. Transport-free: both runtimes run it through the board's host.
 */
import type * as Y from 'yjs';
import { canFacilitate } from '../../shared/access.ts';
import { boardTypes } from '../../shared/board-document.ts';
import { hiddenIds, stageExists, touchpointOnBoard } from '../../shared/recently-deleted.ts';
import { SessionKey, handsOf, timeLeft, timerOf, type Timer } from '../../shared/session.ts';
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
  const setHands = (hands: Record<string, number>) =>
    write((d) => {
      const { session } = boardTypes(d);
      if (Object.keys(hands).length === 0) session.delete(SessionKey.hands);
      else session.set(SessionKey.hands, hands);
    });
  const raised = () => Object.fromEntries(handsOf(doc).map((hand) => [hand.userId, hand.raisedAt]));
  // Anyone on the board raises and lowers their own hand.
  if (action.kind === 'raise-hand') {
    const hands = raised();
    if (hands[actor.userId] === undefined) await setHands({ ...hands, [actor.userId]: now });
    return { ok: true, now };
  }
  if (action.kind === 'lower-hand' && action.userId === actor.userId) {
    const { [actor.userId]: mine, ...others } = raised();
    if (mine !== undefined) await setHands(others);
    return { ok: true, now };
  }
  if (!canFacilitate(actor.access)) return { ok: false, code: 'forbidden', message: 'Only a facilitator can do that: run the timer, pause changes, lower someone else’s hand or bring everyone to one place.' };
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
    case 'lower-hand': {
      const { [action.userId]: theirs, ...others } = raised();
      if (theirs !== undefined) await setHands(others);
      break;
    }
    case 'gather': {
      const { target } = action;
      const hidden = hiddenIds(doc);
      const there = target.type === 'stage' ? !hidden.has(target.id) && stageExists(doc, target.id) : touchpointOnBoard(doc, target.id, hidden);
      if (!there) return { ok: false, code: 'not_found', message: 'That stage or card is not on the board any more.' };
      await write((d) => boardTypes(d).session.set(SessionKey.gathered, { id: action.id, target, by: actor.userId, at: now }));
      break;
    }
  }
  return { ok: true, now };
}
