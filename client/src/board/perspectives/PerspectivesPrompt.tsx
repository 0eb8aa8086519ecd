/**
 * One line on the journey map while the board has perspectives (issue 17): that it can show how
 * each group felt, that saying which describes you is private, and a link to "How each group
 * felt" (`?view=perspectives`), where people choose. It asks the server nothing and says nothing
 * of anyone's answer, this person's included (the map may be on a shared screen).
 */
import { Show } from 'solid-js';
import { useBoard } from '../board-context.ts';
import { useMethod } from '../method/method-context.ts';
import { createBoardPerspectives } from './board-perspectives.ts';
import { perspectiveWords } from './perspective-words.ts';
import './perspectives.css';

export function PerspectivesPrompt() {
  const board = useBoard();
  const method = useMethod();
  const choices = createBoardPerspectives(board.doc);
  return (
    <Show when={choices() !== null}>
      <div class="notice perspectives-prompt">
        <p>{perspectiveWords.mapPrompt}</p>
        <a class="button button--secondary" href={method.href({ kind: 'perspectives' })}>
          {perspectiveWords.mapLink}
        </a>
      </div>
    </Show>
  );
}
