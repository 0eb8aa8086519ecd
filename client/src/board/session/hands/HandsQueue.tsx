/**
 * The raised hands in the order they went up, for facilitators only (issue 15): "Hands up:
 * 1. Sam 2. Ana", each with "Lower Sam’s hand" (`lower-hand` with their user id; the server lets
 * a facilitator lower anyone's). Rows are kept by user id, so a hand going up never redraws the
 * button under the keyboard; when the lowered hand's row goes, focus moves on to the next row's
 * button (or the one before, or "Raise my hand"). When a hand goes up while the board is live, the
 * facilitator alone hears who raised it and who is first in the queue, politely.
 */
import { createEffect, createSignal, createUniqueId, For, on, Show } from 'solid-js';
import { useApp } from '../../../app-context.ts';
import { focusSoon, useBoard } from '../../board-context.ts';
import { useLiveSession } from '../session-context.ts';
import { askSession } from './ask-session.ts';
import { HandIcon } from './HandIcon.tsx';
import { handUpNews, lowerHandWords } from './hand-words.ts';
import { raiseHandButtonId } from './RaiseHandButton.tsx';
import type { RaisedHands } from './raised-hands.ts';

/** The id of the facilitator's "Lower Sam’s hand" button for one person. */
export const lowerHandButtonId = (userId: string): string => `lower-hand-${userId}`;

const lowerOffline = 'Lowering a hand needs a connection. You can do it when you are back online.';

export function HandsQueue(props: { boardId: string; hands: RaisedHands }) {
  const { api } = useApp();
  const board = useBoard();
  const session = useLiveSession();
  const id = createUniqueId();
  const [problem, setProblem] = createSignal<string | null>(null);
  // The hand being lowered from here, and where it stood, to move focus on when its row goes.
  const [lowering, setLowering] = createSignal<{ userId: string; index: number } | null>(null);
  const queue = () => props.hands.queue();

  createEffect(
    on(queue, (now, before) => {
      if (before === undefined || !session.online() || !board.canFacilitate()) return;
      const raised = now.filter((userId) => !before.includes(userId) && !props.hands.nameOf(userId).isYou);
      if (raised.length === 0) return;
      board.announcer.say(handUpNews(raised.map((userId) => props.hands.nameOf(userId).name), now.map((userId) => props.hands.nameOf(userId))));
    }),
  );
  createEffect(() => {
    const gone = lowering();
    if (gone === null || queue().includes(gone.userId)) return;
    setLowering(null);
    // Only when focus fell with the row: someone who has moved on keeps their place.
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    const next = queue()[gone.index] ?? queue()[gone.index - 1];
    focusSoon(...(next === undefined ? [] : [lowerHandButtonId(next)]), raiseHandButtonId);
  });

  const lower = async (userId: string, index: number) => {
    if (lowering() !== null) return;
    if (!session.online()) {
      setProblem(lowerOffline);
      return board.announcer.say(lowerOffline);
    }
    setProblem(null);
    setLowering({ userId, index });
    const who = props.hands.nameOf(userId);
    const failed = await askSession(api, session.clock, props.boardId, { action: 'lower-hand', userId }, lowerOffline);
    if (failed === null) return board.announcer.say(who.isYou ? 'Your hand is down.' : `${who.name}’s hand is down.`);
    setLowering(null);
    setProblem(failed);
    board.announcer.say(failed);
  };

  return (
    <Show when={board.canFacilitate() && queue().length > 0}>
      <section class="hands-queue" aria-labelledby={`${id}-heading`}>
        <h2 class="hands-queue__heading" id={`${id}-heading`}>
          <HandIcon />
          Hands up:
        </h2>
        <ol class="hands-queue__list">
          <For each={queue()}>
            {(userId, index) => (
              <li class="hands-queue__item">
                <span class="hands-queue__name">{props.hands.nameOf(userId).name}</span>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  id={lowerHandButtonId(userId)}
                  aria-disabled={lowering() !== null ? 'true' : undefined}
                  onClick={() => void lower(userId, index())}
                >
                  {lowerHandWords(props.hands.nameOf(userId))}
                </button>
              </li>
            )}
          </For>
        </ol>
        <Show when={problem()}>
          {(words) => <p class="hands-queue__why">{words()}</p>}
        </Show>
      </section>
    </Show>
  );
}
