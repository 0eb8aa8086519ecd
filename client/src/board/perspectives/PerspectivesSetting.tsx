/**
 * The facilitator's setting for "more than one reality" (issue 17), beside the board's other
 * settings (BoardDetails): a switch that turns perspectives on with the default choices or off,
 * what it means in plain words, and — while on — the choices people see, to rename, add and remove
 * (PerspectiveChoicesEditor). Written to `meta.perspectives` through the document, each change an
 * Undo step.
 */
import { createUniqueId, Show } from 'solid-js';
import { useBoard } from '../board-context.ts';
import { createBoardPerspectives, turnOnPerspectives, writePerspectives } from './board-perspectives.ts';
import { PerspectiveChoicesEditor } from './PerspectiveChoicesEditor.tsx';
import { perspectiveWords } from './perspective-words.ts';
import './perspectives.css';

export function PerspectivesSetting() {
  const board = useBoard();
  const choices = createBoardPerspectives(board.doc);
  const id = createUniqueId();
  const set = (on: boolean) => {
    if (on === (choices() !== null)) return;
    if (on) turnOnPerspectives(board);
    else writePerspectives(board, null);
    board.announcer.say(on ? perspectiveWords.turnedOn : perspectiveWords.turnedOff);
  };
  return (
    <div class="field perspectives-setting">
      <label class="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={choices() !== null}
          aria-describedby={`${id}-hint`}
          onChange={(event) => set(event.currentTarget.checked)}
        />
        {perspectiveWords.settingLabel}
      </label>
      <p class="hint" id={`${id}-hint`}>
        {perspectiveWords.settingHint}
      </p>
      <Show when={choices()}>{(list) => <PerspectiveChoicesEditor choices={list()} />}</Show>
    </div>
  );
}
