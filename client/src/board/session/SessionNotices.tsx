/**
 * What everyone sees of the live session under the board's pinned bar (issue 15): the banner
 * while changes to the map are paused, and, while there is a timer, "Play a sound when time is
 * up" (off unless turned on; remembered on this device). It also starts the session's news for
 * screen readers (session-news.ts), once per board.
 */
import { Show } from 'solid-js';
import { useBoard } from '../board-context.ts';
import { pauseBannerId } from './live-session.ts';
import { pauseBannerWords } from './pause-words.ts';
import { announceSession } from './session-news.ts';
import { useLiveSession } from './session-context.ts';
import { createTimeUpSound } from './time-up-sound.ts';
import './session.css';

export function SessionNotices() {
  const board = useBoard();
  const session = useLiveSession();
  const sound = createTimeUpSound();
  announceSession(session, board.announcer, sound, { facilitates: board.canFacilitate, mayComment: board.canComment }, session.online);
  return (
    <>
      <Show when={session.paused()}>
        {/* Focus comes here when the pause took away the control that had it (live-session.ts). */}
        <div class="session-banner" id={pauseBannerId} tabindex="-1">
          <span class="session-banner__mark" aria-hidden="true" />
          <p>{pauseBannerWords(board.canFacilitate(), board.canComment())}</p>
        </div>
      </Show>
      <Show when={session.timer()}>
        <div class="session-sound">
          <label class="checkbox">
            <input type="checkbox" checked={sound.on()} onChange={(event) => sound.set(event.currentTarget.checked)} />
            Play a sound when time is up
          </label>
        </div>
      </Show>
    </>
  );
}
