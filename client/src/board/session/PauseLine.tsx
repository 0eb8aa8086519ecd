/**
 * "Changes to the map are paused." in the board's pinned bar while the facilitator has paused
 * them (issue 15). The full banner sits at the top of the board; someone scrolled down to a card
 * would otherwise see "Add touchpoint" and the card's menu vanish with no reason on screen. Not a
 * live region: what is heard as the pause starts and ends is said once (session-news.ts).
 */
import { Show } from 'solid-js';
import { useLiveSession } from './session-context.ts';

export function PauseLine() {
  const session = useLiveSession();
  return (
    <Show when={session.paused()}>
      <p class="pause-line">
        <span class="session-banner__mark" aria-hidden="true" />
        Changes to the map are paused.
      </p>
    </Show>
  );
}
