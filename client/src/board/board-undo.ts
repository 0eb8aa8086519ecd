/**
 * Per-person Undo and Redo for the whole board: one Y.UndoManager over every top-level type,
 * tracking only `localOrigin`, so it takes back this person's changes and never a peer's.
 * Typing in a shared text field is a local change too, so Ctrl+Z in a field goes through here
 * (the browser's own undo would not know about other people's typing and would undo wrongly).
 * A step the server would refuse to take back (undo-limits.ts) is dropped with a reason instead.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { boardTypes } from '../../../shared/board-document.ts';
import { localOrigin } from './local-origin.ts';

/**
 * What pressing Undo did: took a step back, found nothing to take back, or dropped a step this
 * person may not take back (`kept` says why, in plain words).
 */
export type UndoOutcome = 'undone' | 'nothing' | { kept: string };

/** Plain words for what Undo did, for the live region. */
export function undoWords(outcome: UndoOutcome): string {
  if (outcome === 'undone') return 'Undone.';
  if (outcome === 'nothing') return 'There is nothing of yours to undo.';
  return outcome.kept;
}

/** Says why the next Undo step may not be taken back, or null when it may. */
export type UndoLimit = (step: Y.UndoManager['undoStack'][number]) => string | null;

export interface BoardUndo {
  manager: Y.UndoManager;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  undo(): UndoOutcome;
  redo(): void;
  /** Makes the next change its own step (not merged with typing just before it). */
  cut(): void;
  /**
   * Runs one discrete action (a move, a rename, an add) as its own Undo step, never merged with
   * changes made just before or after it. Returns what `action` returns.
   */
  step<T>(action: () => T): T;
  /** Calls `listener` when the undo stack changes; returns a function that stops it. */
  onStackChange(listener: () => void): () => void;
}

/** Starts undo tracking for `doc`. Call inside a component: it stops on cleanup. */
export function createBoardUndo(doc: Y.Doc, limit: UndoLimit = () => null): BoardUndo {
  const manager = new Y.UndoManager(Object.values(boardTypes(doc)), {
    trackedOrigins: new Set([localOrigin]),
    // Typing within half a second is one step, like a word.
    captureTimeout: 500,
  });
  const [canUndo, setCanUndo] = createSignal(false);
  const [canRedo, setCanRedo] = createSignal(false);
  const listeners = new Set<() => void>();
  const update = () => {
    setCanUndo(manager.canUndo());
    setCanRedo(manager.canRedo());
    for (const listener of listeners) listener();
  };
  manager.on('stack-item-added', update);
  manager.on('stack-item-popped', update);
  manager.on('stack-cleared', update);
  onCleanup(() => manager.destroy());

  return {
    manager,
    canUndo,
    canRedo,
    undo: () => {
      manager.stopCapturing();
      const step = manager.undoStack.at(-1);
      if (step === undefined) return 'nothing';
      const kept = limit(step);
      if (kept !== null) {
        // Dropped, so the next Undo reaches this person's earlier steps.
        manager.undoStack.pop();
        update();
        return { kept };
      }
      manager.undo();
      return 'undone';
    },
    redo: () => manager.redo(),
    cut: () => manager.stopCapturing(),
    step(action) {
      manager.stopCapturing();
      try {
        return action();
      } finally {
        manager.stopCapturing();
      }
    },
    onStackChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Which history action a key press asks for, or null. */
export function historyKey(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/** Marks a field as bound to shared text: its undo belongs to the board, not the browser. */
export const sharedTextAttribute = 'data-shared-text';

/**
 * Sends Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y to the board's Undo and Redo — except in
 * ordinary (unshared) text boxes, whose own undo is right for them. Also catches the
 * browser's Edit menu undo in shared fields. Call inside a component.
 */
export function bindHistoryKeys(undo: BoardUndo, say: (words: string) => void): void {
  const isPlainField = (target: EventTarget | null) =>
    target instanceof HTMLElement &&
    (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target.isContentEditable) &&
    !target.hasAttribute(sharedTextAttribute);
  const onKeyDown = (event: KeyboardEvent) => {
    const action = historyKey(event);
    if (action === null || isPlainField(event.target)) return;
    // A dialog (like the shortcut list) is not the board.
    if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
    event.preventDefault();
    // In a text box the words changing say enough (but not why nothing changed); elsewhere, say what happened.
    const inText = event.target instanceof HTMLElement && event.target.hasAttribute(sharedTextAttribute);
    if (action === 'undo') {
      const outcome = undo.undo();
      if (!inText || typeof outcome === 'object') say(undoWords(outcome));
      return;
    }
    const possible = undo.canRedo();
    undo.redo();
    if (!inText) say(possible ? 'Redone.' : 'There is nothing to redo.');
  };
  const onBeforeInput = (event: InputEvent) => {
    if (!(event.target instanceof HTMLElement) || !event.target.hasAttribute(sharedTextAttribute)) return;
    if (event.inputType === 'historyUndo' || event.inputType === 'historyRedo') {
      event.preventDefault();
      if (event.inputType === 'historyRedo') undo.redo();
      else {
        const outcome = undo.undo();
        if (typeof outcome === 'object') say(outcome.kept);
      }
    }
  };
  document.addEventListener('keydown', onKeyDown);
  document.addEventListener('beforeinput', onBeforeInput);
  onCleanup(() => {
    document.removeEventListener('keydown', onKeyDown);
    document.removeEventListener('beforeinput', onBeforeInput);
  });
}
