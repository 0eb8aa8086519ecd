/**
 * "Where views differ most" (issue 17): each moment where two groups' middle feelings are 2 steps
 * or more apart, widest first, as a sentence — "At ‘Waiting for results’: people who use this
 * service felt very bad; people who work here felt good." — so it is said in words, not shown by
 * colour or position alone. The moment's title is read live from the document.
 */
import { createUniqueId, For, Show } from 'solid-js';
import type { PerspectiveLines } from '../../../../shared/api.ts';
import { boardTypes } from '../../../../shared/board-document.ts';
import { useBoard } from '../board-context.ts';
import { createTextField } from '../y-text-signal.ts';
import { differWords, perspectiveWords } from './perspective-words.ts';

type Difference = PerspectiveLines['differMost'][number];

function DifferenceWords(props: { lines: PerspectiveLines; difference: Difference }) {
  const board = useBoard();
  const touchpoint = boardTypes(board.doc).touchpoints.get(props.difference.touchpointId);
  const title = touchpoint === undefined ? () => '' : createTextField(touchpoint, 'title');
  const side = (perspectiveId: string) => {
    const label = props.lines.perspectives.find((perspective) => perspective.id === perspectiveId)?.label ?? '';
    const moment = props.lines.moments.find((entry) => entry.touchpointId === props.difference.touchpointId);
    return { label, median: moment?.points[perspectiveId]?.median ?? 0 };
  };
  return <>{differWords(title(), side(props.difference.lowest), side(props.difference.highest))}</>;
}

export function DifferMost(props: { lines: PerspectiveLines }) {
  const board = useBoard();
  const headingId = `lens-differ-${createUniqueId()}`;
  // A moment deleted since the lines were worked out is not spoken of.
  const shown = () => {
    const on = new Set(board.curve.rows.map((row) => row.touchpointId));
    return props.lines.differMost.filter((difference) => on.has(difference.touchpointId));
  };
  return (
    <section class="lens__differ" aria-labelledby={headingId}>
      <h3 id={headingId}>{perspectiveWords.differHeading}</h3>
      <Show when={shown().length > 0} fallback={<p>{perspectiveWords.differNone}</p>}>
        <ul class="lens__differ-list">
          <For each={shown()}>
            {(difference) => (
              <li data-differ={difference.touchpointId}>
                <DifferenceWords lines={props.lines} difference={difference} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
