/**
 * A card's part in dot voting (issue 15). While a vote is open, for someone who may vote: "Your
 * dots: 2" and two buttons, "Give a dot" and "Take a dot back", whose names say the card ("Give a
 * dot to ‘Waiting’": the visible words first, WCAG 2.5.3). A button that cannot be used now stays
 * in place, focusable, with `aria-disabled` and its reason in its description; pressing it says
 * the reason and shows it under the buttons. After the reveal, everyone sees the card's total
 * ("9 dots"). Nothing here says who gave a dot. People who may only look see no buttons (the line
 * in the pinned bar tells them why).
 */
import { createEffect, createSignal, createUniqueId, Match, on, Show, Switch } from 'solid-js';
import { useDotVote } from './vote-context.tsx';
import { cardTotalWords, giveWords, takeWords } from './vote-words.ts';
import './vote.css';

export function CardDots(props: { touchpointId: string; name: string }) {
  const dots = useDotVote();
  const id = createUniqueId();
  // Why the last press here did not work, shown until the next press or a change in the dots left.
  const [note, setNote] = createSignal<string | null>(null);
  createEffect(on([dots.left, () => dots.vote()?.id], () => setNote(null), { defer: true }));
  const status = () => dots.vote()?.status ?? null;
  const whyGive = () => dots.whyNotGive();
  const whyTake = () => dots.whyNotTake(props.touchpointId);
  const describedBy = (why: string | null, part: string) => [`${id}-mine`, why !== null ? `${id}-${part}` : ''].filter(Boolean).join(' ');
  const press = async (action: 'give' | 'take') => {
    setNote(null);
    const problem = await (action === 'give' ? dots.give : dots.take)(props.touchpointId, props.name);
    setNote(problem);
  };
  return (
    <Switch>
      <Match when={status() === 'open' && dots.mayVote()}>
        <div class="card-dots">
          <p class="card-dots__mine" id={`${id}-mine`}>
            Your dots: {dots.mine(props.touchpointId) ?? '…'}
          </p>
          <div class="card-dots__buttons">
            <button
              type="button"
              class="button button--secondary button--small"
              aria-disabled={whyGive() !== null ? 'true' : undefined}
              aria-describedby={describedBy(whyGive(), 'give-why')}
              onClick={() => void press('give')}
            >
              {giveWords.shown}
              <span class="visually-hidden">{giveWords.hidden(props.name)}</span>
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              aria-disabled={whyTake() !== null ? 'true' : undefined}
              aria-describedby={describedBy(whyTake(), 'take-why')}
              onClick={() => void press('take')}
            >
              {takeWords.shown}
              <span class="visually-hidden">{takeWords.hidden(props.name)}</span>
            </button>
          </div>
          <span class="visually-hidden" id={`${id}-give-why`}>
            {whyGive()}
          </span>
          <span class="visually-hidden" id={`${id}-take-why`}>
            {whyTake()}
          </span>
          <Show when={note()}>{(words) => <p class="card-dots__why">{words()}</p>}</Show>
        </div>
      </Match>
      <Match when={status() === 'revealed'}>
        <p class="card-dots__total">{cardTotalWords(dots.totals().get(props.touchpointId) ?? 0)}</p>
      </Match>
    </Switch>
  );
}
