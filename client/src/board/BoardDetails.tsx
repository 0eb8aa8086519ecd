/**
 * The board's title and its purpose in plain words, at the top of the board. People who may
 * edit get a labelled box for each, saved when they press Enter (title) or leave the box;
 * everyone else reads the purpose as text.
 */
import { createEffect, createUniqueId, Show, untrack } from 'solid-js';
import { boardTypes } from '../../../shared/board-document.ts';
import { useBoard } from './board-context.ts';
import { localOrigin } from './local-origin.ts';

/** The board title and purpose: boxes for editors, text for everyone else. */
export function BoardDetails() {
  const board = useBoard();
  const id = createUniqueId();
  const { meta } = boardTypes(board.doc);
  let titleBox: HTMLInputElement | undefined;
  let purposeBox: HTMLTextAreaElement | undefined;
  // A peer's change shows at once, except in the box this person is typing in.
  createEffect(() => {
    const title = board.view.title();
    if (titleBox !== undefined && document.activeElement !== titleBox) titleBox.value = title;
  });
  createEffect(() => {
    const purpose = board.view.purpose();
    if (purposeBox !== undefined && document.activeElement !== purposeBox) purposeBox.value = purpose;
  });

  const save = (key: 'title' | 'purpose', value: string, what: string) => {
    const next = key === 'title' ? value.trim() : value.replace(/\s+$/, '');
    if (next === (meta.get(key) ?? '')) return;
    if (key === 'title' && next === '') {
      board.announcer.say('The board needs a title, so we kept the old one.');
      return;
    }
    board.undo.step(() => board.doc.transact(() => meta.set(key, next), localOrigin));
    board.announcer.say(`${what} saved.`);
  };

  return (
    <Show
      when={board.canEdit()}
      fallback={
        <Show when={board.view.purpose().trim() !== ''}>
          <p class="board__purpose">{board.view.purpose()}</p>
        </Show>
      }
    >
      <div class="board-details">
        <div class="field">
          <label for={`${id}-title`}>Board title</label>
          <input
            id={`${id}-title`}
            type="text"
            maxLength={120}
            autocomplete="off"
            ref={(el) => {
              titleBox = el;
              el.value = untrack(board.view.title);
            }}
            onChange={(event) => save('title', event.currentTarget.value, 'Board title')}
            onBlur={(event) => (event.currentTarget.value = board.view.title())}
            onKeyDown={(event) => {
              if (event.key === 'Enter') save('title', event.currentTarget.value, 'Board title');
              if (event.key === 'Escape') event.currentTarget.value = board.view.title();
            }}
          />
        </div>
        <div class="field">
          <label for={`${id}-purpose`}>What this board is for</label>
          <p class="hint" id={`${id}-purpose-hint`}>
            In a few plain words. Saved when you leave the box.
          </p>
          <textarea
            id={`${id}-purpose`}
            rows={2}
            maxLength={1000}
            aria-describedby={`${id}-purpose-hint`}
            ref={(el) => {
              purposeBox = el;
              el.value = untrack(board.view.purpose);
            }}
            onChange={(event) => save('purpose', event.currentTarget.value, 'What this board is for')}
            onBlur={(event) => (event.currentTarget.value = board.view.purpose())}
          />
        </div>
      </div>
    </Show>
  );
}
