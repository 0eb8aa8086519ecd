/**
 * The "Keyboard shortcuts" button and the list it opens, in a modal <dialog>: focus goes into the
 * dialog, Escape or "Close" shuts it, and focus returns to the button. The button says its name
 * in words (a lone "?" means nothing to someone new to computers); the "?" beside it is decoration.
 * The list names only what this person can do (a stage's buttons are for organisers).
 */
import { For } from 'solid-js';
import { useBoard } from './board-context.ts';

/** Who a shortcut is for: everyone, or people with at least this access. */
type ShortcutFor = 'everyone' | 'comment' | 'edit' | 'facilitate';

/** The shortcuts, in plain words: what to press, and what it does. */
export const shortcuts: readonly { keys: string; does: string; for: ShortcutFor }[] = [
  { keys: 'Tab, and Shift + Tab', does: 'Go to the next, or the last, button or box.', for: 'everyone' },
  { keys: 'Enter or Space', does: 'Press the button you are on.', for: 'everyone' },
  { keys: 'Ctrl + Z (Cmd + Z on a Mac)', does: 'Undo your last change. Other people’s changes stay.', for: 'comment' },
  { keys: 'Ctrl + Shift + Z, or Ctrl + Y (Cmd + Shift + Z on a Mac)', does: 'Redo: bring back what you undid.', for: 'comment' },
  { keys: 'Enter, in a name box', does: 'Save the name.', for: 'edit' },
  { keys: 'Ctrl + Enter (Cmd + Enter on a Mac), in a comment box', does: 'Send the comment or reply.', for: 'comment' },
  { keys: 'Escape', does: 'Close a box or this list without saving more.', for: 'everyone' },
  { keys: 'Move earlier, Move later', does: 'Move a stage one step along the journey.', for: 'facilitate' },
  { keys: 'More actions, on each touchpoint', does: 'Opens a short list: change its name or story, move it, or delete it.', for: 'edit' },
  { keys: 'Up and Down arrows, in that list', does: 'Go to the next or the last choice. Enter chooses it; Escape closes the list.', for: 'edit' },
];

/** The "Keyboard shortcuts" button and its dialog. */
export function ShortcutsDialog() {
  const board = useBoard();
  const allowed: Record<ShortcutFor, () => boolean> = {
    everyone: () => true,
    comment: board.canComment,
    edit: board.canEdit,
    facilitate: board.canFacilitate,
  };
  const mine = () => shortcuts.filter((shortcut) => allowed[shortcut.for]());
  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLButtonElement | undefined;
  let closer: HTMLButtonElement | undefined;
  return (
    <>
      <button
        type="button"
        class="button button--secondary shortcuts-button"
        ref={opener}
        aria-haspopup="dialog"
        onClick={() => {
          dialog?.showModal();
          closer?.focus();
        }}
      >
        <span class="shortcuts-button__mark" aria-hidden="true">
          ?
        </span>
        Keyboard shortcuts
      </button>
      <dialog
        ref={dialog}
        class="dialog"
        aria-labelledby="shortcuts-heading"
        onClose={() => opener?.focus()}
        onClick={(event) => {
          // A click on the backdrop (the dialog itself, outside its content) closes it.
          if (event.target === dialog) dialog.close();
        }}
      >
        <div class="dialog__content">
          <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
          <dl class="shortcuts">
            <For each={mine()}>
              {(shortcut) => (
                <>
                  <dt>{shortcut.keys}</dt>
                  <dd>{shortcut.does}</dd>
                </>
              )}
            </For>
          </dl>
          <button type="button" class="button" ref={closer} onClick={() => dialog?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
