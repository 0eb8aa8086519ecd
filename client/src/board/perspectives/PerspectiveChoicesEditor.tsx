/**
 * The choices people see when perspectives are on (issue 17), for the facilitator: one labelled
 * box per choice, saved when they press Enter or leave the box (blank words keep the old ones, said under the box);
 * "Remove" for each but "Rather not say", which is always offered; "Add a choice" puts a new one
 * before it and moves focus into its box with the words selected, ready to type over. Between 2
 * and 6 choices (perspective-choices.ts), so nothing the server's guard would refuse is written.
 * A choice keeps its id when renamed, so people's answers stay with it.
 */
import { createSignal, createUniqueId, Index, Show } from 'solid-js';
import { ratherNotSay, perspectiveLabelMaxLength, type Perspective } from '../../../../shared/perspectives.ts';
import { useBoard } from '../board-context.ts';
import { randomId } from '../random-id.ts';
import { writePerspectives } from './board-perspectives.ts';
import { added, mayAdd, mayRemove, removed, renamed } from './perspective-choices.ts';
import { perspectiveWords } from './perspective-words.ts';

/** Focuses (and selects the words of) the first of `ids` on the page, once it is drawn. */
function focusSoon(select: boolean, ...ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element === null) continue;
      element.focus();
      if (select && element instanceof HTMLInputElement) element.select();
      return;
    }
  });
}

export function PerspectiveChoicesEditor(props: { choices: readonly Perspective[] }) {
  const board = useBoard();
  const id = createUniqueId();
  const boxId = (choiceId: string) => `${id}-box-${choiceId}`;
  const removeId = (choiceId: string) => `${id}-remove-${choiceId}`;
  const addId = `${id}-add`;
  // The choice whose box was emptied: said under it too, for those who do not hear the announcer.
  const [blank, setBlank] = createSignal<string | null>(null);

  const rename = (choice: Perspective, box: HTMLInputElement) => {
    const next = renamed(props.choices, choice.id, box.value);
    if (next === null) {
      box.value = choice.label;
      board.announcer.say(perspectiveWords.blankChoice);
      setBlank(choice.id);
      return;
    }
    setBlank(null);
    if (next.every((entry, i) => entry.label === props.choices[i]?.label)) {
      box.value = choice.label;
      return;
    }
    writePerspectives(board, next);
    board.announcer.say(`Choice saved: ${next.find((entry) => entry.id === choice.id)?.label ?? ''}.`);
  };
  const add = () => {
    const choiceId = randomId();
    const next = added(props.choices, choiceId, perspectiveWords.newChoiceLabel);
    if (next === null) return;
    writePerspectives(board, next);
    board.announcer.say('Choice added. Type its words, then press Enter.');
    focusSoon(true, boxId(choiceId));
  };
  const remove = (choice: Perspective, index: number) => {
    const next = removed(props.choices, choice.id);
    if (next === null) return;
    writePerspectives(board, next);
    board.announcer.say(`Choice removed: ${choice.label}.`);
    // The next row's Remove (or the one before), else "Add a choice".
    const after = props.choices.slice(index + 1).find((entry) => mayRemove(next, entry.id));
    const before = props.choices.slice(0, index).reverse().find((entry) => mayRemove(next, entry.id));
    focusSoon(false, ...[after, before].filter((entry) => entry !== undefined).map((entry) => removeId(entry.id)), addId);
  };

  return (
    <fieldset class="choices perspectives-choices" aria-describedby={`${id}-hint`}>
      <legend>{perspectiveWords.choicesLegend}</legend>
      <p class="hint" id={`${id}-hint`}>
        {perspectiveWords.choicesHint}
      </p>
      <ol class="perspectives-choices__list">
        <Index each={props.choices}>
          {(choice, index) => (
            <li class="perspectives-choices__row">
              <label for={boxId(choice().id)}>Choice {index + 1}</label>
              <Show when={choice().id === ratherNotSay}>
                <p class="hint" id={`${boxId(choice().id)}-hint`}>
                  {perspectiveWords.ratherNotSayHint}
                </p>
              </Show>
              <div class="perspectives-choices__boxes">
                <input
                  id={boxId(choice().id)}
                  type="text"
                  autocomplete="off"
                  maxLength={perspectiveLabelMaxLength}
                  value={choice().label}
                  aria-describedby={choice().id === ratherNotSay ? `${boxId(choice().id)}-hint` : undefined}
                  onChange={(event) => rename(choice(), event.currentTarget)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      rename(choice(), event.currentTarget);
                    }
                    if (event.key === 'Escape') event.currentTarget.value = choice().label;
                  }}
                />
                <Show when={mayRemove(props.choices, choice().id)}>
                  <button
                    id={removeId(choice().id)}
                    type="button"
                    class="button button--secondary"
                    aria-label={`Remove choice ${index + 1}: ${choice().label}`}
                    onClick={() => remove(choice(), index)}
                  >
                    Remove
                  </button>
                </Show>
              </div>
              <Show when={blank() === choice().id}>
                <p class="hint">{perspectiveWords.blankChoice}</p>
              </Show>
            </li>
          )}
        </Index>
      </ol>
      <Show when={mayAdd(props.choices)}>
        <button id={addId} type="button" class="button button--secondary" onClick={add}>
          {perspectiveWords.addChoice}
        </button>
      </Show>
    </fieldset>
  );
}
