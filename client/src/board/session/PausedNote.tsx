/**
 * The note in a card whose editor or menu a pause of changes to the map closed while the person
 * was in it (issue 15): it takes focus, so keyboard and screen-reader users are not thrown to the
 * top of the page and hear why, and goes when they move on or the pause ends (live-session.ts).
 */
import { Show } from 'solid-js';
import { cardPausedWords } from './pause-words.ts';
import { useLiveSession } from './session-context.ts';

export function PausedNote(props: { cardId: string }) {
  const session = useLiveSession();
  return (
    <Show when={session.interruptedCard() === props.cardId}>
      <p class="notice session-card-note" tabindex="-1" ref={(note) => queueMicrotask(() => note.focus())} onBlur={() => session.clearInterrupted()}>
        {cardPausedWords}
      </p>
    </Show>
  );
}
