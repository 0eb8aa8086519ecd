/**
 * "Copy the outline" (issue 17): the outline as plain text (outline-text.ts, read from the
 * document at that moment) put on the clipboard, with "Outline copied." said through the board's
 * announcer. Where the browser will not let the page copy (no clipboard, an older browser, a page
 * not served securely, or the permission refused), the text is shown in a box, selected and
 * focused, with how to copy it by hand.
 */
import { createSignal, Show } from 'solid-js';
import { focusSoon, useBoard } from '../board-context.ts';
import { outlineText } from './outline-text.ts';
import { outlineWords } from './outline-words.ts';

const textBoxId = 'outline-text';

export function CopyOutline(props: { boardId: string }) {
  const board = useBoard();
  const [byHand, setByHand] = createSignal<string | null>(null);

  const copy = async () => {
    const text = outlineText(board.doc, props.boardId, board.names.who);
    try {
      // Missing where the page is not served securely, and in some older browsers.
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setByHand(null);
      board.announcer.say(outlineWords.copied);
    } catch {
      setByHand(text);
      board.announcer.say(outlineWords.copyByHand);
      requestAnimationFrame(() => (document.getElementById(textBoxId) as HTMLTextAreaElement | null)?.select());
      focusSoon(textBoxId);
    }
  };

  return (
    <div class="outline__copy">
      <button type="button" class="button button--secondary" onClick={() => void copy()}>
        {outlineWords.copy}
      </button>
      <Show when={byHand()}>
        {(text) => (
          <div class="field outline__text">
            <label for={textBoxId}>{outlineWords.textLabel}</label>
            <p class="hint" id={`${textBoxId}-hint`}>
              {outlineWords.copyByHand}
            </p>
            <textarea id={textBoxId} readOnly rows={10} aria-describedby={`${textBoxId}-hint`} value={text()} />
          </div>
        )}
      </Show>
    </div>
  );
}
