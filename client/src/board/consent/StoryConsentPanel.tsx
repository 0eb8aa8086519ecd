/**
 * "How this story may be shared…" (issue 17), opened in place on a card from its menu by the
 * storyteller or a facilitator: three radio buttons, each choice's name with its meaning read with
 * it (shared/consent.ts consentWords), the current one checked, under one question ("How may your
 * story be shared?", which also names the form). Nothing is saved until "Save": a
 * radio group changes its choice with the arrow keys, and saving each one passed over would tell
 * the room three things in a row. A facilitator who is not the storyteller is told first that they
 * are saying it for that person. Escape or "Cancel" closes it; either way focus goes back to the
 * card's menu button.
 */
import { createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import type * as Y from 'yjs';
import { consentValues, consentWords, type Consent } from '../../../../shared/consent.ts';
import { useBoard } from '../board-context.ts';
import { consentQuestion, consentSavedWords, onBehalfWords, type StoryVoice } from './consent-words.ts';
import { saveConsent } from './story-consent.ts';

export interface StoryConsentPanelProps {
  touchpoint: Y.Map<unknown>;
  /** The card's consent now. */
  consent: Consent;
  voice: StoryVoice;
  onClose: () => void;
}

export function StoryConsentPanel(props: StoryConsentPanelProps) {
  const board = useBoard();
  const id = createUniqueId();
  const [chosen, setChosen] = createSignal<Consent>(props.consent);
  let form: HTMLFormElement | undefined;
  // Focus starts on the checked choice, where the arrow keys move among them.
  onMount(() => form?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus());

  const save = () => {
    const choice = chosen();
    const changed = board.undo.step(() => saveConsent(props.touchpoint, choice));
    board.announcer.say(changed ? consentSavedWords(props.voice, choice) : `It already says ${consentWords[choice].name}. Nothing changed.`);
    props.onClose();
  };

  return (
    <form
      ref={form}
      class="story-consent"
      novalidate
      aria-labelledby={`${id}-question`}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <Show when={onBehalfWords(props.voice)}>{(words) => <p class="story-consent__behalf">{words()}</p>}</Show>
      <fieldset class="choices">
        <legend id={`${id}-question`} class="story-consent__question">
          {consentQuestion(props.voice)}
        </legend>
        <For each={consentValues}>
          {(value) => (
            <div class="choice">
              <label class="checkbox">
                <input
                  type="radio"
                  name={`${id}-consent`}
                  value={value}
                  checked={chosen() === value}
                  aria-describedby={`${id}-${value}-hint`}
                  onChange={(event) => event.currentTarget.checked && setChosen(value)}
                />
                {consentWords[value].name}
              </label>
              <p class="hint choice__hint" id={`${id}-${value}-hint`}>
                {consentWords[value].meaning}
              </p>
            </div>
          )}
        </For>
      </fieldset>
      <div class="button-row">
        <button type="submit" class="button button--small">
          Save
        </button>
        <button type="button" class="button button--secondary button--small" onClick={() => props.onClose()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
