/**
 * "How each group felt" (issue 17, `?view=perspectives`): "there is more than one reality" —
 * people who use a service, care for someone or work there can feel the same moment very
 * differently. Here each person may say privately which describes them (PerspectiveChooser), and
 * everyone sees each group's line (PerspectiveLens). While the board has no perspectives it says
 * so, and tells a facilitator where to turn them on. A fault of the page itself is caught here and
 * said in plain words, with "Try again".
 */
import { ErrorBoundary, Show } from 'solid-js';
import { useBoard } from '../board-context.ts';
import { createBoardPerspectives } from './board-perspectives.ts';
import { PerspectiveChooser } from './PerspectiveChooser.tsx';
import { PerspectiveLens } from './PerspectiveLens.tsx';
import { perspectiveWords } from './perspective-words.ts';
import './perspectives.css';

export function PerspectivesView(props: { boardId: string }) {
  const board = useBoard();
  const choices = createBoardPerspectives(board.doc);
  return (
    <div class="perspectives">
      <h2 class="board-view__heading">{perspectiveWords.heading}</h2>
      <ErrorBoundary
        fallback={(_error, reset) => (
          <>
            <p class="notice notice--error">{perspectiveWords.broken}</p>
            <button type="button" class="button button--secondary" onClick={reset}>
              {perspectiveWords.tryAgain}
            </button>
          </>
        )}
      >
        <Show
          when={choices()}
          fallback={
            <>
              <p>{perspectiveWords.off}</p>
              <Show when={board.canFacilitate()}>
                <p>{perspectiveWords.offFacilitator}</p>
              </Show>
            </>
          }
        >
          {(list) => (
            <>
              <p class="hint perspectives__intro">{perspectiveWords.settingHint}</p>
              <PerspectiveChooser boardId={props.boardId} choices={list()} />
              <PerspectiveLens boardId={props.boardId} choices={list()} />
            </>
          )}
        </Show>
      </ErrorBoundary>
    </div>
  );
}
