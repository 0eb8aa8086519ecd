/**
 * "Which describes you?" (issue 17), for everyone on a board with perspectives: a native radio
 * group of the board's choices and "I'd rather not choose", with plainly who sees the answer
 * (nobody else — the server alone keeps it). Arrow keys move between the choices as in any radio
 * group; nothing is sent until "Save my answer", so moving through them tells the server nothing.
 * The saved answer is said under the button; the server's refusal in its own plain words. The
 * answer is only ever shown here, on this person's own page: never beside a name or in presence.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Perspective } from '../../../../shared/perspectives.ts';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { createMyChoice } from './perspective-data.ts';
import { perspectiveWords, savedWords } from './perspective-words.ts';

export function PerspectiveChooser(props: { boardId: string; choices: readonly Perspective[] }) {
  const { api } = useApp();
  const id = createUniqueId();
  const mine = createMyChoice(api, () => props.boardId, () => true);
  // What the radios show: this person's pick not saved yet, else what the server keeps.
  const [picked, setPicked] = createSignal<string | null | undefined>(undefined);
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const saved = () => mine.value()?.choice ?? null;
  const shown = () => {
    const choice = picked();
    return choice === undefined ? saved() : choice;
  };
  const savedLabel = () => {
    const choice = saved();
    return choice === null ? null : (props.choices.find((entry) => entry.id === choice)?.label ?? null);
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (saving()) return;
    setSaving(true);
    setError(null);
    try {
      await mine.choose(shown());
      setPicked(undefined);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="perspective-chooser" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{perspectiveWords.chooserHeading}</h3>
      <p id={`${id}-privacy`} class="perspective-chooser__privacy">
        {perspectiveWords.privacy}
      </p>
      <Show when={mine.error()}>
        {(message) => (
          <div>
            <p class="notice notice--error">{message()}</p>
            <button type="button" class="button button--secondary" onClick={() => mine.retry()}>
              {perspectiveWords.tryAgain}
            </button>
          </div>
        )}
      </Show>
      <Show when={mine.value()} fallback={<Show when={mine.error() === null}>{<p>{perspectiveWords.asking}</p>}</Show>}>
        <form onSubmit={(event) => void save(event)}>
          <fieldset class="choices" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-privacy`}>
            <For each={props.choices}>
              {(choice) => (
                <label class="checkbox perspective-chooser__choice">
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    value={choice.id}
                    checked={shown() === choice.id}
                    onChange={() => setPicked(choice.id)}
                  />
                  {choice.label}
                </label>
              )}
            </For>
            <label class="checkbox perspective-chooser__choice">
              <input type="radio" name={`${id}-choice`} value="" checked={shown() === null} onChange={() => setPicked(null)} />
              {perspectiveWords.ratherNotChoose}
            </label>
          </fieldset>
          <FormAlert id={`${id}-error`} error={error()} />
          <button type="submit" class="button" aria-disabled={saving() ? 'true' : undefined}>
            {saving() ? perspectiveWords.saving : perspectiveWords.save}
          </button>
          <p role="status" class="perspective-chooser__saved">
            {savedWords(savedLabel())}
          </p>
        </form>
      </Show>
    </section>
  );
}
