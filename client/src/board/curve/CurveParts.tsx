/** SVG pieces both curve pictures (the journey's and each stage's) draw the same way. */
import { For } from 'solid-js';
import { feelingScores } from '../../../../shared/board-document.ts';
import { yOf } from './curve-geometry.ts';

/** The hatching that marks "views differ a lot" by pattern, not colour alone. */
export function HatchPattern(props: { id: string }) {
  return (
    <defs>
      <pattern id={props.id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" class="curve__hatch-bg" />
        <line x1="0" y1="0" x2="0" y2="6" class="curve__hatch-line" />
      </pattern>
    </defs>
  );
}

/** One horizontal line per score, solid at "Okay". */
export function ScoreGrid(props: { width: number }) {
  return (
    <For each={feelingScores}>
      {(score) => (
        <line
          x1={0}
          x2={props.width}
          y1={yOf(score)}
          y2={yOf(score)}
          class={score === 0 ? 'curve__grid curve__grid--zero' : 'curve__grid'}
        />
      )}
    </For>
  );
}
