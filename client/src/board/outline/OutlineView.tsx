/**
 * The outline (issue 17, `?view=outline`): the whole board as a plain document, the quickest way
 * around it with a screen reader and easy to copy into a report. In reading order: the heading
 * "Outline", the board's purpose, "Copy the outline", then each stage in journey order as an h3
 * (what is in "Recently deleted" left out, as the map leaves it out: board-view.ts) with its
 * moments as a list of h4s (OutlineMoment.tsx) and the stage's comments, then the whole board's
 * comments. No canvas and no grid: headings, lists and paragraphs, followed live through the
 * same readers the map uses (the board view, the curve's feeling stats, the board's comments), so
 * changes from others appear as they are made.
 */
import { createMemo, For, Show } from 'solid-js';
import * as Y from 'yjs';
import { feelingStats } from '../../../../shared/feeling-stats.ts';
import { stageName } from '../../../../shared/curve-words.ts';
import { useBoard } from '../board-context.ts';
import { CopyOutline } from './CopyOutline.tsx';
import { OutlineComments } from './OutlineComments.tsx';
import { OutlineMoment } from './OutlineMoment.tsx';
import { outlineWords } from './outline-words.ts';
import './outline.css';

const noFeelings = feelingStats([]);

export function OutlineView(props: { boardId: string }) {
  const board = useBoard();
  // Every moment's feelings, from the curve the map follows (one computation for the board).
  const stats = createMemo(() => new Map(board.curve.rows.map((row) => [row.touchpointId, row.stats])));
  return (
    <div class="outline">
      <h2 class="board-view__heading">{outlineWords.heading}</h2>
      <p class="hint">{outlineWords.intro}</p>
      <Show when={board.view.purpose().trim() !== ''}>
        <p class="outline__purpose">{board.view.purpose().trim()}</p>
      </Show>
      <CopyOutline boardId={props.boardId} />
      <Show when={board.view.stages.length > 0} fallback={<p>{outlineWords.noStages}</p>}>
        <For each={board.view.stages}>
          {(stage) => (
            <div class="outline__stage">
              <h3>{stageName(stage.title)}</h3>
              <Show when={board.view.touchpointsIn(stage.id).length > 0} fallback={<p>{outlineWords.noMoments}</p>}>
                <ul class="outline__moments">
                  <For each={board.view.touchpointsIn(stage.id)}>
                    {(place) => {
                      const touchpoint = board.view.touchpoint(place.id);
                      return (
                        <Show when={touchpoint instanceof Y.Map ? touchpoint : undefined}>
                          {(map) => <OutlineMoment id={place.id} touchpoint={map()} stats={stats().get(place.id) ?? noFeelings} />}
                        </Show>
                      );
                    }}
                  </For>
                </ul>
              </Show>
              <OutlineComments
                target={{ type: 'stage', id: stage.id }}
                about={`the stage “${stageName(stage.title)}”`}
                label={outlineWords.stageComments}
                sayWhenNone={false}
              />
            </div>
          )}
        </For>
      </Show>
      <div class="outline__stage">
        <h3>{outlineWords.boardComments}</h3>
        <OutlineComments target={{ type: 'board', id: props.boardId }} about="the whole board" label={outlineWords.commentsLabel} sayWhenNone />
      </div>
    </div>
  );
}
