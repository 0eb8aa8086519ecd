/**
 * "Dot voting" in the facilitator's Session panel (issue 15): "Dots for each person" (3 unless
 * changed, 1 to 10) and "Start voting"; "Show the results" while a vote is open; "End without
 * showing" while it is open, "Close the results" while its results are shown. Like the panel's
 * other controls, the buttons keep their place and change their words, so focus stays where the
 * person is; one that does not apply now is `aria-disabled` and still pressable, and the server
 * then says why in its own words — as it does for any refusal, such as showing the results before
 * three people have voted (the totals would show how someone voted).
 */
import { createSignal, createUniqueId } from 'solid-js';
import { fewestVotersToReveal, maxDotsEach } from '../../../../../shared/limits.ts';
import type { ApiError } from '../../../api.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import type { FacilitatorVoteAction } from './dot-vote.ts';
import { useDotVote } from './vote-context.tsx';
import { votedWords } from './vote-words.ts';

export function VoteControls() {
  const dots = useDotVote();
  const id = createUniqueId();
  const [count, setCount] = createSignal('3');
  const [error, setError] = createSignal<ApiError | null>(null);
  const [last, setLast] = createSignal<FacilitatorVoteAction['action'] | null>(null);
  let sending = false;
  const status = () => dots.vote()?.status ?? null;
  const send = async (body: FacilitatorVoteAction) => {
    if (sending) return;
    sending = true;
    setError(null);
    setLast(body.action);
    setError(await dots.run(body));
    sending = false;
  };
  const start = () => {
    const typed = count().trim();
    // Anything not a number is NaN, which JSON sends as null: the server says what it needs.
    void send({ action: 'open', dots: typed === '' ? Number.NaN : Number(typed) });
  };
  const countWrong = () => last() === 'open' && error() !== null;
  const stateWords = () => {
    const vote = dots.vote();
    if (vote === null) return 'Each person gives their dots to the cards that matter most to them. Nobody sees who gave which dots, only the totals once you show them.';
    if (vote.status === 'open') return `Voting is open. ${votedWords(vote)} Nobody sees the totals until you show them; at least ${fewestVotersToReveal} people must have voted.`;
    return 'The results are shown to everyone. Starting a new vote clears them.';
  };
  return (
    <div role="group" aria-labelledby={`${id}-heading`}>
      <h3 class="session-panel__part" id={`${id}-heading`}>
        Dot voting
      </h3>
      <p class="hint" id={`${id}-state`}>
        {stateWords()}
      </p>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <label for={`${id}-dots`}>Dots for each person</label>
        <p class="hint" id={`${id}-dots-hint`}>
          From 1 to {maxDotsEach}.
        </p>
        <div class="session-panel__start">
          <input
            type="text"
            inputmode="numeric"
            autocomplete="off"
            class="session-panel__minutes"
            id={`${id}-dots`}
            value={count()}
            aria-describedby={`${id}-dots-hint ${id}-alert`}
            aria-invalid={countWrong() ? 'true' : undefined}
            onInput={(event) => setCount(event.currentTarget.value)}
          />
          <button type="submit" class="button" aria-disabled={status() === 'open' ? 'true' : undefined} aria-describedby={status() === 'open' ? `${id}-state` : undefined}>
            Start voting
          </button>
        </div>
      </form>
      <div class="button-row session-panel__row">
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={status() !== 'open' ? 'true' : undefined}
          onClick={() => void send({ action: 'reveal' })}
        >
          Show the results
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={status() === null ? 'true' : undefined}
          onClick={() => void send({ action: 'end' })}
        >
          {status() === 'revealed' ? 'Close the results' : 'End without showing'}
        </button>
      </div>
      <FormAlert id={`${id}-alert`} error={error()} />
    </div>
  );
}
