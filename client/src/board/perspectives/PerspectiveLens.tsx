/**
 * The lens of "How each group felt" (issue 17): the lines the server worked out — asked when the
 * view opens and again when the board's choices change (perspective-data.ts), never on a timer —
 * with when they were worked out and why not more often, then the picture, where views differ
 * most in words, and the table. Nothing in it is about one person: a group is shown at a moment
 * only where at least 3 of its people said, and the server decides that.
 */
import { createUniqueId, Show } from 'solid-js';
import type { Perspective } from '../../../../shared/perspectives.ts';
import { useApp } from '../../app-context.ts';
import { DifferMost } from './DifferMost.tsx';
import { LensChart } from './LensChart.tsx';
import { LensTable } from './LensTable.tsx';
import { createLines } from './perspective-data.ts';
import { perspectiveWords, shownPoint, workedOutWords } from './perspective-words.ts';

export function PerspectiveLens(props: { boardId: string; choices: readonly Perspective[] }) {
  const { api } = useApp();
  const headingId = `lens-${createUniqueId()}`;
  const lines = createLines(
    api,
    () => props.boardId,
    // Renamed choices come back with their new words (the server keeps the lines, not the words).
    () => JSON.stringify(props.choices),
  );
  const anyShown = () => (lines.value()?.moments ?? []).some((moment) => Object.values(moment.points).some((point) => shownPoint(point) !== null));
  return (
    <section class="lens" aria-labelledby={headingId}>
      <h3 id={headingId}>{perspectiveWords.linesHeading}</h3>
      <Show when={lines.error()}>
        {(message) => (
          <div>
            <p class="notice notice--error">{message()}</p>
            <button type="button" class="button button--secondary" onClick={() => lines.retry()}>
              {perspectiveWords.tryAgain}
            </button>
          </div>
        )}
      </Show>
      <Show when={lines.value()} fallback={<Show when={lines.error() === null}>{<p>{perspectiveWords.linesLoading}</p>}</Show>}>
        {(answer) => (
          <>
            <Show when={answer().workedOutAt}>{(at) => <p class="lens__when">{workedOutWords(at())}</p>}</Show>
            <Show when={!anyShown()}>
              <p class="notice">{perspectiveWords.noLines}</p>
            </Show>
            <LensChart lines={answer()} />
            <DifferMost lines={answer()} />
            <LensTable lines={answer()} />
          </>
        )}
      </Show>
    </section>
  );
}
