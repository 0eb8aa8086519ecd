/**
 * Dot voting's line for everyone in the board's pinned bar (issue 15), so it stays in sight on a
 * phone: while a vote is open, "Dot voting: you have 2 of 3 dots left. 7 of 12 people have voted."
 * (people who may only look: "… You can look but not vote on this board."); while its results are
 * shown, "The dot voting results are shown." with "See the results", which takes focus to them.
 * Calm: words only, not a live region (what changes is said once, dot-vote.ts).
 */
import { Show } from 'solid-js';
import { useDotVote } from './vote-context.tsx';
import { voteLine } from './vote-words.ts';
import { voteResultsHeadingId } from './VoteResults.tsx';
import './vote.css';

export function VoteLine() {
  const dots = useDotVote();
  const who = () => {
    if (!dots.mayVote()) return { kind: 'viewer' } as const;
    const left = dots.left();
    return left === null ? ({ kind: 'voter-unknown' } as const) : ({ kind: 'voter', left } as const);
  };
  const seeResults = () => {
    const heading = document.getElementById(voteResultsHeadingId);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  return (
    <Show when={dots.vote()}>
      {(vote) => (
        <div class="vote-line">
          <span class="vote-line__mark" aria-hidden="true" />
          <Show
            when={vote().status === 'open'}
            fallback={
              <>
                <p class="vote-line__words">The dot voting results are shown.</p>
                <button type="button" class="button button--secondary button--small" onClick={seeResults}>
                  See the results
                </button>
              </>
            }
          >
            <p class="vote-line__words">{voteLine(vote(), who())}</p>
          </Show>
        </div>
      )}
    </Show>
  );
}
