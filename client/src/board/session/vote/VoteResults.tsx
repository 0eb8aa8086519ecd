/**
 * The dot voting results for everyone once the facilitator shows them (issue 15), under the
 * board's pinned bar: "Dot voting results", "Nobody’s dots are shown, only the totals.", then the
 * cards ranked by their dots (ties in journey order), "1. ‘Waiting for results’ — 9 dots", each a
 * button that takes the view and focus to the card's title (as Bring everyone here does,
 * gather-place.ts). Only totals are in the document; no name is shown anywhere.
 */
import { createMemo, For, Show } from 'solid-js';
import * as Y from 'yjs';
import { spokenTitle, useBoard } from '../../board-context.ts';
import { createTextField } from '../../y-text-signal.ts';
import { goToPlace } from '../gather/gather-place.ts';
import { useDotVote } from './vote-context.tsx';
import { onlyTotalsWords, rankResults, resultWords } from './vote-words.ts';
import './vote.css';

/** The results' heading: "See the dot voting results" in the pinned bar brings focus here. */
export const voteResultsHeadingId = 'vote-results-heading';

function ResultRow(props: { touchpoint: Y.Map<unknown>; touchpointId: string; dots: number }) {
  const board = useBoard();
  const title = createTextField(props.touchpoint, 'title');
  const name = () => spokenTitle(title(), 'touchpoint');
  const go = async () => {
    const place = await goToPlace({ type: 'touchpoint', id: props.touchpointId });
    if (place === null) board.announcer.say(`‘${name()}’ is not on the board now.`);
  };
  return (
    <li class="vote-results__item">
      <button type="button" class="link-button vote-results__go" onClick={() => void go()}>
        {resultWords(name(), props.dots)}
      </button>
    </li>
  );
}

export function VoteResults() {
  const board = useBoard();
  const dots = useDotVote();
  const journey = createMemo(() => board.curve.rows.map((row) => row.touchpointId));
  const ranked = createMemo(() => rankResults(dots.totals(), journey()));
  // Kept by card id, so a total changing never redraws the button under the keyboard.
  const ids = createMemo(() => ranked().map((row) => row.touchpointId), [], { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) });
  const dotsOf = (touchpointId: string) => ranked().find((row) => row.touchpointId === touchpointId)?.dots ?? 0;
  return (
    <Show when={dots.vote()?.status === 'revealed'}>
      <section class="vote-results" aria-labelledby={voteResultsHeadingId}>
        <h2 class="vote-results__heading" id={voteResultsHeadingId} tabindex="-1">
          Dot voting results
        </h2>
        <p class="vote-results__note">{onlyTotalsWords}</p>
        <Show when={ids().length > 0} fallback={<p>No card on the board got a dot.</p>}>
          <p class="hint">Most dots first. Choose a card to go to it.</p>
          <ol class="vote-results__list">
            <For each={ids()}>
              {(touchpointId) => (
                <Show when={board.view.touchpoint(touchpointId)}>
                  {(touchpoint) => <ResultRow touchpoint={touchpoint()} touchpointId={touchpointId} dots={dotsOf(touchpointId)} />}
                </Show>
              )}
            </For>
          </ol>
        </Show>
      </section>
    </Show>
  );
}
