/**
 * "Raise my hand" for every member, whatever they may do on the board (issue 15): a toggle
 * (aria-pressed, with the hand drawn and the words changing to "Lower my hand" while it is up)
 * and its hint "I’d like to say something" — for people who cannot easily unmute or interrupt on
 * the call. Pressing asks the server (`raise-hand` / `lower-hand`); the button shows the press at
 * once and then follows the document, so a facilitator lowering the hand shows too ("Your hand
 * was lowered."). It needs the server: offline it says so under the button and sends nothing,
 * like Me too (comments/MeTooButton.tsx).
 */
import { createEffect, createSignal, createUniqueId, on, Show } from 'solid-js';
import { useApp } from '../../../app-context.ts';
import { useBoard } from '../../board-context.ts';
import { useLiveSession } from '../session-context.ts';
import { askSession } from './ask-session.ts';
import { HandIcon } from './HandIcon.tsx';
import { handLoweredForYou, handsOffline, handToggleWords, ownHandNews, raiseHandHint } from './hand-words.ts';
import type { RaisedHands } from './raised-hands.ts';

/** The toggle's id: focus comes back to it when the facilitator's queue closes under the keyboard. */
export const raiseHandButtonId = 'raise-hand';

export function RaiseHandButton(props: { boardId: string; hands: RaisedHands }) {
  const { api } = useApp();
  const board = useBoard();
  const session = useLiveSession();
  const id = createUniqueId();
  // What this person just asked for, shown until the document says the same.
  const [wanted, setWanted] = createSignal<boolean | null>(null);
  const [waiting, setWaiting] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const up = () => wanted() ?? props.hands.mine();
  const offline = () => !session.online();
  createEffect(() => {
    if (!waiting() && wanted() !== null && props.hands.mine() === wanted()) setWanted(null);
  });
  // Lowered by someone else (a facilitator, or this person in another tab).
  createEffect(
    on(props.hands.mine, (isUp, wasUp) => {
      if (wasUp === true && !isUp && wanted() !== false && session.online()) board.announcer.say(handLoweredForYou);
    }),
  );

  const toggle = async () => {
    if (waiting()) return;
    if (offline()) return board.announcer.say(handsOffline);
    const raise = !up();
    setWanted(raise);
    setWaiting(true);
    setProblem(null);
    const failed = await askSession(api, session.clock, props.boardId, { action: raise ? 'raise-hand' : 'lower-hand' }, handsOffline);
    setWaiting(false);
    if (failed === null) return board.announcer.say(ownHandNews(raise));
    setWanted(null);
    setProblem(failed);
    board.announcer.say(failed);
  };

  const why = () => (offline() ? handsOffline : problem());
  return (
    <div class="raise-hand">
      <button
        type="button"
        id={raiseHandButtonId}
        class="button raise-hand__button"
        classList={{ 'button--secondary': !up() }}
        aria-pressed={up() ? 'true' : 'false'}
        aria-disabled={offline() || waiting() ? 'true' : undefined}
        aria-describedby={[`${id}-hint`, why() !== null ? `${id}-why` : ''].filter(Boolean).join(' ')}
        onClick={() => void toggle()}
      >
        <HandIcon />
        {handToggleWords(up())}
      </button>
      <span class="raise-hand__hint" id={`${id}-hint`}>
        {raiseHandHint}
      </span>
      <Show when={why()}>
        {(words) => (
          <p class="raise-hand__why" id={`${id}-why`}>
            {words()}
          </p>
        )}
      </Show>
    </div>
  );
}
