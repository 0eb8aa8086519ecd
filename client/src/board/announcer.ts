/**
 * Plain-words news about what just happened on the board ("Stage moved to position 2"), read
 * out by screen readers through one polite live region, plus the visible "Undo" notice shown
 * after a delete.
 */
import { createSignal, type Accessor } from 'solid-js';

/** A visible notice after a delete, with a way to take the delete back. */
export interface UndoNotice {
  message: string;
  undo(): void;
}

export interface Announcer {
  /** The live region's current text. */
  message: Accessor<string>;
  /** Says `text` politely (again, even when it is the same words as last time). */
  say(text: string): void;
  notice: Accessor<UndoNotice | null>;
  /** Shows a notice with an Undo button (and says its message). */
  offerUndo(notice: UndoNotice): void;
  dismiss(): void;
}

/** One announcer per board page. */
export function createAnnouncer(): Announcer {
  const [message, setMessage] = createSignal('');
  const [notice, setNotice] = createSignal<UndoNotice | null>(null);
  let flip = false;
  const say = (text: string) => {
    // A trailing no-break space toggles so the same news twice still counts as a change.
    flip = !flip;
    setMessage(flip ? text : `${text}\u00a0`);
  };
  return {
    message,
    say,
    notice,
    offerUndo(next) {
      setNotice(next);
      say(`${next.message} To bring it back, choose Undo delete.`);
    },
    dismiss: () => setNotice(null),
  };
}
