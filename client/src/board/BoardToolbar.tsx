/**
 * The board's toolbar: "What's new" since this person's last visit (news/WhatsNew.tsx), Undo and
 * Redo (your own changes only, so shown to anyone who may change something — a feeling counts),
 * the keyboard shortcut list, "Easy read" (easy-read/, kept on this device), "Download PDF"
 * (export/ExportPdf.tsx, for every member), "Session" (session/SessionPanel.tsx: the live session's timer and pausing changes, for facilitators), the
 * "… deleted" notice with its own Undo (shown at the bottom of the window, bottom-notice.ts;
 * Ctrl+Z takes the same step back), and the polite live region that says what happened.
 */
import { Show } from 'solid-js';
import { useBoard } from './board-context.ts';
import { undoDeleteButtonId } from './control-ids.ts';
import { undoWords } from './board-undo.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { keepClearOfBottomNotice } from './bottom-notice.ts';
import { WhatsNew } from './news/WhatsNew.tsx';
import { ExportPdf } from './export/ExportPdf.tsx';
import { SessionPanel } from './session/SessionPanel.tsx';
import { EasyReadSwitch } from './easy-read/EasyReadSwitch.tsx';
import './board-toolbar.css';

// Undo and Redo use aria-disabled, not disabled: a button that disables itself when pressed
// would throw keyboard focus back to the top of the page.

/** Undo, Redo, "Keyboard shortcuts", "Easy read", "Download PDF", the delete notice and the live region. */
export function BoardToolbar(props: { boardId: string }) {
  const board = useBoard();
  return (
    <>
      <div class="board-toolbar">
        <WhatsNew />
        <Show when={board.canComment()}>
          <button
            type="button"
            class="button button--secondary"
            aria-disabled={!board.undo.canUndo()}
            aria-keyshortcuts="Control+Z Meta+Z"
            onClick={() => board.announcer.say(undoWords(board.undo.undo()))}
          >
            Undo
          </button>
          <button
            type="button"
            class="button button--secondary"
            aria-disabled={!board.undo.canRedo()}
            aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
            onClick={() => {
              if (!board.undo.canRedo()) return board.announcer.say('There is nothing to redo.');
              board.undo.redo();
              board.announcer.say('Redone.');
            }}
          >
            Redo
          </button>
        </Show>
        <ShortcutsDialog />
        <EasyReadSwitch />
        <ExportPdf boardId={props.boardId} />
        <Show when={board.canFacilitate()}>
          <SessionPanel boardId={props.boardId} />
        </Show>
      </div>
      <Show when={board.announcer.notice()}>
        {(notice) => (
          <div class="undo-notice" ref={(notice) => keepClearOfBottomNotice(notice)}>
            <p>{notice().message}</p>
            <div class="button-row">
              <button
                type="button"
                class="button"
                id={undoDeleteButtonId}
                aria-keyshortcuts="Control+Z Meta+Z"
                onClick={() => {
                  notice().undo();
                  board.announcer.dismiss();
                }}
              >
                Undo delete
              </button>
              <button type="button" class="button button--secondary" onClick={() => board.announcer.dismiss()}>
                Hide message
              </button>
            </div>
          </div>
        )}
      </Show>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {board.announcer.message()}
      </div>
    </>
  );
}
