/**
 * The board's title and its purpose in plain words, at the top of the board. Facilitators get a
 * labelled box for each, saved when they press Enter (title) or leave the box; the purpose box
 * grows with its words, so none are hidden. Everyone else reads the purpose as text, in full,
 * under "What this board is for" — a participant never meets a box they cannot or need not change.
 * Facilitators' board settings are here too (comments without a name, perspectives).
 */
import { createEffect, createUniqueId, Show, untrack } from 'solid-js';
import { boardTypes } from '../../../shared/board-document.ts';
import { boardTitleMaxLength, purposeMaxLength } from '../../../shared/limits.ts';
import { useBoard } from './board-context.ts';
import { localOrigin } from './local-origin.ts';
import { plainText } from './plain-text.ts';
import { AnonymousCommentsSetting } from './comments/AnonymousCommentsSetting.tsx';
import { PerspectivesPrompt } from './perspectives/PerspectivesPrompt.tsx';
import { PerspectivesSetting } from './perspectives/PerspectivesSetting.tsx';
import './board-details.css';

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
    const next = key === 'title' ? plainText(value).trim() : plainText(value).replace(/\s+$/, '');
    if (next === (meta.get(key) ?? '')) return;
    if (key === 'title' && next === '') {
      board.announcer.say('The board needs a title, so we kept the old one.');
      return;
    }
    board.undo.step(() => board.doc.transact(() => meta.set(key, next), localOrigin));
    board.announcer.say(`${what} saved.`);
  };

  return (
    <>
    <Show
      when={board.canFacilitate()}
      fallback={
        <Show when={board.view.purpose().trim() !== ''}>
          <section class="board-purpose" aria-labelledby={`${id}-purpose-heading`}>
            <h2 id={`${id}-purpose-heading`} class="board-purpose__heading">
              What this board is for
            </h2>
            <p class="board__purpose">{board.view.purpose()}</p>
          </section>
        </Show>
      }
    >
      <div class="board-details">
        <div class="field">
          <label for={`${id}-title`}>Board title</label>
          <input
            id={`${id}-title`}
            type="text"
            maxLength={boardTitleMaxLength}
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
            class="board-details__purpose"
            rows={2}
            maxLength={purposeMaxLength}
            aria-describedby={`${id}-purpose-hint`}
            ref={(el) => {
              purposeBox = el;
              el.value = untrack(board.view.purpose);
            }}
            onChange={(event) => save('purpose', event.currentTarget.value, 'What this board is for')}
            onBlur={(event) => (event.currentTarget.value = board.view.purpose())}
          />
        </div>
        <AnonymousCommentsSetting />
        <PerspectivesSetting />
      </div>
    </Show>
    {/* While the board has perspectives (issue 17): where to say which describes you. */}
    <PerspectivesPrompt />
    </>
  );
}
