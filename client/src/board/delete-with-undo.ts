/**
 * Deleting without asking "are you sure?": the delete is its own Undo step, and a notice offers
 * to take exactly that delete back for as long as it is still the last thing this person did.
 */
import type { BoardContextValue } from './board-context.ts';

/** Runs `remove` as one undo step, then shows `message` with an "Undo delete" button. */
export function deleteWithUndo(board: BoardContextValue, remove: () => void, message: string, afterUndo?: () => void): void {
  const { manager } = board.undo;
  board.undo.step(remove);
  const step = manager.undoStack.at(-1);
  if (step === undefined) return;
  const stop = board.undo.onStackChange(() => {
    if (manager.undoStack.at(-1) !== step) {
      stop();
      if (board.announcer.notice()?.message === message) board.announcer.dismiss();
    }
  });
  board.announcer.offerUndo({
    message,
    undo() {
      stop();
      if (manager.undoStack.at(-1) !== step) return;
      manager.undo();
      board.announcer.say('Brought back.');
      afterUndo?.();
    },
  });
}
