/**
 * How everyone felt at one moment, for easy read (issue 17): one short line per feeling people
 * chose ("2 people felt bad"), each with its drawn face beside the words, worst first.
 */
import { For, Show } from 'solid-js';
import type { FeelingStats } from '../../../../shared/feeling-stats.ts';
import { FeelingFace } from '../feelings/FeelingFace.tsx';
import { feltLines } from './easy-read-words.ts';

export function FeltWithFaces(props: { stats: FeelingStats }) {
  return (
    <div class="felt-faces">
      <p class="felt-faces__heading">
        <strong>How everyone felt</strong>
      </p>
      <Show when={props.stats.count > 0} fallback={<p class="felt-faces__none">No one has said yet.</p>}>
        <ul class="felt-faces__list">
          <For each={feltLines(props.stats)}>
            {(line) => (
              <li class="felt-faces__line">
                <FeelingFace score={line.score} />
                <span>{line.words}</span>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.stats.wideRange}>
          <p class="feeling__differ">
            <span aria-hidden="true">◆ </span>People felt very differently here.
          </p>
        </Show>
      </Show>
    </div>
  );
}
