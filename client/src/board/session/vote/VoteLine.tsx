/**
 * Dot voting's line for everyone in the board's pinned bar (issue 15), so it stays in sight on a
 * phone: while a vote is open, "Dot voting: you have 2 of 3 dots left. 7 of 12 people have voted."
 * (people who may only look: "… You can look but not vote on this board."); while its results are
 * shown, only "See the dot voting results" beside the mark, which takes focus to them (a sentence
 * saying they are shown as well took a phone's pinned bar two more lines to say it twice).
 * Calm: words only, not a live region (what changes is said once, dot-vote.ts).
 */
import { Show } from 'solid-js';
import { useDotVote } from './vote-context.tsx';
import { voteLine } from './vote-words.ts';
import { voteResultsHeadingId } from './VoteResults.tsx';
import './vote.css';

/** The round mark: inside the words, so that on a phone it sits beside their first line, not on a line of its own. */
const Mark = () => <span class="vote-line__mark" aria-hidden="true" />;

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
          <Show
            when={vote().status === 'open'}
            fallback={
              <>
                <Mark />
                <button type="button" class="button button--secondary button--small" onClick={seeResults}>
                  See the dot voting results
                </button>
              </>
            }
          >
            <p class="vote-line__words">
              <Mark />
              {voteLine(vote(), who())}
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}
