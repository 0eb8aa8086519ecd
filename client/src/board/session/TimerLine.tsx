/**
 * The live session's timer for everyone (issue 15), in the board's pinned bar so it stays in sight
 * on a phone without covering the map: one calm line — "Time left: 4:32", "Paused at 3:10",
 * "Time is up" — in words, no flashing and no colour that carries meaning. It is a `timer` role,
 * which is not read out as it changes; the news that matters is told once (session-news.ts).
 */
import { Show } from 'solid-js';
import { useLiveSession } from './session-context.ts';
import { timerLine } from './timer-words.ts';
import './session.css';

export function TimerLine() {
  const session = useLiveSession();
  return (
    <Show when={session.timer()}>
      {(timer) => (
        <p class="session-timer" role="timer">
          <span class="session-timer__mark" aria-hidden="true" />
          {timerLine(timer(), session.left() ?? 0)}
        </p>
      )}
    </Show>
  );
}
